//! A dataset's rows, held column by column ([`Rows`]).
//!
//! A ledger of 200 000 lines × 12 columns is 2.4 million values. Held row by row, each row is an
//! allocation of its own and each value carries its source cell beside it; held here, each column
//! is one vector of [`Value`]s (a number is a number, a text repeated down a column is one shared
//! `Arc<str>`), and the row's own fields (kind, level, source row) are vectors of their own.
//! Code that reads one column over every row (grouping a ledger by förvaltning) reads contiguous
//! memory.
//!
//! A value's source cell is not stored: it is the row's source row in the column's source column.
//! Only the exceptions are kept, apart ([`Rows::at`]): a filled-down label (read from the cell
//! above), a label combined from several columns, a value the import computed (no cell).

use crate::dataset::{Cell, CellRef, ColumnMeta, RowKind, Value};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a row is, apart from its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RowHead {
    /// Zero-based row in the source sheet.
    pub source_row: u32,
    /// Data, subtotal or total.
    pub kind: RowKind,
    /// Hierarchy level: 0 for top level; deeper levels from indentation, codes or subtotals.
    pub level: u8,
}

impl RowHead {
    /// A data row at level 0 read from sheet row `source_row`.
    pub const fn data(source_row: u32) -> Self {
        Self { source_row, kind: RowKind::Data, level: 0 }
    }
}

/// A value whose source cell is not where its row and column say; `at` is `None` for a value
/// computed by the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Moved {
    row: u32,
    col: u32,
    at: Option<CellRef>,
}

/// The rows of a dataset, column by column (see the module documentation).
///
/// Every row has a value in every column: a row pushed short is filled with empty values. Read
/// back from serde, the parts are checked to agree ([`RowsError`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(try_from = "Parts")]
pub struct Rows {
    /// The source column of each column: with a row's source row, where its values were read.
    source_cols: Vec<u32>,
    /// Per column, one value per row.
    values: Vec<Vec<Value>>,
    heads: Vec<RowHead>,
    /// Sorted by row, then column.
    moved: Vec<Moved>,
}

impl Rows {
    /// No rows yet, for the columns `columns`.
    pub fn new(columns: &[ColumnMeta]) -> Self {
        Self::with_capacity(columns, 0)
    }

    /// No rows yet, with room for `rows` rows.
    pub fn with_capacity(columns: &[ColumnMeta], rows: usize) -> Self {
        Self::for_source_columns(columns.iter().map(|c| c.source_col).collect(), rows)
    }

    /// No rows yet, for columns read from the sheet's columns `source_cols` (each column's
    /// [`ColumnMeta::source_col`]), with room for `rows` rows.
    pub fn for_source_columns(source_cols: Vec<u32>, rows: usize) -> Self {
        Self {
            values: source_cols.iter().map(|_| Vec::with_capacity(rows)).collect(),
            source_cols,
            heads: Vec::with_capacity(rows),
            moved: Vec::new(),
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The number of columns.
    pub fn width(&self) -> usize {
        self.values.len()
    }

    /// Appends a row of `cells`, one per column from the first; a cell's source is noted only
    /// where it is not the row's source row in the column's source column.
    pub fn push(&mut self, head: RowHead, cells: impl IntoIterator<Item = Cell>) {
        let row = self.next_row();
        let mut cells = cells.into_iter();
        for c in 0..self.width() {
            let cell = cells.next().unwrap_or_else(|| Cell::new(Value::empty(), self.derived(head.source_row, c)));
            if cell.at != Some(self.derived(head.source_row, c)) {
                self.moved.push(Moved { row, col: u32_of(c), at: cell.at });
            }
            self.values[c].push(cell.value);
        }
        self.heads.push(head);
    }

    /// Appends a row of `values`, each read where its row and column say.
    pub fn push_values(&mut self, head: RowHead, values: impl IntoIterator<Item = Value>) {
        let mut values = values.into_iter();
        for column in &mut self.values {
            column.push(values.next().unwrap_or_else(Value::empty));
        }
        self.heads.push(head);
    }

    /// Appends one value to column `col`, for a reader that fills a row column by column:
    /// [`Rows::end_row`] ends the row. `at` is where the value was read, `None` when computed.
    pub fn push_value(&mut self, col: usize, value: Value, at: Option<CellRef>, source_row: u32) {
        if at != Some(self.derived(source_row, col)) {
            let row = self.next_row();
            self.moved.push(Moved { row, col: u32_of(col), at });
        }
        self.values[col].push(value);
    }

    /// Ends a row whose values were appended with [`Rows::push_value`] (a column left without
    /// one gets an empty value).
    pub fn end_row(&mut self, head: RowHead) {
        let len = self.heads.len() + 1;
        for column in &mut self.values {
            column.resize(len, Value::empty());
        }
        self.heads.push(head);
    }

    /// Row `index`.
    pub fn get(&self, index: usize) -> Option<RowRef<'_>> {
        (index < self.len()).then_some(RowRef { rows: self, index })
    }

    /// The first row.
    pub fn first(&self) -> Option<RowRef<'_>> {
        self.get(0)
    }

