//! Hierarchy levels of the rows: from code depths, else from indentation, else from bold
//! subtotals, else from subtotals that close groups.

use super::draft::Draft;
use uppfolj_model::vocab::SumWord;
use uppfolj_model::{RowKind, RowRef};

/// Gives each row its level (0 the top).
pub(super) fn assign(d: &mut Draft<'_>) {
    if d.code_col.is_some() {
        by_codes(d);
    } else if d.indents.iter().any(|&x| x != d.indents[0]) {
        by_indentation(d);
    } else if d.use_bold && d.rows.heads().iter().any(|r| r.kind == RowKind::Subtotal) {
        by_bold(d);
    } else if d.text_totals.iter().any(|(_, w)| *w == SumWord::Part) {
        // Subtotal rows close a group: rows before each subtotal are one level deeper.
        for row in d.rows.heads_mut() {
            row.level = u8::from(row.kind == RowKind::Data);
        }
    }
}

/// Levels from the distinct code depths, shallowest first (1); the total at 0.
fn by_codes(d: &mut Draft<'_>) {
    let mut distinct: Vec<u8> = d.code_levels.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    for (row, cl) in d.rows.heads_mut().iter_mut().zip(&d.code_levels) {
        row.level = match cl {
            Some(l) => u8::try_from(distinct.iter().position(|d| d == l).unwrap_or(0) + 1).unwrap_or(u8::MAX),
            None => 0,
        };
        if row.kind == RowKind::Total {
            row.level = 0;
        }
    }
}

/// Levels from the distinct indentations, when there are at most eight.
fn by_indentation(d: &mut Draft<'_>) {
    let mut distinct = d.indents.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() <= 8 {
        for (row, ind) in d.rows.heads_mut().iter_mut().zip(&d.indents) {
            row.level = u8::try_from(distinct.iter().position(|d| d == ind).unwrap_or(0)).unwrap_or(u8::MAX);
        }
    }
}

/// Bold subtotals without a leading code are the top level, with a code the next; the rows
/// under them one deeper.
fn by_bold(d: &mut Draft<'_>) {
    let has_code = |row: RowRef<'_>| {
        d.label_of(row).split_whitespace().next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
    };
    let subtotals: Vec<bool> = d.rows.iter().filter(|r| r.kind() == RowKind::Subtotal).map(has_code).collect();
    let two_levels = subtotals.iter().any(|c| *c) && subtotals.iter().any(|c| !*c);
    let levels: Vec<u8> = d
        .rows
        .iter()
        .map(|row| match row.kind() {
            RowKind::Total => 0,
            RowKind::Subtotal => u8::from(two_levels && has_code(row)),
            RowKind::Data => 1 + u8::from(two_levels),
        })
        .collect();
    for (row, level) in d.rows.heads_mut().iter_mut().zip(levels) {
        row.level = level;
    }
}
