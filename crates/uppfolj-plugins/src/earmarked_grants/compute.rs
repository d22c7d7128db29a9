//! The figures: the totals allocated and used, and how each grant is used (within the
//! allocation, beyond it, or slowly).

use super::read::{Grant, Grants};
use uppfolj_plugin::kit::sum_present;
use uppfolj_plugin::model::report::Status;

/// Use beyond the allocation by more than this (half a unit: rounding in the file) is overdrawn.
const TOLERANCE: f64 = 0.5;

/// How a grant is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Use {
    /// Used more than allocated.
    Overdrawn,
    /// Used less than the low-use share of the allocation.
    Low,
    /// Used within the allocation.
    Within,
    /// Allocated or used amount missing.
    NotAssessed,
}

impl Use {
    /// How a grant of `allocated` with `used` is used; below `low_use` percent is low.
    pub fn of(allocated: Option<f64>, used: Option<f64>, low_use: f64) -> Self {
        match (allocated, used) {
            (Some(a), Some(u)) if u > a + TOLERANCE => Use::Overdrawn,
            (Some(a), Some(u)) if a > 0.0 && 100.0 * u / a < low_use => Use::Low,
            (Some(_), Some(_)) => Use::Within,
            _ => Use::NotAssessed,
        }
    }

    /// How the totals are used (never low: that is said of projects); `None` without both totals.
    pub fn of_totals(allocated: Option<f64>, used: Option<f64>) -> Option<Self> {
        match (allocated, used) {
            (Some(a), Some(u)) if u > a + TOLERANCE => Some(Use::Overdrawn),
            (Some(_), Some(_)) => Some(Use::Within),
            _ => None,
        }
    }

    /// The status shown.
    pub fn status(self) -> Status {
        match self {
            Use::Overdrawn => Status::Bad,
            Use::Low => Status::Warning,
            Use::Within => Status::Good,
            Use::NotAssessed => Status::Neutral,
        }
    }

    /// The status's label in the table.
    pub fn label(self) -> &'static str {
        match self {
            Use::Overdrawn => "Överskridet",
            Use::Low => "Låg förbrukning",
            Use::Within => "Inom beviljat",
            Use::NotAssessed => "Ej bedömd",
        }
    }
}

/// Allocated − used; `None` unless both are known.
pub(super) fn remaining(allocated: Option<f64>, used: Option<f64>) -> Option<f64> {
    allocated.zip(used).map(|(a, u)| a - u)
}

/// Used as a percentage of allocated; `None` unless both are known and something is allocated.
pub(super) fn share_used(allocated: Option<f64>, used: Option<f64>) -> Option<f64> {
    allocated.zip(used).filter(|(a, _)| *a != 0.0).map(|(a, u)| 100.0 * u / a)
}

/// The totals of the grants and the use of each.
#[derive(Debug)]
pub(super) struct Figures<'a> {
    /// The grants, in the file's order.
    pub grants: &'a [Grant],
    /// The percentage used below which a grant is slow.
    pub low_use: f64,
    /// The sum allocated (`None` when no grant has an allocation).
    pub allocated: Option<f64>,
    /// The sum used (`None` when no grant has a used amount).
    pub used: Option<f64>,
}

impl<'a> Figures<'a> {
    /// The figures of `grants`, with use below `low_use` percent counted as slow.
    pub fn new(grants: &'a Grants, low_use: f64) -> Self {
        let list = &grants.grants;
        Self {
            grants: list,
            low_use,
            allocated: sum_present(list.iter().map(|g| g.allocated)),
            used: sum_present(list.iter().map(|g| g.used)),
        }
    }

    /// How `grant` is used.
    pub fn use_of(&self, grant: &Grant) -> Use {
        Use::of(grant.allocated, grant.used, self.low_use)
    }

    /// The grants used as `kind`, in the file's order.
    pub fn grants_with(&self, kind: Use) -> Vec<&'a Grant> {
        self.grants.iter().filter(|g| self.use_of(g) == kind).collect()
    }

    /// The grants that must report back.
    pub fn reporting_back(&self) -> Vec<&'a Grant> {
        self.grants.iter().filter(|g| g.must_report_back()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_use_against_the_allocation() {
        assert_eq!(Use::of(Some(210_000.0), Some(236_500.0), 25.0), Use::Overdrawn);
        assert_eq!(Use::of(Some(200_000.0), Some(200_000.4), 25.0), Use::Within, "within rounding");
        assert_eq!(Use::of(Some(200_000.0), Some(0.0), 25.0), Use::Low);
        assert_eq!(Use::of(Some(500_000.0), Some(188_000.0), 50.0), Use::Low);
        assert_eq!(Use::of(None, Some(1.0), 25.0), Use::NotAssessed);
        assert_eq!(Use::of_totals(Some(1.0), Some(0.0)), Some(Use::Within));
    }
}
