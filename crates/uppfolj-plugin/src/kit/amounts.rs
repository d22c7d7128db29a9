//! Amounts: units, the decimals shown, conversion, and amounts written in Swedish.

use uppfolj_model::dataset::Dataset;
use uppfolj_model::format;
use uppfolj_model::report::KeyFigure;
use uppfolj_model::unit::Unit;

/// The amount unit of column `col`, else the table's.
pub fn unit_of(ds: &Dataset, col: Option<usize>) -> Option<Unit> {
    match col {
        Some(c) => ds.unit_of(c).cloned(),
        None => ds.unit.clone(),
    }
}

/// Decimals normally shown for an amount in `unit`: one for mnkr and percent, none otherwise.
pub fn decimals_for(unit: &Unit) -> u8 {
    match unit {
        Unit::Mnkr => 1,
        Unit::Percent => 1,
        _ => 0,
    }
}

/// "−126 410 tkr" (thousands separated by a narrow no-break space); a count or an amount in an
/// unknown unit without a unit after it.
pub fn amount(value: f64, unit: &Unit) -> String {
    with_unit(format::number(value, decimals_for(unit) as usize), unit)
}

/// "+33 tkr" / "−12 tkr".
pub fn signed_amount(value: f64, unit: &Unit) -> String {
    with_unit(format::signed(value, decimals_for(unit) as usize), unit)
}

/// `number` followed by what the unit writes after a value ("12,5 %", "33 tkr", "5").
fn with_unit(number: String, unit: &Unit) -> String {
    match unit {
        Unit::Percent => format!("{number} %"),
        other => match other.value_suffix() {
            Some(suffix) => format!("{number} {suffix}"),
            None => number,
        },
    }
}

/// A key figure of `value` in `unit`, shown with the decimals usual for the unit; set its
/// `status`, `change` and `note` on the result.
pub fn key_figure(label: impl Into<String>, value: Option<f64>, unit: &Unit) -> KeyFigure {
    KeyFigure {
        label: label.into(),
        value,
        unit: Some(unit.clone()),
        decimals: decimals_for(unit),
        change: None,
        status: None,
        status_label: None,
        note: None,
    }
}

/// Sum of the values that are present; `None` when none is.
pub fn sum_present(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    values.into_iter().flatten().fold(None, |acc, v| Some(acc.unwrap_or(0.0) + v))
}

/// Converts `value` from `from` into `to`, or keeps it when no conversion applies.
pub fn convert(value: f64, from: &Unit, to: &Unit) -> f64 {
    from.convert(value, to).unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_only_present_values() {
        assert_eq!(sum_present([Some(1.0), None, Some(2.0)]), Some(3.0));
        assert_eq!(sum_present([None, None]), None);
    }

    #[test]
    fn writes_amounts_in_swedish() {
        assert_eq!(amount(-126_410.0, &Unit::Tkr), "−126\u{202f}410 tkr");
        assert_eq!(signed_amount(33.0, &Unit::Tkr), "+33 tkr");
        assert_eq!(amount(7.04, &Unit::Mnkr), "7,0 mnkr");
    }
}
