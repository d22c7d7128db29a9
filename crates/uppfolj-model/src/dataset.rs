//! Datasets: the tables the import found in a user's files, with what it understood of them.
//!
//! A [`Dataset`] is one table: its columns ([`ColumnMeta`], each with an optional
//! [`ColumnRole`]), its rows ([`Rows`], held column by column; each row marked as data, subtotal
//! or total, with a hierarchy level) and, for every value, the cell it came from ([`CellRef`],
//! derived from the row and column, exceptions kept apart). Wide layouts keep their
//! columns; a column that stands for a period or a region carries it in [`ColumnMeta::period`] /
//! [`ColumnMeta::region`], and [`Dataset::observations`] gives the long view.

pub use crate::rows::{RowHead, RowRef, Rows};
use crate::unit::Unit;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Where a dataset came from: the file, and the sheet for workbooks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// The file name as the user gave it ("driftredovisning_aug.xlsx").
    pub file: String,
    /// The sheet name, for workbooks.
    pub sheet: Option<String>,
}

impl fmt::Display for SourceFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "{}, blad '{}'", self.file, sheet),
            None => f.write_str(&self.file),
        }
    }
}

/// A cell in the source sheet, zero-based. Displayed the way Excel names it: `C12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CellRef {
    /// Zero-based row.
    pub row: u32,
    /// Zero-based column.
    pub col: u32,
}

impl CellRef {
    /// A cell from zero-based row and column.
    pub const fn new(row: u32, col: u32) -> Self {
        Self { row, col }
    }

    /// The column letters Excel uses: 0 → "A", 25 → "Z", 26 → "AA".
    pub fn column_letters(col: u32) -> String {
        let mut n = u64::from(col) + 1;
        let mut letters = Vec::new();
        while n > 0 {
            let rem = ((n - 1) % 26) as u8;
            letters.push(char::from(b'A' + rem));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", Self::column_letters(self.col), u64::from(self.row) + 1)
    }
}

/// A value read from a cell, after Swedish number parsing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Value {
    /// No value: an empty cell, or a missing marker such as "..", "-" or "–" (kept in `marker`).
    Missing {
        /// The marker as written, if any.
        marker: Option<String>,
    },
    /// A number. `preliminary` is set for values flagged as preliminary ("201001*").
    Number {
        /// The value, in the unit of its column.
        value: f64,
        /// Flagged as preliminary in the source.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        preliminary: bool,
    },
    /// Text, shared: a text repeated down a column (a förvaltning's name on every ledger line)
    /// is held once. Serialised as a plain string.
    Text(Arc<str>),
}

impl Value {
    /// A plain number.
    pub const fn number(value: f64) -> Self {
        Value::Number { value, preliminary: false }
    }

    /// A text.
    pub fn text(text: impl Into<Arc<str>>) -> Self {
        Value::Text(text.into())
    }

