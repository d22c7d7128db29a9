//! The lines of two files matched by their key: each line with its amount in file A and in file
//! B (converted to A's unit), the difference and the change in percent; lines only in one file
//! are kept and marked so.

use super::read::{Line, Side};
use uppfolj_plugin::kit;

/// Where a compared line is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    Both,
    OnlyA,
    OnlyB,
}

/// One line of the comparison.
#[derive(Debug, Clone)]
pub(crate) struct Compared {
    pub label: String,
    pub a: Option<f64>,
    pub b: Option<f64>,
    pub presence: Presence,
    /// The rows in file A and file B.
    pub rows: (Option<usize>, Option<usize>),
}

impl Compared {
    /// B − A; a line only in one file counts as zero in the other, so that the differences of
    /// the lines add up to the difference of the totals.
    pub(crate) fn difference(&self) -> Option<f64> {
        (self.a.is_some() || self.b.is_some()).then(|| self.b.unwrap_or(0.0) - self.a.unwrap_or(0.0))
    }

    /// The change from A to B in percent of |A|; `None` when A is zero or missing, and for a
    /// line found in only one file (it has nothing to be compared with: −100 % or +100 % would
    /// only say that it is missing in the other).
    pub(crate) fn change(&self) -> Option<f64> {
        if matches!(self.presence, Presence::OnlyA | Presence::OnlyB) {
            return None;
        }
        let a = self.a.filter(|a| *a != 0.0)?;
        Some(100.0 * self.difference()? / a.abs())
    }
}

/// The lines of `a` in their order, each with its match in `b`, then the lines only in `b` in
/// theirs. A key found twice in a file is matched in order (the first with the first).
pub(crate) fn compare(a: &Side<'_>, b: &Side<'_>) -> Vec<Compared> {
    let to_a = |v: f64| kit::convert(v, &b.unit, &a.unit);
    let mut unmatched: Vec<Option<&Line>> = b.lines.iter().map(Some).collect();
    let mut lines: Vec<Compared> = a
        .lines
        .iter()
        .map(|line| {
            let found = unmatched.iter_mut().find(|l| l.is_some_and(|l| l.key == line.key)).and_then(Option::take);
            Compared {
                label: line.label.clone(),
                a: line.amount,
                b: found.and_then(|f| f.amount).map(to_a),
                presence: if found.is_some() { Presence::Both } else { Presence::OnlyA },
                rows: (Some(line.row), found.map(|f| f.row)),
            }
        })
        .collect();
    lines.extend(unmatched.into_iter().flatten().map(|line| Compared {
        label: line.label.clone(),
        a: None,
        b: line.amount.map(to_a),
        presence: Presence::OnlyB,
        rows: (None, Some(line.row)),
    }));
    lines
}

/// The totals of the compared lines: A, B (in A's unit).
pub(crate) fn totals(lines: &[Compared]) -> (Option<f64>, Option<f64>) {
    (kit::sum_present(lines.iter().map(|l| l.a)), kit::sum_present(lines.iter().map(|l| l.b)))
}
