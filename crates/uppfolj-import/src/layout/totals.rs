//! Total and subtotal rows marked by their words ("Summa", "Totalt", "Delsumma": the last sum
//! closes the table, the others are subtotals) and by bold labels when bold is the exception.

use super::draft::Draft;
use std::collections::HashMap;
use uppfolj_model::RowKind;
use uppfolj_model::vocab::{self, SumWord};

/// Marks the rows whose label names a sum. The last sum is the total, and so is every row with
/// the same label (Kolada's "Alla kommuner" once per indicator); the other sums are subtotals.
pub(super) fn by_text(d: &mut Draft<'_>) {
    // A table's texts are held once (`intern`): each label is looked at once, not on each of the
    // 200 000 lines of a ledger that repeat it.
    let mut seen: HashMap<*const u8, Option<SumWord>, foldhash::fast::RandomState> = HashMap::default();
    d.text_totals = d
        .rows
        .iter()
        .filter_map(|r| {
            let i = r.index();
            let word = match Draft::label_text(d.label_col, r) {
                Some(t) => *seen.entry(t.as_ptr()).or_insert_with(|| vocab::sum_word(t)),
                None => vocab::sum_word(""),
            };
            word.map(|w| (i, w))
        })
        .collect();
    let last_total = d.text_totals.iter().rev().find(|(_, w)| *w == SumWord::Sum).map(|(i, _)| *i);
    let last_label = last_total.map(|i| vocab::normalise(&d.label_at(i)));
    let kinds: Vec<(usize, RowKind)> = d
        .text_totals
        .iter()
        .map(|&(i, word)| {
            let same = last_label.as_deref() == Some(vocab::normalise(&d.label_at(i)).as_str());
            (i, if word == SumWord::Sum && same { RowKind::Total } else { RowKind::Subtotal })
        })
        .collect();
    let heads = d.rows.heads_mut();
    for (i, kind) in kinds {
        heads[i].kind = kind;
    }
}

/// Marks bold data rows as subtotals, when the file has fonts and bold rows are fewer than half.
pub(super) fn by_bold(d: &mut Draft<'_>) {
    let bold_rows = d.bold.iter().filter(|b| **b).count();
    d.use_bold = d.sheet.grid.has_fonts && bold_rows > 0 && bold_rows * 2 < d.rows.len().max(2);
    if d.use_bold {
        for (row, _) in d.rows.heads_mut().iter_mut().zip(&d.bold).filter(|(_, bold)| **bold) {
            if row.kind == RowKind::Data {
                row.kind = RowKind::Subtotal;
            }
        }
    }
}
