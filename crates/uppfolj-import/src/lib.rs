//! Import: turns the bytes of a user's spreadsheet into [`Dataset`]s, the same way natively and in
//! WebAssembly, and says in an [`ImportSummary`] what it understood.
//!
//! Entry point: [`import_bytes`]. Steps:
//! 1. **Sniff** the format from the content (never the extension): zip (xlsx/xlsm/xlsb/ods), OLE
//!    (xls, or an encrypted workbook), text (csv/tsv/semicolon, or Kolada JSON), anything else is
//!    refused with a message that says what the file looks like.
//! 2. **Guard** ([`guard`]): the cheap checks before anything is read: size, the zip's central
//!    directory (entry count, declared sizes and packing ratios against zip bombs, encrypted
//!    entries, truncation). For xls, xlsb and ods, which calamine reads (it aborts the process on
//!    some hostile files), also a streaming scan of their parts.
//! 3. **Read** cells into a sparse [`grid::Grid`]: xlsx with our own reader ([`xlsx`]), one pass
//!    over each part that also makes the checks needing the XML (DOCTYPE, cells beyond Excel's
//!    grid, the cell limit, a lying sharedStrings count) and collects the merged cells
//!    ([`merges`]); the other formats with calamine ([`workbook`]).
//! 4. **Detect the layout** ([`layout`]): title rows, header rows, tables, column roles, totals,
//!    hierarchy, units; Swedish numbers, months and sum words come from
//!    [`uppfolj_model::vocab`]. A large xlsx sheet is not held as a grid: once its first rows
//!    ([`ImportOptions::stream_after_rows`]) are read, the layout is decided on them and each row
//!    after them goes straight into the columns of the table it continues
//!    ([`layout::Streamer`]); the result is checked to be the grid's, else the sheet is read
//!    again into a grid.
//! 5. Apply the user's [`Mapping`] (column roles, header row, unit, sign convention).

pub mod error;
pub mod grid;
pub mod guard;
mod intern;
pub mod kolada;
pub mod layout;
pub mod mapping;
pub mod merges;
pub mod progress;
pub mod roles;
pub mod sniff;
pub mod summary;
pub mod text;
pub mod workbook;
pub mod xls_guard;
pub mod xlsx;

pub use error::ImportError;
pub use mapping::{ColumnOverride, Mapping, SignConvention};
pub use progress::{Observer, Progress, Stage};
pub use summary::{ColumnSummary, FileFormat, ImportSummary, TableSummary, TotalRow};

use serde::{Deserialize, Serialize};
use std::sync::Arc;
use uppfolj_model::{Dataset, Diagnostic, SourceFile};
use workbook::SheetRead;

/// Limits and overrides for an import. The defaults suit a browser tab: a few hundred MB at most.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Largest file accepted, in bytes.
    pub max_bytes: u64,
    /// Largest total size of a workbook's parts once unpacked, in bytes.
    pub max_decompressed_bytes: u64,
    /// Largest unpacked/packed ratio of one zip entry with more than 1 MB unpacked (a zip bomb
    /// packs gigabytes of zeros at ratios near 1000; real sheets stay below 100).
    pub max_compression_ratio: u64,
    /// Most filled cells in a file.
    pub max_cells: u64,
    /// Most rows in a sheet.
    pub max_rows: u32,
    /// Most sheets read.
    pub max_sheets: usize,
    /// Most columns in a table.
    pub max_columns: usize,
    /// Rows of an xlsx sheet read into a grid before its layout is decided; the rows after
    /// them go straight into the last table found ([`layout::Streamer`]). The result is the
    /// same for any value; `u32::MAX` reads every sheet into a grid.
    pub stream_after_rows: u32,
    /// The user's overrides.
    pub mapping: Mapping,
}

impl ImportOptions {
    /// Where the layout of file `file`'s sheets is found: the user's mapping and the limits.
    fn layout_context<'a>(&'a self, file: &'a str) -> layout::Context<'a> {
        layout::Context { file, mapping: &self.mapping, limits: layout::LayoutLimits { max_columns: self.max_columns } }
    }
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            max_bytes: 100 * 1024 * 1024,
            max_decompressed_bytes: 1024 * 1024 * 1024,
            max_compression_ratio: 500,
            max_cells: 20_000_000,
            max_rows: 1_048_576,
            max_sheets: 255,
            max_columns: 2_000,
            stream_after_rows: 4_096,
            mapping: Mapping::default(),
        }
    }
}

/// The result of an import: the tables found, and what was understood.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// One dataset per table found, shared: a plugin run, the gallery and an export take them
    /// without copying.
    pub datasets: Vec<Arc<Dataset>>,
    /// What the import found and decided, for the user.
    pub summary: ImportSummary,
}

/// Imports a file from its bytes. `file_name` is used in messages and provenance only: the
/// format is found from the content.
///
/// # Errors
/// An [`ImportError`] whose `Display` (Swedish) names the file, says what is wrong and what to do.
pub fn import_bytes(file_name: &str, bytes: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    import_bytes_observed(file_name, bytes, options, &mut |_| {})
}

