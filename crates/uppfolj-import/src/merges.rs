//! Merged cells of xlsx worksheets, collected by [`crate::xlsx`] in its one read of each sheet (the
//! import once read each sheet's XML three times: a guard's scan, calamine's cells, calamine's
//! merges).
//!
//! The result is what `calamine::Xlsx::merge_cells_by_sheet_name` (0.38) gives, with its errors
//! read as "no merges" as the import always has: where a reference is one calamine cannot read
//! (or `<mergeCells>` is unclosed), the sheet has no merged cells.

use quick_xml::events::BytesStart;

/// A merged range: first and last cell as zero-based (row, column), as calamine gives them.
pub type MergedRange = ((u32, u32), (u32, u32));

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
    /// A reference calamine cannot read: no merged cells, as calamine's error gave.
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

    /// The part's merged ranges once its XML has ended; `None` where calamine would fail.
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

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;

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
        assert_eq!(unclosed.finish(), None, "an unclosed block gives no merges");
    }
}
