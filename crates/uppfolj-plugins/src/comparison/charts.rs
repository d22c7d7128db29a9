//! The chart of a KPI over time: the chosen unit (its points coloured by rank band), Riket and
//! group averages, the best of the compared units, and the value that reached the goal band. A
//! KPI whose direction is not known is not judged: its points are neutral ("Bedöms inte
//! (riktning okänd)"), the line is the highest value, not the best, and there is no goal line.

use super::compute::{Bands, Series, UNJUDGED, compared};
use super::kpis::Better;
use uppfolj_plugin::model::report::{self, Chart, ChartKind, ChartSemantics, Status};

/// The chart of `s` and how to read it.
pub(super) fn over_time(s: &Series, chosen: Option<usize>, bands: Bands) -> (Chart, ChartSemantics) {
    let compared_ = compared(s, chosen);
    let years = &s.years;
    let mut series = Vec::new();
    if let Some(p) = chosen {
        let values: Vec<Option<f64>> = years.iter().map(|&y| s.value(p, y)).collect();
        let statuses = years
            .iter()
            .map(|&y| {
                let ranking = s.ranking(y, &compared_);
                let rank = ranking.iter().find(|r| r.0 == p).map(|r| r.2);
                rank.filter(|_| ranking.len() > 1).map(|r| s.status(r, bands))
            })
            .collect();
        series.push(report::Series { name: s.places[p].name.clone(), values, statuses });
    }
    for p in (0..s.places.len()).filter(|&p| s.places[p].reference) {
        let values = years.iter().map(|&y| s.value(p, y)).collect();
        series.push(report::Series { name: s.places[p].name.clone(), values, statuses: Vec::new() });
    }
    let nth_best = |n: usize| -> Vec<Option<f64>> {
        years.iter().map(|&y| s.ranking(y, &compared_).get(n - 1).map(|r| r.1)).collect()
    };
    let most_ranked = years.iter().map(|&y| s.ranking(y, &compared_).len()).max().unwrap_or(0);
    if most_ranked > 1 {
        let values = nth_best(1);
        let name = if s.judged() { "Bäst bland de jämförda" } else { "Högst bland de jämförda" };
        series.push(report::Series { name: name.to_owned(), values, statuses: Vec::new() });
    }
    if s.judged() && bands.good_to > 1 && most_ranked > bands.good_to {
        let name = format!("Plats {} (gräns för målet)", bands.good_to);
        series.push(report::Series { name, values: nth_best(bands.good_to), statuses: Vec::new() });
    }
    series.retain(|x| x.values.iter().any(Option::is_some));
    let id = format!("over-tid-{}", s.slug());
    let semantics = semantics(&id, s, bands, series.len());
    let chart = Chart {
        id,
        title: format!("{} över tid", s.title()),
        kind: ChartKind::Line,
        categories: years.iter().map(ToString::to_string).collect(),
        series,
        unit: s.unit.clone(),
        value_label: s.unit.as_ref().map_or_else(|| "Värde".to_owned(), |u| format!("Värde, {}", u.label())),
        reference_lines: Vec::new(),
        horizontal: false,
    };
    (chart, semantics)
}

/// How to read the chart `id` of `s` with `n` series: the rank bands' labels and which direction
/// is better; for a KPI that is not judged, its neutral label and no better direction.
fn semantics(id: &str, s: &Series, bands: Bands, n: usize) -> ChartSemantics {
    let mut semantics = ChartSemantics::new(id);
    if !s.judged() {
        return semantics.with_status_label(Status::Neutral, UNJUDGED);
    }
    for status in [Status::Good, Status::Warning, Status::Bad] {
        semantics = semantics.with_status_label(status, bands.label(status));
    }
    let better = match s.better {
        Better::Higher => report::Better::Higher,
        Better::Lower => report::Better::Lower,
    };
    for i in 0..n {
        semantics = semantics.with_better(i, better);
    }
    semantics
}
