//! [`SignConvention`]: whether costs are negative (municipal driftredovisning) or positive (ERP
//! exports) in a file, chosen with the standard `sign` parameter or detected from the amounts.

use crate::{ParamSpec, ParamValue, Params};
use uppfolj_model::format;
use uppfolj_model::report::{ColumnFormula, Diagnostic};

/// Which sign costs have in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignConvention {
    /// Costs negative, income positive (municipal driftredovisning).
    CostsNegative,
    /// Costs positive (ERP exports).
    CostsPositive,
}

impl SignConvention {
    /// The key of the standard parameter.
    pub const PARAM: &'static str = "sign";

    /// The standard `sign` parameter: `auto` (default), `costs-negative`, `costs-positive`.
    pub fn param_spec() -> ParamSpec {
        ParamSpec::choice(
            Self::PARAM,
            "Teckenkonvention",
            &[
                ("auto", "Upptäck automatiskt"),
                ("costs-negative", "Kostnader negativa"),
                ("costs-positive", "Kostnader positiva"),
            ],
        )
        .help("Hur kostnader är tecknade i filen.")
        .default_value(ParamValue::Text("auto".into()))
    }

    /// The convention the user chose with `sign`, or `None` for `auto`.
    pub fn chosen(params: &Params) -> Option<Self> {
        match params.text(Self::PARAM)? {
            "costs-negative" => Some(Self::CostsNegative),
            "costs-positive" => Some(Self::CostsPositive),
            _ => None,
        }
    }

    /// The convention chosen, else detected from `amounts` (costs negative when most non-zero
    /// amounts are), with a note saying what was detected and how to change it.
    pub fn from_params_or_detect(
        params: &Params,
        amounts: impl IntoIterator<Item = f64>,
    ) -> (Self, Option<Diagnostic>) {
        if let Some(sign) = Self::chosen(params) {
            return (sign, None);
        }
        let values: Vec<f64> = amounts.into_iter().filter(|v| *v != 0.0).collect();
        let negative = values.iter().filter(|v| **v < 0.0).count();
        let sign = if negative * 2 > values.len() { Self::CostsNegative } else { Self::CostsPositive };
        let note = Diagnostic::info(format!(
            "Teckenkonventionen upptäcktes från beloppen: {} av {} budget- och utfallsbelopp är negativa, \
             alltså {}. Välj Teckenkonvention om det är fel.",
            format::number(negative as f64, 0),
            format::number(values.len() as f64, 0),
            sign.label()
        ));
        (sign, Some(note))
    }

    /// How much better `actual` is than `reference` (positive = better).
    pub fn better(self, actual: f64, reference: f64) -> f64 {
        match self {
            Self::CostsNegative => actual - reference,
            Self::CostsPositive => reference - actual,
        }
    }

    /// [`SignConvention::better`] as a formula over two column keys.
    pub fn formula(self, actual: &str, reference: &str) -> ColumnFormula {
        let (a, b) = match self {
            Self::CostsNegative => (actual, reference),
            Self::CostsPositive => (reference, actual),
        };
        ColumnFormula::Difference { a: a.to_owned(), b: b.to_owned() }
    }

    /// A cost as a positive amount, whatever the convention.
    pub fn cost(self, amount: f64) -> f64 {
        match self {
            Self::CostsNegative => -amount,
            Self::CostsPositive => amount,
        }
    }

    /// The convention stated for the reader of a report.
    pub fn statement(self) -> &'static str {
        match self {
            Self::CostsNegative => {
                "Teckenkonvention: kostnader är negativa och intäkter positiva. Avvikelse = utfall − budget; \
                 en positiv avvikelse är bättre än budget."
            }
            Self::CostsPositive => {
                "Teckenkonvention: kostnader är positiva. Avvikelse = budget − utfall; \
                 en positiv avvikelse är bättre än budget (lägre kostnad)."
            }
        }
    }

    /// The convention in a few words.
    pub fn label(self) -> &'static str {
        match self {
            Self::CostsNegative => "kostnader negativa (avvikelse = utfall − budget)",
            Self::CostsPositive => "kostnader positiva (avvikelse = budget − utfall)",
        }
    }
}
