//! The chart: allocated and used per project, the used bars coloured by how the grant is used.

use super::compute::Figures;
use super::compute::Use;
use super::read::Grants;
use uppfolj_plugin::model::report::{Chart, ChartKind, ChartSemantics, Series};

/// The id of the chart.
const CHART_ID: &str = "beviljat-forbrukat";

/// Allocated and (when the file has it) used per project, as horizontal bars.
pub(super) fn allocated_used(grants: &Grants, figures: &Figures) -> Chart {
    let list = &grants.grants;
    let allocated =
        Series { name: "Beviljat".into(), values: list.iter().map(|g| g.allocated).collect(), statuses: Vec::new() };
    let used = grants.has_used().then(|| Series {
        name: "Förbrukat".into(),
        values: list.iter().map(|g| g.used).collect(),
        statuses: list.iter().map(|g| g.used.map(|_| figures.use_of(g).status())).collect(),
    });
    Chart {
        id: CHART_ID.into(),
        title: format!("Beviljat och förbrukat per projekt, {}", grants.unit.label()),
        kind: ChartKind::GroupedBar,
        categories: list.iter().map(|g| g.label.clone()).collect(),
        series: std::iter::once(allocated).chain(used).collect(),
        unit: Some(grants.unit.clone()),
        value_label: format!("Belopp, {}", grants.unit.label()),
        reference_lines: Vec::new(),
        horizontal: true,
    }
}

/// How the chart is read: its bars carry each project's use, named as in the table.
pub(super) fn reading() -> ChartSemantics {
    [Use::Within, Use::Low, Use::Overdrawn, Use::NotAssessed]
        .into_iter()
        .fold(ChartSemantics::new(CHART_ID), |reading, u| reading.with_status_label(u.status(), u.label()))
}
