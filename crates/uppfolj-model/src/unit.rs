//! Units of amounts and indicator values.
//!
//! Amounts keep the unit of the input ("Belopp i tkr") until a plugin or the user asks for another
//! one; [`Unit::convert`] converts between the currency units.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The unit of a number in a dataset or a report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "text")]
pub enum Unit {
    /// Kronor.
    Kr,
    /// Tusen kronor (thousands).
    Tkr,
    /// Miljoner kronor (millions), also written "Mkr" or "mkr".
    Mnkr,
    /// Kronor per invånare.
    KrPerInv,
    /// Percent, stored as percentage points (12.5 means 12,5 %).
    Percent,
    /// A count (antal).
    Count,
    /// Any other unit, kept as written in the file.
    Other(String),
}

impl Unit {
    /// How many kronor one of this unit is, for the currency units.
    pub fn kronor_factor(&self) -> Option<f64> {
        match self {
            Unit::Kr => Some(1.0),
            Unit::Tkr => Some(1_000.0),
            Unit::Mnkr => Some(1_000_000.0),
            _ => None,
        }
    }

    /// Whether this is an amount of money (kr, tkr, mnkr).
    pub fn is_currency(&self) -> bool {
        self.kronor_factor().is_some()
    }

    /// Converts `value` from `self` into `to`. Returns `None` when the units are not both
    /// currency units and not equal.
    pub fn convert(&self, value: f64, to: &Unit) -> Option<f64> {
        if self == to {
            return Some(value);
        }
        Some(value * self.kronor_factor()? / to.kronor_factor()?)
    }

    /// Recognises a unit written by a person: "tkr", "Tkr", "tusental kronor", "mnkr", "Mkr",
    /// "mkr", "miljoner kronor", "kr", "kronor", "kr/inv", "%", "procent", "antal".
    pub fn parse(text: &str) -> Option<Unit> {
        let t = text.trim().trim_matches(|c| c == '(' || c == ')' || c == '[' || c == ']').trim();
        let lower = t.to_lowercase();
        let unit = match lower.as_str() {
            "kr" | "kronor" | "sek" => Unit::Kr,
            "tkr" | "tsek" | "tusen kronor" | "tusental kronor" | "ksek" => Unit::Tkr,
            "mnkr" | "mkr" | "mn kr" | "msek" | "miljoner kronor" | "mdkr" => {
                if lower == "mdkr" {
                    return None;
                }
                Unit::Mnkr
            }
            "kr/inv" | "kr/invånare" | "kronor per invånare" | "kr per invånare" => Unit::KrPerInv,
            "%" | "procent" | "andel (%)" | "andel" => Unit::Percent,
            "antal" | "st" => Unit::Count,
            _ => return None,
        };
        Some(unit)
    }

    /// The short Swedish label used in table headers: "tkr", "mnkr", "%".
    pub fn label(&self) -> &str {
        match self {
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
            Unit::Mnkr => "mnkr",
            Unit::KrPerInv => "kr/inv",
            Unit::Percent => "%",
            Unit::Count => "antal",
            Unit::Other(s) => s,
        }
    }
}

/// The label of amounts whose unit the file does not say ("Utfall, enhet okänd").
pub const UNKNOWN_LABEL: &str = "enhet okänd";

impl Unit {
    /// The unit of amounts whose unit the file does not say: headers read "Utfall, enhet okänd",
    /// values are written without a unit.
    pub fn unknown() -> Self {
        Unit::Other(UNKNOWN_LABEL.to_owned())
    }

    /// Whether this is [`Unit::unknown`].
    pub fn is_unknown(&self) -> bool {
        matches!(self, Unit::Other(s) if s == UNKNOWN_LABEL)
    }

    /// What follows a value written in this unit ("tkr" in "1 200 tkr"): nothing for a count
    /// (the label says what is counted, "Uppnått 5", not "5 antal"), for an unknown unit, and
    /// for a percentage, whose sign is written with the number.
    pub fn value_suffix(&self) -> Option<&str> {
        match self {
            Unit::Count | Unit::Percent => None,
            unknown if unknown.is_unknown() => None,
            other => Some(other.label()),
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_and_a_percentage_have_no_suffix_after_the_value() {
        assert_eq!(Unit::Tkr.value_suffix(), Some("tkr"));
        assert_eq!(Unit::Other("personer".into()).value_suffix(), Some("personer"));
        assert_eq!(Unit::Count.value_suffix(), None);
        assert_eq!(Unit::Percent.value_suffix(), None);
        assert_eq!(Unit::unknown().value_suffix(), None);
        assert_eq!(Unit::unknown().label(), "enhet okänd");
    }

    #[test]
    fn converts_between_currency_units() {
        assert_eq!(Unit::Tkr.convert(1_500.0, &Unit::Mnkr), Some(1.5));
        assert_eq!(Unit::Mnkr.convert(2.6, &Unit::Kr), Some(2_600_000.0));
        assert_eq!(Unit::Percent.convert(12.0, &Unit::Tkr), None);
        assert_eq!(Unit::Percent.convert(12.0, &Unit::Percent), Some(12.0));
    }

    #[test]
    fn parses_units_as_people_write_them() {
        assert_eq!(Unit::parse("Tkr"), Some(Unit::Tkr));
        assert_eq!(Unit::parse("(mkr)"), Some(Unit::Mnkr));
        assert_eq!(Unit::parse("Mkr"), Some(Unit::Mnkr));
        assert_eq!(Unit::parse("kr/inv"), Some(Unit::KrPerInv));
        assert_eq!(Unit::parse("%"), Some(Unit::Percent));
        assert_eq!(Unit::parse("mdkr"), None);
        assert_eq!(Unit::parse("äpplen"), None);
    }
}
