//! One worksheet read in one pass: its cells with their formats, and its merged cells, while the
//! checks run that need the sheet's XML — every row and cell inside Excel's grid and the row
//! limit, the file's cell limit (all in [`Budget`]), an unreadable address or value refused.
//!
//! The XML reader's events read the sheet; where they have just ended an element, the rows ahead
//! are read straight from the bytes for as long as they are in the shapes [`fast`] knows (most of
//! a ledger), each exactly as the events would have read it.

use super::fast::{self, Attrs, Content, Unit};
use super::part::XmlPart;
use super::rows::{Collected, SheetRows};
use super::styles::Styles;
use super::text::{read_string, read_text, run_text};
use super::value::value;
use crate::error::ImportError;
use crate::grid::{GCell, Merge, Raw};
use crate::guard::parse_cell_ref;
use crate::merges::{MergeScan, MergedRange};
use crate::workbook::{Budget, EXCEL_MAX_COLS, EXCEL_MAX_ROWS};
use quick_xml::events::{BytesStart, Event};
use std::sync::Arc;
use uppfolj_model::CellRef;

/// What a sheet's cells refer to: the workbook's shared strings and formats.
pub(crate) struct Book<'a> {
    /// Shared strings.
    pub(crate) strings: &'a [Arc<str>],
    /// Cell formats.
    pub(crate) styles: &'a Styles,
}

/// Buffers reused from cell to cell.
#[derive(Default)]
struct Scratch {
    xml: Vec<u8>,
    name: String,
    text: String,
}

/// Where the reader is in the sheet.
struct Cursor<'s> {
    sheet: &'s str,
    row: u32,
    col: u32,
    in_data: bool,
}

/// Reads worksheet part `part` (sheet `sheet`) into `out`; `rows_read(row, unpacked)` is called
/// at each row's start, with the bytes unpacked from the part so far. The read stops early where
/// `out` asks to read the sheet again.
pub(crate) fn read(
    part: &mut XmlPart<'_, '_>,
    sheet: &str,
    book: &Book<'_>,
    budget: &mut Budget<'_>,
    rows_read: &mut dyn FnMut(u32, u64),
    mut out: SheetRows<'_>,
) -> Result<Collected, ImportError> {
    let mut merges = MergeScan::default();
    let mut at = Cursor { sheet, row: 0, col: 0, in_data: false };
    let (mut buf, mut scratch) = (Vec::with_capacity(1024), Scratch::default());
    loop {
        match part.next(&mut buf)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "c" if at.in_data => {
                    let (row, c) = cell(part, &e, &mut at, book, budget, &mut scratch)?;
                    if !out.push(row, c) || !rows_ahead(part, &mut at, book, budget, rows_read, &mut out)? {
                        return Ok(Collected::ReadAgain);
                    }
                }
                "row" if at.in_data => {
                    let r = e.try_get_attribute("r").ok().flatten();
                    start_row(&mut at, r.as_ref().map(|a| a.value.as_ref()), budget)?;
                    rows_read(at.row, part.unpacked());
                }
                "sheetData" => at.in_data = true,
                "dimension" => check_dimension(&e, at.sheet, budget)?,
                name => merges.element(name, &e, false),
            },
            Event::End(e) => match e.local_name().as_ref() {
                "row" if at.in_data => {
                    end_row(&mut at);
                    if !rows_ahead(part, &mut at, book, budget, rows_read, &mut out)? {
                        return Ok(Collected::ReadAgain);
                    }
                }
                "sheetData" => at.in_data = false,
                name => merges.end(name),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.finish(merged_cells(merges.finish())))
}

/// The merged ranges inside Excel's grid; none where the sheet's `<mergeCells>` could not be
/// read.
fn merged_cells(ranges: Option<Vec<MergedRange>>) -> Vec<Merge> {
    ranges
        .unwrap_or_default()
        .iter()
        .filter(|(start, end)| start.0 < EXCEL_MAX_ROWS && end.1 < EXCEL_MAX_COLS)
        .map(|(start, end)| (CellRef::new(start.0, start.1), CellRef::new(end.0, end.1)))
        .collect()
}

/// A row starts, at the row its `r` names (checked against the grid and the row limit), or
/// else at the row after the one before.
fn start_row(at: &mut Cursor<'_>, r: Option<&str>, budget: &Budget<'_>) -> Result<(), ImportError> {
    let Some(r) = r else {
        return Ok(());
    };
    let r: u64 = r.trim().parse().unwrap_or(u64::MAX);
    if r == 0 || r > u64::from(EXCEL_MAX_ROWS) {
        return Err(budget.beyond_grid(at.sheet, "en rad"));
    }
    let row = u32::try_from(r - 1).unwrap_or(u32::MAX);
    budget.row(at.sheet, row)?;
    at.row = row;
    Ok(())
}

/// A row ends: the next starts at its first column, on the row after.
fn end_row(at: &mut Cursor<'_>) {
    at.row = at.row.saturating_add(1);
    at.col = 0;
}

