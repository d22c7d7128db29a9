//! The finished table: the dataset, and the summary of what was understood (range, header rows,
//! unit, column roles and why, total rows and why, sign convention, warnings).

use super::Found;
use super::draft::Draft;
use crate::summary::{ColumnSummary, TableSummary, TotalRow};
use uppfolj_model::{CellRef, Dataset, RowKind};

/// Turns the draft into the dataset and its summary.
pub(super) fn found(d: Draft<'_>) -> Found {
    let grid = d.sheet.grid;
    let span = d.span;
    let first_row = span.group.or(span.header).map_or(d.first_row(), |h| grid.rows[h].row);
    let last_row = d.rows.last().map_or(first_row, |r| r.source_row());
    let first_col = d.present.first().copied().unwrap_or(0);
    let last_col = d.present.last().copied().unwrap_or(0);
    let range = (CellRef::new(first_row, first_col), CellRef::new(last_row, last_col));
    let summary = TableSummary {
        dataset: 0,
        sheet: grid.sheet.clone(),
        title: d.title.clone(),
        range: format!("{}:{}", range.0, range.1),
        header_rows: span.group.iter().chain(span.header.iter()).map(|&h| grid.rows[h].row + 1).collect(),
        kind: d.kind,
        unit: d.unit.clone(),
        unit_source: d.unit_source.clone(),
        columns: column_summaries(&d),
        data_rows: d.rows.heads().iter().filter(|r| r.kind == RowKind::Data).count(),
        max_level: d.rows.heads().iter().map(|r| r.level).max().unwrap_or(0),
        total_rows: total_rows(&d),
        sign: d.sign,
        sign_source: d.sign_source,
        warnings: d.warnings,
    };
    let dataset = Dataset {
        source: d.source,
        title: d.title,
        kind: d.kind,
        unit: d.unit,
        range: Some(range),
        columns: d.columns,
        rows: d.rows,
    };
    Found { dataset, summary }
}

/// Each column's role and why it was given.
fn column_summaries(d: &Draft<'_>) -> Vec<ColumnSummary> {
    d.cols
        .iter()
        .zip(&d.columns)
        .map(|(c, m)| ColumnSummary {
            letter: CellRef::column_letters(c.src[0]),
            name: m.name.clone(),
            role: m.role,
            because: c.because,
            unit: m.unit.clone(),
            period: m.period.clone(),
            region: m.region.clone(),
        })
        .collect()
}

/// The total and subtotal rows, each with what marked it: its text, bold, or the code hierarchy.
fn total_rows(d: &Draft<'_>) -> Vec<TotalRow> {
    d.rows
        .iter()
        .filter(|row| row.kind() != RowKind::Data)
        .map(|row| {
            let i = row.index();
            let because = if d.text_totals.iter().any(|(k, _)| *k == i) {
                "text"
            } else if d.use_bold && d.bold.get(i).copied().unwrap_or(false) {
                "fetstil"
            } else {
                "kodhierarki"
            };
            TotalRow { row: row.source_row() + 1, label: d.label_of(row), kind: row.kind(), because }
        })
        .collect()
}
