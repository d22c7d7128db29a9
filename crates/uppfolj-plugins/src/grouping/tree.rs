//! The tree of groups over a ledger's lines: one [`Node`] per group on each level, in display
//! order (each group followed by the groups below it), ordered by name or by size.

use super::labels::Labels;
use uppfolj_plugin::model::dataset::Dataset;

/// A group of lines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// The texts of its columns, joined ("4010 Förbrukningsmaterial").
    pub label: String,
    /// Its level (0 = the top).
    pub level: u8,
    /// The dataset rows it holds, in the file's order.
    pub rows: Vec<usize>,
    /// The groups directly below it (indices into the nodes); empty on the lowest level.
    pub children: Vec<usize>,
}

/// How the groups on each level are ordered.
#[derive(Clone, Copy)]
pub(crate) enum Order<'a> {
    /// By name, as numbers where names are numbers (account codes), else alphabetically.
    Name,
    /// By the size of the sum of `weight` over their rows, largest first; then by name.
    Size(&'a dyn Fn(usize) -> f64),
}

/// The groups of `rows` on `levels` (each a list of columns), in display order.
pub(crate) fn build(ds: &Dataset, levels: &[Vec<usize>], rows: &[usize], order: Order) -> Vec<Node> {
    let labels: Vec<Labels> = levels.iter().map(|cols| Labels::read(ds, cols, rows)).collect();
    let mut tree =
        Tree { slots: labels.iter().map(|l| vec![None; l.count()]).collect(), labels, order, nodes: Vec::new() };
    tree.add_level(rows, 0);
    tree.nodes
}

/// The tree being built: the labels of each level and the groups added so far.
struct Tree<'a> {
    /// The labels of the lines on each level.
    labels: Vec<Labels>,
    /// For each level, the group of each label among the groups being formed (none between
    /// two calls of [`Tree::add_level`]).
    slots: Vec<Vec<Option<usize>>>,
    order: Order<'a>,
    /// The groups, in display order.
    nodes: Vec<Node>,
}

impl Tree<'_> {
    /// Adds the groups of `rows` on level `level`, each followed by its own groups; returns the
    /// indices of the groups added on this level.
    fn add_level(&mut self, rows: &[usize], level: u8) -> Vec<usize> {
        let depth = usize::from(level);
        if depth >= self.labels.len() {
            return Vec::new();
        }
        let mut groups = self.groups(depth, rows);
        sort(&mut groups, self.order);
        let mut added = Vec::with_capacity(groups.len());
        for (label, rows) in groups {
            let at = self.nodes.len();
            added.push(at);
            self.nodes.push(Node { label, level, rows: Vec::new(), children: Vec::new() });
            let children = self.add_level(&rows, level.saturating_add(1));
            self.nodes[at].rows = rows;
            self.nodes[at].children = children;
        }
        added
    }

    /// The groups of `rows` on level `depth`, in the order first met: each its label and its
    /// rows, in the order of `rows`.
    fn groups(&mut self, depth: usize, rows: &[usize]) -> Vec<(String, Vec<usize>)> {
        let (labels, slots) = (&self.labels[depth], &mut self.slots[depth]);
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut ids: Vec<usize> = Vec::new();
        for &row in rows {
            let id = labels.of(row);
            // Every row of `rows` was read into the labels: none is left out here.
            let Some(slot) = slots.get_mut(id) else { continue };
            let k = *slot.get_or_insert_with(|| {
                ids.push(id);
                groups.push((labels.name(id).to_owned(), Vec::new()));
                groups.len() - 1
            });
            groups[k].1.push(row);
        }
        // Left empty for the next call (the groups of another group's rows).
        for id in ids {
            slots[id] = None;
        }
        groups
    }
}

fn sort(groups: &mut [(String, Vec<usize>)], order: Order) {
    match order {
        Order::Name => groups.sort_by(|a, b| by_name(&a.0, &b.0)),
        Order::Size(weight) => {
            let size = |rows: &[usize]| rows.iter().map(|&r| weight(r)).sum::<f64>().abs();
            let mut sized: Vec<(f64, usize)> = groups.iter().enumerate().map(|(i, g)| (size(&g.1), i)).collect();
            sized.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| by_name(&groups[a.1].0, &groups[b.1].0)));
            let order: Vec<usize> = sized.into_iter().map(|(_, i)| i).collect();
            let mut taken: Vec<Option<(String, Vec<usize>)>> =
                groups.iter_mut().map(|g| Some(std::mem::take(g))).collect();
            for (slot, i) in groups.iter_mut().zip(order) {
                if let Some(g) = taken[i].take() {
                    *slot = g;
                }
            }
        }
    }
}

/// Names compared by their leading number when both have one (account codes), else as text.
fn by_name(a: &str, b: &str) -> std::cmp::Ordering {
    let number = |s: &str| s.split_whitespace().next().and_then(|w| w.parse::<f64>().ok());
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y).then_with(|| a.cmp(b)),
        _ => a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| a.cmp(b)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use uppfolj_plugin::model::dataset::ColumnRole;
    use uppfolj_plugin_test_support::{DatasetBuilder, V};

    fn ledger() -> Dataset {
        let row = |f: &'static str, k: &'static str, u: f64| vec![V::T(f), V::T(k), V::N(u)];
        DatasetBuilder::new("huvudbok.csv")
            .columns(&[
                ("Förvaltning", Some(ColumnRole::OrgUnit)),
                ("Konto", Some(ColumnRole::Account)),
                ("Utfall", Some(ColumnRole::Outcome)),
            ])
            .rows(&[
                row("Skola", "6110", 5.0),
                row("Vård", "4010", 50.0),
                row("Skola", "4010", 10.0),
                row("Skola", "6110", 1.0),
            ])
            .build()
    }

    #[test]
    fn groups_follow_each_other_with_their_groups_below_in_name_order() {
        let ds = ledger();
        let nodes = build(&ds, &[vec![0], vec![1]], &[0, 1, 2, 3], Order::Name);
        let shape: Vec<(&str, u8, Vec<usize>)> =
            nodes.iter().map(|n| (n.label.as_str(), n.level, n.rows.clone())).collect();
        assert_eq!(
            shape,
            vec![
                ("Skola", 0, vec![0, 2, 3]),
                ("4010", 1, vec![2]),
                ("6110", 1, vec![0, 3]),
                ("Vård", 0, vec![1]),
                ("4010", 1, vec![1])
            ]
        );
        assert_eq!(nodes[0].children, vec![1, 2]);
        assert_eq!(nodes[3].children, vec![4]);
    }

    #[test]
    fn by_size_the_largest_group_comes_first() {
        let ds = ledger();
        let weight = |r: usize| uppfolj_plugin::kit::num_at(&ds, r, Some(2)).unwrap_or(0.0);
        let nodes = build(&ds, &[vec![0]], &[0, 1, 2, 3], Order::Size(&weight));
        assert_eq!(nodes.iter().map(|n| n.label.as_str()).collect::<Vec<_>>(), ["Vård", "Skola"]);
    }
}