/// [`import_bytes`], telling `observe` how far it has come ([`progress`]).
///
/// # Errors
/// As [`import_bytes`].
pub fn import_bytes_observed(
    file_name: &str,
    bytes: &[u8],
    options: &ImportOptions,
    observe: Observer<'_>,
) -> Result<Import, ImportError> {
    let file = file_name;
    observe(&Progress { fraction: Some(0.0), ..Progress::at(Stage::Checking) });
    if bytes.is_empty() {
        return Err(ImportError::Empty { file: file.to_string() });
    }
    let size = bytes.len() as u64;
    if size > options.max_bytes {
        return Err(ImportError::TooLarge {
            file: file.to_string(),
            size_mb: size.div_ceil(1024 * 1024),
            limit_mb: options.max_bytes / (1024 * 1024),
        });
    }
    let sniffed = sniff::sniff(bytes);
    if matches!(sniffed, sniff::Sniffed::Text) && kolada::looks_like_json(bytes) {
        return kolada::import(file, bytes, options);
    }
    let mut warnings: Vec<Diagnostic> = Vec::new();
    let (format, sheets, sheet_names) = read_sheets(file, bytes, options, sniffed, &mut warnings, observe)?;
    if let Some(wanted) = &options.mapping.sheet
        && !sheet_names.is_empty()
        && !sheet_names.contains(wanted)
    {
        return Err(ImportError::Mapping {
            file: file.to_string(),
            detail: format!("bladet '{wanted}' finns inte; bladen heter {}", sheet_names.join(", ")),
        });
    }
    if sheets.iter().all(SheetRead::is_blank) {
        return Err(ImportError::NoData { file: file.to_string() });
    }
    observe(&Progress { fraction: Some(progress::READ_SHARE), ..Progress::at(Stage::Layout) });
    let context = options.layout_context(file);
    let read_sheets: Vec<String> = sheets.iter().filter_map(|s| s.sheet().map(str::to_string)).collect();
    let where_ = match sheets.as_slice() {
        [s] => s.sheet().map(|s| format!(" på bladet '{s}'")).unwrap_or_default(),
        _ => format!(" på något av bladen ({})", sheet_names.join(", ")),
    };
    let mut datasets = Vec::new();
    let mut tables = Vec::new();
    let mut empty_sheets = Vec::new();
    // Each sheet's cells are dropped once its tables are found: memory holds one grid at a time.
    for sheet in sheets {
        let blank = sheet.is_blank();
        let name = sheet.sheet().map(str::to_string);
        let found = sheet.tables(context);
        if found.is_empty()
            && !blank
            && let Some(s) = name
        {
            empty_sheets.push(s);
        }
        for f in found {
            let mut summary = f.summary;
            summary.dataset = datasets.len();
            datasets.push(Arc::new(f.dataset));
            tables.push(summary);
        }
    }
    if datasets.is_empty() {
        return Err(ImportError::NoTable { file: file.to_string(), where_ });
    }
    for s in empty_sheets {
        warnings.push(
            Diagnostic::info(format!("Bladet '{s}' har celler men ingen tabell (ingen rubrikrad med värden under)."))
                .at(&SourceFile { file: file.to_string(), sheet: Some(s) }, None),
        );
    }
    observe(&Progress { fraction: Some(1.0), ..Progress::at(Stage::Layout) });
    let summary = ImportSummary { file: file.to_string(), format, sheets: read_sheets, tables, warnings };
    Ok(Import { datasets, summary })
}

/// Reads the sheets of a file `sniffed` as a workbook or a text table, behind the guards: the
/// format, one grid per sheet read, and every sheet name. Notes on the reading go to `warnings`.
fn read_sheets(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    sniffed: sniff::Sniffed,
    warnings: &mut Vec<Diagnostic>,
    observe: Observer<'_>,
) -> Result<(FileFormat, Vec<SheetRead>, Vec<String>), ImportError> {
    Ok(match sniffed {
        sniff::Sniffed::Zip => {
            let kind = guard::check_zip(file, bytes, options)?;
            let sheets = match kind {
                guard::ZipKind::Xlsx => xlsx::read(file, bytes, options, observe)?,
                guard::ZipKind::Xlsb => workbook::read_xlsb(file, bytes, options)?,
                guard::ZipKind::Ods => workbook::read_ods(file, bytes, options)?,
            };
            let format = match kind {
                guard::ZipKind::Xlsx => FileFormat::Xlsx,
                guard::ZipKind::Xlsb => FileFormat::Xlsb,
                guard::ZipKind::Ods => FileFormat::Ods,
            };
            let source = SourceFile { file: file.to_string(), sheet: None };
            warnings.extend(sheets.notes.iter().map(|n| Diagnostic::info(n.clone()).at(&source, None)));
            (format, sheets.read, sheets.names)
        }
        sniff::Sniffed::Cfb => {
            guard::check_cfb(file, bytes)?;
            // calamine parses every record eagerly and panics on some damaged ones: it reads a
            // sanitised copy of the workbook stream.
            let clean = xls_guard::sanitize_xls(file, bytes, options.max_cells)?;
            let sheets = workbook::read_xls(file, &clean, options)?;
            (FileFormat::Xls, sheets.read, sheets.names)
        }
        sniff::Sniffed::Text => {
            observe(&Progress::at(Stage::Reading { sheet: None }));
            let (grid, note) = text::read(file, bytes, options)?;
            warnings.push(Diagnostic::info(note).at(&SourceFile { file: file.to_string(), sheet: None }, None));
            (FileFormat::Csv, vec![SheetRead::Grid(grid)], Vec::new())
        }
        sniff::Sniffed::Other(found) => {
            return Err(ImportError::NotASpreadsheet { file: file.to_string(), found: found.to_string() });
        }
    })
}
