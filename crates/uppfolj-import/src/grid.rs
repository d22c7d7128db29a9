//! A sparse sheet: the cells a reader found, row by row, with the little formatting the layout
//! detection uses (bold, indentation, percent format). Memory is linear in the number of cells
//! present, never in the range a file claims.

use std::sync::Arc;
use uppfolj_model::CellRef;

/// A raw cell value as a reader found it, before Swedish number parsing.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// Nothing.
    Empty,
    /// A number (a formula cell gives its cached value).
    Number(f64),
    /// Text, as written; a text repeated in a workbook (its shared strings) is stored once.
    Text(Arc<str>),
    /// A boolean.
    Bool(bool),
    /// A date as an Excel serial number (days since 1899-12-30).
    Date(f64),
    /// An error value such as "#DIV/0!".
    Error(Arc<str>),
}

impl Raw {
    /// Whether the cell holds nothing (or only spaces).
    pub fn is_blank(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The text of a text cell.
    pub fn text(&self) -> Option<&str> {
        match self {
            Raw::Text(t) => Some(t.as_ref()),
            _ => None,
        }
    }
}

/// One cell with its column and formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct GCell {
    /// Zero-based column.
    pub col: u32,
    /// The value.
    pub raw: Raw,
    /// The font is bold.
    pub bold: bool,
    /// Indentation level from the cell format.
    pub indent: u8,
    /// The number format shows a percentage (the stored value is a fraction).
    pub percent_format: bool,
}

impl GCell {
    /// A plain cell.
    pub fn new(col: u32, raw: Raw) -> Self {
        Self { col, raw, bold: false, indent: 0, percent_format: false }
    }
}

/// The non-empty cells of one row, sorted by column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GRow {
    /// Zero-based row.
    pub row: u32,
    /// Cells, sorted by column, blank cells left out.
    pub cells: Vec<GCell>,
}

impl GRow {
    /// The cell in column `col`, if not blank.
    pub fn get(&self, col: u32) -> Option<&GCell> {
        self.cells.binary_search_by_key(&col, |c| c.col).ok().and_then(|i| self.cells.get(i))
    }

    /// The raw value in column `col`.
    pub fn raw(&self, col: u32) -> &Raw {
        self.get(col).map_or(&Raw::Empty, |c| &c.raw)
    }
}

/// A merged range (inclusive corners).
pub type Merge = (CellRef, CellRef);

/// A sheet as read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// The sheet name, for workbooks.
    pub sheet: Option<String>,
    /// Non-empty rows in order.
    pub rows: Vec<GRow>,
    /// Merged ranges.
    pub merges: Vec<Merge>,
    /// Whether the reader knows fonts (xlsx): bold-only subtotals can only be found then.
    pub has_fonts: bool,
}

impl Grid {
    /// Builds a grid from cells that arrive in any order (sorts them). Blank cells are dropped.
    pub fn from_cells(sheet: Option<String>, mut cells: Vec<(u32, GCell)>) -> Self {
        cells.retain(|(_, c)| !c.raw.is_blank() || c.bold);
        cells.sort_by_key(|(r, c)| (*r, c.col));
        let mut rows: Vec<GRow> = Vec::new();
        for (r, c) in cells {
            match rows.last_mut() {
                Some(last) if last.row == r => last.cells.push(c),
                _ => rows.push(GRow { row: r, cells: vec![c] }),
            }
        }
        rows.retain(|r| r.cells.iter().any(|c| !c.raw.is_blank()));
        Self { sheet, rows, merges: Vec::new(), has_fonts: false }
    }

    /// The merged range that contains `at`, if any.
    pub fn merge_at(&self, at: CellRef) -> Option<&Merge> {
        self.merges.iter().find(|(a, b)| a.row <= at.row && at.row <= b.row && a.col <= at.col && at.col <= b.col)
    }
}

/// Builds a grid's rows from cells as a reader finds them, usually row by row and left to right:
/// those go straight into their row; cells out of that order are sorted at the end.
#[derive(Debug, Default)]
pub struct GridBuilder {
    rows: Vec<GRow>,
    /// Whether a cell came out of order (then the rows are sorted at the end).
    unordered: bool,
}

impl GridBuilder {
    /// Adds a cell of zero-based row `row`; blank cells are dropped unless bold.
    pub fn push(&mut self, row: u32, cell: GCell) {
        if cell.raw.is_blank() && !cell.bold {
            return;
        }
        match self.rows.last_mut() {
            Some(last) if last.row == row => {
                if last.cells.last().is_some_and(|c| c.col > cell.col) {
                    self.unordered = true;
                }
                last.cells.push(cell);
            }
            Some(last) if last.row > row => {
                self.unordered = true;
                self.rows.push(GRow { row, cells: vec![cell] });
            }
            _ => {
                // Rows of a table are mostly as wide as the one before: no room wasted.
                let width = self.rows.last().map_or(1, |r| r.cells.len()).max(1);
                let mut cells = Vec::with_capacity(width);
                cells.push(cell);
                self.rows.push(GRow { row, cells });
            }
        }
    }

    /// Rows begun so far.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no row is begun.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether a cell at `row` would begin a new row (the rows so far in order).
    pub fn begins_row(&self, row: u32) -> bool {
        !self.unordered && self.rows.last().is_none_or(|last| last.row < row)
    }

    /// Goes on building `grid`, the grid of the cells pushed so far.
    pub fn resume(grid: Grid) -> Self {
        Self { rows: grid.rows, unordered: false }
    }

    /// The grid of sheet `sheet`: as [`Grid::from_cells`] would build it from the same cells.
    pub fn finish(self, sheet: Option<String>) -> Grid {
        if self.unordered {
            let cells = self.rows.into_iter().flat_map(|r| r.cells.into_iter().map(move |c| (r.row, c))).collect();
            return Grid::from_cells(sheet, cells);
        }
        let mut rows = self.rows;
        rows.retain(|r| r.cells.iter().any(|c| !c.raw.is_blank()));
        rows.shrink_to_fit();
        Grid { sheet, rows, merges: Vec::new(), has_fonts: false }
    }
}
