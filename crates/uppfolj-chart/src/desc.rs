//! The Swedish text description of a chart (the SVG's `<desc>`), for screen readers and for
//! anyone who cannot see the colours.

use crate::kinds::{Clean, MISSING};
use crate::scale::ValueFormat;
use uppfolj_model::report::{Chart, ChartKind, Trend};
use uppfolj_model::unit::Unit;

/// The Swedish name of a chart kind.
pub(crate) fn kind_name(chart: &Chart) -> &'static str {
    match (chart.kind, chart.horizontal) {
        (ChartKind::Bar, false) => "Stapeldiagram",
        (ChartKind::Bar, true) => "Liggande stapeldiagram",
        (ChartKind::GroupedBar, false) => "Grupperat stapeldiagram",
        (ChartKind::GroupedBar, true) => "Grupperat liggande stapeldiagram",
        (ChartKind::StackedBar, false) => "Staplat stapeldiagram",
        (ChartKind::StackedBar, true) => "Staplat liggande stapeldiagram",
        (ChartKind::Line, _) => "Linjediagram",
        (ChartKind::Waterfall, _) => "Vattenfallsdiagram",
        (ChartKind::Bullet, _) => "Måldiagram (utfall mot mål)",
    }
}

/// Writes a value with its unit: "−1 200 tkr", "12,5 %".
fn with_unit(format: &ValueFormat, value: f64, unit: Option<&Unit>) -> String {
    let text = format.write(value);
    match unit.and_then(Unit::value_suffix) {
        Some(suffix) => format!("{text} {suffix}"),
        None => text,
    }
}

/// A waterfall step judged better, unchanged or worse, when the Report says which direction is
/// better (the last category, the total, is not a step).
fn judged(chart: &Chart, clean: &Clean, s: usize, i: usize, v: f64) -> Option<Trend> {
    if chart.kind != ChartKind::Waterfall || i + 1 >= chart.categories.len() {
        return None;
    }
    clean.semantics.judge(s, v)
}

/// The description of `chart`.
pub(crate) fn describe(chart: &Chart, clean: &Clean, axis_title: &str) -> String {
    let mut out = String::new();
    out.push_str(kind_name(chart));
    if !axis_title.is_empty() {
        out.push_str(&format!(" över {}", lower_first(axis_title)));
    }
    out.push('.');
    if chart.categories.is_empty() || !clean.has_values() {
        out.push_str(" Inga data att visa.");
        return out;
    }
    let unit = chart.unit.as_ref();
    let format = ValueFormat::for_values(clean.values.iter().flatten().filter_map(|v| *v), unit);
    let plain = format.unsigned();
    let value = |s: usize, i: usize, f: &ValueFormat| -> String {
        let v = clean.values.get(s).and_then(|v| v.get(i)).copied().flatten();
        let mut text = v.map_or_else(|| MISSING.to_owned(), |v| with_unit(f, v, unit));
        if let Some(status) = clean.statuses.get(s).and_then(|st| st.get(i)).copied().flatten() {
            text.push_str(&format!(" ({})", clean.semantics.status_label(status)));
        } else if let Some(trend) = v.and_then(|v| judged(chart, clean, s, i, v)) {
            text.push_str(&format!(" ({})", trend.label_sv().to_lowercase()));
        }
        text
    };
    match chart.kind {
        ChartKind::Bullet => {
            let parts: Vec<String> = chart
                .categories
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let target = clean.values.get(1).and_then(|t| t.get(i)).copied().flatten();
                    match target {
                        Some(t) => format!("{c}: {} mot målet {}", value(0, i, &plain), with_unit(&plain, t, unit)),
                        None => format!("{c}: {}", value(0, i, &plain)),
                    }
                })
                .collect();
            out.push_str(&format!(" {}.", parts.join("; ")));
        }
        ChartKind::Waterfall => {
            let n = chart.categories.len();
            let steps = format.with_sign();
            let parts: Vec<String> = chart.categories[..n - 1]
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} {}", value(0, i, &steps)))
                .collect();
            if !parts.is_empty() {
                out.push_str(&format!(" Steg: {}.", parts.join("; ")));
            }
            let computed: f64 = clean.values.first().map_or(0.0, |v| v[..n - 1].iter().flatten().sum());
            let total = clean.values.first().and_then(|v| v.get(n - 1)).copied().flatten().unwrap_or(computed);
            out.push_str(&format!(" Summa, {}: {}.", chart.categories[n - 1], with_unit(&plain, total, unit)));
        }
        _ if clean.values.len() == 1 => {
            let parts: Vec<String> =
                chart.categories.iter().enumerate().map(|(i, c)| format!("{c} {}", value(0, i, &format))).collect();
            out.push_str(&format!(" {}.", parts.join("; ")));
        }
        _ => {
            for (s, name) in clean.names.iter().enumerate() {
                let parts: Vec<String> =
                    chart.categories.iter().enumerate().map(|(i, c)| format!("{c} {}", value(s, i, &format))).collect();
                out.push_str(&format!(" {name}: {}.", parts.join("; ")));
            }
            if chart.kind == ChartKind::StackedBar {
                let totals: Vec<String> = chart
                    .categories
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| {
                        let present: Vec<f64> =
                            clean.values.iter().filter_map(|v| v.get(i).copied().flatten()).collect();
                        let sum: f64 = present.iter().sum();
                        (!present.is_empty() && sum.is_finite())
                            .then(|| format!("{c} {}", with_unit(&plain, sum, unit)))
                    })
                    .collect();
                out.push_str(&format!(" Summa: {}.", totals.join("; ")));
            }
        }
    }
    out.push_str(&references(chart, unit));
    out
}

/// The sentence naming the reference lines (" Referenslinje: Krav: 325 mnkr."), or nothing.
fn references(chart: &Chart, unit: Option<&Unit>) -> String {
    let mut out = String::new();
    let refs: Vec<String> = chart
        .reference_lines
        .iter()
        .filter(|r| r.value.is_finite())
        .map(|r| {
            if r.label.chars().any(|c| c.is_ascii_digit()) {
                r.label.clone()
            } else {
                let f = ValueFormat::for_values(std::iter::once(r.value), unit);
                format!("{}: {}", r.label, with_unit(&f, r.value, unit))
            }
        })
        .collect();
    match refs.len() {
        0 => {}
        1 => out.push_str(&format!(" Referenslinje: {}.", refs[0])),
        _ => out.push_str(&format!(" Referenslinjer: {}.", refs.join("; "))),
    }
    out
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Keep acronyms ("KPI") as written.
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => c.to_lowercase().chain(chars).collect(),
        _ => text.to_owned(),
    }
}
