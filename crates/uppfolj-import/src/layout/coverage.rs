//! Which rows a subtotal covers, decided from the sums where position and indentation leave it
//! open. A subtotal written below its rows ("Delsumma …", "Summa …" before the table's total)
//! sums some of the rows directly above it; when they all stand on one level, nothing but the
//! amounts tells how many. When all of them sum to the subtotal, or none of the shorter runs does,
//! the levels stay as position gave them (a plugin then reports the difference). When only the
//! last few do, those are its rows: the rows above them move up to the subtotal's level, and the
//! import says so.

use super::draft::Draft;
use uppfolj_model::sums::covered_suffix;
use uppfolj_model::vocab::{self, SumWord};
use uppfolj_model::{Diagnostic, RowKind, Value};

/// Narrows each subtotal's rows to those its amounts add up.
pub(super) fn by_sums(d: &mut Draft<'_>) {
    let amount_cols: Vec<usize> =
        d.cols.iter().enumerate().filter(|(_, c)| c.holds_amounts() && !c.percent_format).map(|(i, _)| i).collect();
    if amount_cols.is_empty() {
        return;
    }
    for s in 0..d.rows.len() {
        if d.rows.heads()[s].kind == RowKind::Subtotal && vocab::sum_word(&d.label_at(s)).is_some() {
            narrow(d, s, &amount_cols);
        }
    }
}

/// Narrows the rows of the subtotal at `s` by the sums of `amount_cols`.
fn narrow(d: &mut Draft<'_>, s: usize, amount_cols: &[usize]) {
    let run = run_above(d, s);
    if run.len() < 2 {
        return;
    }
    let columns: Vec<(f64, Vec<Option<f64>>)> = amount_cols
        .iter()
        .filter_map(|&c| {
            let stated = d.rows.value(s, c).and_then(Value::as_f64)?;
            Some((stated, run.iter().map(|&j| d.rows.value(j, c).and_then(Value::as_f64)).collect()))
        })
        .collect();
    let Some(n) = covered_suffix(&columns) else { return };
    let heads = d.rows.heads_mut();
    let (level, run_level) = (heads[s].level, heads[run[0]].level);
    let (outside, covered) = run.split_at(run.len() - n);
    if run_level > level {
        outside.iter().for_each(|&j| heads[j].level = level);
    } else {
        covered.iter().for_each(|&j| heads[j].level = level.saturating_add(1));
    }
    let heads = d.rows.heads();
    let row_no = |j: usize| heads[j].source_row + 1;
    let message = format!(
        "Delsumman '{}' (rad {}) summerar de {n} raderna närmast ovanför (rad {}–{}), inte alla {} raderna ovanför: \
         det är dem beloppen stämmer med. Raderna ovanför dem räknas inte in i delsumman.",
        d.label_at(s),
        row_no(s),
        row_no(covered[0]),
        row_no(s - 1),
        run.len()
    );
    d.warnings.push(Diagnostic::info(message).at(&d.source, d.label_col.map(|c| cell_ref(d, s, c))));
}

/// The data rows directly above row `s`, top first, on one level at or below the subtotal's:
/// back to a sum row, a row of another level, or a row without amounts (a heading).
fn run_above(d: &Draft<'_>, s: usize) -> Vec<usize> {
    let heads = d.rows.heads();
    let level = heads[s].level;
    let Some(first) = s.checked_sub(1).filter(|&j| heads[j].kind == RowKind::Data) else { return Vec::new() };
    let run_level = heads[first].level;
    if run_level < level {
        return Vec::new();
    }
    let mut run: Vec<usize> = (0..s)
        .rev()
        .take_while(|&j| {
            let Some(row) = d.rows.get(j) else { return false };
            row.kind() == RowKind::Data
                && row.level() == run_level
                && vocab::sum_word(&d.label_of(row)) != Some(SumWord::Part)
                && row.values().any(|v| v.as_f64().is_some())
        })
        .collect();
    run.reverse();
    run
}

/// The source cell of row `r`, column `c` of the draft.
fn cell_ref(d: &Draft<'_>, r: usize, c: usize) -> uppfolj_model::CellRef {
    d.rows.at(r, c).unwrap_or_else(|| {
        let source_row = d.rows.heads().get(r).map_or(0, |h| h.source_row);
        uppfolj_model::CellRef::new(source_row, d.cols.get(c).and_then(|col| col.src.first().copied()).unwrap_or(0))
    })
}

#[cfg(test)]
mod tests {
    use super::super::{LayoutLimits, detect, grid_from};
    use crate::grid::Raw;
    use crate::mapping::Mapping;
    use uppfolj_model::{RowKind, Severity};

    fn t(s: &str) -> Raw {
        Raw::Text(s.into())
    }

    /// Nine rows of text numbers, a "Delsumma" stating `subtotal` (budget, outcome), a total;
    /// the rows' kinds and levels and the import's notes.
    fn levels_and_notes(subtotal: (&str, &str)) -> (Vec<(RowKind, u8)>, Vec<String>) {
        let mut rows: Vec<Vec<Raw>> = vec![vec![t("Verksamhet"), t("Budget"), t("Utfall")]];
        let data = [("A", 100), ("B", 50), ("C", 20), ("D", 80), ("E", 30), ("F", 10), ("G", 40), ("H", 15), ("I", 25)];
        for (label, v) in data {
            rows.push(vec![t(label), t(&format!("−{v}")), t(&format!("−{}", v + 1))]);
        }
        rows.push(vec![t("Delsumma G–I"), t(subtotal.0), t(subtotal.1)]);
        rows.push(vec![t("Summa"), t("−370"), t("−379")]);
        let refs: Vec<&[Raw]> = rows.iter().map(Vec::as_slice).collect();
        let found = detect(grid_from(&refs), "x.xlsx", &Mapping::default(), LayoutLimits { max_columns: 100 });
        let ds = &found[0].dataset;
        let notes = found[0].summary.warnings.iter().filter(|w| w.severity == Severity::Info);
        (ds.rows.heads().iter().map(|r| (r.kind, r.level)).collect(), notes.map(|w| w.message.clone()).collect())
    }

    #[test]
    fn a_subtotal_over_the_last_three_of_nine_rows_covers_three() {
        let (levels, notes) = levels_and_notes(("−80", "−83"));
        let deeper: Vec<usize> = (0..levels.len()).filter(|&i| levels[i].1 > 0).collect();
        assert_eq!(deeper, vec![6, 7, 8], "{levels:?}");
        assert_eq!(levels[9], (RowKind::Subtotal, 0));
        assert!(notes[0].contains("summerar de 3 raderna närmast ovanför (rad 8–10), inte alla 9"), "{notes:?}");
    }

    #[test]
    fn a_subtotal_of_all_rows_or_of_none_keeps_its_position() {
        let (levels, notes) = levels_and_notes(("−370", "−379"));
        assert_eq!(levels.iter().filter(|l| l.1 > 0).count(), 9);
        assert!(notes.is_empty(), "{notes:?}");
        let (levels, _) = levels_and_notes(("−81", "−83"));
        assert_eq!(levels.iter().filter(|l| l.1 > 0).count(), 9, "no run sums to it: the plugin reports it");
    }
}
