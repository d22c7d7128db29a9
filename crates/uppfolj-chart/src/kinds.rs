//! Turns each chart kind into marks for the shared category plot.

use crate::header::{LegendItem, Marker, Swatch, status_marker};
use crate::palette;
use crate::plot::{BarLabel, Mark, Plot};
use crate::scale::ValueFormat;
use uppfolj_model::report::{Better, Chart, ChartKind, ChartSemantics, Status, Trend};

/// A chart's series cut or padded to one value per category; non-finite values become missing.
#[derive(Debug, Clone)]
pub(crate) struct Clean {
    pub names: Vec<String>,
    pub values: Vec<Vec<Option<f64>>>,
    pub statuses: Vec<Vec<Option<Status>>>,
    /// How the Report says to read the chart: status labels, which direction is better.
    pub semantics: ChartSemantics,
}

impl Clean {
    pub fn new(chart: &Chart, semantics: &ChartSemantics) -> Self {
        let n = chart.categories.len();
        let names = chart.series.iter().map(|s| s.name.clone()).collect();
        let values = chart
            .series
            .iter()
            .map(|s| (0..n).map(|i| s.values.get(i).copied().flatten().filter(|v| v.is_finite())).collect())
            .collect();
        let statuses =
            chart.series.iter().map(|s| (0..n).map(|i| s.statuses.get(i).copied().flatten()).collect()).collect();
        Self { names, values, statuses, semantics: semantics.clone() }
    }

    /// Whether any value can be drawn.
    pub fn has_values(&self) -> bool {
        self.values.iter().flatten().any(Option::is_some)
    }

    fn all(&self) -> impl Iterator<Item = f64> + Clone + '_ {
        self.values.iter().flatten().filter_map(|v| *v)
    }

    fn series(&self, s: usize) -> &[Option<f64>] {
        self.values.get(s).map(Vec::as_slice).unwrap_or(&[])
    }

    fn status(&self, s: usize, i: usize) -> Option<Status> {
        self.statuses.get(s).and_then(|v| v.get(i)).copied().flatten()
    }
}

/// The text written where a value is missing.
pub(crate) const MISSING: &str = "uppgift saknas";

const STATUS_ORDER: [Status; 4] = [Status::Good, Status::Warning, Status::Bad, Status::Neutral];

/// The legend entries for the statuses used in series `s`, plus the series colour when some
/// values have no status.
fn status_legend(clean: &Clean, s: usize, name: &str) -> Vec<LegendItem> {
    status_legend_prefixed(clean, s, name, None)
}

/// The status entries of series `s`, labelled "{prefix}: {status}" when a prefix is given (several
/// series); the series' own colour for values without status. Empty when no value has a status.
fn status_legend_prefixed(clean: &Clean, s: usize, name: &str, prefix: Option<&str>) -> Vec<LegendItem> {
    let used: Vec<Option<Status>> =
        clean.series(s).iter().enumerate().filter(|(_, v)| v.is_some()).map(|(i, _)| clean.status(s, i)).collect();
    if used.iter().all(Option::is_none) {
        return Vec::new();
    }
    let mut items: Vec<LegendItem> = STATUS_ORDER
        .iter()
        .filter(|st| used.contains(&Some(**st)))
        .map(|st| LegendItem {
            label: match prefix {
                Some(p) => format!("{p}: {}", clean.semantics.status_label(*st).to_lowercase()),
                None => clean.semantics.status_label(*st).to_owned(),
            },
            swatch: Swatch::Status(palette::status(*st), status_marker(*st)),
        })
        .collect();
    if used.contains(&None) {
        items.push(LegendItem { label: name.to_owned(), swatch: Swatch::Box(palette::series(s)) });
    }
    items
}

