//! A ledger (many lines per unit) grouped: its lines summed into the groups of
//! [`crate::grouping`], one line per group, each group a subtotal of the groups below it and
//! the lowest level (the accounts) summing the file's lines. The file's lines themselves stay
//! in the dataset (the workbook's input sheet).

use super::amounts::Amounts;
use super::read::{Line, LineKind};
use crate::grouping::{self, Grouping, Order};
use uppfolj_plugin::model::dataset::Dataset;

/// How the ledger was grouped, for the table, the texts and the sources.
#[derive(Debug)]
pub(super) struct Ledger {
    pub grouping: Grouping,
    /// The dataset rows of the file's lines summed into the groups.
    pub rows: Vec<usize>,
    /// The header of the table's first column: "Förvaltning / Verksamhet / Konto".
    pub title: String,
    /// The header of the top level: "Förvaltning".
    pub top_name: String,
}

impl Ledger {
    /// Says how the lines were grouped and where they are.
    pub fn statement(&self, ds: &Dataset) -> String {
        self.grouping.statement(ds, self.rows.len())
    }
}

/// The lines of `lines` (one per file row) summed into the groups of `grouping`: one line per
/// group, in display order; a group with groups below it is a subtotal of them. The file's
/// subtotal lines are left out (the groups sum the lines themselves).
pub(super) fn group(ds: &Dataset, grouping: Grouping, lines: &[Line]) -> (Vec<Line>, Ledger) {
    let data: Vec<&Line> = lines.iter().filter(|l| l.kind == LineKind::Data).collect();
    let mut by_row: Vec<Option<&Amounts>> = vec![None; ds.rows.len()];
    for l in &data {
        if let Some(slot) = by_row.get_mut(l.row) {
            *slot = Some(&l.amounts);
        }
    }
    let rows: Vec<usize> = data.iter().map(|l| l.row).collect();
    let nodes = grouping::build(ds, &grouping.levels, &rows, Order::Name);
    let grouped = nodes
        .into_iter()
        .map(|node| {
            let sum = Amounts::sum(node.rows.iter().filter_map(|&r| by_row.get(r).copied().flatten()));
            let leaf = node.children.is_empty();
            Line {
                label: node.label,
                level: node.level,
                kind: if leaf { LineKind::Data } else { LineKind::Subtotal },
                row: node.rows.first().copied().unwrap_or_default(),
                file: if leaf { sum } else { Amounts::default() },
                amounts: sum,
                children: node.children,
            }
        })
        .collect();
    let title = grouping.title(ds);
    let top_name = grouping.levels.first().map(|l| grouping::level_name(ds, l)).unwrap_or_default();
    (grouped, Ledger { grouping, rows, title, top_name })
}
