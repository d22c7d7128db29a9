//! [`Amounts`]: the figures of one line (budgets, outcome, forecast, last year's), read from a
//! row in the report's unit, summed over lines, and compared.

use super::read::{Cols, Names};
use super::settings::OutputUnit;
use uppfolj_plugin::kit::num_at;
use uppfolj_plugin::model::dataset::Dataset;

/// Differences of at most this (half a unit) are none.
pub(super) const DIFFERENCE: f64 = 0.5;

/// How to read one amount from a line's amounts.
pub(super) type Field = fn(&Amounts) -> Option<f64>;

/// One amount in which two sets of amounts differ.
#[derive(Debug, Clone)]
pub(super) struct Difference {
    /// Its Swedish name (the file's column header).
    pub what: String,
    /// The value of the amounts compared.
    pub own: f64,
    /// The value compared with.
    pub other: f64,
    /// How to read it from any line's amounts.
    pub field: Field,
}

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

    /// The sum of `items`, amount by amount (an amount none of them has stays absent), added
    /// in the order given.
    pub fn sum<'a>(items: impl Iterator<Item = &'a Amounts>) -> Self {
        items.fold(Amounts::default(), |sum, a| sum.plus(a))
    }

    /// `self` with `other` added, amount by amount, as [`uppfolj_plugin::kit::sum_present`] adds
    /// (an amount `other` lacks is left as it is): summing is one pass over the lines, not one
    /// per amount.
    pub fn plus(self, other: &Amounts) -> Self {
        let add = |sum: Option<f64>, v: Option<f64>| match v {
            Some(v) => Some(sum.unwrap_or(0.0) + v),
            None => sum,
        };
        Amounts {
            annual: add(self.annual, other.annual),
            period_budget: add(self.period_budget, other.period_budget),
            outcome: add(self.outcome, other.outcome),
            forecast: add(self.forecast, other.forecast),
            prev_partial: add(self.prev_partial, other.prev_partial),
            prev_annual: add(self.prev_annual, other.prev_annual),
        }
    }

    /// Each amount both sides have that differs by more than half a unit: its Swedish name, own
    /// value, the value compared with, and how to read it from any line's amounts.
    pub fn differences(&self, other: &Amounts, names: &Names) -> Vec<Difference> {
        let fields: [(&String, Field); 4] = [
            (&names.annual, |a| a.annual),
            (&names.budget, |a| a.period_budget),
            (&names.outcome, |a| a.outcome),
            (&names.forecast, |a| a.forecast),
        ];
        fields
            .into_iter()
            .filter_map(|(n, field)| match (field(self), field(other)) {
                (Some(a), Some(b)) if (a - b).abs() > DIFFERENCE => {
                    Some(Difference { what: n.clone(), own: a, other: b, field })
                }
                _ => None,
            })
            .collect()
    }
}