/// Builds the plot for `chart`.
pub(crate) fn plot<'c>(chart: &'c Chart, clean: &Clean, axis_title: String) -> Plot<'c> {
    let format = ValueFormat::for_values(clean.all(), chart.unit.as_ref());
    let reference_format = ValueFormat::for_values(chart.reference_lines.iter().map(|r| r.value), chart.unit.as_ref());
    let mut plot = Plot {
        title: &chart.title,
        categories: &chart.categories,
        horizontal: chart.horizontal,
        marks: Vec::new(),
        legend: Vec::new(),
        axis_title,
        reference_lines: &chart.reference_lines,
        format: reference_format,
        include_zero: true,
        max_band: 64.0,
        track: None,
    };
    let kind = match chart.kind {
        ChartKind::Bar if chart.series.len() > 1 => ChartKind::GroupedBar,
        k => k,
    };
    match kind {
        ChartKind::Bar => bar(&mut plot, clean, &format),
        ChartKind::GroupedBar => grouped(&mut plot, clean, &format),
        ChartKind::StackedBar => stacked(&mut plot, clean, &format),
        ChartKind::Line => line(&mut plot, clean, &format),
        ChartKind::Waterfall => waterfall(&mut plot, clean, &format),
        ChartKind::Bullet => bullet(&mut plot, clean, &format),
    }
    plot
}

fn bar(plot: &mut Plot<'_>, clean: &Clean, format: &ValueFormat) {
    for (i, v) in clean.series(0).iter().enumerate() {
        match v {
            Some(v) => plot.marks.push(Mark::Bar {
                cat: i,
                slot: (0.18, 0.82),
                v0: 0.0,
                v1: *v,
                color: clean.status(0, i).map_or(palette::series(0), palette::status),
                label: Some(BarLabel { text: format.write(*v), inside: false, optional: false, at: None }),
                symbol: clean.status(0, i).map(status_marker),
            }),
            None => plot.marks.push(Mark::Note { cat: i, text: MISSING.to_owned() }),
        }
    }
    let name = clean.names.first().map(String::as_str).unwrap_or("");
    plot.legend = status_legend(clean, 0, name);
}

fn grouped(plot: &mut Plot<'_>, clean: &Clean, format: &ValueFormat) {
    let k = clean.values.len().max(1);
    let (start, end) = (0.1, 0.9);
    let w = (end - start) / k as f64;
    for (s, values) in clean.values.iter().enumerate() {
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = v {
                let a = start + s as f64 * w;
                plot.marks.push(Mark::Bar {
                    cat: i,
                    slot: (a + w * 0.06, a + w * 0.94),
                    v0: 0.0,
                    v1: *v,
                    color: clean.status(s, i).map_or(palette::series(s), palette::status),
                    label: Some(BarLabel { text: format.write(*v), inside: false, optional: true, at: None }),
                    symbol: clean.status(s, i).map(status_marker),
                });
            }
        }
    }
    for (i, _) in plot.categories.iter().enumerate() {
        if clean.values.iter().all(|s| s.get(i).copied().flatten().is_none()) {
            plot.marks.push(Mark::Note { cat: i, text: MISSING.to_owned() });
        }
    }
    plot.max_band = if plot.horizontal { 22.0 * k as f64 + 20.0 } else { 40.0 * k as f64 + 24.0 };
    plot.legend = series_legend(clean);
}

/// One entry per series; a series whose values carry statuses gets one entry per status used.
fn series_legend(clean: &Clean) -> Vec<LegendItem> {
    let mut items = Vec::new();
    for (s, name) in clean.names.iter().enumerate() {
        let statuses = status_legend_prefixed(clean, s, name, Some(name));
        if statuses.is_empty() {
            items.push(LegendItem { label: name.clone(), swatch: Swatch::Box(palette::series(s)) });
        } else {
            items.extend(statuses);
        }
    }
    items
}

