//! The Swedish sentences: the summary of the total, one sentence per line that deviates (at most
//! [`SENTENCES_MAX`], the largest first, and one on the rest), and the words they are made of.

use super::FollowUp;
use super::compute::{Derived, larger_first};
use super::read::Line;
use super::settings::ForecastMode;
use uppfolj_plugin::kit::{amount, decimals_for, signed_amount};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::unit::Unit;

/// At most this many generated sentences on deviating lines; the rest are summed up in one sentence.
pub(super) const SENTENCES_MAX: usize = 10;

/// The summary of the total: outcome against budget, how many lines deviate negatively, and
/// the full-year forecast against the annual budget.
pub(super) fn summary(f: &FollowUp) -> Vec<String> {
    let (s, unit, total) = (&f.settings, &f.settings.unit, &f.total_derived);
    let mut summary = Vec::new();
    if let (Some(o), Some(b), Some(d)) = (f.total.outcome, total.budget, total.deviation) {
        let counted = f.counted();
        let negatives = counted.iter().filter(|&&i| f.derived[i].deviation.is_some_and(|v| v < 0.0)).count();
        let (negatives, of) = (format::number(negatives as f64, 0), format::number(counted.len() as f64, 0));
        let how_many = match &f.ledger {
            Some(ledger) => format!("På nivån {} har {negatives} av {of} en negativ avvikelse.", ledger.top_name),
            None => format!("{negatives} av {of} rader har en negativ avvikelse."),
        };
        summary.push(format!(
            "Utfallet för {} är totalt {} mot en budget på {}, {} ({}). {how_many}",
            s.period,
            amount(o, unit),
            amount(b, unit),
            deviation_words(d, unit),
            total.deviation_pct.map_or_else(|| "–".to_owned(), signed_percent),
        ));
    }
    if let (Some(fc), Some(v)) = (total.forecast, total.forecast_vs_annual) {
        summary.push(format!(
            "Helårsprognosen ({}) är {}, vilket är {} mot årsbudgeten.",
            forecast_note(s.forecast),
            amount(fc, unit),
            deviation_words(v, unit)
        ));
    }
    summary
}

/// One sentence per shown line that deviates (or lacks a budget), in the table's order; with
/// more than [`SENTENCES_MAX`] such lines, the largest (by amount) first and one sentence on the
/// rest. A sentence that no line deviates when none does.
pub(super) fn comments(f: &FollowUp) -> Vec<String> {
    let threshold_text = format::percent(f.settings.threshold, 1);
    let commented: Vec<(usize, f64)> = (0..f.lines.len())
        .filter(|&i| f.shown.contains(i))
        // A grouped ledger is commented on its top level.
        .filter(|&i| f.ledger.is_none() || f.lines[i].level == 0)
        .filter_map(|i| comment_weight(&f.lines[i], &f.derived[i], f.settings.threshold).map(|w| (i, w)))
        .collect();
    let mut comments: Vec<String> = if commented.len() <= SENTENCES_MAX {
        commented.iter().map(|&(i, _)| comment(f, i)).collect()
    } else {
        let mut largest = commented;
        // Largest amount first; equal amounts by the larger percentage, then in the table's order.
        largest.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| larger_first(&f.derived[a.0], &f.derived[b.0])));
        let (first, rest) = largest.split_at(SENTENCES_MAX);
        let mut out: Vec<String> = first.iter().map(|&(i, _)| comment(f, i)).collect();
        let without_budget = rest.iter().filter(|&&(i, _)| f.derived[i].budget.is_none()).count();
        let deviating = rest.len() - without_budget;
        let mut parts = Vec::new();
        if deviating > 0 {
            parts.push(format!("{} avviker med {threshold_text} eller mer från budget", rows_text(deviating)));
        }
        if without_budget > 0 {
            parts.push(format!("{} saknar budget", rows_text(without_budget)));
        }
        out.push(format!("Ytterligare {}; se tabellen.", parts.join(" och ")));
        out
    };
    if comments.is_empty() {
        comments.push(format!("Ingen rad avviker med {threshold_text} eller mer från budget."));
    }
    comments
}

/// The sentence on line `i`: its outcome against its budget and the deviation, or that it has
/// no budget; with the full-year forecast against the annual budget when there is one.
fn comment(f: &FollowUp, i: usize) -> String {
    let (l, d, period, unit) = (&f.lines[i], &f.derived[i], &f.settings.period, &f.settings.unit);
    match (l.amounts.outcome, d.budget, d.deviation) {
        (Some(o), None, _) => format!(
            "{}: utfallet för {period} är {} men raden saknar budget i filen, så ingen avvikelse har beräknats.",
            l.label,
            amount(o, unit)
        ),
        (Some(o), Some(b), Some(dev)) => {
            let mut s = format!(
                "{}: utfallet för {period} är {} mot en budget på {}, {}{}.",
                l.label,
                amount(o, unit),
                amount(b, unit),
                deviation_words(dev, unit),
                d.deviation_pct.map_or_else(String::new, |p| format!(" ({})", signed_percent(p)))
            );
            if let (Some(fc), Some(fv)) = (d.forecast, d.forecast_vs_annual) {
                s.push_str(&format!(
                    " Helårsprognosen {} ger {} mot årsbudgeten.",
                    amount(fc, unit),
                    deviation_words(fv, unit)
                ));
            }
            s
        }
        _ => String::new(),
    }
}

/// How much a line's sentence matters (its deviation, or its outcome when it has no budget, by
/// amount), or `None` when the line gets no sentence: it is within the threshold or has no outcome.
fn comment_weight(line: &Line, d: &Derived, threshold: f64) -> Option<f64> {
    match (line.amounts.outcome, d.budget, d.deviation) {
        (Some(o), None, _) => Some(o.abs()),
        (Some(_), Some(_), Some(dev)) if d.deviation_pct.is_none_or(|p| p.abs() >= threshold) => Some(dev.abs()),
        _ => None,
    }
}

/// How the forecast was made, in words.
pub(super) fn forecast_note(mode: ForecastMode) -> &'static str {
    match mode {
        ForecastMode::Given => "enligt verksamheternas prognos",
        ForecastMode::Linear => "linjär framskrivning av utfallet",
        ForecastMode::Profile => "framskriven med förra årets månadsprofil",
        ForecastMode::None => "ingen prognos",
    }
}

/// "en negativ avvikelse på −29 318 tkr" / "en positiv avvikelse på +8 638 tkr" / "ingen avvikelse".
fn deviation_words(value: f64, unit: &Unit) -> String {
    let shown = format::number(value, decimals_for(unit) as usize);
    if shown.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        "ingen avvikelse".to_owned()
    } else if value < 0.0 {
        format!("en negativ avvikelse på {}", signed_amount(value, unit))
    } else {
        format!("en positiv avvikelse på {}", signed_amount(value, unit))
    }
}

/// "−6,4 %" (a no-break space before the percent sign).
fn signed_percent(p: f64) -> String {
    format!("{}\u{00A0}%", format::signed(p, 1))
}

/// "1 rad", "9\u{202F}390 rader".
pub(super) fn rows_text(n: usize) -> String {
    if n == 1 { "1 rad".to_owned() } else { format!("{} rader", format::number(n as f64, 0)) }
}
