//! A ledger (many lines per unit) grouped: its lines summed into the groups of
//! [`crate::grouping`], one line per group, each group a subtotal of the groups below it and
//! the lowest level (the accounts) summing the file's lines. The file's lines themselves stay
//! in the dataset (the workbook's input sheet).

use super::amounts::Amounts;
use super::read::{Cols, FileTotal, Line, LineKind, RowIs, RowReader};
use super::settings::OutputUnit;
use crate::grouping::{self, Grouping, Node, Order};
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

/// The file's rows read for grouping: the dataset rows of its ordinary lines, in the file's
/// order, and its total rows. Its subtotal lines are left out (the groups sum the lines
/// themselves), and no line is kept per row: the groups' sums are read from the dataset.
pub(super) fn rows(ds: &Dataset, cols: &Cols, unit: &OutputUnit) -> (Vec<usize>, Vec<FileTotal>) {
    let mut reader = RowReader::new(ds, cols, unit);
    let mut rows = Vec::with_capacity(ds.rows.len());
    let mut totals = Vec::new();
    for i in 0..ds.rows.len() {
        match reader.read(i) {
            Some(RowIs::Line(LineKind::Data)) => rows.push(i),
            Some(RowIs::Total) => totals.push(FileTotal { row: i, label: reader.label(i), amounts: reader.amounts(i) }),
            Some(RowIs::Line(LineKind::Subtotal)) | None => {}
        }
    }
    (rows, totals)
}

/// The lines of the dataset rows `rows` (from [`rows`]) summed into the groups of `grouping`:
/// one line per group, in display order; a group with groups below it is a subtotal of them
/// (its amounts are summed from them by [`super::hierarchy::sum_up`]).
pub(super) fn group(
    ds: &Dataset,
    grouping: Grouping,
    rows: Vec<usize>,
    amounts: &dyn Fn(usize) -> Amounts,
) -> (Vec<Line>, Ledger) {
    let nodes = grouping::build(ds, &grouping.levels, &rows, Order::Name);
    let sums = leaf_sums(ds, &nodes, &rows, amounts);
    let grouped = nodes
        .into_iter()
        .zip(sums)
        .map(|(node, sum)| {
            let leaf = node.children.is_empty();
            Line {
                label: node.label,
                level: node.level,
                kind: if leaf { LineKind::Data } else { LineKind::Subtotal },
                row: node.rows.first().copied().unwrap_or_default(),
                file: sum,
                amounts: sum,
                children: node.children,
            }
        })
        .collect();
    let title = grouping.title(ds);
    let top_name = grouping.levels.first().map(|l| grouping::level_name(ds, l)).unwrap_or_default();
    (grouped, Ledger { grouping, rows, title, top_name })
}

/// The amounts of each group of the lowest level (no groups below it), summed over its rows in
/// the file's order, in one pass over `rows`; the other groups' are empty.
fn leaf_sums(ds: &Dataset, nodes: &[Node], rows: &[usize], amounts: &dyn Fn(usize) -> Amounts) -> Vec<Amounts> {
    let mut leaf_of_row: Vec<Option<usize>> = vec![None; ds.rows.len()];
    for (i, node) in nodes.iter().enumerate().filter(|(_, n)| n.children.is_empty()) {
        for &r in &node.rows {
            if let Some(slot) = leaf_of_row.get_mut(r) {
                *slot = Some(i);
            }
        }
    }
    let mut sums = vec![Amounts::default(); nodes.len()];
    for &row in rows {
        if let Some(leaf) = leaf_of_row.get(row).copied().flatten() {
            sums[leaf] = sums[leaf].plus(&amounts(row));
        }
    }
    sums
}
