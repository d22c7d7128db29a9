//! The draft of one table: the sheet it lies in, where it lies, and what the steps of layout
//! detection have found so far. Each step reads the draft and fills in its part.

use super::LayoutLimits;
use super::rows::RowInfo;
use crate::grid::{GRow, Grid};
use crate::mapping::{Mapping, SignConvention};
use crate::roles::is_label_role;
use std::sync::Arc;
use uppfolj_model::vocab::SumWord;
use uppfolj_model::{CellRef, ColumnMeta, ColumnRole, DatasetKind, Diagnostic, RowRef, Rows, SourceFile, Unit, Value};

/// The sheet being read, and how each of its rows looks.
#[derive(Debug)]
pub(super) struct Sheet<'a> {
    pub grid: &'a Grid,
    pub file: &'a str,
    pub mapping: &'a Mapping,
    pub limits: LayoutLimits,
    /// One per row of `grid.rows`.
    pub infos: &'a [RowInfo],
}

/// How many data rows the decisions that need only a look at a column are made from (its
/// texts' kind, a fill-down pattern, staggered labels): the rest is only read. 2 000 rows show
/// a ledger's every förvaltning and most of its accounts, hundreds of groups of a filled-down
/// column, and cost a hundredth of reading 200 000 rows. A column empty in the sample is looked
/// at in all rows.
pub(super) const SAMPLE_ROWS: usize = 2_000;

/// The first rows of `data`, at most [`SAMPLE_ROWS`].
pub(super) fn sample(data: &[GRow]) -> &[GRow] {
    &data[..data.len().min(SAMPLE_ROWS)]
}

/// Where a table lies: indexes into the sheet's rows.
#[derive(Debug, Clone)]
pub(super) struct Span {
    /// Lines above the header: the title, a unit line.
    pub titles: Vec<usize>,
    /// The group row of a two-row header ("2024" over "Budget | Utfall").
    pub group: Option<usize>,
    /// The header row; `None` for a headerless table.
    pub header: Option<usize>,
    /// The first data row.
    pub start: usize,
    /// One past the last data row.
    pub end: usize,
}

/// A column being built.
#[derive(Debug, Clone)]
pub(super) struct Col {
    /// Source columns: one, or several for a composed (staggered) label column.
    pub src: Vec<u32>,
    pub name: String,
    /// The text in the header row.
    pub header: Option<String>,
    /// The text in the group row above, filled right from the last group cell.
    pub group: Option<String>,
    pub role: Option<ColumnRole>,
    pub because: &'static str,
    pub unit: Option<Unit>,
    pub period: Option<String>,
    pub region: Option<String>,
    /// More numbers than texts in the data.
    pub numeric: bool,
    /// Data cells holding text.
    pub texts: usize,
    pub percent_format: bool,
    /// For a composed column: take the code (a number) instead of the text.
    pub code: bool,
    /// Holds units of measure ("Enhet": "kr/inv", "%"): no role, and never the row label.
    pub measure_unit: bool,
}

impl Col {
    /// A column of source columns `src` with nothing found yet but its name.
    pub fn new(src: Vec<u32>, name: String) -> Self {
        Col {
            src,
            name,
            header: None,
            group: None,
            role: None,
            because: "innehåll",
            unit: None,
            period: None,
            region: None,
            numeric: false,
            texts: 0,
            percent_format: false,
            code: false,
            measure_unit: false,
        }
    }

    /// Whether the column holds amounts: numeric, with a role that is not a label's.
    pub fn holds_amounts(&self) -> bool {
        self.numeric && self.role.is_some_and(|r| !is_label_role(r))
    }
}

/// What reading the values came across: filled-down cells, formula errors, numbers that are
/// not finite.
#[derive(Debug, Default)]
pub(super) struct Reading {
    /// Per column, the cells filled with the label above.
    pub filled: Vec<usize>,
    pub errors: usize,
    pub first_error: Option<(CellRef, String)>,
    pub non_finite: usize,
    pub first_non_finite: Option<CellRef>,
}