/// What a run of the rows read straight from the bytes ([`fast`]) ended with.
enum Then {
    /// It took every byte at hand: more may follow.
    More,
    /// The bytes go on in a shape for the XML reader.
    Reader,
    /// The rows' collector stopped: the sheet is to be read again.
    ReadAgain,
    /// A limit was passed.
    Failed(ImportError),
}

#[cfg(test)]
thread_local! {
    /// Tests only: every row read through the XML reader's events, the reference the rows read
    /// straight from the bytes are compared with (`fast_parity/`).
    pub(crate) static EVENTS_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Reads the rows ahead straight from the bytes for as long as they are in the shapes [`fast`]
/// knows, exactly as the XML reader's events would have; `false` where `out` asks to read the
/// sheet again. Only right after an end tag (see [`XmlPart::read_raw`]).
fn rows_ahead(
    part: &mut XmlPart<'_, '_>,
    at: &mut Cursor<'_>,
    book: &Book<'_>,
    budget: &mut Budget<'_>,
    rows_read: &mut dyn FnMut(u32, u64),
    out: &mut SheetRows<'_>,
) -> Result<bool, ImportError> {
    #[cfg(test)]
    if EVENTS_ONLY.get() {
        return Ok(true);
    }
    // The `</row>` of a unit ends an element the events started, as the XML reader requires (it
    // refuses an end tag with none open); every unit leaves as many open as it found.
    if part.open_elements() == 0 {
        return Ok(true);
    }
    loop {
        match part.read_raw(|bytes, unpacked| units(bytes, unpacked, at, book, budget, rows_read, out))? {
            Then::More => {}
            Then::Reader => return Ok(true),
            Then::ReadAgain => return Ok(false),
            Then::Failed(e) => return Err(e),
        }
    }
}

/// Reads the units `bytes` begin with (`unpacked` bytes of the part unpacked so far, for
/// `rows_read` at each row's start): how many bytes they took and what came after them.
fn units(
    bytes: &[u8],
    unpacked: u64,
    at: &mut Cursor<'_>,
    book: &Book<'_>,
    budget: &mut Budget<'_>,
    rows_read: &mut dyn FnMut(u32, u64),
    out: &mut SheetRows<'_>,
) -> (usize, Then) {
    // A row started, as the events' start of a row: reported, or the limit it passed.
    let mut row_started = |started: Result<(), ImportError>, at: &Cursor<'_>| match started {
        Ok(()) => {
            rows_read(at.row, unpacked);
            None
        }
        Err(e) => Some(Then::Failed(e)),
    };
    let mut taken = 0;
    loop {
        let Some((unit, len)) = fast::unit(bytes.get(taken..).unwrap_or_default()) else {
            let then = if taken > 0 && taken == bytes.len() { Then::More } else { Then::Reader };
            return (taken, then);
        };
        let then = match unit {
            Unit::Space => None,
            Unit::Cell { attrs, content } => {
                fast_cell(attrs, content, at, book, budget, out).unwrap_or_else(|e| Some(Then::Failed(e)))
            }
            Unit::NextRow { r } => {
                end_row(at);
                row_started(start_row(at, r, budget), at)
            }
            Unit::EmptyRow { r } => {
                let then = row_started(start_row(at, r, budget), at);
                end_row(at);
                then
            }
        };
        match then {
            None => taken += len,
            Some(then) => return (taken, then),
        }
    }
}

/// A cell read straight from the bytes, as [`cell`] reads it; `Some` where the run ends at it:
/// the XML reader is to read it (its address or value is wrong, and the reader says how), or
/// the sheet is to be read again.
fn fast_cell(
    attrs: Attrs<'_>,
    content: Content<'_>,
    at: &mut Cursor<'_>,
    book: &Book<'_>,
    budget: &mut Budget<'_>,
    out: &mut SheetRows<'_>,
) -> Result<Option<Then>, ImportError> {
    let address = match attrs.r.map(|r| parse_cell_ref(r.as_bytes())) {
        Some(None) => return Ok(Some(Then::Reader)),
        Some(Some(address)) => Some(address),
        None => None,
    };
    let style = book.styles.of(attrs.s);
    let raw = match content {
        Content::V(v) if !ignores_v(attrs.t) => match value(book.strings, style.kind, attrs.t, v) {
            Ok(raw) => raw,
            Err(_) => return Ok(Some(Then::Reader)),
        },
        Content::Inline { text, preserve } => Raw::Text(run_text(text, preserve).into()),
        Content::V(_) | Content::Empty => Raw::Empty,
    };
    let (row, col) = place(at, address, budget)?;
    Ok((!out.push(row, styled(col, raw, style))).then_some(Then::ReadAgain))
}

