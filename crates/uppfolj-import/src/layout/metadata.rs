//! The columns as the dataset describes them: name, role, unit (an amount column without its
//! own unit takes the table's), period, region and source column.

use super::draft::Draft;
use uppfolj_model::ColumnMeta;

/// Describes the draft's columns.
pub(super) fn describe(d: &mut Draft<'_>) {
    d.columns = d
        .cols
        .iter()
        .map(|c| ColumnMeta {
            name: c.name.clone(),
            role: c.role,
            unit: c.unit.clone().or_else(|| c.holds_amounts().then(|| d.unit.clone()).flatten()),
            period: c.period.clone(),
            region: c.region.clone(),
            source_col: c.src[0],
        })
        .collect();
}
