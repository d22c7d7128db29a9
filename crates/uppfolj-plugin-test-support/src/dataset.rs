//! [`DatasetBuilder`]: a dataset built by hand the way the import lays one out (one column per
//! header with its role, one row per line, every value with the cell it came from), for tests
//! where the roles and cells are chosen by the test rather than detected.

use uppfolj_plugin::model::dataset::{
    CellRef, ColumnMeta, ColumnRole, Dataset, DatasetKind, RowHead, RowKind, Rows, SourceFile, Value,
};
use uppfolj_plugin::model::unit::Unit;

/// A value in a hand-built row: text, number or empty.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    /// Text.
    T(&'static str),
    /// A number.
    N(f64),
    /// An empty cell.
    E,
}

impl V {
    fn value(&self) -> Value {
        match self {
            V::T(s) => Value::text(*s),
            V::N(n) => Value::number(*n),
            V::E => Value::empty(),
        }
    }
}

/// Builds a [`Dataset`] by hand.
///
/// ```
/// # use uppfolj_plugin_test_support::{DatasetBuilder, V};
/// # use uppfolj_plugin::model::dataset::{ColumnRole, DatasetKind, RowKind};
/// # use uppfolj_plugin::model::unit::Unit;
/// let ds = DatasetBuilder::new("drift.xlsx")
///     .kind(DatasetKind::Budget)
///     .unit(Unit::Tkr)
///     .header_row(4)
///     .columns(&[("Verksamhet", Some(ColumnRole::OrgUnit)), ("Utfall", Some(ColumnRole::Outcome))])
///     .row(vec![V::T("Folktandvården"), V::N(-26_116.0)])
///     .row(vec![V::T("Summa"), V::N(-26_116.0)])
///     .last_row_total()
///     .build();
/// assert_eq!(ds.rows.heads()[1].kind, RowKind::Total);
/// assert_eq!(ds.rows.heads()[0].source_row, 5);
/// ```
#[derive(Debug, Clone)]
pub struct DatasetBuilder {
    file: String,
    title: String,
    unit: Option<Unit>,
    kind: DatasetKind,
    header_row: u32,
    headers: Vec<(String, Option<ColumnRole>)>,
    rows: Vec<Vec<V>>,
    kinds: Vec<RowKind>,
}

impl DatasetBuilder {
    /// An empty table of the file `file`, sheet "Blad1", header in the first sheet row.
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            title: String::new(),
            unit: None,
            kind: DatasetKind::Table,
            header_row: 0,
            headers: Vec::new(),
            rows: Vec::new(),
            kinds: Vec::new(),
        }
    }

    /// The title the import found above the table.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// The table's unit ("Belopp i tkr"), or none.
    #[must_use]
    pub fn unit(mut self, unit: impl Into<Option<Unit>>) -> Self {
        self.unit = unit.into();
        self
    }

    /// The kind of table.
    #[must_use]
    pub fn kind(mut self, kind: DatasetKind) -> Self {
        self.kind = kind;
        self
    }

    /// The zero-based sheet row of the header; the rows follow it.
    #[must_use]
    pub fn header_row(mut self, row: u32) -> Self {
        self.header_row = row;
        self
    }

    /// The columns: header text and role.
    #[must_use]
    pub fn columns(mut self, headers: &[(&str, Option<ColumnRole>)]) -> Self {
        self.headers.extend(headers.iter().map(|(name, role)| ((*name).to_owned(), *role)));
        self
    }

    /// A data row.
    #[must_use]
    pub fn row(mut self, values: Vec<V>) -> Self {
        self.rows.push(values);
        self.kinds.push(RowKind::Data);
        self
    }

    /// Data rows.
    #[must_use]
    pub fn rows(self, rows: &[Vec<V>]) -> Self {
        rows.iter().cloned().fold(self, Self::row)
    }

    /// Marks the last row as the file's total.
    #[must_use]
    pub fn last_row_total(mut self) -> Self {
        if let Some(kind) = self.kinds.last_mut() {
            *kind = RowKind::Total;
        }
        self
    }

    /// The dataset.
    pub fn build(self) -> Dataset {
        let columns: Vec<ColumnMeta> =
            self.headers.iter().enumerate().map(|(i, (name, role))| ColumnMeta::new(name, *role, i as u32)).collect();
        let first = self.header_row + 1;
        let mut rows = Rows::with_capacity(&columns, self.rows.len());
        for (r, (values, kind)) in self.rows.iter().zip(&self.kinds).enumerate() {
            let head = RowHead { source_row: first + r as u32, kind: *kind, level: 0 };
            rows.push_values(head, values.iter().map(V::value));
        }
        let last_col = self.headers.len().saturating_sub(1) as u32;
        let last_row = self.header_row + self.rows.len() as u32;
        Dataset {
            source: SourceFile { file: self.file, sheet: Some("Blad1".to_owned()) },
            title: self.title,
            kind: self.kind,
            unit: self.unit,
            range: Some((CellRef::new(self.header_row, 0), CellRef::new(last_row, last_col))),
            columns,
            rows,
        }
    }
}
