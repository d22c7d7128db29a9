//! Checks of the file: its total rows against the sum of the grants, use beyond the allocation,
//! and the allocations against the frame decided for the grant.

use super::compute::{Figures, Use};
use super::read::Grants;
use super::text;
use uppfolj_plugin::kit::{cell_at, warn_at};
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::Diagnostic;

/// A difference below this (half a unit: rounding in the file) is no difference.
const TOLERANCE: f64 = 0.5;

/// A warning for every amount a total row of the file states that the grants do not sum to.
pub(super) fn total_rows(ds: &Dataset, grants: &Grants, figures: &Figures) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for total in &grants.file_totals {
        for (what, stated, sum) in
            [("beviljat", total.allocated, figures.allocated), ("förbrukat", total.used, figures.used)]
        {
            if let (Some(f), Some(s)) = (stated, sum)
                && (f - s).abs() > TOLERANCE
            {
                let at = cell_at(ds, total.row, grants.columns.label);
                diags.push(warn_at(ds, at, text::total_row_differs(what, f, s, &grants.unit)));
            }
        }
    }
    diags
}

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