    /// An empty cell.
    pub const fn empty() -> Self {
        Value::Missing { marker: None }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// The text, if this is text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    /// Whether the value is missing (empty or a missing marker).
    pub fn is_missing(&self) -> bool {
        matches!(self, Value::Missing { .. })
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Missing { marker: Some(m) } => f.write_str(m),
            Value::Missing { marker: None } => Ok(()),
            Value::Number { value, .. } => write!(f, "{value}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// One cell of a dataset row: the value and the cell it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The parsed value.
    pub value: Value,
    /// The source cell, when the value was read from a sheet (not computed).
    pub at: Option<CellRef>,
}

impl Cell {
    /// A cell with a value read at `at`.
    pub fn new(value: Value, at: CellRef) -> Self {
        Self { value, at: Some(at) }
    }
}

/// What a column means. The import recognises Swedish and English synonyms in headers; the user
/// can override any decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// Row label without a more specific meaning (the first text column, "Post", "Benämning").
    Label,
    /// Organisational unit: område, förvaltning, nämnd, verksamhet, enhet, ansvar, kostnadsställe.
    OrgUnit,
    /// Account: konto, kontogrupp, kostnadsslag.
    Account,
    /// Period: månad, period, "2024-03", "jan–aug", "Delår 2".
    Period,
    /// Budget: budget, årsbudget, ram, regionbidrag, kommunbidrag.
    Budget,
    /// Outcome: utfall, bokfört, redovisat, ackumulerat utfall.
    Outcome,
    /// Forecast: prognos, helårsprognos.
    Forecast,
    /// The previous year's outcome: fg år, utfall föregående år.
    PreviousYear,
    /// Deviation as given in the file: avvikelse, återstår.
    Deviation,
    /// Indicator id (a Kolada KPI id such as N70060).
    IndicatorId,
    /// Indicator name.
    IndicatorName,
    /// Target value: målvärde, mål.
    Target,
    /// A generic value column (an indicator's value, "Värde", "Andel").
    Value,
    /// Region or municipality id (Kolada id such as 0022 or 1880).
    RegionId,
    /// Region or municipality name.
    RegionName,
    /// Year.
    Year,
    /// Gender: kön (T/K/M).
    Gender,
    /// A measure in an action plan: åtgärd.
    Measure,
    /// Planned effect of a measure: planerad effekt, beräknad besparing.
    Planned,
    /// Realised effect of a measure: realiserad effekt, utfall.
    Realised,
    /// Status text: status, läge.
    Status,
    /// Allocated amount of a grant: beviljat, tilldelat, fördelat, anslag.
    Allocated,
    /// Used amount of a grant: förbrukat, nyttjat, använt.
    Used,
    /// Whether the grant must be reported back: återrapportering, återredovisas.
    ReportBack,
    /// Responsible person or unit: ansvarig.
    Responsible,
    /// Free text comment: kommentar, analys.
    Comment,
    /// Perspective of a balanced scorecard: perspektiv (invånare, verksamhet, medarbetare, ekonomi).
    Perspective,
    /// A goal followed by indicators: mål, målområde, strategiskt mål.
    Goal,
    /// The desired direction of an indicator: önskad riktning, riktning (öka/minska).
    Direction,
}

impl ColumnRole {
    /// Every role, in the order a user is offered them.
    pub const ALL: &'static [ColumnRole] = &[
        ColumnRole::Label,
        ColumnRole::OrgUnit,
        ColumnRole::Account,
        ColumnRole::Period,
        ColumnRole::Budget,
        ColumnRole::Outcome,
        ColumnRole::Forecast,
        ColumnRole::PreviousYear,
        ColumnRole::Deviation,
        ColumnRole::IndicatorId,
        ColumnRole::IndicatorName,
        ColumnRole::Target,
        ColumnRole::Value,
        ColumnRole::RegionId,
        ColumnRole::RegionName,
        ColumnRole::Year,
        ColumnRole::Gender,
        ColumnRole::Measure,
        ColumnRole::Planned,
        ColumnRole::Realised,
        ColumnRole::Status,
        ColumnRole::Allocated,
        ColumnRole::Used,
        ColumnRole::ReportBack,
        ColumnRole::Responsible,
        ColumnRole::Comment,
        ColumnRole::Perspective,
        ColumnRole::Goal,
        ColumnRole::Direction,
    ];

    /// The Swedish name shown to users in the import summary.
    pub fn label_sv(self) -> &'static str {
        match self {
            ColumnRole::Label => "Radtext",
            ColumnRole::OrgUnit => "Organisatorisk enhet",
            ColumnRole::Account => "Konto",
            ColumnRole::Period => "Period",
            ColumnRole::Budget => "Budget",
            ColumnRole::Outcome => "Utfall",
            ColumnRole::Forecast => "Prognos",
            ColumnRole::PreviousYear => "Föregående år",
            ColumnRole::Deviation => "Avvikelse",
            ColumnRole::IndicatorId => "Indikator-id",
            ColumnRole::IndicatorName => "Indikator",
            ColumnRole::Target => "Målvärde",
            ColumnRole::Value => "Värde",
            ColumnRole::RegionId => "Region-/kommun-id",
            ColumnRole::RegionName => "Region/kommun",
            ColumnRole::Year => "År",
            ColumnRole::Gender => "Kön",
            ColumnRole::Measure => "Åtgärd",
            ColumnRole::Planned => "Planerad effekt",
            ColumnRole::Realised => "Realiserad effekt",
            ColumnRole::Status => "Status",
            ColumnRole::Allocated => "Beviljat",
            ColumnRole::Used => "Förbrukat",
            ColumnRole::ReportBack => "Återrapportering",
            ColumnRole::Responsible => "Ansvarig",
            ColumnRole::Comment => "Kommentar",
            ColumnRole::Perspective => "Perspektiv",
            ColumnRole::Goal => "Mål",
            ColumnRole::Direction => "Önskad riktning",
        }
    }
}

/// What a dataset holds, decided by the import from the column roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    /// Budget lines: a label or unit per row with budget and/or outcome amounts.
    Budget,
    /// Indicator observations: indicator × region × period × value.
    Indicator,
    /// Any other table (an action plan, a grant list, a balance sheet in report layout).
    Table,
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// An ordinary data row.
    #[default]
    Data,
    /// A subtotal of the rows under it ("Delsumma", a bold area row).
    Subtotal,
    /// The table's total ("Summa", "Totalt").
    Total,
}

/// A column of a dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnMeta {
    /// The header as written (several header rows joined with " / ").
    pub name: String,
    /// The recognised role, if any.
    pub role: Option<ColumnRole>,
    /// The unit of the numbers in this column.
    pub unit: Option<Unit>,
    /// The period this column stands for in a wide layout ("2024", "2024-03", "jan–aug").
    pub period: Option<String>,
    /// The region/municipality this column stands for in a wide layout.
    pub region: Option<String>,
    /// Zero-based column in the source sheet.
    pub source_col: u32,
}

