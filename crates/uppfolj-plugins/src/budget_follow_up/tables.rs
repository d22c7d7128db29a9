//! The tables: budget and outcome per line (every line shown, with the file's subtotals and the
//! total) and the largest negative deviations; and where each line is in the table.

use super::FollowUp;
use super::amounts::Amounts;
use super::compute::Derived;
use super::read::{Line, LineKind};
use super::settings::{ForecastMode, Settings};
use uppfolj_plugin::kit::{RowShape, TableBuilder};
use uppfolj_plugin::kit::{amount_col, percent_col, status_col, text_col};
use uppfolj_plugin::model::report::{Column, ColumnFormula, Table, TableCell};

/// The lines the table shows (down to the `level` asked for) and where each is in it.
#[derive(Debug)]
pub(super) struct Shown {
    /// The lines shown, in order.
    pub lines: Vec<usize>,
    /// For each line, its row in the table. A lookup, not a search: files have 100 000+ lines.
    positions: Vec<Option<usize>>,
}

impl Shown {
    /// The lines of `lines` at `max_level` or above (all when `None`).
    pub fn new(lines: &[Line], max_level: Option<u8>) -> Self {
        let shown: Vec<usize> = (0..lines.len()).filter(|&i| max_level.is_none_or(|m| lines[i].level <= m)).collect();
        let mut positions = vec![None; lines.len()];
        for (k, &i) in shown.iter().enumerate() {
            positions[i] = Some(k);
        }
        Shown { lines: shown, positions }
    }

    /// Whether line `line` is in the table.
    pub fn contains(&self, line: usize) -> bool {
        self.positions.get(line).copied().flatten().is_some()
    }

    /// The rows of `lines` in the table when every one is shown, else none: a sum whose parts
    /// are hidden is not a sum of rows of the table.
    fn rows_of(&self, lines: &[usize]) -> Vec<usize> {
        let mapped: Option<Vec<usize>> = lines.iter().map(|&c| self.positions.get(c).copied().flatten()).collect();
        mapped.unwrap_or_default()
    }
}

/// One row of a table: a line or the total, with its figures.
#[derive(Debug, Clone, Copy)]
struct TableLine<'a> {
    label: &'a str,
    amounts: &'a Amounts,
    derived: &'a Derived,
}

/// The table of every shown line and the total.
pub(super) fn per_unit(f: &FollowUp) -> Table {
    let s = &f.settings;
    let has_annual = f.cols.annual.is_some();
    let within_year = has_annual && s.months != Some(12);
    let has_forecast = s.forecast != ForecastMode::None;
    let has_forecast_error = s.months == Some(12) && f.cols.forecast.is_some();
    let unit = &s.unit;
    let table = TableBuilder::new("per-verksamhet", format!("Budget och utfall {}, {}", s.period, unit.label()))
        .column(label_col(f), label_cell)
        .column_if(has_annual, amount_col("arsbudget", &f.names.annual, unit, None), |r: &TableLine| {
            TableCell::number(r.amounts.annual)
        })
        .column(budget_col(f), budget_cell)
        .column(outcome_col(f), outcome_cell)
        .column(deviation_col(s), deviation_cell)
        .column(deviation_pct_col(), deviation_pct_cell)
        .column_if(
            within_year,
            percent_col(
                "forbrukningsgrad",
                "Förbrukningsgrad, %",
                Some(ColumnFormula::Percent { a: "utfall".into(), b: "arsbudget".into() }),
            ),
            |r| TableCell::number(r.derived.consumption),
        )
        .column_if(has_forecast, amount_col("prognos", &forecast_title(f), unit, None), |r| {
            TableCell::number(r.derived.forecast)
        })
        .column_if(
            has_forecast && within_year,
            amount_col(
                "prognos_mot_budget",
                "Prognos mot årsbudget",
                unit,
                Some(s.sign.formula("prognos", "arsbudget")),
            ),
            |r| TableCell::number(r.derived.forecast_vs_annual),
        )
        .column_if(
            has_forecast_error,
            amount_col(
                "prognosavvikelse",
                "Prognosavvikelse (utfall mot prognos)",
                unit,
                Some(s.sign.formula("utfall", "prognos")),
            ),
            |r| TableCell::number(r.derived.forecast_error),
        )
        .column(status_col("status", "Status"), |r| status_cell(s, r));
    let total = TableLine { label: "Summa", amounts: &f.total, derived: &f.total_derived };
    let rows: Vec<TableLine> = f.shown.lines.iter().map(|&i| line(f, i)).chain([total]).collect();
    let shapes = f.shown.lines.iter().map(|&i| shape(f, i)).chain([RowShape::total(f.shown.rows_of(&f.top))]);
    table.build(rows.iter().zip(shapes))
}

