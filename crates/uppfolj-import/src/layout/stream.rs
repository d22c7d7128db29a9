//! A large sheet's last table read while the sheet streams in: the layout is decided on the
//! sheet's first rows, and every row after them goes straight into the table's columns, never
//! into a grid of the whole sheet.
//!
//! The result is the one [`super::detect`] gives on the whole grid, or none:
//! - the stream begins only where the first rows settle where the tables lie: the last table
//!   found in them has a header and runs to their end, and its last rows (whose look ahead the
//!   end of the first rows cut) cannot end it;
//! - a footer streamed in ends the table, and the rows from it on are laid out on their own, as
//!   the layout goes on after a footer;
//! - a row streamed in that could end the table or not (a row without numbers after a gap: a
//!   title of another table, or not) stops the stream;
//! - at the end, the decisions are made again from the table's first rows, with each column's
//!   profile over all its rows and the sheet's merged cells (known only after its cells): the
//!   rows were read right only if that plan is the one they were read by, and no decision wanted
//!   rows past the first ones.
//!
//! Where the stream stops or the plans differ, the caller reads the sheet again into a grid.

use super::columns::{self, Profile};
use super::draft::{Draft, SAMPLE_ROWS, Sheet, Span};
use super::rows::{self, RowInfo};
use super::values::{Plan, RowReader};
use super::{Found, LayoutLimits, build, complete, plan, tables, tables_of, take_rows};
use crate::grid::{GRow, Grid, Merge};
use crate::mapping::Mapping;

/// How far the decisions about a row look at the rows below it: a title line's check for a
/// header within three rows, and that header's check for values within four more.
const LOOKAHEAD: usize = 8;

/// Where a sheet is read: the file, the user's mapping and the limits.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The file's name, for provenance and messages.
    pub file: &'a str,
    /// The user's overrides.
    pub mapping: &'a Mapping,
    /// The layout's limits.
    pub limits: LayoutLimits,
}

/// What became of a row handed to [`Streamer::row`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Read into the table.
    Read,
    /// A footer: the table ended above it, and the rows from it on are the rest of the sheet.
    Ended,
    /// It could end the table or not, as the rows below it tell: the sheet must be read again.
    Unsure,
}

/// The last table of a sheet being read as its rows stream in.
#[derive(Debug)]
pub struct Streamer<'a> {
    context: Context<'a>,
    /// The sheet's first rows, up to the streamed table's first data row.
    first: Grid,
    infos: Vec<RowInfo>,
    spans: Vec<Span>,
    /// The table's first data rows, which the decisions are made from again at the end.
    kept: Vec<GRow>,
    /// The table's data rows read so far.
    read: usize,
    /// Every source column's profile over the table's rows read so far.
    profiles: Vec<Profile>,
    reader: RowReader,
    /// The sheet row of the last row read.
    last_row: u32,
}

impl<'a> Streamer<'a> {
    /// Begins streaming after the sheet's first rows `first` (more rows follow), or gives them
    /// back where they do not settle the last table's layout.
    ///
    /// # Errors
    /// `first`, unchanged, where the rest of the sheet must be read into the grid.
    pub fn begin(mut first: Grid, context: Context<'a>) -> Result<Self, Box<Grid>> {
        let infos: Vec<RowInfo> = first.rows.iter().map(rows::row_info).collect();
        let sheet = sheet(&first, &infos, context);
        let spans = tables::scan(&sheet);
        let Some(last) = spans.last().filter(|s| runs_to_end(s, &first, &infos)) else {
            return Err(Box::new(first));
        };
        let Some(mut d) = Draft::new(&sheet, last, first.rows[last.start..].to_vec()) else {
            return Err(Box::new(first));
        };
        d.truncated = true;
        plan(&mut d);
        if d.unsure {
            return Err(Box::new(first));
        }
        let plan = Plan::of(&d);
        let kept = std::mem::take(&mut d.data);
        let start = last.start;
        first.rows.truncate(start);
        let mut reader = RowReader::new(plan, kept.len());
        let mut profiles = Vec::new();
        for r in &kept {
            reader.push(r);
            columns::add_row(&mut profiles, r);
        }
        let last_row = kept.last().map_or(0, |r| r.row);
        Ok(Self { context, first, infos, spans, read: kept.len(), kept, profiles, reader, last_row })
    }

