//! [`Amounts`]: the figures of one line (budgets, outcome, forecast, last year's), read from a
//! row in the report's unit, summed over lines, and compared.

use super::read::{Cols, Names};
use super::settings::OutputUnit;
use uppfolj_plugin::kit::{num_at, sum_present};
use uppfolj_plugin::model::dataset::Dataset;

/// The amounts of one line, as read (or summed), already in the output unit.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Amounts {
    pub annual: Option<f64>,
    pub period_budget: Option<f64>,
    pub outcome: Option<f64>,
    pub forecast: Option<f64>,
    pub prev_partial: Option<f64>,
    pub prev_annual: Option<f64>,
}

impl Amounts {
    /// The amounts of dataset row `row`, converted into the report's unit.
    pub fn read(ds: &Dataset, row: usize, cols: &Cols, unit: &OutputUnit) -> Self {
        let get = |c: Option<usize>| num_at(ds, row, c).map(|v| unit.convert(v));
        Amounts {
            annual: get(cols.annual),
            period_budget: get(cols.period_budget),
            outcome: get(cols.outcome),
            forecast: get(cols.forecast),
            prev_partial: get(cols.prev_partial),
            prev_annual: get(cols.prev_annual),
        }
    }

    /// Whether no amount is present.
    pub fn is_empty(&self) -> bool {
        *self == Amounts::default()
    }

    /// The sum of `items`, amount by amount (an amount none of them has stays absent).
    pub fn sum<'a>(items: impl Iterator<Item = &'a Amounts> + Clone) -> Self {
        Amounts {
            annual: sum_present(items.clone().map(|a| a.annual)),
            period_budget: sum_present(items.clone().map(|a| a.period_budget)),
            outcome: sum_present(items.clone().map(|a| a.outcome)),
            forecast: sum_present(items.clone().map(|a| a.forecast)),
            prev_partial: sum_present(items.clone().map(|a| a.prev_partial)),
            prev_annual: sum_present(items.map(|a| a.prev_annual)),
        }
    }

    /// (Swedish name, own value, value to compare with) for each amount both sides have and
    /// that differs by more than half a unit.
    pub fn differences(&self, other: &Amounts, names: &Names) -> Vec<(String, f64, f64)> {
        let pairs = [
            (&names.annual, self.annual, other.annual),
            (&names.budget, self.period_budget, other.period_budget),
            (&names.outcome, self.outcome, other.outcome),
            (&names.forecast, self.forecast, other.forecast),
        ];
        pairs
            .into_iter()
            .filter_map(|(n, a, b)| match (a, b) {
                (Some(a), Some(b)) if (a - b).abs() > 0.5 => Some((n.clone(), a, b)),
                _ => None,
            })
            .collect()
    }
}
