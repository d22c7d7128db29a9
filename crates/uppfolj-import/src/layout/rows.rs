//! How cells and rows read, for layout decisions: a cell is empty, a number, a year, text, a
//! missing marker or an error; a row counts them and may be a footer ("Källa: …").

use crate::grid::{GRow, Raw};
use crate::roles;
use uppfolj_model::vocab::{self, Parsed};

/// How a cell reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cls {
    Empty,
    Number,
    Year,
    Text,
    Missing,
    Error,
}

/// How `raw` reads: a year before a number, a missing marker apart from text.
pub(super) fn classify(raw: &Raw) -> Cls {
    match raw {
        Raw::Empty => Cls::Empty,
        Raw::Number(v) => {
            if vocab::year_number(*v).is_some() {
                Cls::Year
            } else {
                Cls::Number
            }
        }
        Raw::Date(_) => Cls::Number,
        Raw::Bool(_) => Cls::Text,
        Raw::Error(_) => Cls::Error,
        Raw::Text(t) => {
            if vocab::year(t).is_some() {
                return Cls::Year;
            }
            match vocab::parse_cell(t) {
                Parsed::Number { .. } | Parsed::NotFinite => Cls::Number,
                Parsed::Missing(None) => Cls::Empty,
                Parsed::Missing(Some(_)) => Cls::Missing,
                Parsed::Text => Cls::Text,
            }
        }
    }
}

/// What a row looks like.
#[derive(Debug, Clone, Default)]
pub(super) struct RowInfo {
    pub nonempty: usize,
    pub numbers: usize,
    pub years: usize,
    pub texts: usize,
    /// Cells naming a column role ("Budget", "Verksamhet"); counted in rows without numbers only.
    pub role_words: usize,
    pub footer: bool,
    /// The only non-empty cell is text (a title, a note, a unit line).
    pub single_text: bool,
}

/// How a footer line starts: a source, a note, a remark.
const FOOTER_PREFIXES: &[&str] = &[
    "källa",
    "källor",
    "not:",
    "not ",
    "noter",
    "anm",
    "anmärkning",
    "kommentar:",
    "fotnot",
    "source",
    "* ",
    "uppgifterna",
    "observera",
    "obs",
];

/// Counts the kinds of cells in `row` and tells whether it is a footer.
pub(super) fn row_info(row: &GRow) -> RowInfo {
    let mut info = RowInfo::default();
    for c in &row.cells {
        match classify(&c.raw) {
            Cls::Empty => continue,
            Cls::Number => info.numbers += 1,
            Cls::Year => info.years += 1,
            Cls::Text => info.texts += 1,
            Cls::Missing | Cls::Error => {}
        }
        info.nonempty += 1;
    }
    // Only a row without numbers can be a header: look for role words there alone (it is the
    // costly part).
    if info.numbers == 0 {
        info.role_words = row
            .cells
            .iter()
            .filter_map(|c| c.raw.text())
            .filter(|t| t.len() < 80 && roles::role_for_header(t).is_some())
            .count();
    }
    if info.nonempty == 1 && info.texts == 1 {
        info.single_text = true;
        if let Some(t) = row.cells.iter().find_map(|c| c.raw.text()) {
            let lower = t.trim().to_lowercase();
            info.footer = FOOTER_PREFIXES.iter().any(|p| lower.starts_with(p));
        }
    }
    info
}
