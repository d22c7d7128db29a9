//! Reading a dataset the way the built-in plugins do: the label column, texts and numbers of
//! cells, the source cell of a value, total rows, year columns, and warnings and provenance
//! located at cells.

use super::vocab;
use std::borrow::Cow;
use uppfolj_model::dataset::{CellRef, ColumnRole, Dataset, RowKind, Value};
use uppfolj_model::format;
use uppfolj_model::report::{Diagnostic, ProvenanceNote};

/// The column holding row labels: the first of `prefer` present, else the org unit, the label,
/// the account, else the first column with text in most rows.
pub fn label_column(ds: &Dataset, prefer: &[ColumnRole]) -> Option<usize> {
    for role in prefer.iter().chain(&[ColumnRole::OrgUnit, ColumnRole::Label, ColumnRole::Account]) {
        if let Some(c) = ds.column(*role) {
            return Some(c);
        }
    }
    (0..ds.columns.len()).find(|&c| {
        let texts = ds.rows.column(c).map_or(0, |v| v.iter().filter(|x| matches!(x, Value::Text(_))).count());
        texts * 2 >= ds.rows.len().max(1)
    })
}

/// The text of row `row` in column `col` (numbers written as they are), trimmed; empty when
/// there is none.
pub fn text_at(ds: &Dataset, row: usize, col: Option<usize>) -> String {
    text_ref(ds, row, col).into_owned()
}

/// [`text_at`] without copying a text: borrowed from the dataset, so that code reading every
/// row of a ledger (grouping its lines) allocates only for numbers.
pub fn text_ref(ds: &Dataset, row: usize, col: Option<usize>) -> Cow<'_, str> {
    match col.and_then(|c| ds.value(row, c)) {
        Some(Value::Text(s)) => Cow::Borrowed(s.trim()),
        Some(Value::Number { value, .. }) => {
            Cow::Owned(format::number(*value, if value.fract() == 0.0 { 0 } else { 2 }))
        }
        _ => Cow::Borrowed(""),
    }
}

/// The number at `row`, `col`, if the cell holds a finite one.
pub fn num_at(ds: &Dataset, row: usize, col: Option<usize>) -> Option<f64> {
    col.and_then(|c| ds.value(row, c)).and_then(Value::as_f64).filter(|v| v.is_finite())
}

/// The source cell of `row`, `col`.
pub fn cell_at(ds: &Dataset, row: usize, col: Option<usize>) -> Option<CellRef> {
    let c = col?;
    let r = ds.rows.get(row)?;
    r.at(c).or_else(|| ds.columns.get(c).map(|m| CellRef::new(r.source_row(), m.source_col)))
}

/// Whether the dataset row is the file's grand total (marked by the import or labelled so).
pub fn row_is_total(ds: &Dataset, row: usize, label: &str) -> bool {
    ds.rows.get(row).is_some_and(|r| r.kind() == RowKind::Total) || vocab::is_total_label(label)
}

/// The year of column `col`: a year in its period, else in its header ("Planerad effekt 2025").
pub fn column_year(ds: &Dataset, col: usize) -> Option<i32> {
    let c = ds.columns.get(col)?;
    c.period.as_deref().and_then(vocab::year_in).or_else(|| vocab::year_in(&c.name))
}

/// A provenance note for the cells of column `col` over the rows `rows` of `ds`; `None` when
/// no cell is known.
pub fn provenance(ds: &Dataset, what: String, col: Option<usize>, rows: &[usize]) -> Option<ProvenanceNote> {
    col?;
    ProvenanceNote::new(what, ds.source.clone(), rows.iter().filter_map(|&r| cell_at(ds, r, col)))
}

/// A warning located at a cell of `ds`.
pub fn warn_at(ds: &Dataset, at: Option<CellRef>, message: String) -> Diagnostic {
    Diagnostic::warning(message).at(&ds.source, at)
}
