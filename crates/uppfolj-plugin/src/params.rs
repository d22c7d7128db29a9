//! Typed plugin parameters with defaults and validation.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
pub use uppfolj_model::vocab::parse_number;

/// The type of a parameter, with its validation rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum ParamKind {
    /// A number, optionally bounded (inclusive).
    Number {
        /// Smallest allowed value.
        min: Option<f64>,
        /// Largest allowed value.
        max: Option<f64>,
    },
    /// A whole number, optionally bounded (inclusive).
    Integer {
        /// Smallest allowed value.
        min: Option<i64>,
        /// Largest allowed value.
        max: Option<i64>,
    },
    /// Free text.
    Text,
    /// One of a fixed list of choices: (value, Swedish label).
    Choice {
        /// The allowed values and their labels.
        choices: Vec<(String, String)>,
    },
    /// Yes or no.
    Bool,
}

/// A parameter value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// A number.
    Number(f64),
    /// A whole number.
    Integer(i64),
    /// Yes or no.
    Bool(bool),
    /// Text or a choice.
    Text(String),
}

impl std::fmt::Display for ParamValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamValue::Number(v) => {
                f.write_str(&uppfolj_model::format::number(*v, if v.fract() == 0.0 { 0 } else { 2 }))
            }
            ParamValue::Integer(v) => write!(f, "{v}"),
            ParamValue::Bool(true) => f.write_str("ja"),
            ParamValue::Bool(false) => f.write_str("nej"),
            ParamValue::Text(s) => f.write_str(s),
        }
    }
}

/// A parameter a plugin takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamSpec {
    /// Key, as on the command line (`--param months=8`).
    pub key: String,
    /// Swedish label shown in the app and in messages (never the key).
    pub label_sv: String,
    /// Help text in Swedish.
    pub help_sv: String,
    /// Type and validation.
    pub kind: ParamKind,
    /// The default; `None` makes the parameter optional without a default.
    pub default: Option<ParamValue>,
}

/// Why a parameter was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamError {
    /// The plugin has no such parameter.
    #[error("okänd parameter '{key}'; giltiga parametrar: {valid}")]
    Unknown {
        /// The key given.
        key: String,
        /// The valid keys.
        valid: String,
    },
    /// The value does not parse or is out of range.
    #[error("Inställningen {label} ({key}): {reason}")]
    Invalid {
        /// The key.
        key: String,
        /// The Swedish label shown in the app.
        label: String,
        /// What is wrong, and what is allowed.
        reason: String,
    },
}

/// Validated parameters: every spec'd key with a value or its default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Params {
    values: BTreeMap<String, ParamValue>,
}

impl ParamSpec {
    /// The parameter as a composite plugin offers it for one of its parts: the key becomes
    /// `scope.key` and the label starts with the part's name (`label`), so that
    /// `--param scorecard.partial=90` reaches the scorecard inside an annual report and the app
    /// shows "Måluppfyllelse: Delvis uppnått från (% av målvärdet)".
    ///
    /// ```
    /// # use uppfolj_plugin::ParamSpec;
    /// let spec = ParamSpec::number("partial", "Delvis uppnått från").scoped("scorecard", "Måluppfyllelse");
    /// assert_eq!(spec.key, "scorecard.partial");
    /// assert_eq!(spec.label_sv, "Måluppfyllelse: Delvis uppnått från");
    /// ```
    #[must_use]
    pub fn scoped(mut self, scope: &str, label: &str) -> Self {
        self.key = format!("{scope}.{}", self.key);
        self.label_sv = format!("{label}: {}", self.label_sv);
        self
    }

    /// A parameter `key` labelled `label_sv`, of `kind`, with no help text and no default.
    pub fn new(key: impl Into<String>, label_sv: impl Into<String>, kind: ParamKind) -> Self {
        Self { key: key.into(), label_sv: label_sv.into(), help_sv: String::new(), kind, default: None }
    }

    /// A number parameter, unbounded; bound it with [`ParamSpec::range`].
    pub fn number(key: impl Into<String>, label_sv: impl Into<String>) -> Self {
        Self::new(key, label_sv, ParamKind::Number { min: None, max: None })
    }

