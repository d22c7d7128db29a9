//! Workbooks through calamine, from bytes: xls, xlsb and ods through their ranges (xlsb with the
//! streaming cell reader) after the guard has bounded them; the grid and row checks every reader
//! applies (`Budget`). xlsx has a reader of its own, [`crate::xlsx`].
//!
//! The caller runs [`crate::guard`] first: calamine 0.38 aborts the process (allocation failure)
//! on some hostile files, so nothing reaches it unchecked.

use crate::error::ImportError;
use crate::grid::{GCell, Grid, Raw};
use crate::{ImportOptions, Mapping};
use calamine::{Data, DataRef, DataType, Ods, Reader, SheetType, Xls, Xlsb};
use std::io::Cursor;
use uppfolj_model::CellRef;

/// Excel's grid: 1 048 576 rows × 16 384 columns.
pub const EXCEL_MAX_ROWS: u32 = 1_048_576;
/// Excel's grid: columns A–XFD.
pub const EXCEL_MAX_COLS: u32 = 16_384;

/// One sheet read: its grid, or (a large xlsx sheet) the tables found as it streamed in.
#[derive(Debug)]
pub enum SheetRead {
    /// The sheet's cells, for the layout to find its tables in.
    Grid(Grid),
    /// The tables of sheet `sheet`, found while it was read ([`crate::layout::Streamer`]).
    Tables {
        /// The sheet's name.
        sheet: String,
        /// Its tables.
        found: Vec<crate::layout::Found>,
    },
}

impl SheetRead {
    /// The sheet's name (none for a text file).
    pub fn sheet(&self) -> Option<&str> {
        match self {
            SheetRead::Grid(grid) => grid.sheet.as_deref(),
            SheetRead::Tables { sheet, .. } => Some(sheet),
        }
    }

    /// Whether the sheet has no cells.
    pub fn is_blank(&self) -> bool {
        match self {
            SheetRead::Grid(grid) => grid.rows.is_empty(),
            SheetRead::Tables { .. } => false,
        }
    }

    /// The sheet's tables: found in its grid now, or as it was read.
    pub fn tables(self, context: crate::layout::Context<'_>) -> Vec<crate::layout::Found> {
        match self {
            SheetRead::Grid(grid) => crate::layout::detect(grid, context.file, context.mapping, context.limits),
            SheetRead::Tables { found, .. } => found,
        }
    }
}

/// Sheets read from a workbook, with notes about skipped sheets.
#[derive(Debug, Default)]
pub struct Sheets {
    /// One per sheet read.
    pub read: Vec<SheetRead>,
    /// Every sheet name in the workbook.
    pub names: Vec<String>,
    /// Notes (hidden or chart sheets skipped).
    pub notes: Vec<String>,
}

/// The checks every cell read passes: inside Excel's grid, below the row limit, and the file's
/// cells below the cell limit.
pub(crate) struct Budget<'a> {
    file: &'a str,
    options: &'a ImportOptions,
    cells: u64,
}

impl<'a> Budget<'a> {
    /// No cells read yet.
    pub(crate) fn new(file: &'a str, options: &'a ImportOptions) -> Self {
        Self { file, options, cells: 0 }
    }

    /// The cells counted so far.
    pub(crate) fn cells(&self) -> u64 {
        self.cells
    }

    /// Counts the cells as they were at `cells`, before a sheet read again.
    pub(crate) fn rewind(&mut self, cells: u64) {
        self.cells = cells;
    }

    /// The error for `what` ("en rad", "en dimension") of sheet `sheet` beyond Excel's grid.
    pub(crate) fn beyond_grid(&self, sheet: &str, what: &str) -> ImportError {
        ImportError::TooManyCells {
            file: self.file.to_string(),
            detail: format!(
                "bladet '{sheet}' har {what} utanför Excels rutnät (högst 1 048 576 rader och 16 384 kolumner, \
                 XFD1048576); filen är skadad eller konstruerad"
            ),
        }
    }

    /// Checks zero-based row `row` of sheet `sheet` against the row limit.
    pub(crate) fn row(&self, sheet: &str, row: u32) -> Result<(), ImportError> {
        if u64::from(row) >= u64::from(self.options.max_rows) {
            return Err(ImportError::TooManyCells {
                file: self.file.to_string(),
                detail: format!(
                    "bladet '{sheet}' har data på rad {} (gränsen är {} rader)",
                    u64::from(row) + 1,
                    self.options.max_rows
                ),
            });
        }
        Ok(())
    }

    /// Checks and counts a cell at zero-based `row`, `col` of sheet `sheet`.
    pub(crate) fn cell(&mut self, sheet: &str, row: u32, col: u32) -> Result<(), ImportError> {
        if row >= EXCEL_MAX_ROWS || col >= EXCEL_MAX_COLS {
            return Err(self
                .beyond_grid(sheet, &format!("en cell (rad {}, kolumn {})", u64::from(row) + 1, u64::from(col) + 1)));
        }
        self.row(sheet, row)?;
        self.cells += 1;
        if self.cells > self.options.max_cells {
            return Err(ImportError::TooManyCells {
                file: self.file.to_string(),
                detail: format!(
                    "filen har fler än {} ifyllda celler (gränsen; bladet '{sheet}')",
                    self.options.max_cells
                ),
            });
        }
        Ok(())
    }
}

