//! The hierarchy of the lines: which lines each subtotal sums, its amounts recomputed from them,
//! and the lines at the top (what the report's total sums).

use super::amounts::Amounts;
use super::read::{Line, LineKind};
use uppfolj_plugin::kit::vocab::is_subtotal_label;

/// The shape of the lines once their subtotals are settled.
#[derive(Debug)]
pub(super) struct Hierarchy {
    /// The lines no subtotal sums, in order: the report's total is their sum.
    pub top: Vec<usize>,
    /// The subtotal lines, deepest first: the order they were summed (and are checked) in.
    pub subtotals: Vec<usize>,
}

/// Settles the subtotals of `lines`: a heading row without amounts followed by deeper rows
/// becomes a subtotal; each subtotal gets the lines it sums and their sum as its amounts.
pub(super) fn settle(lines: &mut [Line]) -> Hierarchy {
    // A heading row without amounts, followed by deeper rows, sums them.
    for i in 0..lines.len() {
        let deeper_follows = lines.get(i + 1).is_some_and(|n| n.level > lines[i].level);
        if lines[i].kind == LineKind::Data && lines[i].file.is_empty() && deeper_follows {
            lines[i].kind = LineKind::Subtotal;
        }
    }
    assign_children(lines);
    sum_up(lines)
}

/// Sums every subtotal of `lines` from the lines it sums (`children`, already assigned),
/// deepest first; the lines no subtotal sums are the top.
pub(super) fn sum_up(lines: &mut [Line]) -> Hierarchy {
    let mut covered = vec![false; lines.len()];
    for l in lines.iter() {
        for &c in &l.children {
            covered[c] = true;
        }
    }
    // Subtotals: recompute from their children, deepest first.
    let mut subtotals: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kind == LineKind::Subtotal).collect();
    subtotals.sort_by_key(|&i| std::cmp::Reverse(lines[i].level));
    for _ in 0..2 {
        // Twice, so that subtotals of subtotals on the same level settle (flat files).
        for &s in &subtotals {
            if lines[s].children.is_empty() {
                continue;
            }
            let summed = Amounts::sum(lines[s].children.iter().map(|&c| &lines[c].amounts));
            lines[s].amounts = summed;
        }
    }
    let top = (0..lines.len()).filter(|&i| !covered[i]).collect();
    Hierarchy { top, subtotals }
}

/// Assigns the rows each subtotal sums: by hierarchy level when the import found levels, else the
/// rows since the previous subtotal for a "Summa …" row written below its rows.
fn assign_children(lines: &mut [Line]) {
    let n = lines.len();
    for s in 0..n {
        if lines[s].kind != LineKind::Subtotal {
            continue;
        }
        let level = lines[s].level;
        let after: Vec<usize> = (s + 1..n).take_while(|&j| lines[j].level > level).collect();
        let before: Vec<usize> = (0..s).rev().take_while(|&j| lines[j].level > level).collect();
        let below_style = is_subtotal_label(&lines[s].label);
        let range = match (below_style, after.is_empty(), before.is_empty()) {
            (true, _, false) => before,
            (false, false, _) => after,
            (_, false, true) => after,
            (_, true, false) => before,
            (_, true, true) if below_style => {
                (0..s).rev().take_while(|&j| lines[j].kind == LineKind::Data && lines[j].level == level).collect()
            }
            _ => Vec::new(),
        };
        let direct_level = range.iter().map(|&j| lines[j].level).min();
        let mut children: Vec<usize> = range.into_iter().filter(|&j| Some(lines[j].level) == direct_level).collect();
        children.sort_unstable();
        lines[s].children = children;
    }
}
