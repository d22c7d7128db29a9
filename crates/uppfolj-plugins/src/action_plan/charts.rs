//! The chart: planned and realised effect against the requirement, per year.

use super::compute::Figures;
use super::read::year_label;
use uppfolj_plugin::model::report::{Chart, ChartKind, ReferenceLine, Series};
use uppfolj_plugin::model::unit::Unit;

/// Planned, realised and (when given) required effect per year, with the requirement of the
/// focus year as a reference line.
pub(super) fn planned_realised_required(figures: &Figures, unit: &Unit) -> Chart {
    let series_of = |name: &str, values: Vec<Option<f64>>| Series { name: name.into(), values, statuses: Vec::new() };
    let years = &figures.years;
    let mut series = vec![
        series_of("Planerat", years.iter().map(|&y| Some(figures.planned(y))).collect()),
        series_of("Realiserat", years.iter().map(|&y| Some(figures.realised(y))).collect()),
    ];
    if !figures.required.is_empty() {
        series.push(series_of("Krav", years.iter().map(|y| figures.required.get(y).copied()).collect()));
    }
    let reference_lines = figures
        .focus
        .and_then(|f| figures.required.get(&Some(f)).map(|r| ReferenceLine { label: format!("Krav {f}"), value: *r }))
        .into_iter()
        .collect();
    Chart {
        id: "planerat-realiserat-krav".into(),
        title: format!("Planerad och realiserad effekt mot krav per år, {}", unit.label()),
        kind: ChartKind::GroupedBar,
        categories: years.iter().map(|y| year_label(*y)).collect(),
        series,
        unit: Some(unit.clone()),
        value_label: format!("Effekt, {}", unit.label()),
        reference_lines,
        horizontal: false,
    }
}
