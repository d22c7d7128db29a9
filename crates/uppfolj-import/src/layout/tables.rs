//! Finding the tables of a sheet: each header row starts one (with the title lines above it),
//! and it runs until a footer or a gap followed by another title or header. A sheet without a
//! header row may still hold one headerless table of labels and numbers.

use super::draft::{Sheet, Span};
use super::header_rows::{group_row, header_candidate, names_roles};

/// Where the tables of `sheet` lie, in order. A span always has data rows (a header with
/// nothing under it stays a title line for the next table), so each becomes a table; the
/// spans never overlap, and a span's titles lie after the data of the span before it.
pub(super) fn scan(sheet: &Sheet<'_>) -> Vec<Span> {
    let mut found = with_headers(sheet);
    if found.is_empty() && sheet.mapping.header_row.is_none() {
        found.extend(headerless(sheet));
    }
    found
}

/// The tables with a header row in `sheet` ([`scan`] without a headerless table).
pub(super) fn with_headers(sheet: &Sheet<'_>) -> Vec<Span> {
    let (grid, infos) = (sheet.grid, sheet.infos);
    let forced = sheet.mapping.header_row.map(|r| r.saturating_sub(1));
    let mut found = Vec::new();
    let mut titles: Vec<usize> = Vec::new();
    let mut i = 0usize;
    while i < grid.rows.len() {
        let is_header = match forced {
            Some(h) => grid.rows[i].row == h,
            None => header_candidate(sheet, i),
        };
        if !is_header {
            if infos[i].nonempty > 0 && !infos[i].footer {
                titles.push(i);
            }
            i += 1;
            continue;
        }
        let mut group = None;
        if forced.is_none() {
            (group, i) = group_row(sheet, &mut titles, i);
        }
        let end = table_end(sheet, i, forced.is_some());
        if end > i + 1 {
            found.push(Span { titles: std::mem::take(&mut titles), group, header: Some(i), start: i + 1, end });
        } else {
            // Not a table after all: the row stays a title line for the next one.
            titles.extend(group);
            titles.push(i);
        }
        i = end.max(i + 1);
        if forced.is_some() {
            break;
        }
    }
    found
}

/// The tables of the rows after a table that a footer ended, scanned on their own (`rest`
/// begins with the footer): as [`scan`] goes on after such a table, with no headerless table
/// (the sheet has one with a header) and none after the user's header row (it names the one
/// table read).
pub(super) fn after_footer(rest: &Sheet<'_>) -> Vec<Span> {
    if rest.mapping.header_row.is_some() { Vec::new() } else { with_headers(rest) }
}

/// A sheet without a header row: rows of a label and numbers (a budget bill table), with the
/// single-text lines above them as titles.
fn headerless(sheet: &Sheet<'_>) -> Option<Span> {
    let infos = &sheet.infos;
    let start = (0..sheet.grid.rows.len()).find(|&k| infos[k].numbers >= 1 && infos[k].texts >= 1)?;
    let labelled = infos[start..].iter().filter(|x| x.numbers >= 1 && x.texts >= 1).count();
    if labelled < 2 {
        return None;
    }
    let end = table_end(sheet, start.saturating_sub(1), true).max(start + 1);
    let titles: Vec<usize> = (0..start).filter(|&k| infos[k].single_text && !infos[k].footer).collect();
    Some(Span { titles, group: None, header: None, start, end })
}

/// The index one past the last row of the table whose header is at `header` (data start at
/// `header + 1`). A `forced` header (the user's) ends its table only at a footer.
fn table_end(sheet: &Sheet<'_>, header: usize, forced: bool) -> usize {
    let (grid, infos) = (sheet.grid, sheet.infos);
    let mut prev_row = grid.rows.get(header).map_or(0, |r| r.row);
    let mut k = header + 1;
    while k < grid.rows.len() {
        let info = &infos[k];
        let row = grid.rows[k].row;
        if info.footer {
            return k;
        }
        let gap = row > prev_row + 1;
        if gap && !forced {
            // Another table's title or header after a gap ends this one.
            if names_roles(sheet, k) {
                return k;
            }
            if info.single_text && k + 1 < grid.rows.len() {
                let next_is_header = (k + 1..(k + 4).min(grid.rows.len())).any(|n| header_candidate(sheet, n));
                if next_is_header {
                    return k;
                }
            }
            if row > prev_row + 3 && info.single_text {
                return k;
            }
        }
        prev_row = row;
        k += 1;
    }
    k
}
