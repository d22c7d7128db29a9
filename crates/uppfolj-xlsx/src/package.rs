//! The last step of an export: the workbook rust_xlsxwriter saved, copied into the final zip with
//! the rows of every table body streamed into their sheets (see [`crate::body`] for why).
//!
//! Every part is copied as it is (still compressed), except the sheets that have bodies. Such a
//! sheet's XML (small: titles, headers, one exemplar row per style) is read, and written again
//! with the body rows merged in by row number, straight into the deflate stream. Its
//! `<dimension>` is widened to cover the bodies.

use crate::XlsxError;
use crate::body::{RowXml, StreamedSheet, WidenTable};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufWriter, Cursor, Read, Write};
use std::ops::Range;
use uppfolj_model::CellRef;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

fn package_error(context: impl Into<String>, source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> XlsxError {
    XlsxError::Package { context: context.into(), source: io::Error::other(source) }
}

/// The part a worksheet is saved as by rust_xlsxwriter.
fn part_name(index: usize) -> String {
    format!("xl/worksheets/sheet{}.xml", index + 1)
}

/// `saved` (a workbook saved by rust_xlsxwriter) with the rows of `sheets`' bodies written in.
pub(crate) fn package(saved: Vec<u8>, sheets: &[StreamedSheet<'_>]) -> Result<Vec<u8>, XlsxError> {
    let streamed: BTreeMap<String, &StreamedSheet<'_>> =
        sheets.iter().filter(|s| !s.bodies.is_empty()).map(|s| (part_name(s.index), s)).collect();
    let widen: BTreeMap<&str, &WidenTable> =
        sheets.iter().flat_map(|s| &s.bodies).filter_map(|b| b.widen()).map(|w| (w.name.as_str(), w)).collect();
    if streamed.is_empty() && widen.is_empty() {
        return Ok(saved);
    }
    let mut archive =
        ZipArchive::new(Cursor::new(saved.as_slice())).map_err(|e| package_error("arbetsboken lästes", e))?;
    let cells: u64 = sheets.iter().flat_map(|s| &s.bodies).map(|b| b.cell_count()).sum();
    // The rows compress to about 7–8 bytes a cell (39 MiB for the 5,5 million cells of the 500 000-row
    // benchmark); room for that up front avoids copying the file as it grows.
    let capacity = saved.len().saturating_add(usize::try_from(cells.saturating_mul(8)).unwrap_or(usize::MAX));
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(capacity.min(1 << 30))));
    let mut written = BTreeSet::new();
    let mut widened = BTreeSet::new();
    for i in 0..archive.len() {
        let name = archive
            .by_index_raw(i)
            .and_then(|file| file.name().map(std::borrow::Cow::into_owned))
            .map_err(|e| package_error("arbetsboken lästes", e))?;
        let context = || format!("blad {name}");
        match streamed.get(&name) {
            Some(sheet) => {
                let xml = read_part(&mut archive, i).map_err(|e| package_error(context(), e))?;
                // Zip64 only where the sheet's XML could pass 4 GiB: readers without it are left alone.
                let large = xml_bound(&xml, sheet) > u64::from(u32::MAX);
                zip.start_file(name.as_str(), deflated(large)).map_err(|e| package_error(context(), e))?;
                let mut out = BufWriter::with_capacity(1 << 16, &mut zip);
                write_sheet(&mut out, &xml, sheet).map_err(|e| package_error(format!("bladet '{}'", sheet.name), e))?;
                out.flush().map_err(|e| package_error(context(), e))?;
                written.insert(name);
            }
            None if name.starts_with("xl/tables/") && !widen.is_empty() => {
                let mut xml = read_part(&mut archive, i).map_err(|e| package_error(context(), e))?;
                let table = table_name(&xml).and_then(|n| widen.get(n));
                if let Some(table) = table {
                    let added = format!("ref=\"{}\"", table.added);
                    if !xml.contains(&added) {
                        let found = format!("tabellen har inte området {} som den lades till över", table.added);
                        return Err(package_error(format!("tabellen {}", table.name), found));
                    }
                    xml = xml.replace(&added, &format!("ref=\"{}\"", table.full));
                    widened.insert(table.name.as_str());
                }
                zip.start_file(name.as_str(), deflated(false)).map_err(|e| package_error(context(), e))?;
                zip.write_all(xml.as_bytes()).map_err(|e| package_error(context(), e))?;
            }
            None => {
                let file = archive.by_index_raw(i).map_err(|e| package_error(context(), e))?;
                zip.raw_copy_file(file).map_err(|e| package_error(context(), e))?;
            }
        }
    }
    if let Some((missing, sheet)) = streamed.iter().find(|(name, _)| !written.contains(*name)) {
        return Err(package_error(format!("bladet '{}'", sheet.name), format!("delen {missing} saknas i arbetsboken")));
    }
    if let Some(name) = widen.keys().find(|n| !widened.contains(*n)) {
        return Err(package_error(format!("tabellen {name}"), "tabellens del saknas i arbetsboken"));
    }
    let cursor = zip.finish().map_err(|e| package_error("arbetsboken avslutades", e))?;
    Ok(cursor.into_inner())
}

