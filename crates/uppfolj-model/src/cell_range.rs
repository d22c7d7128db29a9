//! Rectangles of cells: where a figure's values came from, written as a spreadsheet user writes
//! them ("C2:C68022", "B4:E4"), so that a column of a 200 000-line ledger is one range and not
//! 200 000 cell references.

use crate::dataset::CellRef;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A rectangle of cells from `first` (top left) to `last` (bottom right), both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CellRange {
    /// The top left cell.
    pub first: CellRef,
    /// The bottom right cell (the same as `first` for a single cell).
    pub last: CellRef,
}

impl CellRange {
    /// The range of one cell.
    pub const fn cell(at: CellRef) -> Self {
        Self { first: at, last: at }
    }

    /// How many cells the range holds.
    pub fn len(&self) -> u64 {
        (u64::from(self.last.row - self.first.row) + 1) * (u64::from(self.last.col - self.first.col) + 1)
    }

    /// Always false: a range holds at least one cell.
    pub const fn is_empty(&self) -> bool {
        false
    }

    /// Every cell of the range, row by row.
    pub fn cells(&self) -> impl Iterator<Item = CellRef> + '_ {
        (self.first.row..=self.last.row)
            .flat_map(move |row| (self.first.col..=self.last.col).map(move |col| CellRef::new(row, col)))
    }

    /// The fewest column-first rectangles that cover exactly `cells` (in any order, repeats
    /// allowed): unbroken runs down each column, then runs of the same rows in neighbouring
    /// columns joined side by side. Sorted by first column, then first row.
    pub fn covering(cells: impl IntoIterator<Item = CellRef>) -> Vec<CellRange> {
        let mut cells: Vec<CellRef> = cells.into_iter().collect();
        cells.sort_unstable_by_key(|c| (c.col, c.row));
        cells.dedup();
        let runs = column_runs(&cells);
        join_side_by_side(runs)
    }
}

/// Unbroken runs of rows down each column, from cells sorted by column, then row.
fn column_runs(cells: &[CellRef]) -> Vec<CellRange> {
    let mut runs: Vec<CellRange> = Vec::new();
    for &cell in cells {
        match runs.last_mut() {
            Some(run) if run.last.col == cell.col && run.last.row.checked_add(1) == Some(cell.row) => run.last = cell,
            _ => runs.push(CellRange::cell(cell)),
        }
    }
    runs
}

/// Runs over the same rows in neighbouring columns joined into one rectangle.
fn join_side_by_side(mut runs: Vec<CellRange>) -> Vec<CellRange> {
    runs.sort_unstable_by_key(|r| (r.first.row, r.last.row, r.first.col));
    let mut joined: Vec<CellRange> = Vec::with_capacity(runs.len());
    for run in runs {
        match joined.last_mut() {
            Some(prev)
                if (prev.first.row, prev.last.row) == (run.first.row, run.last.row)
                    && prev.last.col.checked_add(1) == Some(run.first.col) =>
            {
                prev.last = run.last;
            }
            _ => joined.push(run),
        }
    }
    joined.sort_unstable_by_key(|r| (r.first.col, r.first.row));
    joined
}

impl fmt::Display for CellRange {
    /// "C2" for one cell, "C2:C40" for a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last { write!(f, "{}", self.first) } else { write!(f, "{}:{}", self.first, self.last) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(a1: (u32, u32)) -> CellRef {
        CellRef::new(a1.0, a1.1)
    }

    fn written(cells: &[(u32, u32)]) -> Vec<String> {
        CellRange::covering(cells.iter().copied().map(at)).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_column_of_a_ledger_is_one_range() {
        let cells: Vec<(u32, u32)> = (1..68_022).map(|row| (row, 2)).collect();
        assert_eq!(written(&cells), ["C2:C68022"]);
    }

    #[test]
    fn gaps_split_a_column_and_neighbouring_columns_join() {
        // Rows 2–4 and 7 of columns B and C; row 9 of C only.
        let cells = [(1, 1), (2, 1), (3, 1), (6, 1), (1, 2), (2, 2), (3, 2), (6, 2), (8, 2)];
        assert_eq!(written(&cells), ["B2:C4", "B7:C7", "C9"]);
    }

    #[test]
    fn order_and_repeats_do_not_matter() {
        assert_eq!(written(&[(3, 0), (1, 0), (2, 0), (2, 0)]), ["A2:A4"]);
        assert!(CellRange::covering([]).is_empty());
    }

    #[test]
    fn a_range_gives_back_exactly_its_cells() {
        let cells = [(1, 1), (2, 1), (1, 2), (2, 2), (5, 4)];
        let ranges = CellRange::covering(cells.iter().copied().map(at));
        let mut back: Vec<CellRef> = ranges.iter().flat_map(CellRange::cells).collect();
        back.sort();
        let mut want: Vec<CellRef> = cells.iter().copied().map(at).collect();
        want.sort();
        assert_eq!(back, want);
        assert_eq!(ranges.iter().map(CellRange::len).sum::<u64>(), 5);
    }
}
