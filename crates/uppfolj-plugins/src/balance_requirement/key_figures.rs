//! The key figures of the last year: årets resultat, balanskravsresultat, what remains to
//! restore, the result goal, and the reserve against its cap.

use super::deficits::{Deficit, YearFigures};
use super::goal::Goal;
use super::lines::Line;
use super::reserve::{CAP_FROM, CAP_PERCENT, ReserveYear};
use uppfolj_plugin::kit::{amount, decimals_for};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{KeyFigure, Status};
use uppfolj_plugin::model::unit::Unit;

/// The key figures; the reserve's only when `reserve` is shown.
pub(super) fn key_figures(
    years: &[YearFigures<'_>],
    deficits: &[Deficit],
    goal: Option<&Goal>,
    reserve: Option<&ReserveYear>,
    unit: &Unit,
) -> Vec<KeyFigure> {
    let mut figures = Vec::new();
    if let Some(last) = years.last() {
        figures.extend(results(last, deficits, unit));
        figures.extend(goal.and_then(|g| goal_figure(g, last.year())));
    }
    figures.extend(reserve.map(|r| reserve_figure(r, unit)));
    figures
}

/// An amount in `unit`, with its status said in words ("Balanskravet uppfyllt").
fn amount_figure(
    label: String,
    value: f64,
    status: Option<(Status, &str)>,
    note: Option<String>,
    unit: &Unit,
) -> KeyFigure {
    KeyFigure {
        label,
        value: Some(value),
        unit: Some(unit.clone()),
        decimals: decimals_for(unit),
        change: None,
        status: status.map(|(s, _)| s),
        status_label: status.map(|(_, text)| text.to_owned()),
        note,
    }
}

/// Årets resultat, balanskravsresultat and what remains to restore after year `last`.
fn results(last: &YearFigures<'_>, deficits: &[Deficit], unit: &Unit) -> [KeyFigure; 3] {
    let y = last.label();
    let oldest = deficits
        .first()
        .and_then(|d| d.origin.zip(d.deadline()))
        .map(|(origin, deadline)| format!("äldsta underskottet från {origin}, senast {deadline}"));
    [
        amount_figure(format!("Årets resultat {y}"), last.read.get(Line::Result).unwrap_or(0.0), None, None, unit),
        amount_figure(
            format!("Balanskravsresultat {y}"),
            last.balance_result,
            Some(if last.balance_result >= 0.0 {
                (Status::Good, "Balanskravet uppfyllt")
            } else {
                (Status::Bad, "Balanskravet ej uppfyllt")
            }),
            None,
            unit,
        ),
        amount_figure(
            format!("Att återställa efter {y}"),
            last.closing,
            Some(if last.closing <= 0.0 {
                (Status::Good, "Inget att återställa")
            } else {
                (Status::Bad, "Underskott att återställa")
            }),
            oldest,
            unit,
        ),
    ]
}

/// The result in percent of skatteintäkter and generella statsbidrag in `year`, when known.
fn goal_figure(goal: &Goal, year: i32) -> Option<KeyFigure> {
    let g = goal.years.iter().find(|g| g.year == year)?;
    let (ratio, (status, label)) = (g.ratio?, g.status(goal.percent)?);
    Some(KeyFigure {
        label: format!("Resultat i % av skatter och bidrag {year}"),
        value: Some(ratio),
        unit: Some(Unit::Percent),
        decimals: 1,
        change: None,
        status: Some(status),
        status_label: Some(format!("Mål {}", label.to_lowercase())),
        note: Some(format!("mål {}", format::percent(goal.percent, 1))),
    })
}

/// The reserve at the end of its year, with its cap as the note.
fn reserve_figure(r: &ReserveYear, unit: &Unit) -> KeyFigure {
    let capped = r.is_capped();
    let note = match (r.closing, r.cap) {
        (Some(_), Some(c)) => format!(
            "tak {} ({} av skatteintäkter och generella statsbidrag)",
            amount(c, unit),
            format::percent(CAP_PERCENT, 0)
        ),
        (None, _) => "kan inte beräknas: ingående balans saknas, se meddelandena".to_owned(),
        (Some(_), None) if capped => {
            "taket kan inte beräknas: skatteintäkter och statsbidrag saknas, se meddelandena".to_owned()
        }
        (Some(_), None) => format!("inget tak före {CAP_FROM}"),
    };
    KeyFigure {
        label: format!(
            "{} vid årets slut {}",
            if capped { "Resultatreserv" } else { "Resultatutjämningsreserv" },
            r.year
        ),
        value: r.closing,
        unit: Some(unit.clone()),
        decimals: decimals_for(unit),
        change: None,
        status: match r.over_cap() {
            Some(over) => Some(if over { Status::Bad } else { Status::Good }),
            None => capped.then_some(Status::Neutral),
        },
        status_label: Some(
            match r.over_cap() {
                Some(true) => "Över taket",
                Some(false) => "Inom taket",
                None => "Kan inte prövas",
            }
            .to_owned(),
        ),
        note: Some(note),
    }
}
