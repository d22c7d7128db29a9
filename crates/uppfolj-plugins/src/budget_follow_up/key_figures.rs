//! The key figures at the top of the report: budget, outcome and deviation for the period, the
//! förbrukningsgrad against the share of the year elapsed, and the full-year forecast.

use super::FollowUp;
use super::text::forecast_note;
use uppfolj_plugin::kit::decimals_for;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{KeyFigure, Status};
use uppfolj_plugin::model::unit::Unit;

/// The key figures of the total.
pub(super) fn key_figures(f: &FollowUp) -> Vec<KeyFigure> {
    let (s, total) = (&f.settings, &f.total_derived);
    let amount = |label: String, value: Option<f64>| KeyFigure {
        label,
        value,
        unit: Some(s.unit.clone()),
        decimals: decimals_for(&s.unit),
        change: None,
        status: None,
        status_label: None,
        note: None,
    };
    let mut figures = vec![
        amount(format!("Budget {}", s.period), total.budget),
        amount(format!("Utfall {}", s.period), f.total.outcome),
        KeyFigure {
            status: total.deviation.map(|_| s.status(total).0),
            status_label: total.deviation.map(|_| s.status(total).1.to_owned()),
            note: total.deviation_pct.map(|p| format!("{} av budget", format::percent(p, 1))),
            ..amount("Avvikelse mot budget".into(), total.deviation)
        },
    ];
    figures.extend(consumption(f));
    if let Some(v) = total.forecast {
        figures.push(KeyFigure {
            note: Some(forecast_note(s.forecast).into()),
            ..amount("Helårsprognos".into(), Some(v))
        });
    }
    if let Some(v) = total.forecast_vs_annual {
        figures.push(KeyFigure {
            status: Some(if v >= 0.0 { Status::Good } else { Status::Bad }),
            status_label: Some(if v >= 0.0 { "Inom årsbudget" } else { "Över årsbudget" }.to_owned()),
            ..amount("Prognos mot årsbudget".into(), Some(v))
        });
    }
    figures
}

/// The förbrukningsgrad of the annual budget, against the share of the year elapsed (not at
/// year end).
fn consumption(f: &FollowUp) -> Option<KeyFigure> {
    let c = f.total_derived.consumption?;
    let m = f.settings.months.filter(|m| *m < 12)?;
    let elapsed = 100.0 * f64::from(m) / 12.0;
    let over = c - elapsed;
    // For net costs a higher consumption than the elapsed share is a risk.
    let (status, label) = if over <= 0.0 {
        (Status::Good, "I takt med året")
    } else if over <= f.settings.threshold {
        (Status::Warning, "Något över årets takt")
    } else {
        (Status::Bad, "Över årets takt")
    };
    Some(KeyFigure {
        label: "Förbrukningsgrad".into(),
        value: Some(c),
        unit: Some(Unit::Percent),
        decimals: 1,
        change: None,
        status: Some(status),
        status_label: Some(label.to_owned()),
        note: Some(format!("av årsbudget; {} av året har gått ({m} av 12 månader)", format::percent(elapsed, 1))),
    })
}
