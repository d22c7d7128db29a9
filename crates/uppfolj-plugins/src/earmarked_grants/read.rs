//! Reading the grants: which columns hold what, and the file's rows as grants (projects or
//! activities) apart from the file's own total rows.

use super::text;
use uppfolj_plugin::kit::vocab::is_subtotal_label;
use uppfolj_plugin::kit::{cell_at, label_column, num_at, row_is_total, text_at, unit_of, warn_at};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::report::Diagnostic;
use uppfolj_plugin::model::unit::Unit;

/// Where the grants' columns are in the dataset.
#[derive(Debug)]
pub(super) struct Columns {
    /// The project or activity (the row label).
    pub label: Option<usize>,
    /// The amount allocated (beviljat).
    pub allocated: Option<usize>,
    /// The amount used (förbrukat).
    pub used: Option<usize>,
    /// Whether, when or to whom the project reports back (återredovisas).
    pub report_back: Option<usize>,
    /// Who is responsible.
    pub responsible: Option<usize>,
}

impl Columns {
    fn find(ds: &Dataset) -> Self {
        Self {
            label: label_column(ds, &[ColumnRole::Label, ColumnRole::Measure]),
            allocated: ds.column(ColumnRole::Allocated),
            used: ds.column(ColumnRole::Used),
            report_back: ds.column(ColumnRole::ReportBack),
            responsible: ds.column(ColumnRole::Responsible),
        }
    }
}

/// A project or activity with its grant.
#[derive(Debug)]
pub(super) struct Grant {
    pub label: String,
    pub responsible: String,
    /// The report-back cell as it is ("Ja, till regiondirektören").
    pub report_back: String,
    pub allocated: Option<f64>,
    pub used: Option<f64>,
    /// The dataset row it was read from.
    pub row: usize,
}

impl Grant {
    /// Whether the report-back cell says the project must report back (anything but empty,
    /// "Nej", "No" or a dash).
    pub fn must_report_back(&self) -> bool {
        let t = self.report_back.trim().to_lowercase();
        !(t.is_empty() || t == "nej" || t == "no" || t == "-" || t == "–" || t.starts_with("nej"))
    }
}

/// A total row of the file ("Summa") and the amounts it states.
#[derive(Debug)]
pub(super) struct FileTotal {
    pub row: usize,
    pub allocated: Option<f64>,
    pub used: Option<f64>,
}

/// The grants as read from the dataset.
#[derive(Debug)]
pub(super) struct Grants {
    pub columns: Columns,
    /// The header of the label column ("Projekt/aktivitet"), or "Projekt".
    pub label_title: String,
    /// The unit of the amounts.
    pub unit: Unit,
    pub grants: Vec<Grant>,
    pub file_totals: Vec<FileTotal>,
}

impl Grants {
    /// Whether the file has a used column (without it only the allocations are shown).
    pub fn has_used(&self) -> bool {
        self.columns.used.is_some()
    }

    /// The dataset rows of the grants.
    pub fn rows(&self) -> Vec<usize> {
        self.grants.iter().map(|g| g.row).collect()
    }
}

/// Reads the grants from `ds`, with warnings about what is missing.
pub(super) fn read(ds: &Dataset) -> (Grants, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let columns = Columns::find(ds);
    let unit = unit_of(ds, columns.allocated).unwrap_or_else(|| {
        diags.push(Diagnostic::warning(text::NO_UNIT));
        Unit::unknown()
    });
    if columns.used.is_none() {
        diags.push(Diagnostic::warning(text::NO_USED_COLUMN));
    }
    let label_title = columns.label.map_or("Projekt".to_owned(), |c| ds.columns[c].name.clone());
    let mut grants = Grants { columns, label_title, unit, grants: Vec::new(), file_totals: Vec::new() };
    for i in 0..ds.rows.len() {
        read_row(ds, &mut grants, i, &mut diags);
    }
    (grants, diags)
}

/// Reads dataset row `i` into `grants`: a total row of the file or a grant.
fn read_row(ds: &Dataset, grants: &mut Grants, i: usize, diags: &mut Vec<Diagnostic>) {
    let cols = &grants.columns;
    let label = text_at(ds, i, cols.label);
    let allocated = num_at(ds, i, cols.allocated);
    let used = num_at(ds, i, cols.used);
    if label.is_empty() && allocated.is_none() && used.is_none() {
        return;
    }
    if row_is_total(ds, i, &label) || is_subtotal_label(&label) {
        grants.file_totals.push(FileTotal { row: i, allocated, used });
        return;
    }
    if allocated.is_none() {
        diags.push(warn_at(ds, cell_at(ds, i, cols.allocated), text::missing_allocation(&label)));
    }
    let responsible = text_at(ds, i, cols.responsible);
    let report_back = text_at(ds, i, cols.report_back);
    grants.grants.push(Grant { label, responsible, report_back, allocated, used, row: i });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_report_back_cells() {
        let grant = |back: &str| Grant {
            label: String::new(),
            responsible: String::new(),
            report_back: back.to_owned(),
            allocated: None,
            used: None,
            row: 0,
        };
        assert!(grant("Ja, till regiondirektören").must_report_back());
        assert!(grant("2021-03-31").must_report_back());
        assert!(!grant("Nej").must_report_back());
        assert!(!grant(" – ").must_report_back());
        assert!(!grant("").must_report_back());
    }
}
