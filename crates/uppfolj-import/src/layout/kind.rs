//! What kind of table it is: a budget (budget, outcome, forecast or previous-year columns), an
//! indicator table (indicators or regions), or any other table.

use super::draft::Draft;
use uppfolj_model::{ColumnRole, DatasetKind};

/// Decides the draft's kind from its columns.
pub(super) fn classify(d: &mut Draft<'_>) {
    let roles: Vec<ColumnRole> = d.columns.iter().filter_map(|c| c.role).collect();
    let budget = |r: &ColumnRole| {
        matches!(r, ColumnRole::Budget | ColumnRole::Outcome | ColumnRole::Forecast | ColumnRole::PreviousYear)
    };
    let indicator = |r: &ColumnRole| {
        matches!(r, ColumnRole::IndicatorId | ColumnRole::IndicatorName | ColumnRole::RegionId | ColumnRole::RegionName)
    };
    d.kind = if roles.iter().any(budget) {
        DatasetKind::Budget
    } else if roles.iter().any(indicator) || d.columns.iter().any(|c| c.region.is_some()) {
        DatasetKind::Indicator
    } else {
        DatasetKind::Table
    };
}