fn stacked(plot: &mut Plot<'_>, clean: &Clean, format: &ValueFormat) {
    let totals_format = format.unsigned();
    for i in 0..plot.categories.len() {
        let (mut pos, mut neg) = (0.0f64, 0.0f64);
        let mut any = false;
        for (s, values) in clean.values.iter().enumerate() {
            let Some(v) = values.get(i).copied().flatten() else { continue };
            any = true;
            let (v0, v1) = if v >= 0.0 { (pos, pos + v) } else { (neg, neg + v) };
            if !v1.is_finite() {
                continue;
            }
            if v >= 0.0 {
                pos = v1;
            } else {
                neg = v1;
            }
            plot.marks.push(Mark::Bar {
                cat: i,
                slot: (0.18, 0.82),
                v0,
                v1,
                color: clean.status(s, i).map_or(palette::series(s), palette::status),
                label: Some(BarLabel { text: totals_format.write(v), inside: true, optional: true, at: None }),
                symbol: None,
            });
        }
        if !any {
            plot.marks.push(Mark::Note { cat: i, text: MISSING.to_owned() });
        } else if clean.values.len() > 1 {
            let total = pos + neg;
            if total.is_finite() {
                let at = if total >= 0.0 { pos } else { neg };
                plot.marks.push(Mark::EndLabel { cat: i, at, text: totals_format.write(total) });
            }
        }
    }
    plot.legend = series_legend(clean);
}

fn line(plot: &mut Plot<'_>, clean: &Clean, format: &ValueFormat) {
    let single = clean.values.len() == 1 && plot.categories.len() <= 16;
    for (s, values) in clean.values.iter().enumerate() {
        plot.marks.push(Mark::Line {
            values: values.clone(),
            color: palette::series(s),
            marker: Marker::nth(s),
            labels: single.then(|| format.unsigned()),
        });
    }
    plot.include_zero = false;
    plot.horizontal = false;
    plot.legend = clean
        .names
        .iter()
        .enumerate()
        .map(|(s, name)| LegendItem { label: name.clone(), swatch: Swatch::Line(palette::series(s), Marker::nth(s)) })
        .collect();
    if clean.values.len() == 1 {
        plot.legend.clear();
    }
}

fn waterfall(plot: &mut Plot<'_>, clean: &Clean, format: &ValueFormat) {
    let n = plot.categories.len();
    let values = clean.series(0);
    let steps = format.with_sign();
    let total_format = format.unsigned();
    let mut running = 0.0f64;
    let (mut up, mut down) = (false, false);
    let mut judged_used = [false; 3];
    let slot = (0.15, 0.85);
    for i in 0..n {
        let v = values.get(i).copied().flatten();
        let last = i + 1 == n;
        if last {
            let total = v.unwrap_or(running);
            plot.marks.push(Mark::Bar {
                cat: i,
                slot,
                v0: 0.0,
                v1: total,
                color: clean.status(0, i).map_or(palette::TOTAL, palette::status),
                label: Some(BarLabel { text: total_format.write(total), inside: false, optional: false, at: None }),
                symbol: clean.status(0, i).map(status_marker),
            });
            break;
        }
        match v {
            Some(v) if (running + v).is_finite() => {
                let next = running + v;
                // A status colours the step; else whether it is better or worse, when the Report
                // says which direction is; else only its direction.
                let judged = clean.semantics.judge(0, v);
                let status = clean.status(0, i).or(judged.map(Trend::status));
                let color = match status {
                    Some(status) => palette::status(status),
                    None if v >= 0.0 => palette::INCREASE,
                    None => palette::DECREASE,
                };
                match (clean.status(0, i), judged) {
                    (Some(_), _) => {}
                    (None, Some(trend)) => judged_used[trend_index(trend)] = true,
                    (None, None) if v >= 0.0 => up = true,
                    (None, None) => down = true,
                }
                plot.marks.push(Mark::Bar {
                    cat: i,
                    slot,
                    v0: running,
                    v1: next,
                    color,
                    label: Some(BarLabel { text: steps.write(v), inside: false, optional: false, at: None }),
                    symbol: status.map(status_marker),
                });
                running = next;
            }
            _ => plot.marks.push(Mark::Note { cat: i, text: MISSING.to_owned() }),
        }
        plot.marks.push(Mark::Connector { from: (i, slot.1), to: (i + 1, slot.0), value: running });
    }
    if up {
        plot.legend.push(LegendItem { label: "Ökning".to_owned(), swatch: Swatch::Box(palette::INCREASE) });
    }
    if down {
        plot.legend.push(LegendItem { label: "Minskning".to_owned(), swatch: Swatch::Box(palette::DECREASE) });
    }
    for trend in TRENDS.into_iter().filter(|t| judged_used[trend_index(*t)]) {
        let status = trend.status();
        let label = step_label(clean.semantics.better(0), trend);
        plot.legend.push(LegendItem { label, swatch: Swatch::Status(palette::status(status), status_marker(status)) });
    }
    if n > 1 {
        plot.legend.push(LegendItem { label: "Summa".to_owned(), swatch: Swatch::Box(palette::TOTAL) });
    }
}

