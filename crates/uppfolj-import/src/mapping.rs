//! The user's corrections to what the import decided, saved and reused for next month's file
//! with the same layout.

use serde::{Deserialize, Serialize};
use uppfolj_model::{ColumnRole, Unit};

/// How costs are signed in a file. Municipal driftredovisning often writes costs negative and
/// income positive; ERP exports often write costs positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignConvention {
    /// Costs are negative, income positive: avvikelse = utfall − budget.
    CostsNegative,
    /// Costs are positive: avvikelse = budget − utfall.
    CostsPositive,
}

impl SignConvention {
    /// A Swedish description for the summary.
    pub fn label_sv(self) -> &'static str {
        match self {
            SignConvention::CostsNegative => "kostnader negativa, intäkter positiva (avvikelse = utfall − budget)",
            SignConvention::CostsPositive => "kostnader positiva (avvikelse = budget − utfall)",
        }
    }
}

/// One column override: which column (by its header as written, or by its letter, "C") gets
/// which role and unit. A role of `None` with `ignore` set drops the column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnOverride {
    /// The header as written ("Utfall jan–aug"), or the column letter ("C").
    pub column: String,
    /// The role to give it.
    #[serde(default)]
    pub role: Option<ColumnRole>,
    /// The unit of its numbers.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// Leave the column out of the dataset.
    #[serde(default)]
    pub ignore: bool,
}

/// The user's overrides for a file layout. Serialise it (JSON) and apply it again to the next
/// file with the same layout.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Mapping {
    /// Only this sheet (by name); others are skipped.
    #[serde(default)]
    pub sheet: Option<String>,
    /// The header row, one-based as shown in Excel.
    #[serde(default)]
    pub header_row: Option<u32>,
    /// The unit of the amounts, when the file does not say or says it wrongly.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// The sign convention of the amounts.
    #[serde(default)]
    pub sign: Option<SignConvention>,
    /// Column overrides.
    #[serde(default)]
    pub columns: Vec<ColumnOverride>,
}

impl Mapping {
    /// The override for a column with header `name` at zero-based column `col`.
    pub fn column(&self, name: &str, col: u32) -> Option<&ColumnOverride> {
        let letters = uppfolj_model::CellRef::column_letters(col);
        self.columns.iter().find(|o| {
            let key = o.column.trim();
            key.eq_ignore_ascii_case(&letters)
                || uppfolj_model::vocab::normalise(key) == uppfolj_model::vocab::normalise(name)
        })
    }

    /// Whether nothing is overridden.
    pub fn is_empty(&self) -> bool {
        self == &Mapping::default()
    }
}
