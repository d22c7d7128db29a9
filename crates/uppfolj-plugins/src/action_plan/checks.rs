//! Checks of the file against itself: its total rows against the sum of the measures (with the
//! likely reason of a difference), and
//! measures that have realised more than they planned.

use super::compute::Figures;
use super::read::Plan;
use super::text;
use uppfolj_plugin::kit::cell_at;
use uppfolj_plugin::kit::reconcile::{Check, Suspect};
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::Diagnostic;

/// A diagnostic for every year a total row of the file states a planned effect that is neither
/// the sum of the decided measures nor that of all measures (the file may sum either), with the
/// likely reason (the kit's reconciliation): rounding, or one measure's planned effect.
pub(super) fn total_rows(ds: &Dataset, plan: &Plan, figures: &Figures) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for total in &plan.file_totals {
        let at = cell_at(ds, total.row, plan.columns.measure);
        for (y, v) in &total.planned {
            let decided = figures.planned(*y);
            let computed = decided + figures.in_preparation(*y);
            if (decided - v).abs() <= TOLERANCE {
                continue;
            }
            let planned: Vec<(&str, f64, usize)> =
                plan.measures.iter().filter_map(|m| m.planned.get(y).map(|p| (m.label.as_str(), *p, m.row))).collect();
            let terms: Vec<f64> = planned.iter().map(|(_, p, _)| *p).collect();
            let suspects = planned
                .iter()
                .map(|(label, p, row)| Suspect::outside_sum(*label, *p, cell_at(ds, *row, plan.columns.measure)));
            let check = Check::new(text::total_row_what(*y), *v, computed, &plan.unit)
                .terms(&terms)
                .tolerance(TOLERANCE)
                .suspects(suspects);
            diags.extend(check.diagnostic(&ds.source, at, text::TOTAL_ROW_THEN));
        }
    }
    diags
}

/// Differences of at most this are none.
const TOLERANCE: f64 = 0.05;

/// A note for every measure and year whose realised effect exceeds the planned.
pub(super) fn realised_beyond_planned(ds: &Dataset, plan: &Plan) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for m in &plan.measures {
        for (y, r) in &m.realised {
            if let Some(p) = m.planned.get(y).filter(|p| *r > **p + 1e-9) {
                diags.push(
                    Diagnostic::info(text::realised_beyond_planned(&m.label, *r, *y, *p, &plan.unit))
                        .at(&ds.source, cell_at(ds, m.row, plan.columns.measure)),
                );
            }
        }
    }
    diags
}
