//! The arithmetic of sums a file states: the precision a number is written with, whether a
//! difference between a stated sum and a computed one lies within the rounding of the amounts
//! summed, and which rows directly above a sum row it adds up. Shared by the import (which rows
//! a "Delsumma" covers) and the plugins' reconciliation of stated and computed results.

/// Most decimals a written amount is taken to have; beyond this it is float dust.
const MAX_DECIMALS: u8 = 6;

/// The decimals `value` is written with: 0 for 1 200, 1 for 525,5, 2 for 1,25 (at most six).
pub fn decimals_shown(value: f64) -> u8 {
    if !value.is_finite() {
        return 0;
    }
    (0..MAX_DECIMALS)
        .find(|&d| {
            let scaled = value * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(MAX_DECIMALS)
}

/// The largest difference rounding can explain between `stated` and the sum of `terms`: half a
/// unit of the coarsest precision among them, once per amount summed (each may have been rounded
/// on its own). With no terms, half a unit of `stated`'s precision.
pub fn rounding_tolerance(stated: f64, terms: &[f64]) -> f64 {
    let decimals = terms.iter().map(|t| decimals_shown(*t)).chain([decimals_shown(stated)]).min().unwrap_or(0);
    let half_unit = 0.5 * 10f64.powi(-i32::from(decimals));
    half_unit * terms.len().max(1) as f64
}

/// Whether `stated` and `computed` differ by no more than rounding of `terms` explains (a
/// difference of float dust is no difference at all).
pub fn within_rounding(stated: f64, computed: f64, terms: &[f64]) -> bool {
    (stated - computed).abs() <= rounding_tolerance(stated, terms) + 1e-9
}

/// Whether `a` and `b` are the same amount as written, up to float dust.
pub fn same_amount(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// How many of the rows directly above a sum row it adds up, when that is fewer than all of
/// them: `columns` holds, per amount column, the sum row's stated amount and the amounts of the
/// rows above it, nearest last (`None` where a cell is empty). Returns `Some(n)` for the shortest
/// run of the last `n` rows that sums to the stated amount in every column, where the whole run
/// does not; `None` when the whole run sums to it, when no shorter run does, or when no column
/// states an amount.
pub fn covered_suffix(columns: &[(f64, Vec<Option<f64>>)]) -> Option<usize> {
    let rows = columns.iter().map(|(_, v)| v.len()).max()?;
    let sums_to = |n: usize| {
        columns.iter().all(|(stated, values)| {
            let terms: Vec<f64> = values[values.len().saturating_sub(n)..].iter().flatten().copied().collect();
            let sum: f64 = terms.iter().sum();
            !terms.is_empty() && same_amount(*stated, sum)
        })
    };
    if columns.is_empty() || sums_to(rows) {
        return None;
    }
    (1..rows).find(|&n| sums_to(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_precision_a_number_is_written_with() {
        assert_eq!(decimals_shown(1200.0), 0);
        assert_eq!(decimals_shown(-525.5), 1);
        assert_eq!(decimals_shown(0.1 + 0.2), 1);
        assert_eq!(decimals_shown(1.25), 2);
    }

    #[test]
    fn rounding_allows_half_a_unit_per_amount() {
        assert!(within_rounding(-81.0, -80.0, &[-10.0, -20.0, -50.0]));
        assert!(!within_rounding(-85.0, -80.0, &[-10.0, -20.0, -50.0]));
        assert!(within_rounding(10.1, 10.0, &[5.1, 4.9]), "one decimal: 0,05 per amount");
        assert!(!within_rounding(10.2, 10.0, &[5.1, 4.9]));
        assert!(within_rounding(10.8, 10.0, &[5.0, 5.0]), "whole numbers may each be rounded by 0,5");
    }

    #[test]
    fn finds_the_rows_a_sum_adds_up() {
        let above = vec![Some(-100.0), Some(-50.0), Some(-15.0), Some(-40.0), Some(-25.0)];
        assert_eq!(covered_suffix(&[(-80.0, above.clone())]), Some(3));
        assert_eq!(covered_suffix(&[(-230.0, above.clone())]), None, "all of them");
        assert_eq!(covered_suffix(&[(-81.0, above.clone())]), None, "none");
        let outcome = vec![Some(-90.0), Some(-55.0), Some(-16.0), Some(-39.0), Some(-26.0)];
        assert_eq!(covered_suffix(&[(-80.0, above.clone()), (-81.0, outcome.clone())]), Some(3));
        assert_eq!(covered_suffix(&[(-80.0, above), (-80.0, outcome)]), None, "every column must agree");
    }
}