/// One table as the steps find it.
#[derive(Debug)]
pub(super) struct Draft<'a> {
    pub sheet: &'a Sheet<'a>,
    pub span: &'a Span,
    /// The data rows, taken out of the sheet: `values` reads them into `rows` and frees each
    /// once read, so that a large sheet's cells and its dataset are not held twice.
    pub data: Vec<GRow>,
    pub source: SourceFile,
    pub warnings: Vec<Diagnostic>,
    /// Source columns with something in the header or the data, left to right.
    pub present: Vec<u32>,
    pub cols: Vec<Col>,
    pub unit: Option<Unit>,
    pub unit_source: Option<String>,
    pub title: String,
    /// The column that names a row.
    pub label_col: Option<usize>,
    /// Label columns whose blank cells take the label above.
    pub fill_cols: Vec<usize>,
    pub rows: Rows,
    pub reading: Reading,
    /// Per row: its label is bold.
    pub bold: Vec<bool>,
    /// Per row: its label's indentation.
    pub indents: Vec<u32>,
    /// Rows whose label names a sum.
    pub text_totals: Vec<(usize, SumWord)>,
    /// Bold marks subtotals (it is the exception, not the rule).
    pub use_bold: bool,
    pub code_col: Option<usize>,
    /// Per row: the depth of its code (digits before trailing zeros).
    pub code_levels: Vec<Option<u8>>,
    pub columns: Vec<ColumnMeta>,
    pub kind: DatasetKind,
    pub sign: Option<SignConvention>,
    pub sign_source: Option<&'static str>,
    /// Every source column's profile over all the table's rows, when `data` holds only its
    /// first rows (a streamed table): `columns` takes it instead of profiling `data`.
    pub profiles: Option<Vec<super::columns::Profile>>,
    /// `data` holds only the table's first rows (a streamed table: the rest went to `rows`).
    pub truncated: bool,
    /// A step wanted to look past the first rows, and `data` was `truncated`: what it decided
    /// may differ from a decision over all the rows.
    pub unsure: bool,
}

impl<'a> Draft<'a> {
    /// An empty draft of the table at `span`, whose data rows are `data`; `None` without data
    /// rows.
    pub fn new(sheet: &'a Sheet<'a>, span: &'a Span, data: Vec<GRow>) -> Option<Self> {
        if data.is_empty() {
            return None;
        }
        Some(Self {
            sheet,
            span,
            data,
            source: SourceFile { file: sheet.file.to_string(), sheet: sheet.grid.sheet.clone() },
            warnings: Vec::new(),
            present: Vec::new(),
            cols: Vec::new(),
            unit: None,
            unit_source: None,
            title: String::new(),
            label_col: None,
            fill_cols: Vec::new(),
            rows: Rows::default(),
            reading: Reading::default(),
            bold: Vec::new(),
            indents: Vec::new(),
            text_totals: Vec::new(),
            use_bold: false,
            code_col: None,
            code_levels: Vec::new(),
            columns: Vec::new(),
            kind: DatasetKind::Table,
            sign: None,
            sign_source: None,
            profiles: None,
            truncated: false,
            unsure: false,
        })
    }

    /// The first data rows, at most [`SAMPLE_ROWS`]: what the decisions are made from.
    pub fn sample(&self) -> &[GRow] {
        sample(&self.data)
    }

    /// The sheet row of the first data row (read or not).
    pub fn first_row(&self) -> u32 {
        self.rows.first().map(|r| r.source_row()).or_else(|| self.data.first().map(|r| r.row)).unwrap_or(0)
    }

    /// The header row.
    pub fn header_row(&self) -> Option<&'a GRow> {
        self.span.header.map(|h| &self.sheet.grid.rows[h])
    }

    /// The group row above the header.
    pub fn group_row(&self) -> Option<&'a GRow> {
        self.span.group.map(|u| &self.sheet.grid.rows[u])
    }

    /// The label of a read row: its label column's text, else its first text.
    pub fn label_of(&self, row: RowRef<'_>) -> String {
        Self::label_text(self.label_col, row).map(|t| t.to_string()).unwrap_or_default()
    }

    /// The label of read row `i` ([`Draft::label_of`]).
    pub fn label_at(&self, i: usize) -> String {
        self.rows.get(i).map(|row| self.label_of(row)).unwrap_or_default()
    }

    /// The text [`Draft::label_of`] gives, as held in `row` (shared with every row holding it),
    /// with `label_col` the label column.
    pub fn label_text<'r>(label_col: Option<usize>, row: RowRef<'r>) -> Option<&'r Arc<str>> {
        fn text(v: &Value) -> Option<&Arc<str>> {
            match v {
                Value::Text(t) => Some(t),
                _ => None,
            }
        }
        label_col.and_then(|lc| row.value(lc)).and_then(text).or_else(|| row.values().find_map(text))
    }
}
