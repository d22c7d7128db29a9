//! The columns of a table: which source columns it has (at most the limit), their names from
//! the header row and the group row above it, and what their data hold (numbers or text).

use super::cell_text::raw_to_text;
use super::draft::{Col, Draft};
use super::rows::{Cls, classify};
use crate::grid::{GRow, Grid};
use uppfolj_model::{CellRef, Diagnostic};

/// Finds the draft's columns, named and profiled.
pub(super) fn find(d: &mut Draft<'_>) {
    d.present = present(d);
    let grid = d.sheet.grid;
    let (header_row, group_row) = (d.header_row(), d.group_row());
    let mut last_group: Option<String> = None;
    for &c in &d.present {
        let header = header_row.and_then(|r| header_text(grid, r, c));
        // The group row's text holds to the right until the next group cell.
        let group = group_row.map(|r| match header_text(grid, r, c) {
            Some(t) => {
                last_group = Some(t.clone());
                Some(t)
            }
            None => last_group.clone(),
        });
        let group = group.flatten();
        let name = match (&group, &header) {
            (Some(u), Some(l)) => format!("{u} / {l}"),
            (Some(u), None) => u.clone(),
            (None, Some(l)) => l.clone(),
            (None, None) => format!("Kolumn {}", CellRef::column_letters(c)),
        };
        let mut col = Col::new(vec![c], name);
        col.header = header;
        col.group = group;
        profile(&mut col, d.data, c);
        d.cols.push(col);
    }
}

/// Source columns with something in the header rows or the data, at most the limit (with a
/// warning when there are more).
fn present(d: &mut Draft<'_>) -> Vec<u32> {
    let grid = d.sheet.grid;
    let header_rows = d.span.header.iter().chain(d.span.group.iter()).map(|&h| &grid.rows[h]);
    let mut present: Vec<u32> = Vec::new();
    for r in header_rows.chain(d.data.iter()) {
        present.extend(r.cells.iter().filter(|c| !c.raw.is_blank()).map(|c| c.col));
    }
    present.sort_unstable();
    present.dedup();
    let max = d.sheet.limits.max_columns;
    if present.len() > max {
        d.warnings.push(
            Diagnostic::warning(format!(
                "Tabellen har {} kolumner; bara de första {max} lästes. Ta bort tomma eller onödiga kolumner.",
                present.len(),
            ))
            .at(&d.source, None),
        );
        present.truncate(max);
    }
    present
}

/// The text of a header cell, or of the first cell of the merge it lies in.
fn header_text(grid: &Grid, row: &GRow, col: u32) -> Option<String> {
    let raw = row.raw(col);
    if !raw.is_blank() {
        return Some(raw_to_text(raw).trim().to_string());
    }
    let at = CellRef::new(row.row, col);
    let (a, _) = grid.merge_at(at)?;
    if *a == at {
        return None;
    }
    let first = grid.rows.iter().find(|r| r.row == a.row)?;
    let raw = first.raw(a.col);
    (!raw.is_blank()).then(|| raw_to_text(raw).trim().to_string())
}

/// What source column `c` holds in the data: more numbers than texts, and mostly cells
/// formatted as percent.
fn profile(col: &mut Col, data: &[GRow], c: u32) {
    let (mut nums, mut texts, mut pct, mut filled) = (0usize, 0usize, 0usize, 0usize);
    for cell in data.iter().filter_map(|r| r.get(c)) {
        match classify(&cell.raw) {
            Cls::Number | Cls::Error | Cls::Year => nums += 1,
            Cls::Text => texts += 1,
            Cls::Missing | Cls::Empty => {}
        }
        if cell.percent_format {
            pct += 1;
        }
        filled += 1;
    }
    col.numeric = nums > texts;
    col.texts = texts;
    col.percent_format = filled > 0 && pct * 2 > filled;
}
