//! Excel export of a Report: the last renderer in the pipeline.
//!
//! ```text
//! import ──► [Dataset] ──► plugin ──► [Report] ──► uppfolj-xlsx ──► .xlsx bytes
//! ```
//!
//! [`export`] turns a finished [`Report`] (and the datasets it was computed from) into a workbook a
//! controller keeps working in:
//!
//! * a cover sheet ("Om rapporten"): title, subtitle, date, plugin and version, parameters, input
//!   files and sheets, source credits ("Källa: Kolada"), diagnostics, and links to every sheet;
//! * one sheet per [`Section`](uppfolj_model::Section), named in Swedish within Excel's rules;
//!   text and key figures as cells, tables as Excel tables with Swedish number formats, units in the
//!   headers, bold total rows, indented levels, live formulas (with the computed value cached) and
//!   statuses as text plus conditional formatting; charts as native Excel charts next to their data;
//! * one sheet per imported dataset with the values and where each came from (file, sheet, cell).
//!
//! Text that came from user files is always written as text, never as a formula. Print setup (fit
//! to one page wide, repeated header rows, header and footer) and document properties are set.
//!
//! The same code runs natively and in WebAssembly, in memory that does not grow with the rows:
//! rust_xlsxwriter builds the workbook around the tables ([`Workbook::save_to_buffer`]) and the
//! table rows are streamed into the saved file afterwards ([`body`], [`package`]): each sheet hands
//! its bodies to the row sink as [`body::BodyRows`]. What is held is the Report, the datasets and
//! the compressed file. The sheets' shared helpers (a worksheet written top to bottom, cell text,
//! print setup) are in [`sheet`].
//!
//! The crate sees only the Report: column headers, trend and severity words come from the model
//! (`Column::header`, `Trend::label_sv`, `Severity::label_sv`), charts are read as
//! `Report::semantics_of` says. How an export travels to a Web Worker is the web app's business
//! (`web/src/export_job.rs`); this crate only turns a Report, its inputs and options into bytes.

mod body;
mod chart;
mod cover;
mod formats;
mod input;
mod names;
mod package;
mod section;
mod sheet;
mod table;

use rust_xlsxwriter::{DocProperties, Workbook};
use uppfolj_model::{Dataset, Report};

pub use names::{SheetNames, sanitize_sheet_name};

/// The sheet name of the cover sheet.
pub const COVER_SHEET: &str = "Om rapporten";

/// Options for [`export`]. Missing fields deserialise to their defaults.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// The date shown on the cover sheet ("2024-09-15"), as the caller wants it written. The
    /// library reads no clock, so that exports are reproducible; `None` leaves the line out.
    pub date: Option<String>,
    /// Write live formulas (sums, differences, percentages) where the Report declares them and
    /// the figures agree. With `false` every figure is written as a plain value.
    pub formulas: bool,
    /// Write native Excel charts for the Report's charts (their data is written either way).
    pub charts: bool,
    /// Write the sheets with the imported input data and their provenance.
    pub input_data: bool,
    /// The version of uppfolj that made the file, for the document properties and cover sheet.
    pub generator: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            date: None,
            formulas: true,
            charts: true,
            input_data: true,
            generator: format!("uppfolj {}", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    /// rust_xlsxwriter refused something while building the workbook.
    #[error("Excelfilen kunde inte skapas ({context}): {source}")]
    Writer {
        /// What was being written ("blad 'Översikt', tabell 'Driftredovisning'").
        context: String,
        /// The writer's error.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// The saved workbook could not be rewritten with the rows of its tables.
    #[error("Excelfilen kunde inte packas ({context}): {source}")]
    Package {
        /// What was being done ("bladet 'Indata'").
        context: String,
        /// What went wrong.
        #[source]
        source: std::io::Error,
    },
}

/// Attaches a context to a rust_xlsxwriter result.
pub(crate) trait Context<T> {
    fn context(self, context: impl FnOnce() -> String) -> Result<T, XlsxError>;
}

impl<T> Context<T> for Result<T, rust_xlsxwriter::XlsxError> {
    fn context(self, context: impl FnOnce() -> String) -> Result<T, XlsxError> {
        self.map_err(|source| XlsxError::Writer { context: context(), source })
    }
}

/// The datasets of `datasets` that `report` was computed from: those it lists in its `inputs`, or
/// every one when it lists none. These are what [`export`] writes to the input-data sheets.
pub fn report_inputs<'d>(report: &Report, datasets: impl IntoIterator<Item = &'d Dataset>) -> Vec<&'d Dataset> {
    datasets.into_iter().filter(|d| report.inputs.is_empty() || report.inputs.contains(&d.source)).collect()
}

