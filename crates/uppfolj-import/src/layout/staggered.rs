//! Staggered label columns: a hierarchy written by moving codes and texts right with depth
//! becomes one code column and one label column, whose cells are read from whichever source
//! column holds them in each row.

use super::cell_text::raw_to_text;
use super::draft::{Col, Draft};
use super::rows::{Cls, classify};
use crate::grid::GRow;
use crate::roles::is_label_role;
use std::collections::BTreeSet;
use uppfolj_model::dataset::Cell;
use uppfolj_model::{CellRef, ColumnRole, Value};

/// Replaces the leading staggered label columns, if any, by a code and a label column.
pub(super) fn merge(d: &mut Draft<'_>) {
    // The pattern shows in the first rows.
    let Some(n) = staggered_labels(&d.cols, d.sample()) else { return };
    let cols = &mut d.cols;
    let srcs: Vec<u32> = cols[..n].iter().flat_map(|c| c.src.clone()).collect();
    let name =
        cols[..n].iter().find(|c| !c.name.starts_with("Kolumn ")).map_or("Radtext".to_string(), |c| c.name.clone());
    let mut code = Col::new(srcs.clone(), "Kod".to_string());
    code.role = Some(ColumnRole::Account);
    code.because = "innehåll (koder)";
    code.code = true;
    let mut label = Col::new(srcs, name);
    label.role = Some(ColumnRole::Label);
    label.because = "innehåll (trappstegsindrag)";
    cols.splice(..n, [code, label]);
}

/// The number of leading columns that hold a staggered hierarchy: in most rows exactly one of
/// them holds text (and maybe a code number left of it), and the text moves between columns.
fn staggered_labels(cols: &[Col], data: &[GRow]) -> Option<usize> {
    // The label area: the columns before the trailing run of numeric columns.
    let trailing = cols.iter().rev().take_while(|c| c.numeric && c.role.is_none_or(|r| !is_label_role(r))).count();
    let n = (cols.len() - trailing).min(4);
    if trailing == 0 {
        return None;
    }
    if n < 2 || cols[..n].iter().any(|c| c.src.len() != 1) {
        return None;
    }
    let srcs: Vec<u32> = cols[..n].iter().map(|c| c.src[0]).collect();
    let mut one_text = 0usize;
    let mut positions = BTreeSet::new();
    let mut codes = 0usize;
    for r in data {
        let texts: Vec<u32> =
            srcs.iter().copied().filter(|&s| r.get(s).is_some_and(|c| classify(&c.raw) == Cls::Text)).collect();
        if texts.len() == 1 {
            one_text += 1;
            positions.insert(texts[0]);
            if srcs
                .iter()
                .any(|&s| s < texts[0] && r.get(s).is_some_and(|c| matches!(classify(&c.raw), Cls::Number | Cls::Year)))
            {
                codes += 1;
            }
        }
    }
    (one_text * 10 >= data.len() * 9 && positions.len() >= 2 && codes * 2 >= data.len()).then_some(n)
}

/// A composed label column's cell: the rightmost text (or, for the code column, the number left
/// of it) among `src`.
pub(super) fn composed_cell(r: &GRow, src: &[u32], code: bool) -> Cell {
    let text_at = src.iter().rev().find_map(|&s| r.get(s).filter(|c| classify(&c.raw) == Cls::Text));
    if code {
        let limit = text_at.map_or(u32::MAX, |t| t.col);
        let code_cell = src
            .iter()
            .rev()
            .filter(|&&s| s < limit)
            .find_map(|&s| r.get(s).filter(|c| matches!(classify(&c.raw), Cls::Number | Cls::Year)));
        if let Some(c) = code_cell {
            return Cell::new(Value::text(raw_to_text(&c.raw).trim()), CellRef::new(r.row, c.col));
        }
        // A code written in the text: "1140-1160 Skattereduktioner".
        if let Some(c) = text_at {
            let text = c.raw.text().unwrap_or("").trim();
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            let rest = &text[digits.len()..];
            if digits.len() >= 3 && (rest.starts_with(' ') || rest.starts_with(['-', '–'])) {
                return Cell::new(Value::text(digits), CellRef::new(r.row, c.col));
            }
        }
        return Cell { value: Value::empty(), at: None };
    }
    match text_at {
        Some(c) => Cell::new(Value::text(raw_to_text(&c.raw).trim()), CellRef::new(r.row, c.col)),
        None => Cell { value: Value::empty(), at: None },
    }
}
