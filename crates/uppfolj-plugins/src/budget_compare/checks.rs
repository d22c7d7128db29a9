//! Each file's own "Summa" row reconciled with the sum of its lines (the kit's reconcile: the
//! likely reason of a difference, at the file's cell).

use super::read::Side;
use super::text::TOTAL_THEN;
use uppfolj_plugin::kit::reconcile::{Check, Suspect};
use uppfolj_plugin::kit::{cell_at, sum_present};
use uppfolj_plugin::model::report::Diagnostic;

/// The diagnostic for `side`'s total row against its lines, named `name` ("A"); a note when the
/// file has no total row.
pub(crate) fn total_row(side: &Side<'_>, name: &str) -> Option<Diagnostic> {
    let computed = sum_present(side.lines.iter().map(|l| l.amount))?;
    let Some((stated, at)) = side.total else {
        return Some(Diagnostic::info(format!(
            "{name}, {}: filen har ingen summarad för '{}'; summan är beräknad av raderna.",
            side.file(),
            side.column_name()
        )));
    };
    let terms: Vec<f64> = side.lines.iter().filter_map(|l| l.amount).collect();
    let suspects = side.lines.iter().filter_map(|l| {
        l.amount.map(|v| Suspect::outside_sum(l.label.clone(), v, cell_at(side.ds, l.row, side.label_col)))
    });
    let what = format!("{name}, {}: summaraden, '{}'", side.file(), side.column_name());
    Check::new(what, stated, computed, &side.unit).terms(&terms).suspects(suspects).diagnostic(
        &side.ds.source,
        at,
        TOTAL_THEN,
    )
}
