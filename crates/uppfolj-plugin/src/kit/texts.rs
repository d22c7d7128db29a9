//! [`ColumnTexts`]: the texts of one column read once per distinct cell, for code that looks at
//! every line of a ledger (grouping its lines, reading its months).

use super::cells::text_ref;
use foldhash::fast::RandomState;
use std::borrow::Cow;
use std::collections::HashMap;
use uppfolj_model::dataset::{Dataset, Value};

/// What a cell is known by before its text is read: a text by its shared allocation (the import
/// holds a text repeated in a table once, so 200 000 ledger lines naming eight förvaltningar point
/// at eight texts), a number by its bits, anything else (empty, a missing marker) as no text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum CellKey {
    Text(*const u8),
    Number(u64),
    Other,
}

impl CellKey {
    fn of(value: Option<&Value>) -> Self {
        match value {
            Some(Value::Text(t)) => CellKey::Text(t.as_ptr()),
            Some(Value::Number { value, .. }) => CellKey::Number(value.to_bits()),
            _ => CellKey::Other,
        }
    }
}

/// The texts of one column of a dataset ([`text_ref`]: trimmed, numbers written as Swedes
/// write them), each numbered: rows with equal texts get the same number, counted from 0 in
/// the order first met. A cell already met (the same shared text, the same number) is found
/// without reading or comparing its text, so numbering a ledger's 200 000 lines costs a lookup
/// each; a text is read (and a number written) once per distinct cell.
#[derive(Debug)]
pub struct ColumnTexts<'a> {
    ds: &'a Dataset,
    col: usize,
    /// The distinct texts, by number.
    texts: Vec<Cow<'a, str>>,
    /// The number of each distinct text.
    by_text: HashMap<Cow<'a, str>, usize, RandomState>,
    /// The number of each distinct cell met.
    by_cell: HashMap<CellKey, usize, RandomState>,
}

impl<'a> ColumnTexts<'a> {
    /// The texts of column `col` of `ds` (none read yet).
    pub fn new(ds: &'a Dataset, col: usize) -> Self {
        ColumnTexts { ds, col, texts: Vec::new(), by_text: HashMap::default(), by_cell: HashMap::default() }
    }

    /// The number of the text of dataset row `row` in the column.
    pub fn id(&mut self, row: usize) -> usize {
        let key = CellKey::of(self.ds.value(row, self.col));
        if let Some(&id) = self.by_cell.get(&key) {
            return id;
        }
        let text = text_ref(self.ds, row, Some(self.col));
        let id = match self.by_text.get(&text) {
            Some(&id) => id,
            None => {
                self.texts.push(text.clone());
                self.by_text.insert(text, self.texts.len() - 1);
                self.texts.len() - 1
            }
        };
        self.by_cell.insert(key, id);
        id
    }

    /// The text numbered `id` (empty for a number not given by [`ColumnTexts::id`]).
    pub fn text(&self, id: usize) -> &str {
        self.texts.get(id).map_or("", |t| t.as_ref())
    }

    /// The text of dataset row `row` in the column, as [`text_ref`] reads it.
    pub fn text_of(&mut self, row: usize) -> &str {
        let id = self.id(row);
        self.text(id)
    }

    /// How many distinct texts have been numbered.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether no text has been numbered yet.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use uppfolj_model::Rows;
    use uppfolj_model::dataset::{ColumnMeta, ColumnRole, DatasetKind, SourceFile};
    use uppfolj_model::rows::RowHead;

    fn dataset(values: Vec<Value>) -> Dataset {
        let columns = vec![ColumnMeta::new("Konto", Some(ColumnRole::Account), 0)];
        let mut rows = Rows::new(&columns);
        for (v, r) in values.into_iter().zip(1..) {
            rows.push_values(RowHead::data(r), [v]);
        }
        Dataset {
            source: SourceFile { file: "t.csv".to_owned(), sheet: None },
            title: String::new(),
            kind: DatasetKind::Table,
            unit: None,
            range: None,
            columns,
            rows,
        }
    }

    #[test]
    fn equal_texts_get_one_number_whether_shared_or_not() {
        let shared: Arc<str> = Arc::from("Skola");
        let ds = dataset(vec![
            Value::Text(shared.clone()),
            Value::text("Vård"),
            Value::Text(shared),
            Value::text(" Skola "),
            Value::number(4010.0),
            Value::empty(),
            Value::number(4010.0),
        ]);
        let mut texts = ColumnTexts::new(&ds, 0);
        let ids: Vec<usize> = (0..ds.rows.len()).map(|r| texts.id(r)).collect();
        assert_eq!(ids, [0, 1, 0, 0, 2, 3, 2]);
        assert_eq!((texts.text(0), texts.text(2), texts.text(3)), ("Skola", "4\u{202f}010", ""));
        assert_eq!(texts.len(), 4);
        for r in 0..ds.rows.len() {
            assert_eq!(texts.text_of(r), text_ref(&ds, r, Some(0)), "row {r}");
        }
    }
}
