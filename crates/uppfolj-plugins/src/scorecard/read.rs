//! Reading the scorecard: which columns hold what, and the rows as indicators under their goal
//! and perspective. Two layouts, and mixes of them: one row per indicator with target and
//! outcome columns per year ("Målvärde 2024", "Utfall 2023", "Utfall 2024"), and the long
//! layout with one row per indicator and year (indicator, year, value, target).

use uppfolj_plugin::kit::vocab::{self, Parsed, parse_cell};
use uppfolj_plugin::kit::{cell_at, column_year, label_column, row_is_total, text_at};
use uppfolj_plugin::model::dataset::{CellRef, ColumnRole, Dataset, Value};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::unit::Unit;

/// Where the scorecard's columns are.
#[derive(Debug, Default)]
pub(super) struct Columns {
    pub name: Option<usize>,
    pub perspective: Option<usize>,
    pub goal: Option<usize>,
    pub direction: Option<usize>,
    /// Target columns ("Målvärde 2024", or one "Målvärde").
    pub targets: Vec<usize>,
    /// Outcome columns ("Utfall 2023", "2024", or one "Värde" in the long layout).
    pub outcomes: Vec<usize>,
    /// The year column of the long layout.
    pub year: Option<usize>,
    pub comment: Option<usize>,
    /// A column of units of measure ("Enhet": "%", "kr/inv", "antal").
    pub unit: Option<usize>,
}

impl Columns {
    fn find(ds: &Dataset) -> Self {
        let unit = unit_column(ds);
        let mut outcomes = ds.columns_with(ColumnRole::Outcome);
        outcomes.extend(ds.columns_with(ColumnRole::Value));
        // An outcome column whose notes ("Statistik saknas", "13,3 (14,4*)") outnumber its
        // numbers is left without a role by the import; its header still says what it is.
        outcomes.extend(
            (0..ds.columns.len()).filter(|&c| {
                ds.columns[c].role.is_none() && vocab::normalise(&ds.columns[c].name).starts_with("utfall")
            }),
        );
        outcomes.sort_unstable();
        Self {
            name: label_column(ds, &[ColumnRole::IndicatorName, ColumnRole::Label, ColumnRole::Measure])
                .filter(|c| Some(*c) != unit),
            perspective: ds.column(ColumnRole::Perspective),
            goal: ds.column(ColumnRole::Goal),
            direction: ds.column(ColumnRole::Direction),
            targets: ds.columns_with(ColumnRole::Target),
            outcomes,
            year: ds.column(ColumnRole::Year),
            comment: ds.column(ColumnRole::Comment),
            unit,
        }
    }
}

/// A target cell as written, for a year (`None`: every year).
#[derive(Debug, Clone)]
pub(super) struct TargetCell {
    pub year: Option<i32>,
    pub text: String,
    pub at: Option<CellRef>,
}

/// An outcome for a year: the number, or none, with the note written with it ("(14,4*)",
/// "Statistik saknas", "..").
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Outcome {
    pub year: Option<i32>,
    pub value: Option<f64>,
    pub note: Option<String>,
    pub at: Option<CellRef>,
}

/// An indicator with its targets and outcomes.
#[derive(Debug, Clone, Default)]
pub(super) struct Indicator {
    pub perspective: String,
    pub goal: String,
    pub name: String,
    /// The unit of measure, if the file gives one.
    pub unit: String,
    /// The direction cell as written, and where.
    pub direction: Option<(String, Option<CellRef>)>,
    pub targets: Vec<TargetCell>,
    pub outcomes: Vec<Outcome>,
    pub comment: String,
    /// The dataset rows it was read from.
    pub rows: Vec<usize>,
}

impl Indicator {
    /// The target for `year`: written for that year, else for every year.
    pub fn target_for(&self, year: Option<i32>) -> Option<&TargetCell> {
        let exact = year.and_then(|y| self.targets.iter().rev().find(|t| t.year == Some(y)));
        exact.or_else(|| self.targets.iter().rev().find(|t| t.year.is_none()))
    }

    /// The outcome for `year` (for a file without years, the one outcome).
    pub fn outcome_for(&self, year: Option<i32>) -> Option<&Outcome> {
        self.outcomes.iter().rev().find(|o| o.year == year)
    }

    /// The value for `year`, if there is one.
    pub fn value_for(&self, year: Option<i32>) -> Option<f64> {
        self.outcome_for(year).and_then(|o| o.value)
    }
}

/// The scorecard as read.
#[derive(Debug)]
pub(super) struct Card {
    pub columns: Columns,
    pub indicators: Vec<Indicator>,
    /// The years with an outcome column or row, ascending.
    pub years: Vec<i32>,
}

