//! The import summary: what the import found and decided, for a person to read (Swedish
//! `Display`) or a program to use (serde).

use crate::mapping::SignConvention;
use serde::Serialize;
use std::fmt;
use uppfolj_model::{ColumnRole, DatasetKind, Diagnostic, RowKind, Severity, Unit};

/// The file format, found from the content (not the extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    /// Office Open XML workbook (.xlsx, .xlsm).
    Xlsx,
    /// Excel 97–2003 (.xls, BIFF).
    Xls,
    /// Excel binary workbook (.xlsb).
    Xlsb,
    /// OpenDocument spreadsheet (.ods).
    Ods,
    /// Delimited text (.csv, .tsv, .txt).
    Csv,
    /// A Kolada API v3 data response (JSON).
    KoladaJson,
}

impl FileFormat {
    /// A Swedish name for the summary.
    pub fn label_sv(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "Excel-arbetsbok (xlsx)",
            FileFormat::Xls => "Excel 97–2003-arbetsbok (xls)",
            FileFormat::Xlsb => "Excel binär arbetsbok (xlsb)",
            FileFormat::Ods => "OpenDocument-kalkylark (ods)",
            FileFormat::Csv => "textfil med avgränsade värden (csv)",
            FileFormat::KoladaJson => "Kolada-data (JSON)",
        }
    }
}

/// One column as the import understood it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnSummary {
    /// The column letter in the source ("C"); for a composed column, the first one.
    pub letter: String,
    /// The header as written.
    pub name: String,
    /// The role given.
    pub role: Option<ColumnRole>,
    /// Why: "rubrik", "mappning", "innehåll".
    pub because: &'static str,
    /// Unit of the numbers.
    pub unit: Option<Unit>,
    /// Period the column stands for (wide layouts).
    pub period: Option<String>,
    /// Region the column stands for (wide layouts).
    pub region: Option<String>,
}

/// A row treated as a total or subtotal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalRow {
    /// One-based row number as Excel shows it.
    pub row: u32,
    /// The row's label.
    pub label: String,
    /// Total or subtotal.
    pub kind: RowKind,
    /// Why: "text" (Summa, Totalt), "fetstil".
    pub because: &'static str,
}

/// One table found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableSummary {
    /// Index into [`crate::Import::datasets`].
    pub dataset: usize,
    /// The sheet, for workbooks.
    pub sheet: Option<String>,
    /// The title found above the table (or the sheet name).
    pub title: String,
    /// The range, header included: "A3:F12".
    pub range: String,
    /// The header rows, one-based (empty when the table has no header).
    pub header_rows: Vec<u32>,
    /// What the table holds.
    pub kind: DatasetKind,
    /// The table's unit.
    pub unit: Option<Unit>,
    /// Where the unit came from ("rubrik 'Belopp i tkr' (A2)").
    pub unit_source: Option<String>,
    /// The columns.
    pub columns: Vec<ColumnSummary>,
    /// The number of data rows (totals and subtotals excluded).
    pub data_rows: usize,
    /// Rows treated as totals or subtotals.
    pub total_rows: Vec<TotalRow>,
    /// The deepest hierarchy level found (0 for a flat table).
    pub max_level: u8,
    /// The sign convention assumed or given.
    pub sign: Option<SignConvention>,
    /// Where the sign convention came from ("mappning", "innehåll").
    pub sign_source: Option<&'static str>,
    /// Warnings and notes about this table.
    pub warnings: Vec<Diagnostic>,
}

/// What the import found in a file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportSummary {
    /// The file name.
    pub file: String,
    /// The format found from the content.
    pub format: FileFormat,
    /// Sheets looked at (workbooks).
    pub sheets: Vec<String>,
    /// The tables found.
    pub tables: Vec<TableSummary>,
    /// Warnings that concern the file as a whole.
    pub warnings: Vec<Diagnostic>,
}

impl ImportSummary {
    /// Every warning, file-level and per table.
    pub fn all_warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.warnings.iter().chain(self.tables.iter().flat_map(|t| t.warnings.iter()))
    }
}

fn severity_sv(s: Severity) -> &'static str {
    match s {
        Severity::Info => "Info",
        Severity::Warning => "Varning",
        _ => "Fel",
    }
}

