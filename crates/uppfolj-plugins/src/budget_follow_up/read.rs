//! Reading the file: which columns hold what, their headers, and the file's rows as the
//! follow-up's own [`Line`]s (the file's total rows set apart).

use super::amounts::Amounts;
use super::settings::OutputUnit;
use std::collections::HashMap;
use uppfolj_plugin::kit::vocab::{is_annual_header, is_period_header, is_subtotal_label, is_total_label};
use uppfolj_plugin::kit::{label_column, text_at};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, RowKind};

/// The columns of the dataset the plugin uses.
#[derive(Debug, Default)]
pub(super) struct Cols {
    pub label: Option<usize>,
    pub annual: Option<usize>,
    pub period_budget: Option<usize>,
    pub outcome: Option<usize>,
    pub forecast: Option<usize>,
    pub deviation: Option<usize>,
    pub prev_partial: Option<usize>,
    pub prev_annual: Option<usize>,
}

impl Cols {
    /// Finds the columns by role: of the budget columns, the annual one and the one for the
    /// period (by their headers); of the outcome columns, the one for the period; of the
    /// previous year's, the partial and the annual one.
    pub fn find(ds: &Dataset) -> Self {
        let name = |c: usize| ds.columns.get(c).map_or("", |m| m.name.as_str());
        let budgets = ds.columns_with(ColumnRole::Budget);
        let mut annual = budgets.iter().copied().find(|&c| is_annual_header(name(c)) && !is_period_header(name(c)));
        let mut period = budgets.iter().copied().find(|&c| is_period_header(name(c)));
        match (annual, period, budgets.as_slice()) {
            (None, None, [only]) => period = Some(*only),
            (None, None, [first, second, ..]) => {
                annual = Some(*first);
                period = Some(*second);
            }
            (Some(a), None, _) => period = budgets.iter().copied().find(|&c| c != a && !is_annual_header(name(c))),
            (None, Some(p), _) => annual = budgets.iter().copied().find(|&c| c != p),
            _ => {}
        }
        let outcomes = ds.columns_with(ColumnRole::Outcome);
        let outcome = outcomes.iter().copied().find(|&c| is_period_header(name(c))).or(outcomes.first().copied());
        let prev = ds.columns_with(ColumnRole::PreviousYear);
        let prev_partial = prev.iter().copied().find(|&c| is_period_header(name(c)));
        let prev_annual = prev.iter().copied().find(|&c| Some(c) != prev_partial);
        Cols {
            label: label_column(ds, &[]),
            annual,
            period_budget: period,
            outcome,
            forecast: ds.column(ColumnRole::Forecast),
            deviation: ds.column(ColumnRole::Deviation),
            prev_partial,
            prev_annual,
        }
    }
}

/// Column headers as written in the file (or the usual word when the column is missing).
#[derive(Debug)]
pub(super) struct Names {
    pub label: String,
    pub annual: String,
    pub budget: String,
    pub outcome: String,
    pub forecast: String,
}

impl Names {
    /// The headers of the columns `cols`.
    pub fn of(ds: &Dataset, cols: &Cols) -> Self {
        let header = |c: Option<usize>, fallback: &str| {
            c.and_then(|c| ds.columns.get(c)).map_or_else(|| fallback.to_owned(), |m| m.name.trim().to_owned())
        };
        Names {
            label: header(cols.label, "Verksamhet"),
            annual: header(cols.annual, "Årsbudget"),
            budget: header(cols.period_budget, "Budget"),
            outcome: header(cols.outcome, "Utfall"),
            forecast: header(cols.forecast, "Helårsprognos"),
        }
    }
}

/// Whether a line is an ordinary line or sums others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineKind {
    Data,
    Subtotal,
}

/// A line of the follow-up.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub label: String,
    pub level: u8,
    pub kind: LineKind,
    /// The dataset row it came from.
    pub row: usize,
    /// The amounts as written in the file.
    pub file: Amounts,
    /// The amounts used (summed for subtotals).
    pub amounts: Amounts,
    /// For a subtotal: the lines it sums (indices into the lines).
    pub children: Vec<usize>,
}

/// A total row of the file ("Summa", "Totalt"): not a line, but checked against the lines' sum.
#[derive(Debug)]
pub(super) struct FileTotal {
    /// The dataset row.
    pub row: usize,
    pub label: String,
    pub amounts: Amounts,
}

/// Whether a label names the file's total or a subtotal, worked out once per distinct label: a
/// ledger repeats a few thousand labels over its 200 000 lines.
#[derive(Default)]
struct SumLabels(HashMap<String, (bool, bool)>);

impl SumLabels {
    /// (total, subtotal) for `label`.
    fn of(&mut self, label: &str) -> (bool, bool) {
        if let Some(&known) = self.0.get(label) {
            return known;
        }
        let found = (is_total_label(label), is_subtotal_label(label));
        self.0.insert(label.to_owned(), found);
        found
    }
}

/// The file's rows as lines, in the file's order, and its total rows. Rows with neither label
/// nor amounts are skipped; a row without label is called "Rad n" after its sheet row.
pub(super) fn lines(ds: &Dataset, cols: &Cols, unit: &OutputUnit) -> (Vec<Line>, Vec<FileTotal>) {
    // One line per row, allocated once: grown by doubling, a 200 000-row ledger's lines (250 bytes
    // each) were held twice while they moved.
    let mut lines: Vec<Line> = Vec::with_capacity(ds.rows.len());
    let mut totals: Vec<FileTotal> = Vec::new();
    let mut sums = SumLabels::default();
    for (i, row) in ds.rows.iter().enumerate() {
        let mut label = text_at(ds, i, cols.label);
        let amounts = Amounts::read(ds, i, cols, unit);
        if label.is_empty() && amounts.is_empty() {
            continue;
        }
        if label.is_empty() {
            label = format!("Rad {}", row.source_row() + 1);
        }
        let (total, subtotal) = sums.of(&label);
        if total || row.kind() == RowKind::Total {
            totals.push(FileTotal { row: i, label, amounts });
            continue;
        }
        let kind = if row.kind() == RowKind::Subtotal || subtotal { LineKind::Subtotal } else { LineKind::Data };
        lines.push(Line { label, level: row.level(), kind, row: i, file: amounts, amounts, children: Vec::new() });
    }
    (lines, totals)
}