/// Reads the indicators of `ds`.
pub(super) fn read(ds: &Dataset) -> Card {
    let columns = Columns::find(ds);
    let mut indicators: Vec<Indicator> = Vec::new();
    let (mut perspective, mut goal) = (String::new(), String::new());
    for i in 0..ds.rows.len() {
        let name = text_at(ds, i, columns.name);
        let p = text_at(ds, i, columns.perspective);
        let g = text_at(ds, i, columns.goal);
        if !p.is_empty() {
            if p != perspective {
                goal.clear();
            }
            perspective = p;
        }
        if !g.is_empty() {
            goal = g;
        }
        if name.is_empty() || row_is_total(ds, i, &name) {
            continue; // a heading row (a perspective or goal alone), a blank or a total
        }
        let row_year = columns.year.and_then(|c| vocab::year_in(&text_at(ds, i, Some(c))));
        let at = indicators.iter().position(|x| x.name == name && x.goal == goal && x.perspective == perspective);
        let index = at.unwrap_or_else(|| {
            indicators.push(Indicator {
                perspective: perspective.clone(),
                goal: goal.clone(),
                name: name.clone(),
                ..Indicator::default()
            });
            indicators.len() - 1
        });
        read_row(ds, &columns, i, row_year, &mut indicators[index]);
    }
    let mut years: Vec<i32> = indicators.iter().flat_map(|x| x.outcomes.iter().filter_map(|o| o.year)).collect();
    years.sort_unstable();
    years.dedup();
    Card { columns, indicators, years }
}

/// Reads row `i` (of year `row_year` in the long layout) into `ind`.
fn read_row(ds: &Dataset, cols: &Columns, i: usize, row_year: Option<i32>, ind: &mut Indicator) {
    ind.rows.push(i);
    let direction = text_at(ds, i, cols.direction);
    if ind.direction.is_none() && !direction.is_empty() {
        ind.direction = Some((direction, cell_at(ds, i, cols.direction)));
    }
    let unit = text_at(ds, i, cols.unit);
    if ind.unit.is_empty() {
        ind.unit = unit;
    }
    let comment = text_at(ds, i, cols.comment);
    if !comment.is_empty() {
        if !ind.comment.is_empty() {
            ind.comment.push(' ');
        }
        ind.comment.push_str(&comment);
    }
    for &c in &cols.targets {
        let year = column_year(ds, c).or(row_year);
        let percent = ds.unit_of(c) == Some(&Unit::Percent);
        if let Some(text) = ds.value(i, c).and_then(|v| target_text(v, percent)) {
            ind.targets.push(TargetCell { year, text, at: cell_at(ds, i, Some(c)) });
        }
    }
    for &c in &cols.outcomes {
        let year = column_year(ds, c).or(row_year);
        let Some(value) = ds.value(i, c) else { continue };
        let (value, note) = outcome(value);
        ind.outcomes.push(Outcome { year, value, note, at: cell_at(ds, i, Some(c)) });
    }
}

/// The text of a target cell; `None` for an empty cell or a missing marker.
fn target_text(value: &Value, percent: bool) -> Option<String> {
    match value {
        Value::Text(t) if !t.trim().is_empty() => Some(t.trim().to_owned()),
        Value::Number { value, .. } => {
            let decimals = if value.fract() == 0.0 { 0 } else { 2 };
            let number = format::number(*value, decimals);
            Some(if percent { format!("{number} %") } else { number })
        }
        _ => None,
    }
}

/// An outcome cell as a number or none, with what was written with it: "13,3 (14,4*)" is 13,3
/// with the note "(14,4*)", "Statistik saknas" and ".." are none with the note, "72*" is 72,
/// preliminary.
pub(super) fn outcome(value: &Value) -> (Option<f64>, Option<String>) {
    match value {
        Value::Number { value, preliminary } => (Some(*value), preliminary.then(|| "preliminärt".to_owned())),
        Value::Missing { marker } => (None, marker.clone()),
        Value::Text(t) => outcome_text(t),
    }
}

/// An outcome written as text.
fn outcome_text(text: &str) -> (Option<f64>, Option<String>) {
    let t = text.trim();
    match parse_cell(t) {
        Parsed::Number { value, preliminary, .. } => {
            return (Some(value), preliminary.then(|| "preliminärt".to_owned()));
        }
        Parsed::Missing(marker) => return (None, marker),
        Parsed::NotFinite | Parsed::Text => {}
    }
    // A number followed by a note: "13,3 (14,4*)", "72 (prel.)".
    if let Some(open) = t.find('(') {
        let head = t[..open].trim();
        if let Parsed::Number { value, .. } = parse_cell(head) {
            return (Some(value), Some(t[open..].trim().to_owned()));
        }
    }
    (None, Some(t.to_owned()))
}

/// A column headed "Enhet" (or "Måttenhet") whose texts are mostly units of measure ("%",
/// "kr/inv", "antal", "dagar"), not organisational units.
fn unit_column(ds: &Dataset) -> Option<usize> {
    (0..ds.columns.len()).find(|&c| {
        let texts: Vec<String> =
            (0..ds.rows.len()).map(|i| text_at(ds, i, Some(c))).filter(|t| !t.is_empty()).collect();
        !texts.is_empty() && vocab::is_unit_of_measure_column(&ds.columns[c].name, &texts)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_with_notes() {
        assert_eq!(outcome_text("13,3 (14,4*)"), (Some(13.3), Some("(14,4*)".into())));
        assert_eq!(outcome_text("Statistik saknas"), (None, Some("Statistik saknas".into())));
        assert_eq!(outcome_text(".."), (None, Some("..".into())));
        assert_eq!(outcome_text("–"), (None, Some("–".into())));
        assert_eq!(outcome_text("72 %"), (Some(72.0), None));
        assert_eq!(outcome_text("72*"), (Some(72.0), Some("preliminärt".into())));
    }
}
