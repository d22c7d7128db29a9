//! Computing the figures of a line from its amounts: the budget compared with, the deviation in
//! amount and percent, the förbrukningsgrad, the full-year forecast and its deviation, the
//! status; and the same for the report's total.

use super::amounts::Amounts;
use super::settings::{ForecastMode, Settings};
use uppfolj_plugin::kit::sum_present;
use uppfolj_plugin::model::report::Status;

/// What is derived from a line's amounts.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Derived {
    /// The budget the outcome is compared with (the period's, or the annual one periodised).
    pub budget: Option<f64>,
    /// How much better the outcome is than the budget (by the sign convention).
    pub deviation: Option<f64>,
    /// The deviation in percent of the budget's size.
    pub deviation_pct: Option<f64>,
    /// Outcome in percent of the annual budget.
    pub consumption: Option<f64>,
    pub forecast: Option<f64>,
    /// How much better the forecast is than the annual budget (not at year end).
    pub forecast_vs_annual: Option<f64>,
    /// At year end: how much better the outcome is than the file's forecast.
    pub forecast_error: Option<f64>,
}

impl Settings {
    /// The figures derived from the amounts `a`.
    pub fn derive(&self, a: &Amounts) -> Derived {
        let budget = match (a.period_budget, a.annual, self.periodise, self.months) {
            (Some(b), _, _, _) => Some(b),
            (None, Some(annual), true, Some(m)) => Some(annual * f64::from(m) / 12.0),
            (None, Some(annual), false, _) => Some(annual),
            _ => None,
        };
        let deviation = match (a.outcome, budget) {
            (Some(o), Some(b)) => Some(self.sign.better(o, b)),
            _ => None,
        };
        let deviation_pct = match (deviation, budget) {
            (Some(d), Some(b)) if b != 0.0 => Some(100.0 * d / b.abs()),
            _ => None,
        };
        let consumption = match (a.outcome, a.annual) {
            (Some(o), Some(y)) if y != 0.0 => Some(100.0 * o / y),
            _ => None,
        };
        let forecast = self.forecast(a);
        let forecast_vs_annual = self.forecast_vs_annual(forecast, a.annual);
        let forecast_error = match (a.outcome, a.forecast, self.months) {
            (Some(o), Some(f), Some(12)) => Some(self.sign.better(o, f)),
            _ => None,
        };
        Derived { budget, deviation, deviation_pct, consumption, forecast, forecast_vs_annual, forecast_error }
    }

    /// The full-year forecast of the amounts `a`, made as the settings say.
    fn forecast(&self, a: &Amounts) -> Option<f64> {
        match self.forecast {
            ForecastMode::None => None,
            ForecastMode::Given => a.forecast,
            ForecastMode::Linear => match (a.outcome, self.months) {
                (Some(o), Some(m)) => Some(o * 12.0 / f64::from(m)),
                _ => None,
            },
            ForecastMode::Profile => match (a.outcome, a.prev_partial, a.prev_annual) {
                (Some(o), Some(p), Some(y)) if p != 0.0 => Some(o * y / p),
                _ => None,
            },
        }
    }

    /// How much better `forecast` is than the `annual` budget; none at year end.
    fn forecast_vs_annual(&self, forecast: Option<f64>, annual: Option<f64>) -> Option<f64> {
        match (forecast, annual) {
            (Some(f), Some(y)) if self.months != Some(12) => Some(self.sign.better(f, y)),
            _ => None,
        }
    }

    /// The status of a line with the figures `d`, and its words.
    pub fn status(&self, d: &Derived) -> (Status, &'static str) {
        match (d.deviation, d.deviation_pct) {
            (None, _) => (Status::Neutral, "Budget saknas"),
            (Some(dev), _) if dev >= 0.0 => (Status::Good, "Inom budget"),
            (Some(_), Some(p)) if p > -self.threshold => (Status::Warning, "Mindre avvikelse"),
            _ => (Status::Bad, "Negativ avvikelse"),
        }
    }

    /// The figures of the report's total, the sum `total` of the lines `top`: as for a line,
    /// except that its forecast is the sum of the lines' forecasts (they may be made differently).
    pub fn derive_total(&self, total: &Amounts, top: &[usize], derived: &[Derived]) -> Derived {
        let mut d = self.derive(total);
        d.forecast = sum_present(top.iter().map(|&i| derived[i].forecast));
        d.forecast_vs_annual = self.forecast_vs_annual(d.forecast, total.annual);
        d
    }
}

/// Orders lines by their deviation in amount, largest first, then by their deviation in percent.
pub(super) fn larger_first(a: &Derived, b: &Derived) -> std::cmp::Ordering {
    let size = |d: &Derived| d.deviation.map_or(0.0, f64::abs);
    let pct = |d: &Derived| d.deviation_pct.map_or(0.0, f64::abs);
    size(b).total_cmp(&size(a)).then_with(|| pct(b).total_cmp(&pct(a)))
}
