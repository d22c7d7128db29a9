//! Reading the rows: each cell's value (text for label columns, Swedish numbers, missing
//! markers and formula errors for the others, the label above in a filled-down column), and
//! each row's bold and indentation for the hierarchy.

use super::cell_text::{raw_to_text, serial_to_iso};
use super::draft::{Col, Draft, Reading};
use super::staggered::composed_cell;
use crate::grid::{GRow, Raw};
use crate::intern::Interner;
use crate::roles::is_label_role;
use std::sync::Arc;
use uppfolj_model::dataset::Cell;
use uppfolj_model::vocab::{self, Parsed};
use uppfolj_model::{CellRef, RowHead, Rows, Unit, Value};

/// Reads the data rows into the draft's rows, in one pass that frees each source row once read.
pub(super) fn read(d: &mut Draft<'_>) {
    let mut reader =
        Reader { last_fill: vec![None; d.cols.len()], reading: Reading::default(), texts: Interner::default() };
    reader.reading.filled = vec![0; d.cols.len()];
    let data = std::mem::take(&mut d.data);
    d.rows = Rows::for_source_columns(d.cols.iter().map(|c| c.src[0]).collect(), data.len());
    d.bold = Vec::with_capacity(data.len());
    d.indents = Vec::with_capacity(data.len());
    for r in data {
        let r = &r;
        let (cols, fill_cols) = (&d.cols, &d.fill_cols);
        let cells = cols.iter().enumerate().map(|(ci, col)| reader.cell(r, ci, col, fill_cols.contains(&ci)));
        d.rows.push(RowHead::data(r.row), cells);
        let label = d.label_cell(r);
        d.bold.push(label.is_some_and(|c| c.bold) || (label.is_none() && r.cells.first().is_some_and(|c| c.bold)));
        // A row without its own label (a filled-down group) keeps the indentation above.
        let indent = label.map_or(d.indents.last().copied().unwrap_or(0), |c| {
            let lead = c.raw.text().map_or(0, |t| t.chars().take_while(|ch| *ch == ' ' || *ch == '\u{a0}').count());
            u32::from(c.indent) * 100 + lead as u32
        });
        d.indents.push(indent);
    }
    d.reading = reader.reading;
}

/// Reads cells, remembering the last label of each filled-down column; each text is held once.
struct Reader {
    last_fill: Vec<Option<(Arc<str>, CellRef)>>,
    reading: Reading,
    texts: Interner,
}

impl Reader {
    /// The cell of row `r` in column `ci`; `fill` fills a blank with the label above.
    fn cell(&mut self, r: &GRow, ci: usize, col: &Col, fill: bool) -> Cell {
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
        let value = if col.role.is_some_and(is_label_role) || !col.numeric {
            let text = match &cell.raw {
                Raw::Text(t) => self.texts.trimmed(t),
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
            self.number(col, &cell.raw, at)
        };
        Cell::new(value, at)
    }

    /// The value of a cell in a numeric column: a number (percent-formatted fractions in
    /// percent), a date, a missing value for errors and numbers that are not finite.
    fn number(&mut self, col: &Col, raw: &Raw, at: CellRef) -> Value {
        match raw {
            Raw::Number(v) if v.is_finite() => {
                Value::number(if col.percent_format && col.unit == Some(Unit::Percent) { v * 100.0 } else { *v })
            }
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