/// Places a cell: at its address where it has one, else after the cell before it; checked and
/// counted against the limits.
fn place(at: &mut Cursor<'_>, address: Option<(u64, u64)>, budget: &mut Budget<'_>) -> Result<(u32, u32), ImportError> {
    if let Some((row, col)) = address {
        at.row = u32::try_from(row).unwrap_or(u32::MAX);
        at.col = u32::try_from(col).unwrap_or(u32::MAX);
    }
    let (row, col) = (at.row, at.col);
    budget.cell(at.sheet, row, col)?;
    at.col = at.col.saturating_add(1);
    Ok((row, col))
}

/// A grid cell of `raw` in column `col` with the format `style`.
fn styled(col: u32, raw: Raw, style: super::styles::CellStyle) -> GCell {
    let mut g = GCell::new(col, raw);
    g.bold = style.bold;
    g.indent = style.indent;
    g.percent_format = style.percent;
    g
}

/// Whether a cell of type `t` keeps no value in its `<v>` (an inline string's is in `<is>`).
fn ignores_v(t: Option<&str>) -> bool {
    matches!(t, Some("inlineStr" | "is"))
}

/// Checks that a `<dimension ref>` lies inside Excel's grid (memory follows the cells, never it).
fn check_dimension(e: &BytesStart<'_>, sheet: &str, budget: &Budget<'_>) -> Result<(), ImportError> {
    if let Some(a) = e.try_get_attribute("ref").ok().flatten() {
        for corner in a.value.split(':') {
            if let Some((r, c)) = parse_cell_ref(corner.as_bytes())
                && (r >= u64::from(EXCEL_MAX_ROWS) || c >= u64::from(EXCEL_MAX_COLS))
            {
                return Err(budget.beyond_grid(sheet, "en dimension"));
            }
        }
    }
    Ok(())
}

/// Reads a `<c>` (its start `e` just read) to its end.
fn cell(
    part: &mut XmlPart<'_, '_>,
    e: &BytesStart<'_>,
    at: &mut Cursor<'_>,
    book: &Book<'_>,
    budget: &mut Budget<'_>,
    scratch: &mut Scratch,
) -> Result<(u32, GCell), ImportError> {
    let (mut r, mut s, mut t) = (None, None, None);
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| part.invalid(format_args!("en cell med felaktiga attribut ({err})")))?;
        match a.key.as_ref() {
            "r" => r = Some(a.value),
            "s" => s = Some(a.value),
            "t" => t = Some(a.value),
            _ => {}
        }
    }
    let address = match &r {
        Some(r) => Some(
            parse_cell_ref(r.as_bytes())
                .ok_or_else(|| part.invalid(format_args!("en cell med ogiltig adress ('{r}')")))?,
        ),
        None => None,
    };
    let (row, col) = place(at, address, budget)?;
    let style = book.styles.of(s.as_deref());
    let raw = cell_value(part, e.name().as_ref(), t.as_deref(), style.kind, book, scratch)?;
    Ok((row, styled(col, raw, style)))
}

/// The value inside a cell up to its end (`closing`): the last `<v>`, `<is>` or `<f>` decides.
fn cell_value(
    part: &mut XmlPart<'_, '_>,
    closing: &str,
    t: Option<&str>,
    kind: super::styles::NumberKind,
    book: &Book<'_>,
    scratch: &mut Scratch,
) -> Result<Raw, ImportError> {
    let mut raw = Raw::Empty;
    let Scratch { xml: buf, name, text } = scratch;
    loop {
        let local = match part.next(buf)? {
            Event::End(e) if e.name().as_ref() == closing => return Ok(raw),
            Event::Eof => return Err(part.ended_early()),
            Event::Start(e) => {
                name.clear();
                name.push_str(e.name().as_ref());
                e.local_name().as_ref().len()
            }
            _ => continue,
        };
        raw = match name.get(name.len() - local..).unwrap_or_default() {
            "is" => Raw::Text(read_string(part, name, buf)?.into()),
            "v" if ignores_v(t) => {
                part.skip_to_end(name, buf)?;
                Raw::Empty
            }
            "v" => {
                text.clear();
                v_text(part, name, t, text, buf)?;
                value(book.strings, kind, t, text).map_err(|what| part.invalid(what))?
            }
            "f" => {
                part.skip_to_end(name, buf)?;
                Raw::Empty
            }
            other => return Err(part.invalid(format_args!("ett okänt element <{other}> i en cell"))),
        };
    }
}

/// The text of a `<v>` (its start just read) up to its end: for numbers, strings' indexes,
/// booleans and errors the first text as written; for the other types all text, resolved.
fn v_text(
    part: &mut XmlPart<'_, '_>,
    name: &str,
    t: Option<&str>,
    out: &mut String,
    buf: &mut Vec<u8>,
) -> Result<(), ImportError> {
    if !matches!(t, None | Some("n" | "s" | "b" | "e")) {
        return read_text(part, name, out, buf);
    }
    match part.next(buf)? {
        Event::Text(text) => out.push_str(&text),
        Event::End(e) if e.name().as_ref() == name => return Ok(()),
        Event::Eof => return Err(part.ended_early()),
        _ => {}
    }
    part.skip_to_end(name, buf)
}
