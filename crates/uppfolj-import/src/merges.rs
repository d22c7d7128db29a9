//! Merged cells of xlsx worksheets, collected while the [`crate::guard`] streams the sheet XML, so
//! that calamine need not read every sheet a second time only for its `<mergeCells>` (the import
//! read each sheet's XML three times before: the guard, calamine's cells, calamine's merges).
//!
//! The result must be what `calamine::Xlsx::merge_cells_by_sheet_name` (0.38) gives, with its
//! errors read as "no merges" as the import always has. Where this module cannot be sure of that
//! (an unusual package, an attribute or a reference calamine might read differently), it says
//! "unsure" and the reader asks calamine, as before.

use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Read, Seek};

/// A merged range: first and last cell as zero-based (row, column), as calamine gives them.
pub type MergedRange = ((u32, u32), (u32, u32));

/// The merged ranges of an xlsx workbook's sheets, by sheet name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetMerges {
    /// (sheet name, its merged ranges) in workbook order; `None` where the scan is unsure.
    sheets: Vec<(String, Option<Vec<MergedRange>>)>,
}

impl SheetMerges {
    /// Whether these are the sheets `names` (calamine's list), in the same order. Only then may
    /// [`SheetMerges::get`] be used in place of calamine.
    pub fn covers(&self, names: &[String]) -> bool {
        self.sheets.len() == names.len() && self.sheets.iter().zip(names).all(|((n, _), m)| n == m)
    }

    /// The merged ranges of sheet `name` (the first sheet of that name, as calamine takes it), or
    /// `None` when the scan cannot say exactly what calamine would read.
    pub fn get(&self, name: &str) -> Option<&[MergedRange]> {
        self.sheets.iter().find(|(n, _)| n == name).and_then(|(_, m)| m.as_deref())
    }
}

/// Follows one worksheet part's XML events for its merged ranges, the way calamine does: the
/// first `<mergeCells>` element only, every `<mergeCell ref>` inside it.
#[derive(Debug, Default)]
pub(crate) enum MergeScan {
    /// No `<mergeCells>` seen yet.
    #[default]
    Before,
    /// Inside the first `<mergeCells>`.
    Inside(Vec<MergedRange>),
    /// The first `<mergeCells>` has ended.
    Done(Vec<MergedRange>),
    /// Something calamine might read differently: ask calamine.
    Unsure,
}

impl MergeScan {
    /// A start or empty element of the worksheet, with its local name.
    pub(crate) fn element(&mut self, local: &str, e: &BytesStart<'_>, empty: bool) {
        match (local, &mut *self) {
            ("mergeCells", MergeScan::Before) => {
                *self = if empty { MergeScan::Done(Vec::new()) } else { MergeScan::Inside(Vec::new()) };
            }
            ("mergeCell", MergeScan::Inside(ranges)) => match e.try_get_attribute("ref") {
                Ok(None) => {}
                Ok(Some(a)) => match merged_range(&a.value) {
                    Some(r) => ranges.push(r),
                    None => *self = MergeScan::Unsure,
                },
                Err(_) => *self = MergeScan::Unsure,
            },
            _ => {}
        }
    }

    /// An end element of the worksheet, with its local name.
    pub(crate) fn end(&mut self, local: &str) {
        if local == "mergeCells"
            && let MergeScan::Inside(ranges) = self
        {
            *self = MergeScan::Done(std::mem::take(ranges));
        }
    }

    /// The part's merged ranges once its XML has ended; `None` if unsure.
    pub(crate) fn finish(self) -> Option<Vec<MergedRange>> {
        match self {
            MergeScan::Before => Some(Vec::new()),
            MergeScan::Done(ranges) => Some(ranges),
            // Unclosed `<mergeCells>`: calamine fails; let it.
            MergeScan::Inside(_) | MergeScan::Unsure => None,
        }
    }
}

/// A `ref` such as "A1:C2" or "B3" as calamine 0.38 reads it (`get_dimension`): letters then
/// digits, nothing else, one or two corners. `None` where calamine fails, or where its `u32`
/// arithmetic would overflow (it would panic in a debug build and wrap in a release build: asking
/// calamine keeps whatever it does). A range written last corner first is kept as written, as a
/// release build of calamine does.
fn merged_range(r: &str) -> Option<MergedRange> {
    let mut corners = r.split(':');
    let first = corner(corners.next()?.as_bytes())?;
    let last = match corners.next() {
        Some(c) => corner(c.as_bytes())?,
        None => first,
    };
    corners.next().is_none().then_some((first, last))
}

