//! Reading the file: which columns hold what, their headers, and the file's rows as the
//! follow-up's own [`Line`]s (the file's total rows set apart).

use super::amounts::Amounts;
use super::settings::OutputUnit;
use uppfolj_plugin::kit::vocab::{is_annual_header, is_period_header, is_subtotal_label, is_total_label};
use uppfolj_plugin::kit::{ColumnTexts, label_column, text_at};
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

/// What a row of the file is to the follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowIs {
    /// A total row of the file: checked against the lines' sum.
    Total,
    /// A line, ordinary or summing others.
    Line(LineKind),
}

/// Reads the rows of the file as the follow-up sees them: which are lines, which are the file's
/// totals, which are left out (neither label nor amounts). Whether a label names a total or a
/// subtotal is worked out once per distinct label: a ledger repeats a few thousand labels over
/// its 200 000 lines.
pub(super) struct RowReader<'a> {
    ds: &'a Dataset,
    cols: &'a Cols,
    unit: &'a OutputUnit,
    /// The texts of the label column.
    labels: Option<ColumnTexts<'a>>,
    /// (total, subtotal) for each label text, by its number in `labels`.
    sums: Vec<Option<(bool, bool)>>,
}

impl<'a> RowReader<'a> {
    pub fn new(ds: &'a Dataset, cols: &'a Cols, unit: &'a OutputUnit) -> Self {
        let labels = cols.label.map(|c| ColumnTexts::new(ds, c));
        RowReader { ds, cols, unit, labels, sums: Vec::new() }
    }

    /// What dataset row `row` is; `None` for a row with neither label nor amounts.
    pub fn read(&mut self, row: usize) -> Option<RowIs> {
        let (total, subtotal) = match self.label_id(row) {
            Some(id) => self.sum_words(id),
            None if self.amounts(row).is_empty() => return None,
            None => sum_words_of(&self.unnamed(row)),
        };
        let head = self.ds.rows.head(row).unwrap_or_default();
        if total || head.kind == RowKind::Total {
            return Some(RowIs::Total);
        }
        let subtotal = head.kind == RowKind::Subtotal || subtotal;
        Some(RowIs::Line(if subtotal { LineKind::Subtotal } else { LineKind::Data }))
    }

    /// The amounts of dataset row `row` in the report's unit.
    pub fn amounts(&self, row: usize) -> Amounts {
        Amounts::read(self.ds, row, self.cols, self.unit)
    }

    /// The number of the label text of dataset row `row`; `None` when it has none.
    fn label_id(&mut self, row: usize) -> Option<usize> {
        let labels = self.labels.as_mut()?;
        let id = labels.id(row);
        (!labels.text(id).is_empty()).then_some(id)
    }

    /// The label of dataset row `row`: its text in the label column, or "Rad n" after its sheet
    /// row when it has none.
    pub fn label(&self, row: usize) -> String {
        let label = text_at(self.ds, row, self.cols.label);
        if label.is_empty() { self.unnamed(row) } else { label }
    }

    /// "Rad n", the label of a row without one, after its sheet row.
    fn unnamed(&self, row: usize) -> String {
        format!("Rad {}", self.ds.rows.head(row).map_or(0, |h| h.source_row) + 1)
    }

    /// (total, subtotal) for the label text numbered `id`.
    fn sum_words(&mut self, id: usize) -> (bool, bool) {
        if self.sums.len() <= id {
            self.sums.resize(id + 1, None);
        }
        match self.sums[id] {
            Some(known) => known,
            None => {
                let text = self.labels.as_ref().map_or("", |l| l.text(id));
                let found = sum_words_of(text);
                self.sums[id] = Some(found);
                found
            }
        }
    }
}

/// (total, subtotal): whether `label` names the file's total or a subtotal.
fn sum_words_of(label: &str) -> (bool, bool) {
    (is_total_label(label), is_subtotal_label(label))
}

/// The file's rows as lines, in the file's order, and its total rows. Rows with neither label
/// nor amounts are skipped; a row without label is called "Rad n" after its sheet row.
pub(super) fn lines(ds: &Dataset, cols: &Cols, unit: &OutputUnit) -> (Vec<Line>, Vec<FileTotal>) {
    // One line per row, allocated once: grown by doubling, a 200 000-row ledger's lines (250 bytes
    // each) were held twice while they moved.
    let mut lines: Vec<Line> = Vec::with_capacity(ds.rows.len());
    let mut totals: Vec<FileTotal> = Vec::new();
    let mut reader = RowReader::new(ds, cols, unit);
    for i in 0..ds.rows.len() {
        let Some(is) = reader.read(i) else { continue };
        let (label, amounts) = (reader.label(i), reader.amounts(i));
        match is {
            RowIs::Total => totals.push(FileTotal { row: i, label, amounts }),
            RowIs::Line(kind) => {
                let level = ds.rows.head(i).map_or(0, |h| h.level);
                lines.push(Line { label, level, kind, row: i, file: amounts, amounts, children: Vec::new() });
            }
        }
    }
    (lines, totals)
}
