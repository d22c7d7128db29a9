//! The cover sheet: what the report is, how it was made, from what, and what to check.

use crate::formats::{CellStyle, Styles};
use crate::sheet::{self, Layout, SheetWriter};
use crate::{Context, ExportOptions, XlsxError, names};
use rust_xlsxwriter::{Url, Workbook};
use uppfolj_model::{Diagnostic, Report};

/// The warning that `n` texts on sheet `sheet_name` were cut to fit a cell.
fn cut_warning(sheet_name: &str, n: usize) -> Diagnostic {
    let what =
        if n == 1 { "En text".to_owned() } else { format!("{} texter", uppfolj_model::format::number(n as f64, 0)) };
    Diagnostic::warning(format!(
        "{what} på bladet '{sheet_name}' var längre än de 32 767 tecken en Excelcell rymmer och har kortats. \
         Hela texten finns i källan."
    ))
}

/// Width of the message column, in characters.
const MESSAGE_WIDTH: usize = 58;

/// The other sheets of the workbook, as the cover sheet lists them.
pub(crate) struct Contents<'a> {
    /// The section sheets' names, in order.
    pub(crate) section_names: &'a [String],
    /// The sections' titles (a sheet name may be cut to Excel's 31 characters).
    pub(crate) section_titles: &'a [&'a str],
    /// The input sheets' names, in order.
    pub(crate) input_names: &'a [String],
    /// Where each input sheet's data came from ("drift.xlsx, bladet Drift").
    pub(crate) input_sources: &'a [String],
    /// Sheets where texts longer than a cell holds were cut, with how many.
    pub(crate) cut_texts: &'a [(&'a String, usize)],
}

pub(crate) fn write(
    workbook: &mut Workbook,
    styles: &mut Styles,
    report: &Report,
    options: &ExportOptions,
    name: &str,
    contents: &Contents<'_>,
) -> Result<(), XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(name).context(|| format!("bladnamnet '{name}'"))?;
    let mut sheet = SheetWriter::new(ws, name);
    write_facts(&mut sheet, styles, report, options)?;
    write_contents(&mut sheet, styles, contents)?;
    write_provenance(&mut sheet, styles, report)?;
    write_messages(&mut sheet, styles, report, contents.cut_texts)?;
    sheet.want_width(0, 22);
    sheet.want_width(1, MESSAGE_WIDTH);
    sheet.want_width(4, 6);
    sheet.apply_widths()?;
    sheet::print_setup(&mut sheet, report, name, Layout::default())?;
    sheet.ws.set_active(true);
    Ok(())
}

/// What the report is and how it was made: title, organisation, period, date, plugin.
fn write_facts(
    sheet: &mut SheetWriter<'_>,
    styles: &mut Styles,
    report: &Report,
    options: &ExportOptions,
) -> Result<(), XlsxError> {
    let label = styles.label.clone();
    let plain = styles.cell(&CellStyle::default()).clone();
    sheet.heading(&report.title, &styles.title.clone())?;
    if let Some(sub) = &report.subtitle {
        sheet.heading(sub, &styles.subtitle.clone())?;
    }
    sheet.row += 1;

    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(organisation) = &report.organisation {
        facts.push(("Organisation", organisation.clone()));
    }
    if let Some(period) = &report.period {
        facts.push(("Period", period.clone()));
    }
    if let Some(date) = &options.date {
        facts.push(("Datum", date.clone()));
    }
    facts.push((
        "Rapport",
        format!("{} (rapportens id i uppfolj: {}, version {})", report.title, report.plugin.id, report.plugin.version),
    ));
    facts.push(("Skapad med", options.generator.clone()));
    for (key, value) in &facts {
        let row = sheet.row;
        sheet.text(row, 0, key, &label)?;
        sheet.text(row, 1, value, &plain)?;
        sheet.row += 1;
    }
    sheet.row += 1;
    Ok(())
}

