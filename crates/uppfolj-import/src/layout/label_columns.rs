//! Label columns: the one that names a row, and the grouping columns whose blank cells take the
//! label above (a group written once over its rows).

use super::draft::{Draft, sample};
use crate::roles::is_label_role;

/// Finds the column that names a row (the first label column that is not a code) and the label
/// columns to fill down: blank in at least a quarter of the first rows (the sample) where
/// another label column has text.
pub(super) fn find(d: &mut Draft<'_>) {
    let cols = &d.cols;
    d.label_col = cols.iter().position(|c| c.role.is_some_and(is_label_role) && !c.code);
    let label_cols: Vec<usize> = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| c.role.is_some_and(is_label_role) && c.src.len() == 1)
        .map(|(i, _)| i)
        .collect();
    let Some((_, grouping)) = label_cols.split_last() else { return };
    let sample = sample(&d.data);
    for &ci in grouping {
        let src = cols[ci].src[0];
        let blanks = sample
            .iter()
            .filter(|r| r.get(src).is_none() && label_cols.iter().any(|&o| o != ci && r.get(cols[o].src[0]).is_some()))
            .count();
        if blanks > 0 && blanks * 2 >= sample.len() / 2 {
            d.fill_cols.push(ci);
        }
    }
}
