//! The key figures of the year they are about: requirement, planned, under preparation, not
//! planned and realised.

use super::compute::YearFigures;
use super::read::year_label;
use uppfolj_plugin::kit::key_figure;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{KeyFigure, Status};
use uppfolj_plugin::model::unit::Unit;

/// The key figures of year `f`, in `unit`.
pub(super) fn key_figures(f: &YearFigures, unit: &Unit) -> Vec<KeyFigure> {
    let fig = |label: String, value: f64, status: Option<Status>, note: Option<String>| KeyFigure {
        status,
        note,
        ..key_figure(label, Some(value), unit)
    };
    let yl = year_label(f.year);
    let mut figures = Vec::new();
    if let Some(r) = f.required {
        figures.push(fig(format!("Krav {yl}"), r, None, None));
    }
    figures.push(fig(format!("Planerat {yl}"), f.planned, None, Some("beslutade åtgärder".into())));
    if f.in_preparation != 0.0 {
        figures.push(fig(format!("Under beredning {yl}"), f.in_preparation, None, None));
    }
    if let Some(gap) = f.gap() {
        let (status, label) =
            if gap <= 0.0 { (Status::Good, "Kravet täckt") } else { (Status::Bad, "Saknar åtgärder") };
        figures.push(KeyFigure {
            status_label: Some(label.to_owned()),
            ..fig(format!("Ej planerat {yl}"), gap, Some(status), Some("krav − planerat".into()))
        });
    }
    let share = f.realised_percent().map(|p| format!("{} av planerat", format::percent(p, 0)));
    figures.push(fig(format!("Realiserat {yl}"), f.realised, None, share));
    figures
}
