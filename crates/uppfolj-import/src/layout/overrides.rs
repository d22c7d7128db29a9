//! The user's mapping is final: a column it names is ignored, or takes the role and unit given.

use super::draft::Draft;

/// Applies the mapping's column overrides, by column name, header text or letter.
pub(super) fn apply(d: &mut Draft<'_>) {
    let mapping = d.sheet.mapping;
    d.cols.retain_mut(|col| {
        let c = col.src[0];
        let Some(o) = mapping.column(&col.name, c).or_else(|| col.header.as_deref().and_then(|l| mapping.column(l, c)))
        else {
            return true;
        };
        if o.ignore {
            return false;
        }
        if o.role.is_some() {
            col.role = o.role;
            col.because = "mappning";
            col.measure_unit = false;
        }
        if o.unit.is_some() {
            col.unit = o.unit.clone();
        }
        true
    });
}