/// Exports `report` to xlsx bytes. `datasets` (`&Vec<Dataset>`, an iterator of `&Dataset`, or
/// `&[]`) are the imported input data: those the Report lists in its `inputs` (all of them, when it
/// lists none) are written to the input-data sheets with their provenance.
/// "driftredovisning.xlsx, bladet Drift": where an input sheet's data came from.
fn input_source(dataset: &Dataset) -> String {
    match &dataset.source.sheet {
        Some(sheet) => format!("{}, bladet {sheet}", dataset.source.file),
        None => dataset.source.file.clone(),
    }
}

pub fn export<'d>(
    report: &Report,
    datasets: impl IntoIterator<Item = &'d Dataset>,
    options: &ExportOptions,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let mut styles = formats::Styles::new();
    let mut names = SheetNames::new();
    let mut tables = names::TableNames::default();

    // Names first, so that the cover sheet can link to every sheet.
    let cover_name = names.claim(COVER_SHEET);
    let section_names: Vec<String> = report.sections.iter().map(|s| names.claim(&s.title)).collect();
    // The input sheets hold what the report was computed from: the datasets the Report names among
    // its inputs (every one given, when it names none).
    let datasets: Vec<&Dataset> = if options.input_data { report_inputs(report, datasets) } else { Vec::new() };
    let input_names: Vec<String> = input::sheet_titles(datasets.len()).iter().map(|t| names.claim(t)).collect();

    // Texts longer than a cell holds are cut where they are written; the cover sheet says where.
    let sections_cut = report.sections.iter().zip(&section_names).map(|(s, name)| (name, section::cut_texts(s)));
    let inputs_cut = datasets.iter().zip(&input_names).map(|(d, name)| (name, input::cut_texts(d)));
    let cut: Vec<(&String, usize)> = sections_cut.chain(inputs_cut).filter(|(_, n)| *n > 0).collect();

    let section_titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    let input_sources: Vec<String> = datasets.iter().map(|d| input_source(d)).collect();
    let contents = cover::Contents {
        section_names: &section_names,
        section_titles: &section_titles,
        input_names: &input_names,
        input_sources: &input_sources,
        cut_texts: &cut,
    };
    cover::write(&mut workbook, &mut styles, report, options, &cover_name, &contents)?;
    // Worksheet 0 is the cover; the section sheets follow, then the input sheets.
    let mut sheets = Vec::new();
    for (i, (section, name)) in report.sections.iter().zip(&section_names).enumerate() {
        sheets.push(section::write(&mut workbook, &mut styles, &mut tables, report, section, name, 1 + i, options)?);
    }
    for (i, (dataset, name)) in datasets.iter().zip(&input_names).enumerate() {
        let index = 1 + section_names.len() + i;
        sheets.push(input::write(&mut workbook, &mut styles, report, dataset, name, index)?);
    }

    let mut comment =
        format!("Skapad med {} av rapporttypen {} {}", options.generator, report.plugin.id, report.plugin.version);
    if !report.credits.is_empty() {
        comment.push_str(". ");
        comment.push_str(&report.credits.join(". "));
    }
    let mut properties = DocProperties::new()
        .set_title(&report.title)
        .set_comment(comment)
        .set_keywords(format!("uppfolj, {}", report.plugin.id))
        .set_category("Uppföljning");
    if let Some(subtitle) = &report.subtitle {
        properties = properties.set_subject(subtitle);
    }
    workbook.set_properties(&properties);

    let saved = workbook.save_to_buffer().context(|| "när arbetsboken sparades".to_owned())?;
    drop(workbook);
    package::package(saved, &sheets)
}
