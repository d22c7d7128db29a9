//! The code hierarchy of a staggered table: a row whose text sits left of the next row's, or
//! whose code is the parent of the next row's ("1100" over "1110"), is a subtotal; a code's
//! depth is its number of digits before trailing zeros.

use super::draft::Draft;
use uppfolj_model::RowKind;

/// Marks parent rows as subtotals and records each row's code depth.
pub(super) fn mark(d: &mut Draft<'_>) {
    d.code_col = d.cols.iter().position(|c| c.code);
    d.code_levels = vec![None; d.rows.len()];
    let Some(cc) = d.code_col else { return };
    if let Some(lc) = d.label_col {
        // Staggered labels: a row whose next row's text sits further right is its parent.
        let text_cols: Vec<Option<u32>> = d.rows.iter().map(|r| r.at(lc).map(|a| a.col)).collect();
        for i in 0..d.rows.len().saturating_sub(1) {
            if let (Some(a), Some(b)) = (text_cols[i], text_cols[i + 1])
                && b > a
                && d.rows.heads()[i].kind == RowKind::Data
            {
                d.rows.heads_mut()[i].kind = RowKind::Subtotal;
            }
        }
    }
    let codes: Vec<Option<String>> =
        d.rows.iter().map(|r| r.value(cc).and_then(|v| v.as_text().map(str::to_string))).collect();
    for (i, code) in codes.iter().enumerate() {
        let Some(code) = code else { continue };
        let stem = code.trim_end_matches('0');
        let zeros = code.len() - stem.len();
        d.code_levels[i] = Some(u8::try_from(code.len().saturating_sub(zeros)).unwrap_or(u8::MAX));
        if zeros > 0
            && !stem.is_empty()
            && let Some(Some(next)) = codes.get(i + 1)
            && next != code
            && next.starts_with(stem)
            && next.len() == code.len()
            && d.rows.heads()[i].kind == RowKind::Data
        {
            d.rows.heads_mut()[i].kind = RowKind::Subtotal;
        }
    }
}