/// What the report was computed from: parameters, input files and sheets, credits.
fn write_provenance(sheet: &mut SheetWriter<'_>, styles: &mut Styles, report: &Report) -> Result<(), XlsxError> {
    let label = styles.label.clone();
    let plain = styles.cell(&CellStyle::default()).clone();
    let wrap = styles.cell(&CellStyle { wrap: true, ..CellStyle::default() }).clone();
    let heading = styles.heading.clone();
    let header = styles.header.clone();
    if !report.parameters.is_empty() {
        sheet.heading("Parametrar", &heading)?;
        for (key, value) in &report.parameters {
            let row = sheet.row;
            sheet.text(row, 0, key, &label)?;
            sheet.text(row, 1, value, &wrap)?;
            sheet.want_width(0, key.chars().count());
            sheet.row += 1;
        }
        sheet.row += 1;
    }

    if !report.inputs.is_empty() {
        sheet.heading("Indata", &heading)?;
        let row = sheet.row;
        sheet.text(row, 0, "Fil", &header)?;
        sheet.text(row, 1, "Blad", &header)?;
        sheet.row += 1;
        for input in &report.inputs {
            let row = sheet.row;
            sheet.text(row, 0, &input.file, &plain)?;
            sheet.text(row, 1, input.sheet.as_deref().unwrap_or("–"), &plain)?;
            sheet.want_width(0, input.file.chars().count());
            sheet.row += 1;
        }
        sheet.row += 1;
    }

    if !report.credits.is_empty() {
        sheet.heading("Källor", &heading)?;
        for credit in &report.credits {
            let row = sheet.row;
            sheet.text(row, 0, credit, &plain)?;
            sheet.row += 1;
        }
        sheet.row += 1;
    }
    Ok(())
}

/// The table of contents: a link to every other sheet, named by its section's whole title (and
/// its sheet, when two sections share a title), or by the file its input data came from.
fn write_contents(sheet: &mut SheetWriter<'_>, styles: &Styles, contents: &Contents<'_>) -> Result<(), XlsxError> {
    let titles = contents.section_titles;
    let shared = |title: &str| titles.iter().filter(|t| **t == title).count() > 1;
    let sections = contents.section_names.iter().zip(titles).map(|(name, title)| {
        let text = if shared(title) { format!("{title} (bladet {name})") } else { (*title).to_owned() };
        (name, text)
    });
    let inputs = contents
        .input_names
        .iter()
        .zip(contents.input_sources)
        .map(|(name, source)| (name, format!("{name}: indata från {source}, med källceller")));
    sheet.heading("Innehåll", &styles.heading)?;
    for (target, text) in sections.chain(inputs) {
        let row = sheet.row;
        let link = Url::new(format!("internal:{}!A1", names::quoted(target))).set_text(sheet::plain_text(&text));
        sheet.ws.write_url(row, 0, link).context(|| format!("länk till bladet '{target}'"))?;
        sheet.row += 1;
    }
    sheet.row += 1;
    Ok(())
}

/// The Report's diagnostics and the export's own warnings, or that there are none.
fn write_messages(
    sheet: &mut SheetWriter<'_>,
    styles: &mut Styles,
    report: &Report,
    cut_texts: &[(&String, usize)],
) -> Result<(), XlsxError> {
    let plain = styles.cell(&CellStyle::default()).clone();
    let wrap = styles.cell(&CellStyle { wrap: true, ..CellStyle::default() }).clone();
    let header = styles.header.clone();
    sheet.heading("Meddelanden", &styles.heading.clone())?;
    // The export's own warnings (texts cut to fit a cell) follow the Report's diagnostics.
    let cut: Vec<Diagnostic> = cut_texts.iter().map(|(sheet_name, n)| cut_warning(sheet_name, *n)).collect();
    if report.diagnostics.is_empty() && cut.is_empty() {
        let row = sheet.row;
        sheet.text(row, 0, "Inga varningar.", &plain)?;
        sheet.row += 1;
    } else {
        let row = sheet.row;
        for (col, h) in ["Typ", "Meddelande", "Fil", "Blad", "Cell"].iter().enumerate() {
            sheet.text(row, col as u16, h, &header)?;
        }
        sheet.row += 1;
        let plain = styles.cell(&CellStyle { wrap: true, ..CellStyle::default() }).clone(); // top-aligned
        for d in report.diagnostics.iter().chain(&cut) {
            let row = sheet.row;
            sheet.text(row, 0, d.severity.label_sv(), &plain)?;
            sheet.text(row, 1, &d.message, &wrap)?;
            let lines = sheet::wrapped_lines(&d.message, MESSAGE_WIDTH);
            if lines > 1 {
                sheet.ws.set_row_height(row, 15.0 * lines.min(30) as f64).context(|| "radhöjd".to_owned())?;
            }
            if let Some(source) = &d.source {
                let sheet_name = source.sheet.as_deref().unwrap_or("");
                sheet.text(row, 2, &source.file, &plain)?;
                sheet.text(row, 3, sheet_name, &plain)?;
                sheet.want_width(2, source.file.chars().count().min(40));
                sheet.want_width(3, sheet_name.chars().count().min(30));
            }
            if let Some(at) = d.at {
                sheet.text(row, 4, &at.to_string(), &plain)?;
            }
            sheet.row += 1;
        }
    }
    Ok(())
}
