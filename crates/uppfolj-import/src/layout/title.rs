//! The table's title: the first title line that is not only a unit, else the sheet's name, else
//! the file's.

use super::draft::Draft;
use uppfolj_model::vocab;

/// Finds the table's title.
pub(super) fn find(d: &mut Draft<'_>) {
    let grid = d.sheet.grid;
    d.title = d
        .span
        .titles
        .iter()
        .filter_map(|&t| grid.rows[t].cells.iter().find_map(|c| c.raw.text()).map(|s| s.trim().to_string()))
        .find(|s| !s.is_empty() && !vocab::is_unit_line(s))
        .or_else(|| grid.sheet.clone())
        .unwrap_or_else(|| d.sheet.file.to_string());
}
