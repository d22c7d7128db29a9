//! Header rows: whether a row is a table's header (text or years above rows with values), and
//! the group row of a two-row header ("2024" over "Budget | Utfall").

use super::draft::Sheet;
use super::rows::{Cls, classify};
use uppfolj_model::vocab;

/// Whether row `i` looks like a header: several text or year cells, no other numbers, and rows
/// with values below it.
pub(super) fn header_candidate(sheet: &Sheet<'_>, i: usize) -> bool {
    let info = &sheet.infos[i];
    if info.numbers > 0 || info.footer {
        return false;
    }
    let labels = info.texts + info.years;
    // Years count as header cells only several at a time or beside header texts ("Verksamhet |
    // 2024 | 2023"); a label and one year-like number is a data row.
    if info.years > 0 && info.years < 2 && info.texts < 2 {
        return false;
    }
    if !(labels >= 2 || single_named(sheet, i)) {
        return false;
    }
    // Look at the next few rows: at least one must hold values.
    let row = sheet.grid.rows[i].row;
    for (k, next) in sheet.infos.iter().enumerate().skip(i + 1).take(4) {
        if sheet.grid.rows[k].row > row + 4 {
            break;
        }
        if next.footer {
            return false;
        }
        if next.numbers >= 1 && next.nonempty >= 2 {
            // A year row over numbers, or text headers over numbers.
            return true;
        }
        if info.years >= 2 && info.texts == 0 {
            // Years as a header need numbers below.
            continue;
        }
        if next.texts >= 2 && next.nonempty >= labels.min(2) && info.role_words >= 1 {
            // An all-text table (an action plan) with a recognised header.
            return true;
        }
    }
    false
}

/// A one-cell header ("Inkomsttyp" over a staggered hierarchy): it names a role, is not a unit
/// line ("Belopp i tkr"), and has text right below it in the same column.
fn single_named(sheet: &Sheet<'_>, i: usize) -> bool {
    let info = &sheet.infos[i];
    if !(info.nonempty == 1 && info.role_words == 1) {
        return false;
    }
    let row = &sheet.grid.rows[i];
    let cell = &row.cells[0];
    cell.raw.text().is_some_and(|t| vocab::unit_in_text(t).is_none() && t.split_whitespace().count() <= 3)
        && sheet.grid.rows.get(i + 1).is_some_and(|next| {
            next.row == row.row + 1 && next.get(cell.col).is_some_and(|c| classify(&c.raw) == Cls::Text)
        })
}

/// The group row of the header found at `i`, and the header row itself: either `i` was the
/// group row and the next row (with more role words) is the header, or the title line right above
/// `i` is the group row (then it is taken off `titles`).
pub(super) fn group_row(sheet: &Sheet<'_>, titles: &mut Vec<usize>, i: usize) -> (Option<usize>, usize) {
    let (rows, infos) = (&sheet.grid.rows, &sheet.infos);
    if i + 1 < rows.len()
        && rows[i].row + 1 == rows[i + 1].row
        && header_candidate(sheet, i + 1)
        && infos[i + 1].role_words > infos[i].role_words
    {
        // The group row was taken for the header: the next row is the real one.
        return (Some(i), i + 1);
    }
    if let Some(&t) = titles.last()
        && t + 1 == i
        && rows[t].row + 1 == rows[i].row
        && infos[t].numbers == 0
        && (infos[t].nonempty >= 2 || (infos[t].years >= 1 && rows[t].cells[0].col > rows[i].cells[0].col))
    {
        titles.pop();
        return (Some(t), i);
    }
    (None, i)
}

/// Whether a header row found by [`header_candidate`] also names a role: another table's
/// header ends the one above it.
pub(super) fn names_roles(sheet: &Sheet<'_>, i: usize) -> bool {
    header_candidate(sheet, i) && sheet.infos[i].role_words >= 1
}
