//! Checks of the file: its total rows against the sum of the grants (with the likely reason of a
//! difference), use beyond the allocation,
//! and the allocations against the frame decided for the grant.

use super::compute::{Figures, Use};
use super::read::{Grant, Grants};
use super::text;
use uppfolj_plugin::kit::reconcile::{Check, Suspect};
use uppfolj_plugin::kit::{cell_at, text_at, warn_at};
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::Diagnostic;

/// A difference below this (half a unit: rounding in the file) is no difference.
const TOLERANCE: f64 = 0.5;

/// A diagnostic for every amount a total row of the file states that the grants do not sum to,
/// with the likely reason (the kit's reconciliation): rounding, or one grant's amount.
pub(super) fn total_rows(ds: &Dataset, grants: &Grants, figures: &Figures) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let allocated: Field = |g| g.allocated;
    let used: Field = |g| g.used;
    for total in &grants.file_totals {
        let label = text_at(ds, total.row, grants.columns.label);
        let at = cell_at(ds, total.row, grants.columns.label);
        for (what, stated, sum, field) in
            [("beviljat", total.allocated, figures.allocated, allocated), ("förbrukat", total.used, figures.used, used)]
        {
            let Some((f, s)) = stated.zip(sum) else { continue };
            let terms: Vec<f64> = grants.grants.iter().filter_map(field).collect();
            let suspects = grants.grants.iter().filter_map(|g| {
                field(g).map(|v| Suspect::outside_sum(g.label.clone(), v, cell_at(ds, g.row, grants.columns.label)))
            });
            let check = Check::new(text::total_row_what(&label, what), f, s, &grants.unit)
                .terms(&terms)
                .tolerance(TOLERANCE)
                .suspects(suspects);
            diags.extend(check.diagnostic(&ds.source, at, text::TOTAL_ROW_THEN));
        }
    }
    diags
}

/// How to read one amount of a grant.
type Field = fn(&Grant) -> Option<f64>;

/// A warning at the used cell of every grant used beyond its allocation.
pub(super) fn overdrawn(ds: &Dataset, grants: &Grants, figures: &Figures) -> Vec<Diagnostic> {
    figures
        .grants_with(Use::Overdrawn)
        .into_iter()
        .filter_map(|g| {
            let (a, u) = g.allocated.zip(g.used)?;
            let message = text::overdrawn_warning(&g.label, a, u, &grants.unit);
            Some(warn_at(ds, cell_at(ds, g.row, grants.columns.used), message))
        })
        .collect()
}

/// A warning when the allocations do not sum to the decided `frame`.
pub(super) fn frame(frame: Option<f64>, grants: &Grants, figures: &Figures) -> Option<Diagnostic> {
    let (frame, allocated) = frame.zip(figures.allocated)?;
    ((allocated - frame).abs() > TOLERANCE)
        .then(|| Diagnostic::warning(text::frame_differs(allocated, frame, &grants.unit)))
}