/// Trends in legend order.
const TRENDS: [Trend; 3] = [Trend::Better, Trend::Worse, Trend::Unchanged];

fn trend_index(trend: Trend) -> usize {
    match trend {
        Trend::Better => 0,
        Trend::Worse => 1,
        Trend::Unchanged => 2,
    }
}

/// The legend label of a waterfall step judged `trend` in a series where `better` is the good
/// direction: "Minskning (bättre)", "Ökning (sämre)", "Oförändrat".
pub(crate) fn step_label(better: Option<Better>, trend: Trend) -> String {
    let increase = matches!(
        (better, trend),
        (Some(Better::Higher), Trend::Better) | (Some(Better::Lower), Trend::Worse) | (None, _)
    );
    match trend {
        Trend::Unchanged => trend.label_sv().to_owned(),
        _ => {
            let word = if increase { "Ökning" } else { "Minskning" };
            format!("{word} ({})", trend.label_sv().to_lowercase())
        }
    }
}

fn bullet(plot: &mut Plot<'_>, clean: &Clean, format: &ValueFormat) {
    let values = clean.series(0);
    let targets = clean.series(1);
    let unsigned = format.unsigned();
    for (i, v) in values.iter().enumerate() {
        let target = targets.get(i).copied().flatten();
        match v {
            Some(v) => {
                let text = match target {
                    Some(t) => format!("{} (mål {})", unsigned.write(*v), unsigned.write(t)),
                    None => unsigned.write(*v),
                };
                let at = target.map(|t| if *v >= 0.0 { v.max(t) } else { v.min(t) });
                plot.marks.push(Mark::Bar {
                    cat: i,
                    slot: (0.32, 0.68),
                    v0: 0.0,
                    v1: *v,
                    color: clean.status(0, i).map_or(palette::series(0), palette::status),
                    label: Some(BarLabel { text, inside: false, optional: false, at }),
                    symbol: clean.status(0, i).map(status_marker),
                });
            }
            None => plot.marks.push(Mark::Note { cat: i, text: MISSING.to_owned() }),
        }
        if let Some(t) = target {
            plot.marks.push(Mark::Tick { cat: i, slot: (0.16, 0.84), value: t, color: palette::TARGET });
        }
    }
    plot.track = Some((0.16, 0.84));
    plot.max_band = 44.0;
    let name = clean.names.first().cloned().unwrap_or_else(|| "Utfall".to_owned());
    let mut legend = status_legend(clean, 0, &name);
    if legend.is_empty() {
        legend.push(LegendItem { label: name, swatch: Swatch::Box(palette::series(0)) });
    }
    if let Some(target) = clean.names.get(1) {
        legend.push(LegendItem { label: target.clone(), swatch: Swatch::Target(palette::TARGET) });
    }
    plot.legend = legend;
}