pub(crate) fn wanted(mapping: &Mapping, name: &str) -> bool {
    mapping.sheet.as_deref().is_none_or(|s| s == name)
}

fn corrupt(file: &str, e: impl std::fmt::Display) -> ImportError {
    let text = e.to_string();
    let lower = text.to_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        return ImportError::Encrypted { file: file.to_string() };
    }
    ImportError::corrupt(file, text)
}

/// A calamine cell value (of a range or of a streaming reader) as a grid value: `Raw::Empty` for
/// an empty cell, a duration as a number of days, a date as its serial number.
pub fn raw_value(value: &impl DataType) -> Raw {
    if let Some(i) = value.get_int() {
        Raw::Number(i as f64)
    } else if let Some(f) = value.get_float() {
        Raw::Number(f)
    } else if let Some(s) = value.get_string() {
        Raw::Text(s.into())
    } else if let Some(b) = value.get_bool() {
        Raw::Bool(b)
    } else if let Some(d) = value.get_datetime() {
        if d.is_duration() { Raw::Number(d.as_f64()) } else { Raw::Date(d.as_f64()) }
    } else if let Some(s) = value.get_datetime_iso().or_else(|| value.get_duration_iso()) {
        Raw::Text(s.into())
    } else if let Some(e) = value.get_error() {
        Raw::Error(e.to_string().into())
    } else {
        Raw::Empty
    }
}

/// Opens a workbook of type `R` from `bytes`: the reader, and [`Sheets`] holding every sheet name.
fn open<R>(file: &str, bytes: &[u8]) -> Result<(R, Sheets), ImportError>
where
    R: Reader<Cursor<Vec<u8>>>,
    R::Error: std::fmt::Display,
{
    let wb = R::new(Cursor::new(bytes.to_vec())).map_err(|e| corrupt(file, e))?;
    let names = wb.sheets_metadata().iter().map(|s| s.name.clone()).collect();
    Ok((wb, Sheets { names, ..Sheets::default() }))
}

/// Reads the wanted worksheets (at most `max_sheets`) of an xls, xlsb or ods workbook, each with
/// `read`; these formats have no hidden-sheet notes.
fn read_worksheets<R>(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    mut read: impl FnMut(&mut R, &str, &mut Budget<'_>) -> Result<Grid, ImportError>,
) -> Result<Sheets, ImportError>
where
    R: Reader<Cursor<Vec<u8>>>,
    R::Error: std::fmt::Display,
{
    let (mut wb, mut out) = open::<R>(file, bytes)?;
    let metadata = wb.sheets_metadata().to_vec();
    let mut budget = Budget::new(file, options);
    for sheet in metadata.iter().take(options.max_sheets) {
        if !wanted(&options.mapping, &sheet.name) || sheet.typ != SheetType::WorkSheet {
            continue;
        }
        out.read.push(SheetRead::Grid(read(&mut wb, &sheet.name, &mut budget)?));
    }
    Ok(out)
}

fn grid_from_range(sheet: &str, range: &calamine::Range<Data>, budget: &mut Budget<'_>) -> Result<Grid, ImportError> {
    let mut cells = Vec::new();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, v) in range.used_cells() {
        let row = r0.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
        let col = c0.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
        budget.cell(sheet, row, col)?;
        match raw_value(v) {
            Raw::Empty => continue,
            raw => cells.push((row, GCell::new(col, raw))),
        }
    }
    Ok(Grid::from_cells(Some(sheet.to_string()), cells))
}

/// Reads an xls (BIFF) workbook.
pub fn read_xls(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<Sheets, ImportError> {
    read_worksheets(file, bytes, options, |wb: &mut Xls<_>, name, budget| {
        let range = wb.worksheet_range(name).map_err(|e| corrupt(file, e))?;
        let mut grid = grid_from_range(name, &range, budget)?;
        grid.merges = wb
            .merge_cells_by_sheet_name(name)
            .unwrap_or_default()
            .iter()
            .map(|d| (CellRef::new(d.start.0, d.start.1), CellRef::new(d.end.0, d.end.1)))
            .collect();
        Ok(grid)
    })
}

/// Reads an xlsb workbook.
pub fn read_xlsb(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<Sheets, ImportError> {
    read_worksheets(file, bytes, options, |wb: &mut Xlsb<_>, name, budget| {
        let mut cells = Vec::new();
        let mut reader = wb.worksheet_cells_reader(name).map_err(|e| corrupt(file, e))?;
        while let Some(cell) = reader.next_cell().map_err(|e| corrupt(file, e))? {
            let (row, col) = cell.get_position();
            budget.cell(name, row, col)?;
            let raw = match cell.get_value() {
                // xlsb has always read a duration ([h]:mm) as a date, unlike the other formats;
                // kept so that this refactoring changes no result.
                DataRef::DateTime(d) => Raw::Date(d.as_f64()),
                value => raw_value(value),
            };
            if raw != Raw::Empty {
                cells.push((row, GCell::new(col, raw)));
            }
        }
        Ok(Grid::from_cells(Some(name.to_string()), cells))
    })
}

/// Reads an ods workbook.
pub fn read_ods(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<Sheets, ImportError> {
    read_worksheets(file, bytes, options, |wb: &mut Ods<_>, name, budget| {
        let range = wb.worksheet_range(name).map_err(|e| corrupt(file, e))?;
        grid_from_range(name, &range, budget)
    })
}
