//! The table's unit: the user's mapping, else a title line that states it ("Belopp i tkr"), else
//! the unit all amount columns share.

use super::cell_text::raw_to_text;
use super::draft::Draft;
use uppfolj_model::{CellRef, Unit, vocab};

/// Finds the table's unit and says where it came from.
pub(super) fn find(d: &mut Draft<'_>) {
    if let Some(u) = &d.sheet.mapping.unit {
        d.unit = Some(u.clone());
        d.unit_source = Some("mappning".to_string());
    } else if let Some((u, source)) = from_titles(d) {
        d.unit = Some(u);
        d.unit_source = Some(source);
    }
    if d.unit.is_none() {
        let amount_units: Vec<&Unit> =
            d.cols.iter().filter(|c| c.holds_amounts()).filter_map(|c| c.unit.as_ref()).collect();
        if let Some(first) = amount_units.first()
            && amount_units.iter().all(|u| u == first)
        {
            d.unit = Some((*first).clone());
            d.unit_source = Some("kolumnrubrik".to_string());
        }
    }
}

/// The unit stated by the title line nearest the header, with the line and its cell.
fn from_titles(d: &Draft<'_>) -> Option<(Unit, String)> {
    let rows = &d.sheet.grid.rows;
    for &t in d.span.titles.iter().rev() {
        if let Some(cell) = rows[t].cells.iter().find(|c| c.raw.text().is_some()) {
            let text = raw_to_text(&cell.raw);
            if let Some(u) = vocab::unit_in_text(&text) {
                return Some((u, format!("rubrik '{}' ({})", text.trim(), CellRef::new(rows[t].row, cell.col))));
            }
        }
    }
    None
}
