//! The charts: the indicators counted by status, in all and per perspective, each bar in its
//! status's colour with the status named in the legend.

use super::assess::Verdict;
use super::compute::Figures;
use uppfolj_plugin::model::report::{Chart, ChartKind, ChartSemantics, Series, Status};
use uppfolj_plugin::model::unit::Unit;

/// The id of the chart of counts by status.
pub(super) const BY_STATUS: &str = "status-antal";

/// The id of the chart of counts by status per perspective.
pub(super) const BY_PERSPECTIVE: &str = "status-per-perspektiv";

/// The legend's words for the statuses: "Saknar värde" and "Saknar bedömning" share a colour.
pub(super) fn semantics(chart: &str) -> ChartSemantics {
    ChartSemantics::new(chart)
        .with_status_label(Status::Good, Verdict::Met.label())
        .with_status_label(Status::Warning, Verdict::Partly.label())
        .with_status_label(Status::Bad, Verdict::NotMet.label())
        .with_status_label(Status::Neutral, "Saknar värde eller bedömning")
}

/// The number of indicators with each status.
pub(super) fn by_status(f: &Figures) -> Chart {
    let year = f.settings.year.map_or(String::new(), |y| format!(" {y}"));
    Chart {
        id: BY_STATUS.into(),
        title: format!("Antal indikatorer per status{year}"),
        kind: ChartKind::Bar,
        categories: Verdict::ALL.iter().map(|v| v.label().to_owned()).collect(),
        series: vec![Series {
            name: "Antal indikatorer".into(),
            values: Verdict::ALL.iter().map(|v| Some(f.counts.get(*v) as f64)).collect(),
            statuses: Verdict::ALL.iter().map(|v| Some(v.status())).collect(),
        }],
        unit: Some(Unit::Count),
        value_label: "Antal indikatorer".into(),
        reference_lines: Vec::new(),
        horizontal: false,
    }
}

/// Per perspective, the indicators by status, stacked.
pub(super) fn by_perspective(f: &Figures) -> Chart {
    let n = f.perspectives.len();
    Chart {
        id: BY_PERSPECTIVE.into(),
        title: "Indikatorer per perspektiv och status".into(),
        kind: ChartKind::StackedBar,
        categories: f.perspectives.iter().map(|p| p.name.clone()).collect(),
        series: Verdict::ALL
            .iter()
            .map(|v| Series {
                name: v.label().to_owned(),
                values: f.perspectives.iter().map(|p| Some(p.counts.get(*v) as f64)).collect(),
                statuses: vec![Some(v.status()); n],
            })
            .collect(),
        unit: Some(Unit::Count),
        value_label: "Antal indikatorer".into(),
        reference_lines: Vec::new(),
        horizontal: true,
    }
}
