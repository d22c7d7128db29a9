//! Where a worksheet's cells go as they are read: into a grid of the sheet; for a sheet of more
//! than [`ImportOptions::stream_after_rows`](crate::ImportOptions::stream_after_rows) rows, once
//! those first rows are in, each row after them straight into the table it continues
//! ([`Streamer`]), with no grid of the whole sheet held.
//!
//! A footer ends the streamed table, and the rows from it on go into a grid of their own, for
//! the layout to find any table below it. A row that does not fit the stream (out of order, or
//! one that may or may not end the table) stops the read: the sheet is then read again into a
//! grid ([`Collected::ReadAgain`]). Either way the result is the one a grid of the whole sheet
//! gives.

use crate::grid::{GCell, GRow, Grid, GridBuilder, Merge};
use crate::layout::{Context, Found, Next, Streamer};

/// A sheet's rows collected.
#[derive(Debug)]
pub(crate) enum Collected {
    /// The sheet's grid, for the layout to find its tables in.
    Grid(Grid),
    /// The sheet's tables, found as it streamed in.
    Tables(Vec<Found>),
    /// The stream stopped: the sheet must be read again into a grid.
    ReadAgain,
}

impl Collected {
    /// The grid of a sheet collected without a stream (always a grid: such a read never
    /// stops, and finds no tables).
    pub(crate) fn into_grid(self) -> Grid {
        match self {
            Collected::Grid(grid) => grid,
            Collected::Tables(_) | Collected::ReadAgain => Grid::default(),
        }
    }
}

/// Collects the cells of one sheet as the reader finds them.
#[derive(Debug)]
pub(crate) struct SheetRows<'a> {
    sheet: &'a str,
    /// Where the sheet may stream, and after how many rows; `None` once it may not.
    stream: Option<(Context<'a>, usize)>,
    state: State<'a>,
}

#[derive(Debug)]
enum State<'a> {
    /// Every row into a grid.
    Grid(GridBuilder),
    /// Rows into the table being streamed, through the row being read.
    Stream { streamer: Box<Streamer<'a>>, row: GRow },
    /// The streamed table ended at a footer (on row `from`): the rows from it on into a grid
    /// of their own.
    Rest { streamer: Box<Streamer<'a>>, rest: GridBuilder, from: u32 },
    /// A row did not fit the stream.
    Stopped,
}

impl<'a> SheetRows<'a> {
    /// Collects sheet `sheet` into a grid, streaming its last table after `after_rows` rows
    /// when `stream` is given.
    pub(crate) fn new(sheet: &'a str, stream: Option<(Context<'a>, usize)>) -> Self {
        Self { sheet, stream, state: State::Grid(GridBuilder::default()) }
    }

    /// Adds the cell at zero-based row `row` (blank cells are dropped unless bold); `false`
    /// where the stream stopped and the read may stop too.
    pub(crate) fn push(&mut self, row: u32, cell: GCell) -> bool {
        if cell.raw.is_blank() && !cell.bold {
            return !matches!(self.state, State::Stopped);
        }
        if let State::Grid(grid) = &self.state
            && let Some((context, after)) = self.stream
            && grid.len() >= after
            && grid.begins_row(row)
        {
            self.begin(context);
        }
        match &mut self.state {
            // A cell above the footer belongs to the rows streamed, and one on the footer's row
            // (out of order) may make it no footer: the sheet is read again.
            State::Rest { from, .. } if row <= *from => self.state = State::Stopped,
            State::Grid(grid) | State::Rest { rest: grid, .. } => grid.push(row, cell),
            State::Stream { streamer, row: current } => match stream_cell(streamer, current, row, &cell) {
                Next::Read => current.cells.push(cell),
                Next::Ended => self.rest(row, cell),
                Next::Unsure => self.state = State::Stopped,
            },
            State::Stopped => {}
        }
        !matches!(self.state, State::Stopped)
    }

    /// Goes on with the rest of the sheet in a grid of its own, from the footer that ended the
    /// streamed table (the row being read) and the cell at `row` after it.
    fn rest(&mut self, row: u32, cell: GCell) {
        let State::Stream { streamer, row: footer } = std::mem::replace(&mut self.state, State::Stopped) else {
            return;
        };
        let mut rest = GridBuilder::default();
        for c in footer.cells {
            rest.push(footer.row, c);
        }
        // `row` is below the footer: a cell above it would have stopped the stream.
        rest.push(row, cell);
        self.state = State::Rest { streamer, rest, from: footer.row };
    }

    /// Hands the rows so far to a [`Streamer`], or goes on with the grid where it declines.
    fn begin(&mut self, context: Context<'a>) {
        self.stream = None;
        let State::Grid(grid) = std::mem::replace(&mut self.state, State::Stopped) else { return };
        self.state = match Streamer::begin(grid_of(self.sheet, grid), context) {
            Ok(streamer) => State::Stream { streamer: Box::new(streamer), row: GRow::default() },
            Err(grid) => State::Grid(GridBuilder::resume(*grid)),
        };
    }

    /// The sheet collected, its merged ranges `merges` known.
    pub(crate) fn finish(self, merges: Vec<Merge>) -> Collected {
        match self.state {
            State::Grid(grid) => {
                let mut grid = grid_of(self.sheet, grid);
                grid.merges = merges;
                Collected::Grid(grid)
            }
            State::Stream { mut streamer, row } => {
                let rest = match flush(&mut streamer, &row) {
                    Next::Read => None,
                    Next::Ended => Some(Grid { rows: vec![row], ..grid_of(self.sheet, GridBuilder::default()) }),
                    Next::Unsure => return Collected::ReadAgain,
                };
                streamer.finish(merges, rest).map_or(Collected::ReadAgain, Collected::Tables)
            }
            State::Rest { streamer, rest, .. } => {
                streamer.finish(merges, Some(grid_of(self.sheet, rest))).map_or(Collected::ReadAgain, Collected::Tables)
            }
            State::Stopped => Collected::ReadAgain,
        }
    }
}

/// The grid of sheet `sheet` from the cells in `grid`.
fn grid_of(sheet: &str, grid: GridBuilder) -> Grid {
    let mut grid = grid.finish(Some(sheet.to_string()));
    grid.has_fonts = true;
    grid
}

/// Where a cell (not blank, or bold) at `row` goes: into the row being read, `current`, or,
/// where `row` begins another, after `current` has gone to the streamer — as it tells, or
/// [`Next::Unsure`] for a cell out of order.
fn stream_cell(streamer: &mut Streamer<'_>, current: &mut GRow, row: u32, cell: &GCell) -> Next {
    if row == current.row && !current.cells.is_empty() {
        let in_order = current.cells.last().is_none_or(|c| c.col < cell.col);
        return if in_order { Next::Read } else { Next::Unsure };
    }
    if row < current.row {
        return Next::Unsure;
    }
    let next = flush(streamer, current);
    if next == Next::Read {
        current.row = row;
        current.cells.clear();
    }
    next
}

/// Hands the row read, `current`, to the streamer unless it is empty or holds only blank (bold)
/// cells, as a grid leaves such rows out.
fn flush(streamer: &mut Streamer<'_>, current: &GRow) -> Next {
    if current.cells.iter().any(|c| !c.raw.is_blank()) { streamer.row(current) } else { Next::Read }
}