/// One corner: letters (either case) then digits, as calamine's `get_row_column`.
fn corner(s: &[u8]) -> Option<(u32, u32)> {
    let mut col: u32 = 0;
    let mut row: u32 = 0;
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        i += 1;
        match b {
            b'A'..=b'Z' | b'a'..=b'z' => {
                col = col.checked_mul(26)?.checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)?;
            }
            b'0'..=b'9' => {
                row = u32::from(b - b'0');
                break;
            }
            _ => return None,
        }
    }
    for &b in s.get(i..)? {
        match b {
            b'0'..=b'9' => row = row.checked_mul(10)?.checked_add(u32::from(b - b'0'))?,
            _ => return None,
        }
    }
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// Pairs the merged ranges found per worksheet part (`parts`, keyed by the part's name in lower
/// case with `/`) with the sheet names, finding each sheet's part as calamine does: the package
/// relationships name the workbook, the workbook lists the sheets with relationship ids, and the
/// workbook's relationships give the parts. Parts are looked up without regard to case, as
/// calamine does. Anything unusual leaves the sheets unsure (calamine is asked).
pub(crate) fn resolve<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    parts: &HashMap<String, Option<Vec<MergedRange>>>,
    limit: u64,
) -> SheetMerges {
    let Some(paths) = sheet_paths(zip, limit) else {
        return SheetMerges::default();
    };
    let sheets = paths
        .into_iter()
        .map(|(name, path)| {
            let merges = parts.get(&path.to_ascii_lowercase()).cloned().flatten();
            (name, merges)
        })
        .collect();
    SheetMerges { sheets }
}

/// (sheet name, part path) for every sheet, in workbook order; `None` if anything is unusual.
fn sheet_paths<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, limit: u64) -> Option<Vec<(String, String)>> {
    let mut cache: HashMap<String, String> = HashMap::new();
    for name in zip.file_names() {
        let name = name.ok()?;
        if cache.insert(name.replace('\\', "/").to_ascii_lowercase(), name.to_string()).is_some() {
            // Two parts that differ only in case: which one calamine opens is not worth guessing.
            return None;
        }
    }
    let mut read = |path: &str| -> Option<Vec<u8>> {
        let actual = cache.get(&path.to_ascii_lowercase()).map_or(path, String::as_str);
        let entry = zip.by_name(actual).ok()?;
        let mut out = Vec::new();
        entry.take(limit).read_to_end(&mut out).ok()?;
        Some(out)
    };

    // The package relationships: the officeDocument's target (the last such, decoded).
    let mut document = None;
    let mut inside = false;
    walk(&read("_rels/.rels")?, |event, e| {
        match (event, e.local_name().as_ref()) {
            (Walk::Start, "Relationships") if !inside => inside = true,
            (Walk::Start, "Relationship") if inside => {
                let rel_type = attribute(e, "Type")?;
                if rel_type.is_some_and(|t| t.ends_with("/relationships/officeDocument"))
                    && let Some(target) = attribute(e, "Target")?
                {
                    document = Some(quick_xml::escape::unescape(&target).ok()?.into_owned());
                }
            }
            (Walk::End, "Relationships") if inside => return Some(false),
            _ => {}
        }
        Some(true)
    })?;
    let document = document?;
    let (dir, file) = match document.rfind('/') {
        Some(i) => document.split_at(i + 1),
        None => ("", document.as_str()),
    };
    let xl_path = dir.strip_prefix('/').unwrap_or(dir);
    let workbook_name = if file.is_empty() { "workbook.xml" } else { file };

    // The workbook's relationships: id → (target as written, type).
    let mut rels: HashMap<String, (String, String)> = HashMap::new();
    walk(&read(&format!("{xl_path}_rels/{workbook_name}.rels"))?, |event, e| {
        match (event, e.local_name().as_ref()) {
            (Walk::Start, "Relationship") => {
                if let Some(id) = attribute(e, "Id")? {
                    let rel_type = attribute(e, "Type")?.unwrap_or_default();
                    let target = attribute(e, "Target")?.unwrap_or_default();
                    rels.insert(id, (target, rel_type));
                }
            }
            (Walk::End, "Relationships") => return Some(false),
            _ => {}
        }
        Some(true)
    })?;

    // The workbook's sheets.
    let mut sheets = Vec::new();
    walk(&read(&format!("{xl_path}{workbook_name}"))?, |event, e| {
        match (event, e.local_name().as_ref()) {
            (Walk::Start, "sheet") => {
                let mut name = String::new();
                let mut rel_id = String::new();
                for a in e.attributes().with_checks(true) {
                    let a = a.ok()?;
                    let key = a.key.as_ref();
                    if key == "name" {
                        name = quick_xml::escape::unescape(&a.value).ok()?.into_owned();
                    } else if key == "id" || key.ends_with(":id") {
                        rel_id = a.value.into_owned();
                    }
                }
                let (target, _) = rels.get(&rel_id)?;
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None => format!("{xl_path}{target}"),
                };
                sheets.push((name, path));
            }
            (Walk::End, "workbook") => return Some(false),
            _ => {}
        }
        Some(true)
    })?;
    Some(sheets)
}