/// The `top` lines with the largest negative deviations, largest first.
pub(super) fn largest_negative(f: &FollowUp, top: usize) -> Table {
    let mut worst: Vec<usize> =
        f.counted().into_iter().filter(|&i| f.derived[i].deviation.is_some_and(|d| d < 0.0)).collect();
    worst.sort_by(|&a, &b| {
        let da = f.derived[a].deviation.unwrap_or(0.0);
        let db = f.derived[b].deviation.unwrap_or(0.0);
        da.total_cmp(&db)
    });
    worst.truncate(top);
    let rows: Vec<TableLine> = worst.iter().map(|&i| line(f, i)).collect();
    TableBuilder::new("storsta-avvikelser", format!("Största negativa avvikelser ({})", f.settings.period))
        .column(text_col("verksamhet", &f.names.label), label_cell)
        .column(budget_col(f), budget_cell)
        .column(outcome_col(f), outcome_cell)
        .column(deviation_col(&f.settings), deviation_cell)
        .column(deviation_pct_col(), deviation_pct_cell)
        .build(rows.iter().map(|r| (r, RowShape::data())))
}

fn line<'a>(f: &'a FollowUp, i: usize) -> TableLine<'a> {
    TableLine { label: &f.lines[i].label, amounts: &f.lines[i].amounts, derived: &f.derived[i] }
}

/// A line's level and kind; a subtotal sums its lines' rows when they are all shown.
fn shape(f: &FollowUp, i: usize) -> RowShape {
    let l = &f.lines[i];
    match l.kind {
        LineKind::Subtotal => RowShape::subtotal(l.level, f.shown.rows_of(&l.children)),
        LineKind::Data => RowShape::at_level(l.level),
    }
}

fn forecast_title(f: &FollowUp) -> String {
    match f.settings.forecast {
        ForecastMode::Linear => "Helårsprognos (linjär)".to_owned(),
        ForecastMode::Profile => "Helårsprognos (förra årets profil)".to_owned(),
        _ => f.names.forecast.clone(),
    }
}

fn label_col(f: &FollowUp) -> Column {
    text_col("verksamhet", f.ledger.as_ref().map_or(&f.names.label, |l| &l.title))
}

fn label_cell(r: &TableLine) -> TableCell {
    TableCell::Text(r.label.to_owned())
}

/// The budget compared with: the file's header, or says it is periodised.
fn budget_col(f: &FollowUp) -> Column {
    let s = &f.settings;
    let title = if s.periodise { format!("Budget {} (periodiserad)", s.period) } else { f.names.budget.clone() };
    amount_col("budget", &title, &s.unit, None)
}

fn budget_cell(r: &TableLine) -> TableCell {
    TableCell::number(r.derived.budget)
}

fn outcome_col(f: &FollowUp) -> Column {
    amount_col("utfall", &f.names.outcome, &f.settings.unit, None)
}

fn outcome_cell(r: &TableLine) -> TableCell {
    TableCell::number(r.amounts.outcome)
}

fn deviation_col(s: &Settings) -> Column {
    amount_col("avvikelse", "Avvikelse", &s.unit, Some(s.sign.formula("utfall", "budget")))
}

fn deviation_cell(r: &TableLine) -> TableCell {
    TableCell::number(r.derived.deviation)
}

fn deviation_pct_col() -> Column {
    percent_col(
        "avvikelse_pct",
        "Avvikelse, %",
        Some(ColumnFormula::PercentOfAbs { a: "avvikelse".into(), b: "budget".into() }),
    )
}

fn deviation_pct_cell(r: &TableLine) -> TableCell {
    TableCell::number(r.derived.deviation_pct)
}

fn status_cell(s: &Settings, r: &TableLine) -> TableCell {
    let (status, label) = s.status(r.derived);
    TableCell::Status { status, label: label.to_owned() }
}