/// The most bytes a sheet's rewritten XML can take: the saved XML and every body row at its
/// worst escaping.
fn xml_bound(xml: &str, sheet: &StreamedSheet<'_>) -> u64 {
    sheet.bodies.iter().map(|b| b.xml_bound()).fold(xml.len() as u64, u64::saturating_add)
}

/// Part `i` of the saved workbook, as text.
fn read_part(archive: &mut ZipArchive<Cursor<&[u8]>>, i: usize) -> io::Result<String> {
    let mut xml = String::new();
    archive.by_index(i).map_err(io::Error::other)?.read_to_string(&mut xml)?;
    Ok(xml)
}

/// Options for a part written again: deflated, dated as rust_xlsxwriter dates its parts.
fn deflated(large: bool) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .large_file(large)
}

/// The `displayName` of a table part.
fn table_name(xml: &str) -> Option<&str> {
    const ATTR: &str = "displayName=\"";
    let start = xml.find(ATTR)? + ATTR.len();
    let len = xml[start..].find('"')?;
    Some(&xml[start..start + len])
}

/// A saved sheet's XML cut at its rows.
#[derive(Debug)]
struct Parsed<'x> {
    /// Everything up to and including `<sheetData>`.
    prefix: std::borrow::Cow<'x, str>,
    /// Each `<row>` element: its number (one-based) and text.
    rows: Vec<(u32, &'x str)>,
    /// `</sheetData>` and everything after it.
    suffix: std::borrow::Cow<'x, str>,
    /// (one-based row, zero-based column) → `s` index of the cells in the rows asked for.
    styles: BTreeMap<(u32, u16), u32>,
}

fn attr(e: &BytesStart<'_>, name: &str) -> io::Result<Option<String>> {
    match e.try_get_attribute(name).map_err(io::Error::other)? {
        Some(a) => Ok(Some(a.value.into_owned())),
        None => Ok(None),
    }
}

/// The `r` attribute of a `<row>`.
fn row_number(e: &BytesStart<'_>) -> io::Result<u32> {
    attr(e, "r")?.and_then(|r| r.parse().ok()).ok_or_else(|| io::Error::other("en rad utan radnummer"))
}

/// Splits `B7` into zero-based column and one-based row.
fn split_ref(r: &str) -> Option<(u16, u32)> {
    let digits = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = r.split_at(digits);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_uppercase() {
            return None;
        }
        col = col * 26 + u32::from(b - b'A') + 1;
    }
    Some((u16::try_from(col - 1).ok()?, number.parse().ok()?))
}

