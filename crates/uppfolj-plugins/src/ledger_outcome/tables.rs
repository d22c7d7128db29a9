//! The tables: the outcome per group (units, then accounts), each group a subtotal of the
//! groups below it, with the total; and the largest accounts or suppliers of the whole ledger.

use super::ranking::Ranked;
use super::read::Ledger;
use uppfolj_plugin::kit::{RowShape, TableBuilder, amount_col, percent_col, text_col};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{Table, TableCell};
use uppfolj_plugin::model::unit::Unit;

/// The grouped table: every group of `tree` in display order, then the total. A group with
/// groups below it sums their rows (a live `=SUM(..)` of outcome and count in the workbook).
pub(super) fn per_unit(ledger: &Ledger, tree: &[Ranked], first_column: &str) -> Table {
    let total = Ranked {
        label: "Summa".to_owned(),
        level: 0,
        outcome: ledger.total(),
        share: (ledger.total() != 0.0).then_some(100.0),
        lines: ledger.rows.len(),
        children: Vec::new(),
    };
    let shapes = tree.iter().map(|r| {
        if r.children.is_empty() {
            RowShape::at_level(r.level)
        } else {
            RowShape::subtotal(r.level, r.children.clone())
        }
    });
    let top: Vec<usize> = (0..tree.len()).filter(|&i| tree[i].level == 0).collect();
    let title = format!("Utfall per {first_column}, {}", ledger.unit.label());
    builder(ledger, "per-enhet", title, first_column)
        .build(tree.iter().chain([&total]).zip(shapes.chain([RowShape::total(top)])))
}

/// A table of the largest groups (`rows`, largest first) of the `of` there are.
pub(super) fn largest(ledger: &Ledger, id: &str, what: &str, header: &str, rows: &[Ranked], of: usize) -> Table {
    let of_all = format::number(of as f64, 0);
    let title = if rows.len() < of {
        format!("De {} största {what} av {of_all}, {}", rows.len(), ledger.unit.label())
    } else {
        format!("Alla {of_all} {what}, störst först, {}", ledger.unit.label())
    };
    builder(ledger, id, title, header).build(rows.iter().map(|r| (r, RowShape::data())))
}

/// The columns every table has: the group, its outcome, its share and its number of lines.
fn builder<'a>(ledger: &Ledger, id: &str, title: String, first_column: &str) -> TableBuilder<'a, Ranked> {
    TableBuilder::new(id, title)
        .column(text_col("namn", first_column), |r: &Ranked| TableCell::Text(r.label.clone()))
        .column(amount_col("utfall", &ledger.outcome_name, &ledger.unit, None), |r| TableCell::number(Some(r.outcome)))
        .column(percent_col("andel", "Andel av utfallet, %", None), |r| TableCell::number(r.share))
        .column(amount_col("rader", "Rader", &Unit::Count, None), |r| TableCell::number(Some(r.lines as f64)))
}
