//! One worksheet read in one pass: its cells with their formats, and its merged cells, while the
//! checks run that need the sheet's XML — every row and cell inside Excel's grid and the row
//! limit, the file's cell limit (all in [`Budget`]), an unreadable address or value refused.

use super::part::XmlPart;
use super::rows::{Collected, SheetRows};
use super::styles::Styles;
use super::text::{read_string, read_text};
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

/// Reads worksheet part `part` (sheet `sheet`) into `out`; `rows_read(row, part)` is called at
/// each row. The read stops early where `out` asks to read the sheet again.
pub(crate) fn read(
    part: &mut XmlPart<'_, '_>,
    sheet: &str,
    book: &Book<'_>,
    budget: &mut Budget<'_>,
    rows_read: &mut dyn FnMut(u32, &XmlPart<'_, '_>),
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
                    if !out.push(row, c) {
                        return Ok(Collected::ReadAgain);
                    }
                }
                "row" if at.in_data => {
                    at.row = row_number(&e, at.sheet, budget)?.unwrap_or(at.row);
                    rows_read(at.row, part);
                }
                "sheetData" => at.in_data = true,
                "dimension" => check_dimension(&e, at.sheet, budget)?,
                name => merges.element(name, &e, false),
            },
            Event::End(e) => match e.local_name().as_ref() {
                "row" if at.in_data => {
                    at.row = at.row.saturating_add(1);
                    at.col = 0;
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

/// The zero-based row a `<row r>` names, checked against the grid and the row limit.
fn row_number(e: &BytesStart<'_>, sheet: &str, budget: &Budget<'_>) -> Result<Option<u32>, ImportError> {
    let Some(a) = e.try_get_attribute("r").ok().flatten() else {
        return Ok(None);
    };
    let r: u64 = a.value.trim().parse().unwrap_or(u64::MAX);
    if r == 0 || r > u64::from(EXCEL_MAX_ROWS) {
        return Err(budget.beyond_grid(sheet, "en rad"));
    }
    let row = u32::try_from(r - 1).unwrap_or(u32::MAX);
    budget.row(sheet, row)?;
    Ok(Some(row))
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
    if let Some(r) = &r {
        let Some((row, col)) = parse_cell_ref(r.as_bytes()) else {
            return Err(part.invalid(format_args!("en cell med ogiltig adress ('{r}')")));
        };
        at.row = u32::try_from(row).unwrap_or(u32::MAX);
        at.col = u32::try_from(col).unwrap_or(u32::MAX);
    }
    let (row, col) = (at.row, at.col);
    budget.cell(at.sheet, row, col)?;
    at.col = at.col.saturating_add(1);
    let style = book.styles.of(s.as_deref());
    let raw = cell_value(part, e.name().as_ref(), t.as_deref(), style.kind, book, scratch)?;
    let mut g = GCell::new(col, raw);
    g.bold = style.bold;
    g.indent = style.indent;
    g.percent_format = style.percent;
    Ok((row, g))
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
            "v" if matches!(t, Some("inlineStr" | "is")) => {
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
