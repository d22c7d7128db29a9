//! The optional result goal: årets resultat in percent of skatteintäkter + generella
//! statsbidrag och utjämning, against the goal given by the parameter `goal` (e.g. 2 %).

use super::deficits::YearFigures;
use super::lines::Line;
use uppfolj_plugin::model::report::{Diagnostic, Status};

/// The goal and how each year meets it.
#[derive(Debug, Clone)]
pub(super) struct Goal {
    /// The goal, in percent.
    pub percent: f64,
    /// Every year, in year order.
    pub years: Vec<GoalYear>,
}

/// One year against the goal.
#[derive(Debug, Clone)]
pub(super) struct GoalYear {
    pub year: i32,
    /// Årets resultat.
    pub result: Option<f64>,
    /// Skatteintäkter + generella statsbidrag och utjämning.
    pub base: Option<f64>,
    /// The result in percent of the base; `None` when the base is unknown.
    pub ratio: Option<f64>,
}

impl GoalYear {
    /// Whether the year meets the goal of `percent`, with the status's label; `None` when it
    /// cannot be told.
    pub(super) fn status(&self, percent: f64) -> Option<(Status, &'static str)> {
        self.ratio.map(|r| if r >= percent { (Status::Good, "Uppnått") } else { (Status::Bad, "Ej uppnått") })
    }
}

/// The goal of `percent` checked for every year, with `bases` one per year; `None` when no goal
/// is given, or when no year has a base (then a warning says what is missing).
pub(super) fn check(
    percent: Option<f64>,
    years: &[YearFigures<'_>],
    bases: &[Option<f64>],
    diags: &mut Vec<Diagnostic>,
) -> Option<Goal> {
    let percent = percent?;
    let years: Vec<GoalYear> = years
        .iter()
        .zip(bases)
        .map(|(y, base)| {
            let result = y.read.get(Line::Result);
            GoalYear { year: y.year(), result, base: *base, ratio: base.map(|b| 100.0 * result.unwrap_or(0.0) / b) }
        })
        .collect();
    if years.iter().all(|y| y.ratio.is_none()) {
        diags.push(Diagnostic::warning(
            "Resultatmålet kan inte prövas: filen saknar raderna 'Skatteintäkter' och 'Generella statsbidrag och \
             utjämning'. Lägg till raderna eller ange inställningen 'Skatteintäkter och generella statsbidrag, sista året' (det sista årets summa).",
        ));
        return None;
    }
    Some(Goal { percent, years })
}
