//! Reading the rows: each cell's value (text for label columns, Swedish numbers, missing
//! markers and formula errors for the others, the label above in a filled-down column), and
//! each row's bold and indentation for the hierarchy.

use super::cell_text::{raw_to_text, serial_to_iso};
use super::draft::{Draft, Reading};
use super::staggered::composed_cell;
use crate::grid::{GCell, GRow, Raw};
use crate::intern::Interner;
use crate::roles::is_label_role;
use std::sync::Arc;
use uppfolj_model::dataset::Cell;
use uppfolj_model::vocab::{self, Parsed};
use uppfolj_model::{CellRef, RowHead, Rows, Unit, Value};

/// Reads the data rows into the draft's rows, in one pass that frees each source row once read.
pub(super) fn read(d: &mut Draft<'_>) {
    let data = std::mem::take(&mut d.data);
    let mut reader = RowReader::new(Plan::of(d), data.len());
    for r in data {
        reader.push(&r);
    }
    reader.install(d);
}

/// How a table's rows are read into values, as the steps before [`read`] decided: a streamed
/// table is read by the plan made from its first rows, and kept only when the plan made from all
/// of them is the same.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Plan {
    cols: Vec<ColPlan>,
    label_col: Option<usize>,
}

/// How one column's cells are read.
#[derive(Debug, Clone, PartialEq)]
struct ColPlan {
    src: Vec<u32>,
    /// A composed column's code rather than its text.
    code: bool,
    /// Read as text (a label column, or one holding more texts than numbers).
    text: bool,
    /// Percent-formatted fractions are read as percent.
    percent: bool,
    /// A blank takes the label above (a group written once over its rows).
    fill: bool,
}

impl Plan {
    /// The plan of the draft's columns and label columns.
    pub(super) fn of(d: &Draft<'_>) -> Self {
        let cols = d
            .cols
            .iter()
            .enumerate()
            .map(|(ci, c)| ColPlan {
                src: c.src.clone(),
                code: c.code,
                text: c.role.is_some_and(is_label_role) || !c.numeric,
                percent: c.percent_format && c.unit == Some(Unit::Percent),
                fill: d.fill_cols.contains(&ci),
            })
            .collect();
        Self { cols, label_col: d.label_col }
    }

    /// The cell holding the label of data row `r`: the rightmost text among the label column's
    /// sources.
    fn label_cell<'r>(&self, r: &'r GRow) -> Option<&'r GCell> {
        let lc = self.label_col?;
        self.cols[lc].src.iter().rev().find_map(|&s| r.get(s).filter(|c| c.raw.text().is_some()))
    }
}

/// Reads rows one at a time by a [`Plan`]: the values into [`Rows`], each row's bold and
/// indentation beside them.
#[derive(Debug)]
pub(super) struct RowReader {
    plan: Plan,
    cells: Reader,
    rows: Rows,
    bold: Vec<bool>,
    indents: Vec<u32>,
}

impl RowReader {
    /// A reader of about `rows` rows by `plan`.
    pub(super) fn new(plan: Plan, capacity: usize) -> Self {
        let cells = Reader {
            last_fill: vec![None; plan.cols.len()],
            reading: Reading { filled: vec![0; plan.cols.len()], ..Reading::default() },
            texts: Interner::default(),
        };
        let rows = Rows::for_source_columns(plan.cols.iter().map(|c| c.src[0]).collect(), capacity);
        let (bold, indents) = (Vec::with_capacity(capacity), Vec::with_capacity(capacity));
        Self { plan, cells, rows, bold, indents }
    }

