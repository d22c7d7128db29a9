//! Checks of the file against itself: its total rows against the sum of the measures, and
//! measures that have realised more than they planned.

use super::compute::Figures;
use super::read::Plan;
use super::text;
use uppfolj_plugin::kit::{cell_at, warn_at};
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::Diagnostic;

/// A warning for every year a total row of the file states a planned effect that is neither the
/// sum of the decided measures nor that of all measures (the file may sum either).
pub(super) fn total_rows(ds: &Dataset, plan: &Plan, figures: &Figures) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for total in &plan.file_totals {
        for (y, v) in &total.planned {
            let decided = figures.planned(*y);
            let computed = decided + figures.in_preparation(*y);
            if (computed - v).abs() > 0.05 && (decided - v).abs() > 0.05 {
                let at = cell_at(ds, total.row, plan.columns.measure);
                diags.push(warn_at(ds, at, text::total_row_differs(*v, *y, computed, &plan.unit)));
            }
        }
    }
    diags
}

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