fn write_diag(f: &mut fmt::Formatter<'_>, d: &Diagnostic, indent: &str) -> fmt::Result {
    write!(f, "{indent}{}: {}", severity_sv(d.severity), d.message)?;
    if let Some(at) = d.at {
        write!(f, " ({at})")?;
    }
    writeln!(f)
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.tables.len();
        writeln!(
            f,
            "{}: {}, {} {} hittad{}.",
            self.file,
            self.format.label_sv(),
            n,
            if n == 1 { "tabell" } else { "tabeller" },
            if n == 1 { "" } else { "e" }
        )?;
        for d in &self.warnings {
            write_diag(f, d, "  ")?;
        }
        for (i, t) in self.tables.iter().enumerate() {
            writeln!(f)?;
            write!(f, "Tabell {}: \"{}\"", i + 1, t.title)?;
            let place = if t.range.contains(':') { format!("område {}", t.range) } else { t.range.clone() };
            match &t.sheet {
                Some(s) => writeln!(f, ", blad '{s}', {place}")?,
                None => writeln!(f, ", {place}")?,
            }
            let from_json = t.columns.iter().all(|c| c.letter.is_empty());
            match t.header_rows.as_slice() {
                [] if from_json => writeln!(f, "  Rubrikrad: – (fälten i JSON-svaret)")?,
                [] => writeln!(f, "  Rubrikrad: ingen (kolumnerna namngavs efter bokstav)")?,
                [r] => writeln!(f, "  Rubrikrad: {r}")?,
                rows => {
                    writeln!(f, "  Rubrikrader: {}", rows.iter().map(u32::to_string).collect::<Vec<_>>().join(" och "))?
                }
            }
            let kind = match t.kind {
                DatasetKind::Budget => "belopp (budget eller utfall)",
                DatasetKind::Indicator => "indikatorvärden",
                _ => "tabell",
            };
            writeln!(f, "  Innehåll: {kind}, {} datarader", uppfolj_model::format::number(t.data_rows as f64, 0))?;
            match (&t.unit, &t.unit_source) {
                (Some(u), Some(src)) => writeln!(f, "  Enhet: {u} (från {src})")?,
                (Some(u), None) => writeln!(f, "  Enhet: {u}")?,
                (None, _) => writeln!(f, "  Enhet: ingen angiven")?,
            }
            if let (Some(sign), Some(src)) = (t.sign, t.sign_source) {
                writeln!(f, "  Teckenkonvention: {} ({src})", sign.label_sv())?;
            }
            writeln!(f, "  Kolumner:")?;
            for c in &t.columns {
                if c.letter.is_empty() {
                    write!(f, "    \"{}\" → ", c.name)?;
                } else {
                    write!(f, "    {} \"{}\" → ", c.letter, c.name)?;
                }
                match c.role {
                    Some(r) => write!(f, "{} ({})", r.label_sv(), c.because)?,
                    None => write!(f, "ingen roll")?,
                }
                if let Some(p) = &c.period {
                    write!(f, ", period {p}")?;
                }
                if let Some(r) = &c.region {
                    write!(f, ", region {r}")?;
                }
                if let Some(u) = &c.unit
                    && Some(u) != t.unit.as_ref()
                {
                    write!(f, ", enhet {u}")?;
                }
                writeln!(f)?;
            }
            if t.total_rows.is_empty() {
                writeln!(f, "  Summarader: inga")?;
            } else {
                writeln!(f, "  Summarader (räknas inte två gånger):")?;
                const SHOWN: usize = 12;
                for r in t.total_rows.iter().take(SHOWN) {
                    let kind = if r.kind == RowKind::Total { "total" } else { "delsumma" };
                    writeln!(f, "    rad {}: \"{}\" – {kind} ({})", r.row, r.label, r.because)?;
                }
                if t.total_rows.len() > SHOWN {
                    writeln!(f, "    … och {} till", t.total_rows.len() - SHOWN)?;
                }
            }
            if t.max_level > 0 {
                writeln!(f, "  Hierarki: {} nivåer", u16::from(t.max_level) + 1)?;
            }
            const SHOWN_WARNINGS: usize = 20;
            for d in t.warnings.iter().take(SHOWN_WARNINGS) {
                write_diag(f, d, "  ")?;
            }
            if t.warnings.len() > SHOWN_WARNINGS {
                writeln!(f, "  … och {} varningar till", t.warnings.len() - SHOWN_WARNINGS)?;
            }
        }
        Ok(())
    }
}
