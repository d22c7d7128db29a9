//! The Swedish sentences of the overview: the total, the largest unit and how much the largest
//! units hold together, the largest account and supplier, and the lines with a negative outcome.

use super::ranking::Ranked;
use super::read::Ledger;
use uppfolj_plugin::kit::amount;
use uppfolj_plugin::model::format;

/// How many of the largest top-level groups the summary adds up.
const LEADING: usize = 3;

/// The overview's sentences.
pub(super) fn summary(
    ledger: &Ledger,
    tree: &[Ranked],
    top_name: &str,
    accounts: Option<&[Ranked]>,
    suppliers: Option<(&[Ranked], usize)>,
) -> Vec<String> {
    let unit = &ledger.unit;
    let during = ledger.period.as_ref().map_or_else(String::new, |p| format!(" för {p}"));
    let mut out = vec![format!(
        "Utfallet{during} är totalt {} på {} rader.",
        amount(ledger.total(), unit),
        format::number(ledger.rows.len() as f64, 0)
    )];
    let top: Vec<&Ranked> = tree.iter().filter(|r| r.level == 0).collect();
    if let Some(first) = top.first() {
        let mut s = format!("Störst på nivån {top_name} är {}.", described(first, unit));
        if top.len() > LEADING {
            let share: Option<f64> = top.iter().take(LEADING).map(|r| r.share).sum();
            if let Some(share) = share {
                s.push_str(&format!(" De {LEADING} största står för {} av utfallet.", percent(share)));
            }
        }
        out.push(s);
    }
    if let Some(first) = accounts.and_then(|a| a.first()) {
        out.push(format!("Största konto är {}.", described(first, unit)));
    }
    if let Some((first, of)) = suppliers.and_then(|(s, of)| s.first().map(|f| (f, of))) {
        out.push(format!(
            "Den största av {} leverantörer är {}.",
            format::number(of as f64, 0),
            described(first, unit)
        ));
    }
    out.extend(negatives(ledger));
    out
}

/// "Socialförvaltningen, 1 228 313 kr (31,5 % av utfallet)".
fn described(r: &Ranked, unit: &uppfolj_plugin::model::unit::Unit) -> String {
    match r.share {
        Some(p) => format!("{}, {} ({} av utfallet)", r.label, amount(r.outcome, unit), percent(p)),
        None => format!("{}, {}", r.label, amount(r.outcome, unit)),
    }
}

/// The sentence on the lines with a negative outcome (credit notes, income), if any.
fn negatives(ledger: &Ledger) -> Option<String> {
    let negative: Vec<f64> = ledger.rows.iter().map(|&r| ledger.amount(r)).filter(|v| *v < 0.0).collect();
    if negative.is_empty() || negative.len() == ledger.rows.len() {
        return None;
    }
    Some(format!(
        "{} rader har negativt utfall (krediteringar eller intäkter), sammanlagt {}.",
        format::number(negative.len() as f64, 0),
        amount(negative.iter().sum(), &ledger.unit)
    ))
}

/// "31,5 %" (a no-break space before the percent sign).
fn percent(p: f64) -> String {
    format::percent(p, 1)
}