    /// Reads the next row of the sheet into the table, or tells why not.
    pub fn row(&mut self, r: &GRow) -> Next {
        // A footer is one text cell (one with blank bold cells beside it reads the sheet again).
        if r.cells.len() == 1 && rows::row_info(r).footer {
            return Next::Ended;
        }
        let numbers = columns::add_row(&mut self.profiles, r);
        if numbers == 0 && may_end(&rows::row_info(r), r.row > self.last_row + 1) {
            return Next::Unsure;
        }
        self.last_row = r.row;
        if self.kept.len() < SAMPLE_ROWS {
            self.kept.push(r.clone());
        }
        self.reader.push(r);
        self.read += 1;
        Next::Read
    }

    /// The sheet's tables, its cells all read and its merged cells `merges` known, with `rest`
    /// the rows after the footer that [`Next::Ended`] the table; `None` where the decisions made
    /// from all the table's rows differ from those the rows were read by.
    pub fn finish(self, merges: Vec<Merge>, rest: Option<Grid>) -> Option<Vec<Found>> {
        let Self { context, mut first, infos, spans, kept, read, profiles, reader, .. } = self;
        first.merges.clone_from(&merges);
        let (last, before) = spans.split_last()?;
        let mut found = Vec::with_capacity(spans.len());
        for span in before {
            let data = take_rows(&mut first, span);
            found.extend(build(&sheet(&first, &infos, context), span, data));
        }
        let sheet = sheet(&first, &infos, context);
        let mut d = Draft::new(&sheet, last, kept)?;
        d.truncated = read > d.data.len();
        d.profiles = Some(profiles);
        plan(&mut d);
        if d.unsure || Plan::of(&d) != *reader.plan() {
            return None;
        }
        d.data = Vec::new();
        reader.install(&mut d);
        found.push(complete(d));
        if let Some(mut rest) = rest {
            // A merge from above the footer into the rows after it names cells by a text the
            // rows after the footer do not hold: read the sheet again.
            let from = rest.rows.first().map_or(0, |r| r.row);
            if merges.iter().any(|(a, b)| a.row < from && b.row >= from) {
                return None;
            }
            rest.merges = merges;
            found.extend(tables_of(rest, context, tables::after_footer));
        }
        Some(found)
    }
}

/// The sheet's first rows `first` as the layout steps see them.
fn sheet<'s>(first: &'s Grid, infos: &'s [RowInfo], context: Context<'s>) -> Sheet<'s> {
    Sheet { grid: first, file: context.file, mapping: context.mapping, limits: context.limits, infos }
}

/// Whether `span`, the last table of the sheet's first rows `first`, runs to their end with a
/// header above it, and enough rows that the decisions about the header and the table's start
/// saw all they look at; and none of its last rows (whose look ahead was cut) could end it.
fn runs_to_end(span: &Span, first: &Grid, infos: &[RowInfo]) -> bool {
    let end = first.rows.len();
    if span.header.is_none() || span.end != end || span.end - span.start < LOOKAHEAD {
        return false;
    }
    (end - LOOKAHEAD..end).all(|k| !may_end(&infos[k], first.rows[k].row > first.rows[k - 1].row + 1))
}

/// Whether a row that reads as `info`, after a gap or not, could end the table above it: a
/// footer, or a row without numbers after a gap (another table's title or header).
fn may_end(info: &RowInfo, gap: bool) -> bool {
    info.footer || (gap && info.numbers == 0)
}
