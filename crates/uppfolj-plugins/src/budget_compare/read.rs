//! One side of the comparison: the lines of one budget file, each with its key (the label, and
//! the organisation and account columns when the file has them), the amount compared, and the
//! file's own "Summa" row.

use uppfolj_plugin::PluginError;
use uppfolj_plugin::kit::{self, vocab};
use uppfolj_plugin::model::dataset::{CellRef, ColumnRole, Dataset, RowKind};
use uppfolj_plugin::model::unit::Unit;

/// The amount compared, chosen with the `amount` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    Budget,
    Outcome,
    Forecast,
}

impl Amount {
    /// The parameter's value ("budget", the default).
    pub(crate) fn from_param(value: Option<&str>) -> Self {
        match value {
            Some("outcome") => Self::Outcome,
            Some("forecast") => Self::Forecast,
            _ => Self::Budget,
        }
    }

    fn role(self) -> ColumnRole {
        match self {
            Self::Budget => ColumnRole::Budget,
            Self::Outcome => ColumnRole::Outcome,
            Self::Forecast => ColumnRole::Forecast,
        }
    }

    /// "budgeten", "utfallet", "prognosen": in running text.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Self::Budget => "budgeten",
            Self::Outcome => "utfallet",
            Self::Forecast => "prognosen",
        }
    }
}

/// One line of a file.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// What matches it with a line of the other file (normalised).
    pub key: String,
    /// How it is shown ("Förvaltning · Konto · Verksamhet").
    pub label: String,
    /// The amount, in the file's unit.
    pub amount: Option<f64>,
    /// Its row in the dataset.
    pub row: usize,
}

/// One file as compared.
#[derive(Debug)]
pub(crate) struct Side<'a> {
    pub ds: &'a Dataset,
    /// The amount column.
    pub col: usize,
    pub unit: Unit,
    /// The column the lines are named by (for cells in diagnostics).
    pub label_col: Option<usize>,
    pub lines: Vec<Line>,
    /// The file's own "Summa" row: its amount and cell.
    pub total: Option<(f64, Option<CellRef>)>,
}

impl Side<'_> {
    /// The file's name.
    pub(crate) fn file(&self) -> &str {
        &self.ds.source.file
    }

    /// The amount column's header ("Årsbudget").
    pub(crate) fn column_name(&self) -> &str {
        &self.ds.columns[self.col].name
    }
}

/// The lines of `ds` for `amount`, or why it cannot be compared.
pub(crate) fn side(ds: &Dataset, amount: Amount) -> Result<Side<'_>, PluginError> {
    let col = ds.column(amount.role()).ok_or_else(|| {
        PluginError::Other(format!(
            "{} har ingen kolumn för {} (rollen {}). Välj ett annat belopp under ”Belopp att jämföra”, eller en annan fil.",
            ds.source.file,
            amount.word(),
            amount.role().label_sv()
        ))
    })?;
    let label_col = kit::label_column(ds, &[]);
    let key_cols = key_columns(ds, label_col);
    let mut lines = Vec::new();
    let mut total = None;
    for row in 0..ds.rows.len() {
        let label = kit::text_at(ds, row, label_col);
        if kit::row_is_total(ds, row, &label) {
            total = total.or(kit::num_at(ds, row, Some(col)).map(|v| (v, kit::cell_at(ds, row, Some(col)))));
            continue;
        }
        let parts: Vec<String> =
            key_cols.iter().map(|c| kit::text_at(ds, row, Some(*c))).filter(|t| !t.is_empty()).collect();
        if parts.is_empty() || ds.rows.heads()[row].kind == RowKind::Subtotal || vocab::is_total_label(&label) {
            continue;
        }
        let key = parts.iter().map(|p| vocab::norm(p)).collect::<Vec<_>>().join("\u{1f}");
        lines.push(Line { key, label: parts.join(" · "), amount: kit::num_at(ds, row, Some(col)), row });
    }
    let unit = kit::unit_of(ds, Some(col)).unwrap_or_else(Unit::unknown);
    Ok(Side { ds, col, unit, label_col, lines, total })
}

/// The columns a line is matched by: the organisation, the account, then the label column.
fn key_columns(ds: &Dataset, label_col: Option<usize>) -> Vec<usize> {
    let mut cols: Vec<usize> = Vec::new();
    for col in [ds.column(ColumnRole::OrgUnit), ds.column(ColumnRole::Account), label_col].into_iter().flatten() {
        if !cols.contains(&col) {
            cols.push(col);
        }
    }
    cols
}