    /// The plan rows are read by.
    pub(super) fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Reads data row `r`.
    pub(super) fn push(&mut self, r: &GRow) {
        let Self { plan, cells, rows, .. } = self;
        let values = plan.cols.iter().enumerate().map(|(ci, col)| cells.cell(r, ci, col));
        rows.push(RowHead::data(r.row), values);
        let label = plan.label_cell(r);
        self.bold.push(label.is_some_and(|c| c.bold) || (label.is_none() && r.cells.first().is_some_and(|c| c.bold)));
        // A row without its own label (a filled-down group) keeps the indentation above.
        let indent = label.map_or(self.indents.last().copied().unwrap_or(0), |c| {
            let lead = c.raw.text().map_or(0, |t| t.chars().take_while(|ch| *ch == ' ' || *ch == '\u{a0}').count());
            u32::from(c.indent) * 100 + lead as u32
        });
        self.indents.push(indent);
    }

    /// Puts the rows read into the draft.
    pub(super) fn install(self, d: &mut Draft<'_>) {
        d.rows = self.rows;
        d.bold = self.bold;
        d.indents = self.indents;
        d.reading = self.cells.reading;
    }
}

/// Reads cells, remembering the last label of each filled-down column; each text is held once.
#[derive(Debug)]
struct Reader {
    last_fill: Vec<Option<(Arc<str>, CellRef)>>,
    reading: Reading,
    texts: Interner,
}

impl Reader {
    /// The cell of row `r` in column `ci`; a blank of a filled-down column takes the label above.
    fn cell(&mut self, r: &GRow, ci: usize, col: &ColPlan) -> Cell {
        let fill = col.fill;
        if col.src.len() > 1 {
            return composed_cell(r, &col.src, col.code);
        }
        let at = CellRef::new(r.row, col.src[0]);
        let Some(cell) = r.get(col.src[0]) else {
            if fill && let Some((text, from)) = &self.last_fill[ci] {
                self.reading.filled[ci] += 1;
                return Cell { value: Value::Text(text.clone()), at: Some(*from) };
            }
            return Cell::new(Value::empty(), at);
        };
        let value = if col.text {
            let text = match &cell.raw {
                Raw::Text(t) => self.texts.trimmed(t),
                Raw::Number(v) => self.texts.number(*v, |v| raw_to_text(&Raw::Number(v))),
                Raw::Date(serial) => self.texts.date(*serial, serial_to_iso),
                raw => self.texts.text(raw_to_text(raw).trim()),
            };
            if text.is_empty() {
                Value::empty()
            } else {
                if fill {
                    self.last_fill[ci] = Some((text.clone(), at));
                }
                Value::Text(text)
            }
        } else {
            self.number(col.percent, &cell.raw, at)
        };
        Cell::new(value, at)
    }

    /// The value of a cell in a numeric column: a number (percent-formatted fractions in
    /// percent), a date, a missing value for errors and numbers that are not finite.
    fn number(&mut self, percent: bool, raw: &Raw, at: CellRef) -> Value {
        match raw {
            Raw::Number(v) if v.is_finite() => Value::number(if percent { v * 100.0 } else { *v }),
            Raw::Number(v) => self.not_finite(at, format!("{v}")),
            Raw::Date(serial) => Value::Text(self.texts.date(*serial, serial_to_iso)),
            Raw::Error(e) => {
                self.reading.errors += 1;
                self.reading.first_error.get_or_insert_with(|| (at, e.to_string()));
                Value::Missing { marker: Some(e.to_string()) }
            }
            Raw::Bool(b) => Value::number(if *b { 1.0 } else { 0.0 }),
            Raw::Empty => Value::empty(),
            Raw::Text(t) => match vocab::parse_cell(t) {
                Parsed::Number { value, preliminary, .. } => Value::Number { value, preliminary },
                Parsed::Missing(marker) => Value::Missing { marker },
                Parsed::NotFinite => self.not_finite(at, t.trim().to_string()),
                Parsed::Text => Value::Text(self.texts.trimmed(t)),
            },
        }
    }

    /// A number that is not finite, read as a missing value marked with its text.
    fn not_finite(&mut self, at: CellRef, marker: String) -> Value {
        self.reading.non_finite += 1;
        self.reading.first_non_finite.get_or_insert(at);
        Value::Missing { marker: Some(marker) }
    }
}
