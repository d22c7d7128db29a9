//! [`TableBuilder`]: a report table whose columns are declared together with how each cell is
//! computed, and the column constructors the built-in reports use.

use super::amounts::decimals_for;
use uppfolj_model::report::{Column, ColumnFormula, ColumnKind, Row, RowKindOut, Table, TableCell};
use uppfolj_model::unit::Unit;

/// The place of a row in a table: its level, kind and, for sums, the rows it sums.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowShape {
    /// Hierarchy level (0 = top).
    pub level: u8,
    /// Data, subtotal or total.
    pub kind: RowKindOut,
    /// For subtotal and total rows: the indices of the rows they sum.
    pub sum_of: Vec<usize>,
}

impl RowShape {
    /// An ordinary row at the top level.
    pub fn data() -> Self {
        Self::default()
    }

    /// An ordinary row at `level`.
    pub fn at_level(level: u8) -> Self {
        Self { level, ..Self::default() }
    }

    /// A total row summing the rows `sum_of` (empty: a total taken from the file as it is).
    pub fn total(sum_of: Vec<usize>) -> Self {
        Self { level: 0, kind: RowKindOut::Total, sum_of }
    }

    /// A subtotal row at `level` summing the rows `sum_of`.
    pub fn subtotal(level: u8, sum_of: Vec<usize>) -> Self {
        Self { level, kind: RowKindOut::Subtotal, sum_of }
    }
}

type CellFn<'a, R> = Box<dyn Fn(&R) -> TableCell + 'a>;

/// A table built from rows of the plugin's own type `R`: each column is declared with the
/// function that computes its cell, so the cells always follow the columns.
///
/// ```
/// # use uppfolj_plugin::kit::{RowShape, TableBuilder, amount_col, text_col};
/// # use uppfolj_plugin::model::report::TableCell;
/// # use uppfolj_plugin::model::unit::Unit;
/// struct Line { name: &'static str, cost: Option<f64> }
/// let lines = [Line { name: "Folktandvården", cost: Some(-26_116.0) }];
/// let with_cost = true;
/// let table = TableBuilder::new("per-verksamhet", "Per verksamhet")
///     .column(text_col("verksamhet", "Verksamhet"), |l: &Line| TableCell::Text(l.name.into()))
///     .column_if(with_cost, amount_col("kostnad", "Kostnad", &Unit::Tkr, None), |l| TableCell::number(l.cost))
///     .build(lines.iter().map(|l| (l, RowShape::data())));
/// assert_eq!(table.columns.len(), 2);
/// assert_eq!(table.rows[0].cells[1].as_f64(), Some(-26_116.0));
/// ```
pub struct TableBuilder<'a, R> {
    id: String,
    title: String,
    columns: Vec<Column>,
    cells: Vec<CellFn<'a, R>>,
}

impl<R> std::fmt::Debug for TableBuilder<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableBuilder").field("id", &self.id).field("columns", &self.columns).finish()
    }
}

impl<'a, R> TableBuilder<'a, R> {
    /// An empty table with a stable `id` (used for sheet names and tests) and a title.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self { id: id.into(), title: title.into(), columns: Vec::new(), cells: Vec::new() }
    }

    /// Adds `column`, whose cell in each row is `cell(row)`.
    #[must_use]
    pub fn column(mut self, column: Column, cell: impl Fn(&R) -> TableCell + 'a) -> Self {
        self.columns.push(column);
        self.cells.push(Box::new(cell));
        self
    }

    /// Adds `column` only when `present` (a column the file or the parameters may leave out).
    #[must_use]
    pub fn column_if(self, present: bool, column: Column, cell: impl Fn(&R) -> TableCell + 'a) -> Self {
        if present { self.column(column, cell) } else { self }
    }

    /// Whether a column with `key` has been declared (for formulas that refer to it).
    pub fn has(&self, key: &str) -> bool {
        self.columns.iter().any(|c| c.key == key)
    }

    /// The columns declared so far.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The cells of one row.
    pub fn cells_of(&self, row: &R) -> Vec<TableCell> {
        self.cells.iter().map(|cell| cell(row)).collect()
    }

    /// The table with one row per item, shaped by its [`RowShape`].
    pub fn build<'r>(self, rows: impl IntoIterator<Item = (&'r R, RowShape)>) -> Table
    where
        R: 'r,
    {
        let rows = rows
            .into_iter()
            .map(|(item, shape)| Row {
                cells: self.cells_of(item),
                level: shape.level,
                kind: shape.kind,
                sum_of: shape.sum_of,
            })
            .collect();
        Table { id: self.id, title: self.title, columns: self.columns, rows }
    }
}

/// A text column.
pub fn text_col(key: &str, title: &str) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Text, formula: None }
}

/// An amount column in `unit`, with the decimals usual for it.
pub fn amount_col(key: &str, title: &str, unit: &Unit, formula: Option<ColumnFormula>) -> Column {
    Column {
        key: key.to_owned(),
        title: title.to_owned(),
        kind: ColumnKind::Amount { unit: unit.clone(), decimals: decimals_for(unit) },
        formula,
    }
}

/// A percent column with one decimal.
pub fn percent_col(key: &str, title: &str, formula: Option<ColumnFormula>) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Percent { decimals: 1 }, formula }
}

/// A status column (text, symbol and colour).
pub fn status_col(key: &str, title: &str) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Status, formula: None }
}

/// The formula `a − b` over two column keys.
pub fn diff(a: &str, b: &str) -> ColumnFormula {
    ColumnFormula::Difference { a: a.to_owned(), b: b.to_owned() }
}