    /// A whole-number parameter between `min` and `max` (inclusive).
    pub fn integer(key: impl Into<String>, label_sv: impl Into<String>, min: Option<i64>, max: Option<i64>) -> Self {
        Self::new(key, label_sv, ParamKind::Integer { min, max })
    }

    /// A free-text parameter.
    pub fn text(key: impl Into<String>, label_sv: impl Into<String>) -> Self {
        Self::new(key, label_sv, ParamKind::Text)
    }

    /// A yes/no parameter.
    pub fn flag(key: impl Into<String>, label_sv: impl Into<String>) -> Self {
        Self::new(key, label_sv, ParamKind::Bool)
    }

    /// One of `choices`, each (value, Swedish label).
    pub fn choice(key: impl Into<String>, label_sv: impl Into<String>, choices: &[(&str, &str)]) -> Self {
        let choices = choices.iter().map(|(v, l)| ((*v).to_owned(), (*l).to_owned())).collect();
        Self::new(key, label_sv, ParamKind::Choice { choices })
    }

    /// Bounds a number parameter (inclusive); no effect on other kinds.
    #[must_use]
    pub fn range(mut self, min: Option<f64>, max: Option<f64>) -> Self {
        if let ParamKind::Number { min: lo, max: hi } = &mut self.kind {
            (*lo, *hi) = (min, max);
        }
        self
    }

    /// Sets the help text.
    #[must_use]
    pub fn help(mut self, help_sv: impl Into<String>) -> Self {
        self.help_sv = help_sv.into();
        self
    }

    /// Sets the default.
    #[must_use]
    pub fn default_value(mut self, value: ParamValue) -> Self {
        self.default = Some(value);
        self
    }

    /// The error saying a value given for this parameter is wrong, and why (for a plugin that
    /// parses a text parameter further, as "2024=325; 2025=150").
    pub fn invalid(&self, reason: impl Into<String>) -> ParamError {
        ParamError::Invalid { key: self.key.clone(), label: self.label_sv.clone(), reason: reason.into() }
    }

    /// Parses and validates `text` for this parameter.
    pub fn parse(&self, text: &str) -> Result<ParamValue, ParamError> {
        let invalid = |reason: String| self.invalid(reason);
        match &self.kind {
            ParamKind::Number { min, max } => {
                let v = parse_number(text).ok_or_else(|| invalid(format!("'{text}' är inte ett tal")))?;
                if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
                    return Err(invalid(format!("{v} ligger utanför {}–{}", fmt_bound(*min), fmt_bound(*max))));
                }
                Ok(ParamValue::Number(v))
            }
            ParamKind::Integer { min, max } => {
                let v: i64 = text.trim().parse().map_err(|_| invalid(format!("'{text}' är inte ett heltal")))?;
                if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
                    return Err(invalid(format!(
                        "{v} ligger utanför {}–{}",
                        min.map_or("−∞".into(), |m| m.to_string()),
                        max.map_or("∞".into(), |m| m.to_string())
                    )));
                }
                Ok(ParamValue::Integer(v))
            }
            ParamKind::Text => Ok(ParamValue::Text(text.to_owned())),
            ParamKind::Choice { choices } => {
                let t = text.trim();
                choices
                    .iter()
                    .find(|(value, _)| value == t)
                    .map(|(value, _)| ParamValue::Text(value.clone()))
                    .ok_or_else(|| {
                        invalid(format!(
                            "'{t}' är inget av {}",
                            choices.iter().map(|(v, _)| v.as_str()).collect::<Vec<_>>().join(", ")
                        ))
                    })
            }
            ParamKind::Bool => match text.trim().to_lowercase().as_str() {
                "true" | "ja" | "yes" | "1" => Ok(ParamValue::Bool(true)),
                "false" | "nej" | "no" | "0" => Ok(ParamValue::Bool(false)),
                other => Err(invalid(format!("'{other}' är varken ja eller nej"))),
            },
        }
    }
}

fn fmt_bound(b: Option<f64>) -> String {
    b.map_or("∞".into(), |v| v.to_string())
}

