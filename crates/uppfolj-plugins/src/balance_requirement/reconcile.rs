//! The file's own results against the computation, year by year: "Årets resultat efter
//! balanskravsjusteringar", "Årets balanskravsresultat" and "Balanskravsresultat att återställa".
//! A difference is named with both figures and its likely reason (the kit's reconciliation):
//! rounding, a row not recognised, or synnerliga skäl counted in the other order.

use super::deficits::YearFigures;
use super::lines::Line;
use super::order::SpecialReading;
use super::read::{Sheet, Year};
use uppfolj_plugin::kit::reconcile::{Check, Suspect};
use uppfolj_plugin::model::report::Diagnostic;

/// Differences below this are no difference (half a unit of the usual one decimal).
const TOLERANCE: f64 = 0.05;

/// What the report does with a difference.
const THEN: &str = "Rapporten använder den beräknade summan.";

/// A diagnostic for every result the file states for the year of `figures` that the
/// computation does not reach.
pub(super) fn stated_results(
    figures: &YearFigures<'_>,
    sheet: &Sheet<'_>,
    reading: Option<SpecialReading>,
) -> Vec<Diagnostic> {
    let y = figures.read;
    let in_result = SpecialReading::in_result(reading);
    let adjustments: Vec<f64> = present(y, &Line::ADJUSTMENTS);
    let mut to_result = [adjustments.clone(), present(y, &Line::RESERVES)].concat();
    if in_result {
        to_result.extend(y.get(Line::Special));
    }
    let unrecognised = || y.unrecognised.iter().map(|(label, v, at)| Suspect::unrecognised(label.clone(), *v, *at));
    let other_order =
        || (figures.special > 0.0).then(|| Suspect::other_order("synnerliga skäl", figures.special)).into_iter();
    let checks = [
        (Line::AfterAdjustments, figures.after_adjustments, adjustments, false),
        (Line::BalanceResult, figures.balance_result, to_result.clone(), true),
        (Line::ToRestore, figures.closing, to_result, true),
    ];
    checks
        .into_iter()
        .filter_map(|(line, computed, terms, order_matters)| {
            let (stated, at) = y.first(line)?;
            // The file may write the deficit to restore with either sign.
            let stated = if line == Line::ToRestore { stated.abs() } else { stated };
            let what = format!("{} {}", line.title(sheet.reserve_name), y.year);
            let mut check = Check::new(what, stated, computed, &sheet.unit)
                .terms(&terms)
                .tolerance(TOLERANCE)
                .suspects(unrecognised());
            if order_matters {
                check = check.suspects(other_order());
            }
            check.diagnostic(&sheet.ds.source, at, THEN)
        })
        .collect()
}

/// The amounts the file gives for `lines`, with the sign they are summed with.
fn present(y: &Year, lines: &[(Line, f64)]) -> Vec<f64> {
    lines.iter().filter(|(l, _)| y.get(*l).is_some()).map(|(l, s)| y.signed(*l, *s)).collect()
}
