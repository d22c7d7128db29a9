//! Running a plugin in a test and reading its report.

use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::{Report, Table, TableCell};
use uppfolj_plugin::{Inputs, ReportPlugin};

/// Runs `plugin` on `datasets` with `params` (`key`, `value`) the way the apps do.
///
/// # Panics
/// When the plugin cannot make a report.
pub fn run(plugin: &dyn ReportPlugin, datasets: Vec<Dataset>, params: &[(&str, &str)]) -> Report {
    let raw: Vec<(String, String)> = params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    uppfolj_plugin::run(plugin, &Inputs::new(datasets), &raw)
        .unwrap_or_else(|e| panic!("{} makes no report: {e}", plugin.meta().id))
}

/// The number in table `table_id`, in the row whose first cell is `row_label`, column `key`.
///
/// # Panics
/// When the table, the column or the row does not exist.
pub fn cell(report: &Report, table_id: &str, row_label: &str, key: &str) -> Option<f64> {
    table_cell(report, table_id, row_label, key).as_f64()
}

/// The cell (number, text, status or trend) in table `table_id`, in the row whose first cell is
/// `row_label`, column `key`.
///
/// # Panics
/// When the table, the column or the row does not exist.
pub fn table_cell<'r>(report: &'r Report, table_id: &str, row_label: &str, key: &str) -> &'r TableCell {
    let table = report.tables().find(|t| t.id == table_id).unwrap_or_else(|| panic!("no table '{table_id}'"));
    let col = table.column_index(key).unwrap_or_else(|| panic!("table '{table_id}' has no column '{key}'"));
    let row = table
        .rows
        .iter()
        .find(|r| matches!(r.cells.first(), Some(TableCell::Text(t)) if t == row_label))
        .unwrap_or_else(|| panic!("table '{table_id}' has no row '{row_label}'"));
    row.cells.get(col).unwrap_or_else(|| panic!("table '{table_id}', row '{row_label}' has no cell '{key}'"))
}

/// The label (first cell) of row `row` of `table`.
///
/// # Panics
/// When the row does not exist or its first cell is not text.
pub fn row_label(table: &Table, row: usize) -> String {
    match table.rows.get(row).and_then(|r| r.cells.first()) {
        Some(TableCell::Text(s)) => s.clone(),
        other => panic!("table '{}', row {row}: not a label: {other:?}", table.id),
    }
}

/// The number in row `row` of `table`, column `key` (0 for a cell without a number).
///
/// # Panics
/// When the column or the row does not exist.
pub fn row_value(table: &Table, row: usize, key: &str) -> f64 {
    let col = table.column_index(key).unwrap_or_else(|| panic!("table '{}' has no column '{key}'", table.id));
    let cells = &table.rows.get(row).unwrap_or_else(|| panic!("table '{}' has no row {row}", table.id)).cells;
    cells.get(col).and_then(TableCell::as_f64).unwrap_or(0.0)
}

/// Every diagnostic message of `report`, joined by newlines.
pub fn messages(report: &Report) -> String {
    report.diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("\n")
}
