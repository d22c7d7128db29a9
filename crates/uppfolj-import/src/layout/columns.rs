//! The columns of a table: which source columns it has (at most the limit), their names from
//! the header row and the group row above it, and what their data hold (numbers or text).

use super::cell_text::raw_to_text;
use super::draft::{Col, Draft};
use super::rows::{Cls, classify};
use crate::grid::{GCell, GRow, Grid, Raw};
use std::sync::Arc;
use uppfolj_model::{CellRef, Diagnostic};

/// Finds the draft's columns, named and profiled.
pub(super) fn find(d: &mut Draft<'_>) {
    let profiles = d.profiles.take().unwrap_or_else(|| profiles(&d.data));
    d.present = present(d, &profiles);
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
        profiles.get(c as usize).unwrap_or(&Profile::default()).apply(&mut col);
        d.cols.push(col);
    }
}

/// Source columns with something in the header rows or the data, at most the limit (with a
/// warning when there are more).
fn present(d: &mut Draft<'_>, profiles: &[Profile]) -> Vec<u32> {
    let grid = d.sheet.grid;
    let header_rows = d.span.header.iter().chain(d.span.group.iter()).map(|&h| &grid.rows[h]);
    let mut present: Vec<u32> = Vec::new();
    for r in header_rows {
        present.extend(r.cells.iter().filter(|c| !c.raw.is_blank()).map(|c| c.col));
    }
    present.extend((0..profiles.len()).filter(|&c| profiles[c].nonblank).map(|c| c as u32));
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

/// What one source column holds in the data, counted over every row.
#[derive(Debug, Default, Clone)]
pub(super) struct Profile {
    nums: usize,
    texts: usize,
    pct: usize,
    filled: usize,
    /// Some cell is not blank.
    nonblank: bool,
    /// The last text classified, and how it read: a text repeated down a column (a workbook's
    /// shared string is one allocation) is classified once per run. The text is held, so that
    /// its allocation is not freed and reused by another text while it is remembered.
    last: Option<(Arc<str>, Cls)>,
}

impl Profile {
    /// Counts one cell; how it reads.
    pub(super) fn add(&mut self, cell: &GCell) -> Cls {
        let cls = match &cell.raw {
            Raw::Text(t) => match &self.last {
                Some((last, cls)) if Arc::ptr_eq(last, t) => *cls,
                _ => {
                    let cls = classify(&cell.raw);
                    self.last = Some((t.clone(), cls));
                    cls
                }
            },
            raw => classify(raw),
        };
        match cls {
            Cls::Number | Cls::Error | Cls::Year => self.nums += 1,
            Cls::Text => self.texts += 1,
            Cls::Missing | Cls::Empty => {}
        }
        self.pct += usize::from(cell.percent_format);
        self.filled += 1;
        self.nonblank |= !cell.raw.is_blank();
        cls
    }

    /// Sets the column's profile: more numbers than texts, and mostly cells formatted as
    /// percent.
    fn apply(&self, col: &mut Col) {
        col.numeric = self.nums > self.texts;
        col.texts = self.texts;
        col.percent_format = self.filled > 0 && self.pct * 2 > self.filled;
    }
}

/// Every source column's profile, indexed by column, in one pass over the rows.
pub(super) fn profiles(data: &[GRow]) -> Vec<Profile> {
    let mut out: Vec<Profile> = Vec::new();
    for row in data {
        add_row(&mut out, row);
    }
    out
}

/// Counts the cells of `row` into `profiles`; how many read as numbers (not years, as
/// [`super::rows::row_info`] counts them).
pub(super) fn add_row(profiles: &mut Vec<Profile>, row: &GRow) -> usize {
    let mut numbers = 0;
    for cell in &row.cells {
        let c = cell.col as usize;
        if c >= profiles.len() {
            profiles.resize(c + 1, Profile::default());
        }
        numbers += usize::from(profiles[c].add(cell) == Cls::Number);
    }
    numbers
}
