//! Reading a ledger: its outcome column and unit, the supplier column if any, and the lines
//! that carry an outcome.

use crate::grouping::data_rows;
use uppfolj_plugin::kit::{num_at, unit_of};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::report::Diagnostic;
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::model::vocab::normalise;

/// Headers (or their first word) that name a ledger's supplier column.
const SUPPLIER_WORDS: &[&str] = &["leverantör", "leverantörsnamn", "leverantörer", "motpart", "supplier", "vendor"];

/// What the report reads from the ledger.
#[derive(Debug)]
pub(super) struct Ledger<'a> {
    pub ds: &'a Dataset,
    /// The outcome column (the first with the role).
    pub outcome: usize,
    /// Its header as written.
    pub outcome_name: String,
    /// The supplier column, found by its header.
    pub supplier: Option<usize>,
    /// The account columns (code and name).
    pub accounts: Vec<usize>,
    pub unit: Unit,
    /// The months the lines cover, from a period or date column: "januari–augusti 2024".
    pub period: Option<String>,
    /// The dataset rows with an outcome, in the file's order (not the file's total rows).
    pub rows: Vec<usize>,
    /// The outcome of each dataset row (0 for rows without one).
    amounts: Vec<f64>,
}

impl<'a> Ledger<'a> {
    /// Reads `ds`, which has an outcome column; `None` when it has none. Problems go to `diags`.
    pub fn read(ds: &'a Dataset, diags: &mut Vec<Diagnostic>) -> Option<Self> {
        let outcome = ds.column(ColumnRole::Outcome)?;
        let outcome_name = ds.columns.get(outcome).map_or_else(|| "Utfall".to_owned(), |c| c.name.trim().to_owned());
        let unit = unit_of(ds, Some(outcome)).unwrap_or_else(|| {
            diags.push(Diagnostic::warning(
                "Filen anger ingen enhet för utfallet (t.ex. 'Utfall, kr' eller 'Belopp i tkr'); beloppen visas som de \
                 står. Skriv enheten i rubriken eller ange den i mappningen.",
            ));
            Unit::unknown()
        });
        let mut amounts = vec![0.0; ds.rows.len()];
        let rows: Vec<usize> = data_rows(ds)
            .filter(|&i| match num_at(ds, i, Some(outcome)) {
                Some(v) => {
                    amounts[i] = v;
                    true
                }
                None => false,
            })
            .collect();
        let supplier = (0..ds.columns.len()).find(|&c| {
            let h = normalise(&ds.columns[c].name);
            SUPPLIER_WORDS.iter().any(|w| h == *w || h.split([' ', '/', '(']).next() == Some(*w))
        });
        let accounts = ds.columns_with(ColumnRole::Account);
        let period = crate::ledger_months::covered(ds, &rows).map(|c| c.words());
        Some(Ledger { ds, outcome, outcome_name, supplier, accounts, unit, period, rows, amounts })
    }

    /// The outcome of dataset row `row` (0 when it has none).
    pub fn amount(&self, row: usize) -> f64 {
        self.amounts.get(row).copied().unwrap_or(0.0)
    }

    /// The sum of the outcome over `rows`.
    pub fn sum(&self, rows: &[usize]) -> f64 {
        rows.iter().map(|&r| self.amount(r)).sum()
    }

    /// The ledger's total outcome.
    pub fn total(&self) -> f64 {
        self.sum(&self.rows)
    }
}
