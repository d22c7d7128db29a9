//! The key figures: allocated, used, remaining, the share used and the number of projects used
//! beyond their allocation.

use super::compute::{Figures, Use, remaining, share_used};
use uppfolj_plugin::kit::key_figure;
use uppfolj_plugin::kit::{amount, decimals_for};
use uppfolj_plugin::model::report::{KeyFigure, Status};
use uppfolj_plugin::model::unit::Unit;

/// A key figure without change.
fn figure(label: &str, value: Option<f64>, unit: Unit, decimals: u8) -> KeyFigure {
    KeyFigure { decimals, ..key_figure(label, value, &unit) }
}

/// The key figures in `unit`, noting the decided `frame` under the allocation; without a used
/// column, only the allocation.
pub(super) fn key_figures(figures: &Figures, unit: &Unit, has_used: bool, frame: Option<f64>) -> Vec<KeyFigure> {
    let dec = decimals_for(unit);
    let (allocated, used) = (figures.allocated, figures.used);
    let mut out = vec![KeyFigure {
        note: frame.map(|f| format!("beslutad ram {}", amount(f, unit))),
        ..figure("Beviljat", allocated, unit.clone(), dec)
    }];
    if has_used {
        let overdrawn = figures.grants_with(Use::Overdrawn).len();
        out.extend([
            figure("Förbrukat", used, unit.clone(), dec),
            figure("Kvar", remaining(allocated, used), unit.clone(), dec),
            figure("Förbrukat av beviljat", share_used(allocated, used), Unit::Percent, 1),
            KeyFigure {
                status: Some(if overdrawn == 0 { Status::Good } else { Status::Bad }),
                status_label: Some(if overdrawn == 0 { "Inget överskridet" } else { "Överskridet" }.to_owned()),
                ..figure("Projekt över beviljat", Some(overdrawn as f64), Unit::Count, 0)
            },
        ]);
    }
    out
}