    /// The last row.
    pub fn last(&self) -> Option<RowRef<'_>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// Every row in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { rows: self, range: 0..self.len() }
    }

    /// The value at row `row`, column `col`.
    pub fn value(&self, row: usize, col: usize) -> Option<&Value> {
        self.values.get(col)?.get(row)
    }

    /// Column `col`'s values, one per row.
    pub fn column(&self, col: usize) -> Option<&[Value]> {
        self.values.get(col).map(Vec::as_slice)
    }

    /// Every value, column after column (the fastest way to look at them all).
    pub fn all_values(&self) -> impl Iterator<Item = &Value> {
        self.values.iter().flatten()
    }

    /// The cell the value at `row`, `col` was read from; `None` for a value the import computed.
    pub fn at(&self, row: usize, col: usize) -> Option<CellRef> {
        let head = self.heads.get(row)?;
        if col >= self.width() {
            return None;
        }
        match self.moved.binary_search_by_key(&(u32_of(row), u32_of(col)), |m| (m.row, m.col)) {
            Ok(i) => self.moved[i].at,
            Err(_) => Some(self.derived(head.source_row, col)),
        }
    }

    /// Row `row`'s kind, level and source row.
    pub fn head(&self, row: usize) -> Option<RowHead> {
        self.heads.get(row).copied()
    }

    /// Every row's kind, level and source row, in order.
    pub fn heads(&self) -> &[RowHead] {
        &self.heads
    }

    /// Every row's kind, level and source row, to change (the values stay as they are).
    pub fn heads_mut(&mut self) -> &mut [RowHead] {
        &mut self.heads
    }

    /// The value at `row`, `col`, to change (its source cell stays).
    pub fn value_mut(&mut self, row: usize, col: usize) -> Option<&mut Value> {
        self.values.get_mut(col)?.get_mut(row)
    }

    /// The rows for which `keep` is true, in order, with their values and source cells.
    pub fn subset(&self, mut keep: impl FnMut(RowRef<'_>) -> bool) -> Rows {
        let kept: Vec<usize> = self.iter().filter(|row| keep(*row)).map(RowRef::index).collect();
        let mut out = Rows::for_source_columns(self.source_cols.clone(), kept.len());
        for &r in &kept {
            let head = self.heads[r];
            for (c, column) in self.values.iter().enumerate() {
                out.push_value(c, column[r].clone(), self.at(r, c), head.source_row);
            }
            out.end_row(head);
        }
        out
    }

    /// Where a value of sheet row `source_row` in column `col` is read when not moved.
    fn derived(&self, source_row: u32, col: usize) -> CellRef {
        CellRef::new(source_row, self.source_cols.get(col).copied().unwrap_or(u32::MAX))
    }

    /// The index of the row being appended.
    fn next_row(&self) -> u32 {
        u32_of(self.heads.len())
    }
}

/// [`Rows`] as serialised, before its parts are checked to agree.
#[derive(Deserialize)]
struct Parts {
    source_cols: Vec<u32>,
    values: Vec<Vec<Value>>,
    heads: Vec<RowHead>,
    moved: Vec<Moved>,
}

/// Why serialised rows do not make [`Rows`]: their parts disagree.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the rows of a dataset do not agree: {0}")]
pub struct RowsError(&'static str);

impl TryFrom<Parts> for Rows {
    type Error = RowsError;

    fn try_from(p: Parts) -> Result<Self, RowsError> {
        if p.values.len() != p.source_cols.len() {
            return Err(RowsError("a column without its source column"));
        }
        if p.values.iter().any(|column| column.len() != p.heads.len()) {
            return Err(RowsError("a column of another length than the rows"));
        }
        let (rows, cols) = (u32_of(p.heads.len()), u32_of(p.values.len()));
        if p.moved.iter().any(|m| m.row >= rows || m.col >= cols) {
            return Err(RowsError("a moved cell outside the rows"));
        }
        if !p.moved.windows(2).all(|w| (w[0].row, w[0].col) < (w[1].row, w[1].col)) {
            return Err(RowsError("the moved cells out of order"));
        }
        Ok(Rows { source_cols: p.source_cols, values: p.values, heads: p.heads, moved: p.moved })
    }
}

/// A row of [`Rows`]: its fields and its values, read in place.
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    rows: &'a Rows,
    index: usize,
}

impl<'a> RowRef<'a> {
    /// The row's index in its dataset.
    pub fn index(self) -> usize {
        self.index
    }

    /// Data, subtotal or total.
    pub fn kind(self) -> RowKind {
        self.rows.heads[self.index].kind
    }

    /// Hierarchy level.
    pub fn level(self) -> u8 {
        self.rows.heads[self.index].level
    }

    /// Zero-based row in the source sheet.
    pub fn source_row(self) -> u32 {
        self.rows.heads[self.index].source_row
    }