/// The kind of element [`walk`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Walk {
    /// A start tag or an empty element (calamine expands empty elements into start and end).
    Start,
    /// An end tag, or the end of an empty element.
    End,
}

/// Calls `visit` for every element of `xml` until it returns `Some(false)`; `None` if `visit` or
/// the XML fails.
fn walk(xml: &[u8], mut visit: impl FnMut(Walk, &BytesStart<'_>) -> Option<bool>) -> Option<()> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let go_on = match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => visit(Walk::Start, &e)?,
            Event::Empty(e) => visit(Walk::Start, &e)? && visit(Walk::End, &e)?,
            Event::End(e) => visit(Walk::End, &BytesStart::new(e.name().as_ref()))?,
            Event::Eof => return Some(()),
            _ => true,
        };
        if !go_on {
            return Some(());
        }
    }
}

/// The raw (undecoded) value of attribute `key`: `Some(None)` when absent, `None` when the
/// element's attributes are malformed or repeat a key (calamine might read those differently).
fn attribute(e: &BytesStart<'_>, key: &str) -> Option<Option<String>> {
    let mut found = None;
    for a in e.attributes().with_checks(true) {
        let a = a.ok()?;
        if found.is_none() && a.key.as_ref() == key {
            found = Some(a.value.into_owned());
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_refs_as_calamine_does() {
        assert_eq!(merged_range("A1:C2"), Some(((0, 0), (1, 2))));
        assert_eq!(merged_range("b3"), Some(((2, 1), (2, 1))));
        assert_eq!(merged_range("XFD1048576"), Some(((1_048_575, 16_383), (1_048_575, 16_383))));
        // Written last corner first: kept as written.
        assert_eq!(merged_range("C2:A1"), Some(((1, 2), (0, 0))));
        for bad in ["", "A", "1", "A0", "$A$1:B2", "A1:B2:C3", "A1 :B2", "1A", "ZZZZZZZZ1", "A99999999999"] {
            assert_eq!(merged_range(bad), None, "{bad}");
        }
    }

    #[test]
    fn follows_only_the_first_merge_cells_block() {
        let xml = br#"<worksheet><sheetData/><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A2:A3"/></mergeCells><mergeCells><mergeCell ref="D4:E5"/></mergeCells></worksheet>"#;
        let mut scan = MergeScan::default();
        let mut reader = quick_xml::Reader::from_reader(&xml[..]);
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf).expect("valid XML") {
                Event::Start(e) => scan.element(e.local_name().as_ref(), &e, false),
                Event::Empty(e) => scan.element(e.local_name().as_ref(), &e, true),
                Event::End(e) => scan.end(e.local_name().as_ref()),
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        assert_eq!(scan.finish(), Some(vec![((0, 0), (0, 1)), ((1, 0), (2, 0))]));
        let mut unclosed = MergeScan::Inside(Vec::new());
        unclosed.end("sheetData");
        assert_eq!(unclosed.finish(), None, "an unclosed block is left to calamine");
    }
}