impl ColumnMeta {
    /// A column with a name and role, no unit or period.
    pub fn new(name: impl Into<String>, role: Option<ColumnRole>, source_col: u32) -> Self {
        Self { name: name.into(), role, unit: None, period: None, region: None, source_col }
    }
}

/// A table found in a file, with what the import understood of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Where it came from.
    pub source: SourceFile,
    /// A caption: the title found above the table, or the sheet name.
    pub title: String,
    /// What it holds.
    pub kind: DatasetKind,
    /// The unit found for the table as a whole ("Belopp i tkr"); columns may override it.
    pub unit: Option<Unit>,
    /// The range of the table in the source sheet, header included (first and last cell).
    pub range: Option<(CellRef, CellRef)>,
    /// The columns.
    pub columns: Vec<ColumnMeta>,
    /// The rows, header excluded, held column by column.
    pub rows: Rows,
}

/// One value in the long view of a dataset ([`Dataset::observations`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Observation<'a> {
    /// The row it belongs to.
    pub row: RowRef<'a>,
    /// The column it belongs to.
    pub column: &'a ColumnMeta,
    /// The column's index.
    pub col: usize,
    /// The value.
    pub value: &'a Value,
}

impl Dataset {
    /// The index of the first column with `role`.
    pub fn column(&self, role: ColumnRole) -> Option<usize> {
        self.columns.iter().position(|c| c.role == Some(role))
    }

    /// The indices of all columns with `role` (several for wide layouts: one per year or month).
    pub fn columns_with(&self, role: ColumnRole) -> Vec<usize> {
        self.columns.iter().enumerate().filter(|(_, c)| c.role == Some(role)).map(|(i, _)| i).collect()
    }

    /// The unit of column `col`: its own, else the table's.
    pub fn unit_of(&self, col: usize) -> Option<&Unit> {
        self.columns.get(col).and_then(|c| c.unit.as_ref()).or(self.unit.as_ref())
    }

    /// The value at row `row`, column `col`, if both exist.
    pub fn value(&self, row: usize, col: usize) -> Option<&Value> {
        self.rows.value(row, col)
    }

    /// The cell the value at `row`, `col` was read from: where the row and column say, unless
    /// the import filled it down or combined it; `None` for a value the import computed.
    pub fn at(&self, row: usize, col: usize) -> Option<CellRef> {
        self.rows.at(row, col)
    }

    /// A short description of where a cell is: "budget.xlsx, blad 'Drift', C12".
    pub fn locate(&self, at: CellRef) -> String {
        format!("{}, {}", self.source, at)
    }

    /// The long view: every value in a column with a `period` or `region` (a wide layout's
    /// value columns), or with the role [`ColumnRole::Value`], one observation each.
    pub fn observations(&self) -> impl Iterator<Item = Observation<'_>> {
        let is_value_column = |column: &ColumnMeta| {
            column.period.is_some() || column.region.is_some() || column.role == Some(ColumnRole::Value)
        };
        self.rows.iter().flat_map(move |row| {
            self.columns
                .iter()
                .enumerate()
                .filter(move |(_, column)| is_value_column(column))
                .filter_map(move |(col, column)| Some(Observation { row, column, col, value: row.value(col)? }))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_like_excel() {
        assert_eq!(CellRef::new(0, 0).to_string(), "A1");
        assert_eq!(CellRef::new(11, 2).to_string(), "C12");
        assert_eq!(CellRef::new(0, 26).to_string(), "AA1");
        assert_eq!(CellRef::new(1_048_575, 16_383).to_string(), "XFD1048576");
    }

    #[test]
    fn all_roles_are_listed_once() {
        let mut seen = std::collections::BTreeSet::new();
        for role in ColumnRole::ALL {
            assert!(seen.insert(*role), "{role:?} twice");
            assert!(!role.label_sv().is_empty());
        }
        // Distinct labels: a user can tell the roles apart in a picker.
        let labels: std::collections::BTreeSet<_> = ColumnRole::ALL.iter().map(|r| r.label_sv()).collect();
        assert_eq!(labels.len(), ColumnRole::ALL.len());
    }

    /// A ledger of 200 000 lines × 12 columns holds 2.4 million values: every 8 bytes of a value
    /// are 19 MB (docs/benchmarks.md). A value's source cell is not stored beside it (crate::rows).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_value_stays_small() {
        assert_eq!(std::mem::size_of::<Value>(), 24, "a text is an Arc<str>, a marker a String");
    }

    #[test]
    fn a_text_is_written_as_a_plain_string() {
        let json = serde_json::to_string(&Value::text("Vård")).expect("serialise");
        assert_eq!(json, r#"{"type":"text","value":"Vård"}"#);
    }

    #[test]
    fn values_round_trip_through_json() {
        let v = vec![Value::number(1.5), Value::empty(), Value::Text("x".into())];
        let json = serde_json::to_string(&v).expect("serialise");
        let back: Vec<Value> = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(v, back);
    }
}