/// Reads the rows of a saved sheet, and the `s` index of the cells in rows `style_rows`.
fn parse<'x>(xml: &'x str, style_rows: &BTreeSet<u32>) -> io::Result<Parsed<'x>> {
    let mut reader = Reader::from_str(xml);
    let mut data: Option<(usize, usize)> = None; // (end of <sheetData>, start of </sheetData>)
    let mut empty_data: Option<Range<usize>> = None;
    let mut rows = Vec::new();
    let mut row: Option<(u32, usize)> = None;
    let mut styles = BTreeMap::new();
    let pos = |reader: &Reader<&[u8]>| usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
    loop {
        let before = pos(&reader);
        let event = reader.read_event().map_err(io::Error::other)?;
        let after = pos(&reader);
        match event {
            Event::Start(e) if e.name().as_ref() == "sheetData" => data = Some((after, after)),
            Event::Empty(e) if e.name().as_ref() == "sheetData" => empty_data = Some(before..after),
            Event::End(e) if e.name().as_ref() == "sheetData" => {
                if let Some((start, _)) = data {
                    data = Some((start, before));
                }
                break;
            }
            Event::Start(e) if e.name().as_ref() == "row" => row = Some((row_number(&e)?, before)),
            Event::Empty(e) if e.name().as_ref() == "row" => rows.push((row_number(&e)?, &xml[before..after])),
            Event::End(e) if e.name().as_ref() == "row" => {
                if let Some((r, start)) = row.take() {
                    rows.push((r, &xml[start..after]));
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "c" => {
                if let Some((r, _)) = row
                    && style_rows.contains(&r)
                    && let Some((col, _)) = attr(&e, "r")?.as_deref().and_then(split_ref)
                {
                    let s = attr(&e, "s")?.and_then(|s| s.parse().ok()).unwrap_or(0);
                    styles.insert((r, col), s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (prefix, suffix) = match (data, empty_data) {
        (Some((start, end)), _) => (xml[..start].into(), xml[end..].into()),
        (None, Some(range)) => {
            (format!("{}<sheetData>", &xml[..range.start]).into(), format!("</sheetData>{}", &xml[range.end..]).into())
        }
        (None, None) => return Err(io::Error::other("bladet har ingen sheetData")),
    };
    Ok(Parsed { prefix, rows, suffix, styles })
}

/// `prefix` with its `<dimension ref="A1:F20"/>` widened to reach row `last_row` and column
/// `last_col` (zero-based).
fn widen_dimension(prefix: &str, last_row: u32, last_col: u16) -> String {
    const START: &str = "<dimension ref=\"";
    let Some(at) = prefix.find(START) else { return prefix.to_owned() };
    let value_start = at + START.len();
    let Some(len) = prefix[value_start..].find('"') else { return prefix.to_owned() };
    let value = &prefix[value_start..value_start + len];
    let (first, last) = value.split_once(':').unwrap_or((value, value));
    let (col, row) = split_ref(last).map_or((0, 0), |(c, r)| (c, r.saturating_sub(1)));
    let end = CellRef::new(row.max(last_row), u32::from(col.max(last_col)));
    format!("{}{first}:{end}{}", &prefix[..value_start], &prefix[value_start + len..])
}

/// Writes a sheet: the saved sheet's own rows and its bodies' rows, in row order.
fn write_sheet<W: Write>(w: &mut W, xml: &str, sheet: &StreamedSheet<'_>) -> io::Result<()> {
    let style_rows: BTreeSet<u32> = sheet.exemplars.cells.values().map(|(row, _)| row + 1).collect();
    let parsed = parse(xml, &style_rows)?;
    let xf: BTreeMap<_, _> = sheet
        .exemplars
        .cells
        .iter()
        .map(|(style, (row, col))| {
            // A blank cell in the default format is left out of the file: index 0.
            (*style, parsed.styles.get(&(row + 1, *col)).copied().unwrap_or(0))
        })
        .collect();
    let last_col = sheet.bodies.iter().map(|b| b.last_col()).max().unwrap_or(0);
    let last_row = sheet
        .bodies
        .iter()
        .filter(|b| b.len() > 0)
        .map(|b| b.first_row() + u32::try_from(b.len() - 1).unwrap_or(u32::MAX))
        .max()
        .unwrap_or(0);
    w.write_all(widen_dimension(&parsed.prefix, last_row, last_col).as_bytes())?;
    let writer = RowXml::new(xf, last_col);
    let mut saved = parsed.rows.iter().peekable();
    let mut cells = Vec::new();
    for body in &sheet.bodies {
        for i in 0..body.len() {
            let row = body.first_row() + u32::try_from(i).unwrap_or(u32::MAX);
            let r = row + 1;
            while let Some((_, text)) = saved.next_if(|(n, _)| *n < r) {
                w.write_all(text.as_bytes())?;
            }
            // An exemplar row saved by rust_xlsxwriter (blank cells that showed the styles' indices)
            // is replaced by the body's own row. Any other saved row inside a body would be a layout
            // error: two blocks on one row.
            if saved.next_if(|(n, _)| *n == r).is_some() && !style_rows.contains(&r) {
                return Err(io::Error::other(format!("rad {r} skrevs av två block")));
            }
            cells.clear();
            body.cells(i, &mut cells);
            writer.write(w, row, &cells)?;
        }
    }
    for (_, text) in saved {
        w.write_all(text.as_bytes())?;
    }
    w.write_all(parsed.suffix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_cell_references() {
        assert_eq!(split_ref("A1"), Some((0, 1)));
        assert_eq!(split_ref("AB12"), Some((27, 12)));
        assert_eq!(split_ref("XFD1048576"), Some((16_383, 1_048_576)));
        assert_eq!(split_ref("1A"), None);
        assert_eq!(split_ref("a1"), None);
    }

    #[test]
    fn widens_the_dimension_to_the_bodies() {
        let prefix = "<worksheet><dimension ref=\"A1:F9\"/><sheetViews/>";
        assert_eq!(widen_dimension(prefix, 500_004, 3), "<worksheet><dimension ref=\"A1:F500005\"/><sheetViews/>");
        assert_eq!(widen_dimension("<dimension ref=\"A1\"/>", 2, 7), "<dimension ref=\"A1:H3\"/>");
    }

    #[test]
    fn finds_rows_and_exemplar_styles() {
        let xml = "<worksheet><dimension ref=\"A1:C3\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>\
                   <row r=\"2\" ht=\"30\" customHeight=\"1\"/><row r=\"3\"><c r=\"A3\" s=\"4\" t=\"s\"><v>1</v></c>\
                   <c r=\"C3\" s=\"7\"><v>2</v></c></row></sheetData><tableParts count=\"1\"/></worksheet>";
        let parsed = parse(xml, &BTreeSet::from([3])).expect("parse");
        assert_eq!(parsed.prefix, "<worksheet><dimension ref=\"A1:C3\"/><sheetData>");
        assert_eq!(parsed.suffix, "</sheetData><tableParts count=\"1\"/></worksheet>");
        let numbers: Vec<u32> = parsed.rows.iter().map(|(r, _)| *r).collect();
        assert_eq!(numbers, [1, 2, 3]);
        assert_eq!(parsed.rows[1].1, "<row r=\"2\" ht=\"30\" customHeight=\"1\"/>");
        assert_eq!(parsed.styles, BTreeMap::from([((3, 0), 4), ((3, 2), 7)]));
    }
}