    /// Kind, level and source row.
    pub fn head(self) -> RowHead {
        self.rows.heads[self.index]
    }

    /// The value in column `col`.
    pub fn value(self, col: usize) -> Option<&'a Value> {
        self.rows.value(self.index, col)
    }

    /// The row's values, one per column.
    pub fn values(self) -> impl ExactSizeIterator<Item = &'a Value> + Clone + 'a {
        self.rows.values.iter().map(move |column| &column[self.index])
    }

    /// The cell the value in column `col` was read from; `None` for a computed value.
    pub fn at(self, col: usize) -> Option<CellRef> {
        self.rows.at(self.index, col)
    }

    /// The value and source cell of column `col`, as an owned [`Cell`].
    pub fn cell(self, col: usize) -> Option<Cell> {
        Some(Cell { value: self.value(col)?.clone(), at: self.at(col) })
    }
}

impl PartialEq for RowRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.head() == other.head() && self.values().eq(other.values())
    }
}

/// The rows of [`Rows::iter`].
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    rows: &'a Rows,
    range: Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = RowRef<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        self.range.next().map(|index| RowRef { rows: self.rows, index })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        self.range.nth(n).map(|index| RowRef { rows: self.rows, index })
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.range.next_back().map(|index| RowRef { rows: self.rows, index })
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Rows {
    type Item = RowRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A row or column index as u32: a sheet has at most 1 048 576 rows and 16 384 columns.
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<ColumnMeta> {
        vec![ColumnMeta::new("Enhet", None, 0), ColumnMeta::new("Utfall", None, 3)]
    }

    #[test]
    fn a_value_is_read_where_its_row_and_column_say() {
        let mut rows = Rows::new(&columns());
        rows.push_values(RowHead::data(4), [Value::text("Vård"), Value::number(1.0)]);
        assert_eq!(rows.at(0, 1), Some(CellRef::new(4, 3)));
        assert_eq!(rows.value(0, 0), Some(&Value::text("Vård")));
        assert_eq!(rows.at(0, 2), None, "no third column");
    }

    #[test]
    fn moved_and_computed_cells_are_kept_apart() {
        let mut rows = Rows::new(&columns());
        rows.push(
            RowHead::data(4),
            [Cell::new(Value::text("Vård"), CellRef::new(4, 0)), Cell::new(Value::number(1.0), CellRef::new(4, 3))],
        );
        rows.push(
            RowHead::data(5),
            [Cell::new(Value::text("Vård"), CellRef::new(4, 0)), Cell { value: Value::number(2.0), at: None }],
        );
        assert_eq!(rows.at(1, 0), Some(CellRef::new(4, 0)), "filled down from the row above");
        assert_eq!(rows.at(1, 1), None, "computed");
        assert_eq!(rows.moved.len(), 2, "only the exceptions are stored");
    }

    #[test]
    fn a_short_row_is_filled_with_empty_values() {
        let mut rows = Rows::new(&columns());
        rows.push_values(RowHead::data(0), [Value::text("A")]);
        rows.push_value(0, Value::text("B"), Some(CellRef::new(1, 0)), 1);
        rows.end_row(RowHead::data(1));
        assert_eq!(rows.value(0, 1), Some(&Value::empty()));
        assert_eq!(rows.value(1, 1), Some(&Value::empty()));
        assert_eq!(rows.iter().map(|r| r.source_row()).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(rows.iter().next_back().map(RowRef::index), Some(1));
    }

    #[test]
    fn rows_read_back_from_json_are_checked() {
        let mut rows = Rows::new(&columns());
        rows.push(RowHead::data(4), [Cell::new(Value::text("Vård"), CellRef::new(3, 0))]);
        let json = serde_json::to_value(&rows).expect("serialises");
        let back: Rows = serde_json::from_value(json.clone()).expect("reads back");
        assert_eq!(back, rows);
        let mut short = json.clone();
        short["values"][1] = serde_json::json!([]);
        assert!(serde_json::from_value::<Rows>(short).is_err(), "a short column");
        let mut outside = json;
        outside["moved"][0]["row"] = serde_json::json!(7);
        assert!(serde_json::from_value::<Rows>(outside).is_err(), "a moved cell past the rows");
    }

    #[test]
    fn a_subset_keeps_its_rows_values_and_moved_cells() {
        let mut rows = Rows::new(&columns());
        for r in 0..4 {
            let label_at = if r == 3 { CellRef::new(0, 0) } else { CellRef::new(r, 0) };
            rows.push(RowHead::data(r), [Cell::new(Value::number(f64::from(r)), label_at)]);
        }
        let odd = rows.subset(|row| row.index() % 2 == 1);
        assert_eq!(odd.len(), 2);
        assert_eq!(odd.value(1, 0), Some(&Value::number(3.0)));
        assert_eq!(odd.at(1, 0), Some(CellRef::new(0, 0)), "the moved cell, renumbered");
        assert_eq!(odd.at(0, 1), Some(CellRef::new(1, 3)));
    }
}
