//! The plan's figures: the planned effect of decided measures, the effect of measures under
//! preparation and the realised effect, summed per year against the requirement, for every year
//! of the plan and for the year the key figures are about.

use super::read::{ByYear, Measure, Plan, Year};

/// The figures of one year.
#[derive(Debug, Clone, Copy)]
pub(super) struct YearFigures {
    pub year: Year,
    /// The requirement, when one is given for the year.
    pub required: Option<f64>,
    /// Planned effect of the decided measures.
    pub planned: f64,
    /// Planned effect of the measures under preparation.
    pub in_preparation: f64,
    /// Realised effect of all measures.
    pub realised: f64,
}

impl YearFigures {
    /// The part of the requirement without a decided measure ("ej planerat"): requirement − planned.
    pub fn gap(&self) -> Option<f64> {
        self.required.map(|r| r - self.planned)
    }

    /// What remains once the measures under preparation are decided too.
    pub fn gap_after_preparation(&self) -> Option<f64> {
        self.gap().map(|g| g - self.in_preparation)
    }

    /// Realised as a percentage of planned; `None` when nothing is planned.
    pub fn realised_percent(&self) -> Option<f64> {
        (self.planned != 0.0).then(|| 100.0 * self.realised / self.planned)
    }
}

/// The plan's sums per year.
#[derive(Debug)]
pub(super) struct Figures<'a> {
    measures: &'a [Measure],
    /// Every year of the plan and of the requirement, in order.
    pub years: Vec<Year>,
    /// The requirement by year (empty when none is given).
    pub required: ByYear,
    /// The year the key figures are about.
    pub focus: Year,
}

impl<'a> Figures<'a> {
    /// The figures of `plan` against `required`, with the key figures for `year` (default: the
    /// first year with a requirement, else the first year of the plan).
    pub fn new(plan: &'a Plan, required: ByYear, year: Option<i64>) -> Self {
        let mut years = plan.years();
        years.extend(required.keys().copied());
        years.sort();
        years.dedup();
        let focus = year
            .map(|y| Some(y as i32))
            .or_else(|| required.keys().next().copied())
            .or_else(|| years.first().copied())
            .flatten();
        Self { measures: &plan.measures, years, required, focus }
    }

    /// The sum in year `y` of `effect` over the measures decided (`in_preparation` false) or under
    /// preparation (true).
    fn sum(&self, y: Year, in_preparation: bool, effect: impl Fn(&Measure) -> &ByYear) -> f64 {
        self.measures.iter().filter(|m| m.in_preparation == in_preparation).filter_map(|m| effect(m).get(&y)).sum()
    }

    /// Planned effect of the decided measures in year `y`.
    pub fn planned(&self, y: Year) -> f64 {
        self.sum(y, false, |m| &m.planned)
    }

    /// Planned effect of the measures under preparation in year `y`.
    pub fn in_preparation(&self, y: Year) -> f64 {
        self.sum(y, true, |m| &m.planned)
    }

    /// Realised effect of the decided measures in year `y`.
    pub fn realised_decided(&self, y: Year) -> f64 {
        self.sum(y, false, |m| &m.realised)
    }

    /// Realised effect of all measures in year `y`.
    pub fn realised(&self, y: Year) -> f64 {
        self.realised_decided(y) + self.sum(y, true, |m| &m.realised)
    }

    /// The figures of year `y`.
    pub fn year(&self, y: Year) -> YearFigures {
        YearFigures {
            year: y,
            required: self.required.get(&y).copied(),
            planned: self.planned(y),
            in_preparation: self.in_preparation(y),
            realised: self.realised(y),
        }
    }

    /// The figures of the year the key figures are about.
    pub fn focus_year(&self) -> YearFigures {
        self.year(self.focus)
    }

    /// The years some measure has realised effect in.
    pub fn realised_years(&self) -> Vec<Year> {
        self.years.iter().copied().filter(|y| self.measures.iter().any(|m| m.realised.contains_key(y))).collect()
    }

    /// The areas of the decided measures, sorted, each once.
    pub fn areas(&self) -> Vec<String> {
        let mut areas: Vec<String> =
            self.measures.iter().filter(|m| !m.in_preparation).map(|m| m.area.clone()).collect();
        areas.sort();
        areas.dedup();
        areas
    }

    /// Planned effect of the decided measures of `area` in year `y`.
    pub fn area_planned(&self, area: &str, y: Year) -> f64 {
        self.measures.iter().filter(|m| !m.in_preparation && m.area == area).filter_map(|m| m.planned.get(&y)).sum()
    }
}
