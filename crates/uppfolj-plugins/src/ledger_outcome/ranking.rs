//! The groups of the ledger with their outcome and share: the tree of units and accounts
//! (largest first on each level) and the largest accounts and suppliers over the whole ledger.

use super::read::Ledger;
use crate::grouping::{self, Grouping, Order};

/// A group with its figures.
#[derive(Debug, Clone)]
pub(super) struct Ranked {
    pub label: String,
    pub level: u8,
    pub outcome: f64,
    /// Share of the ledger's total outcome, in percent (`None` when the total is 0).
    pub share: Option<f64>,
    /// How many of the file's lines it sums.
    pub lines: usize,
    /// The groups directly below it (indices into the same list).
    pub children: Vec<usize>,
}

/// The groups on `levels` over the ledger's lines, largest first on each level, in display order.
pub(super) fn ranked(ledger: &Ledger, levels: &[Vec<usize>]) -> Vec<Ranked> {
    let weight = |r: usize| ledger.amount(r);
    let total = ledger.total();
    grouping::build(ledger.ds, levels, &ledger.rows, Order::Size(&weight))
        .into_iter()
        .map(|node| {
            let outcome = ledger.sum(&node.rows);
            Ranked {
                label: node.label,
                level: node.level,
                outcome,
                share: (total != 0.0).then(|| 100.0 * outcome / total),
                lines: node.rows.len(),
                children: node.children,
            }
        })
        .collect()
}

/// The tree of the grouping, largest first.
pub(super) fn tree(ledger: &Ledger, grouping: &Grouping) -> Vec<Ranked> {
    ranked(ledger, &grouping.levels)
}

/// The `top` largest groups of the columns `cols` over the whole ledger, largest first; `None`
/// when there are no such columns.
pub(super) fn largest(ledger: &Ledger, cols: &[usize], top: usize) -> Option<(Vec<Ranked>, usize)> {
    if cols.is_empty() {
        return None;
    }
    let mut all = ranked(ledger, &[cols.to_vec()]);
    let of = all.len();
    all.truncate(top);
    Some((all, of))
}