impl Params {
    /// Validates `raw` (key, value text) against `specs` and fills in defaults.
    pub fn parse(specs: &[ParamSpec], raw: &[(String, String)]) -> Result<Self, ParamError> {
        let mut values = BTreeMap::new();
        for (key, text) in raw {
            let spec = specs.iter().find(|s| &s.key == key).ok_or_else(|| ParamError::Unknown {
                key: key.clone(),
                valid: specs.iter().map(|s| s.key.as_str()).collect::<Vec<_>>().join(", "),
            })?;
            values.insert(key.clone(), spec.parse(text)?);
        }
        for spec in specs {
            if let (false, Some(default)) = (values.contains_key(&spec.key), &spec.default) {
                values.insert(spec.key.clone(), default.clone());
            }
        }
        Ok(Self { values })
    }

    /// The parameters under `scope` (keys `scope.key`, see [`ParamSpec::scoped`]) with the scope
    /// removed: what a composite plugin hands the part `scope`.
    pub fn scope(&self, scope: &str) -> Params {
        let prefix = format!("{scope}.");
        let values = self
            .values
            .iter()
            .filter_map(|(k, v)| k.strip_prefix(&prefix).map(|key| (key.to_owned(), v.clone())))
            .collect();
        Params { values }
    }

    /// The value of `key`, if set or defaulted.
    pub fn get(&self, key: &str) -> Option<&ParamValue> {
        self.values.get(key)
    }

    /// `key` as a number (integers convert).
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.get(key)? {
            ParamValue::Number(v) => Some(*v),
            ParamValue::Integer(v) => Some(*v as f64),
            _ => None,
        }
    }

    /// `key` as an integer.
    pub fn integer(&self, key: &str) -> Option<i64> {
        match self.get(key)? {
            ParamValue::Integer(v) => Some(*v),
            _ => None,
        }
    }

    /// `key` as text (for text and choice parameters).
    pub fn text(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            ParamValue::Text(s) => Some(s),
            _ => None,
        }
    }

    /// `key` as a flag.
    pub fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key)? {
            ParamValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The parameters as (Swedish label, value) pairs for display in a report.
    pub fn display(&self, specs: &[ParamSpec]) -> Vec<(String, String)> {
        specs
            .iter()
            .filter_map(|s| {
                let value = self.values.get(&s.key)?;
                let shown = match (&s.kind, value) {
                    (ParamKind::Choice { choices }, ParamValue::Text(v)) => {
                        choices.iter().find(|(c, _)| c == v).map_or_else(|| v.clone(), |(_, label)| label.clone())
                    }
                    _ => value.to_string(),
                };
                Some((s.label_sv.clone(), shown))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs() -> Vec<ParamSpec> {
        vec![
            ParamSpec::integer("months", "Månader", Some(1), Some(12)).default_value(ParamValue::Integer(12)),
            ParamSpec::number("threshold", "Tröskel").range(Some(0.0), None),
        ]
    }

    #[test]
    fn fills_defaults_and_parses_swedish_numbers() {
        let p = Params::parse(&specs(), &[("threshold".into(), "2,5".into())]).expect("valid");
        assert_eq!(p.integer("months"), Some(12));
        assert_eq!(p.number("threshold"), Some(2.5));
    }

    #[test]
    fn a_scope_hands_a_part_its_own_parameters() {
        let specs: Vec<ParamSpec> = specs().into_iter().map(|s| s.scoped("part", "Del")).collect();
        let raw = [("part.months".to_owned(), "8".to_owned())];
        let params = Params::parse(&specs, &raw).expect("valid");
        let part = params.scope("part");
        assert_eq!(part.integer("months"), Some(8));
        assert_eq!(part.get("part.months"), None);
        assert!(params.scope("other").get("months").is_none());
    }

    #[test]
    fn rejects_unknown_and_out_of_range() {
        let err = Params::parse(&specs(), &[("month".into(), "8".into())]).expect_err("unknown");
        assert!(err.to_string().contains("months, threshold"), "{err}");
        let err = Params::parse(&specs(), &[("months".into(), "13".into())]).expect_err("range");
        assert!(err.to_string().contains("utanför 1–12"), "{err}");
    }
}
