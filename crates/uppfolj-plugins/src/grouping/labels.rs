//! The label of each line on one level of a grouping, numbered: lines with the same label (the
//! texts of the level's columns, joined) have the same number. Worked out once per distinct
//! combination of cells, so that grouping a ledger's 200 000 lines costs a few lookups per line,
//! not a text built and hashed per line.

use foldhash::fast::RandomState;
use std::collections::HashMap;
use uppfolj_plugin::kit::ColumnTexts;
use uppfolj_plugin::model::dataset::Dataset;

/// The name of a group whose columns are empty.
const EMPTY: &str = "(uppgift saknas)";

/// The labels of one level over some rows of a dataset.
#[derive(Debug)]
pub(super) struct Labels {
    /// The distinct labels, by number.
    names: Vec<String>,
    /// The label number of each dataset row (rows not read: none).
    of_row: Vec<usize>,
}

impl Labels {
    /// The labels of `rows` of `ds` on the level of the columns `cols`.
    pub fn read(ds: &Dataset, cols: &[usize], rows: &[usize]) -> Self {
        let mut columns: Vec<ColumnTexts> = cols.iter().map(|&c| ColumnTexts::new(ds, c)).collect();
        let mut labels = Labels { names: Vec::new(), of_row: vec![usize::MAX; ds.rows.len()] };
        let mut steps: Vec<Step> = (1..cols.len()).map(|_| Step::default()).collect();
        // The label of each combination met, and the number of each label.
        let mut label_of: Vec<Option<usize>> = Vec::new();
        let mut by_name: HashMap<String, usize, RandomState> = HashMap::default();
        let mut texts: Vec<usize> = Vec::with_capacity(cols.len());
        for &row in rows {
            texts.clear();
            texts.extend(columns.iter_mut().map(|c| c.id(row)));
            let combination = combine(&mut steps, &texts);
            if label_of.len() <= combination {
                label_of.resize(combination + 1, None);
            }
            let id = match label_of[combination] {
                Some(id) => id,
                None => {
                    let id = labels.number(&mut by_name, joined(&columns, &texts));
                    label_of[combination] = Some(id);
                    id
                }
            };
            if let Some(slot) = labels.of_row.get_mut(row) {
                *slot = id;
            }
        }
        labels
    }

    /// The number of `name`, a new one when it is new.
    fn number(&mut self, by_name: &mut HashMap<String, usize, RandomState>, name: String) -> usize {
        *by_name.entry(name).or_insert_with_key(|name| {
            self.names.push(name.clone());
            self.names.len() - 1
        })
    }

    /// The label number of dataset row `row` (one of the rows read).
    pub fn of(&self, row: usize) -> usize {
        self.of_row.get(row).copied().unwrap_or(usize::MAX)
    }

    /// The label numbered `id`.
    pub fn name(&self, id: usize) -> &str {
        self.names.get(id).map_or(EMPTY, String::as_str)
    }

    /// How many distinct labels there are.
    pub fn count(&self) -> usize {
        self.names.len()
    }
}

/// One step of [`combine`]: the number of each (combination so far, next column's text) met.
type Step = HashMap<(usize, usize), usize, RandomState>;

/// The number of the combination of the columns' text numbers `texts`: the first column's text
/// number, then, column by column, the number of the combination so far with the next text
/// (a single column needs no lookup, and two a lookup of two numbers).
fn combine(steps: &mut [Step], texts: &[usize]) -> usize {
    let Some((&first, rest)) = texts.split_first() else { return 0 };
    rest.iter().zip(steps).fold(first, |so_far, (&text, step)| {
        let next = step.len();
        *step.entry((so_far, text)).or_insert(next)
    })
}

/// The texts numbered `texts` (one per column) joined by a space, the empty ones left out;
/// [`EMPTY`] when all are empty.
fn joined(columns: &[ColumnTexts], texts: &[usize]) -> String {
    let parts: Vec<&str> = columns.iter().zip(texts).map(|(c, &t)| c.text(t)).filter(|t| !t.is_empty()).collect();
    if parts.is_empty() { EMPTY.to_owned() } else { parts.join(" ") }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use uppfolj_plugin::model::dataset::ColumnRole;
    use uppfolj_plugin_test_support::{DatasetBuilder, V};

    #[test]
    fn lines_whose_columns_join_to_the_same_text_share_a_label() {
        let rows: Vec<Vec<V>> = vec![
            vec![V::N(4010.0), V::T("Material")],
            vec![V::T("4010"), V::T("Material")],
            vec![V::T("4 010"), V::E],
            vec![V::N(4010.0), V::T(" Material ")],
            vec![V::E, V::E],
            vec![V::T("4010 Material"), V::E],
        ];
        let ds = DatasetBuilder::new("huvudbok.csv")
            .columns(&[("Konto", Some(ColumnRole::Account)), ("Kontonamn", Some(ColumnRole::Account))])
            .rows(&rows)
            .build();
        let labels = Labels::read(&ds, &[0, 1], &[0, 1, 2, 3, 4, 5]);
        let names: Vec<&str> = (0..6).map(|r| labels.name(labels.of(r))).collect();
        assert_eq!(
            names,
            ["4\u{202f}010 Material", "4010 Material", "4 010", "4\u{202f}010 Material", EMPTY, "4010 Material"]
        );
        assert_eq!(labels.of(1), labels.of(5), "one label, whichever columns its words came from");
        assert_eq!(labels.of(0), labels.of(3), "the same texts, trimmed");
        assert_eq!(labels.count(), 4);
    }
}
