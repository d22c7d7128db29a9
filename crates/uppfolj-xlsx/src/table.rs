//! A report table as an Excel table: header with units, Swedish number formats, bold totals,
//! indented levels, statuses as text with conditional colours, and live formulas with the
//! computed value cached.

use crate::body::{BodyCell, BodyRows, CellValue, WidenTable};
use crate::formats::{self, CellStyle, StyleId, Styles};
use crate::names::TableNames;
use crate::sheet::{self, SheetWriter};
use crate::{Context, ExportOptions, XlsxError};
use rust_xlsxwriter::{IgnoreError, Table as XlTable, TableColumn, TableStyle};
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;
use uppfolj_model::report::{ColumnFormula, ColumnKind, Row, RowKindOut, Table, TableCell, Trend};
use uppfolj_model::{CellRef, Status};

/// Excel's last row (zero-based).
pub(crate) const MAX_ROW: u32 = 1_048_575;
/// Most ranges in one `SUM(…)`: Excel allows 255 arguments.
const MAX_SUM_ARGS: usize = 250;

/// Headers made unique (Excel tables require it): a repeated header gets " (2)".
fn unique_headers(table: &Table) -> Vec<String> {
    let mut seen = HashSet::new();
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // Excel limits a table column name to 255 characters; leave room for " (2)".
            // A table column name is an XML attribute, where control characters cannot stand.
            let mut h: String = sheet::plain_text(&c.header()).trim().chars().take(240).collect();
            if h.is_empty() {
                h = format!("Kolumn {}", i + 1);
            }
            let mut candidate = h.clone();
            let mut n = 2;
            while !seen.insert(candidate.to_lowercase()) {
                candidate = format!("{h} ({n})");
                n += 1;
            }
            candidate
        })
        .collect()
}

/// The text of a trend in a cell, the model's arrow and word: "↑ Bättre".
fn trend_text(trend: Trend) -> &'static str {
    static TEXTS: LazyLock<[String; 3]> = LazyLock::new(|| {
        [Trend::Better, Trend::Unchanged, Trend::Worse].map(|t| format!("{} {}", t.arrow(), t.label_sv()))
    });
    let i = match trend {
        Trend::Better => 0,
        Trend::Unchanged => 1,
        Trend::Worse => 2,
    };
    &TEXTS[i]
}

/// An A1 reference: column `col`, zero-based sheet row `row`.
fn a1(col: usize, row: u32) -> String {
    format!("{}{}", CellRef::column_letters(col as u32), u64::from(row) + 1)
}

/// Whether a computed value agrees with the Report's within one unit of the last shown decimal.
fn agrees(computed: f64, reported: f64, decimals: u8) -> bool {
    let tol = 10f64.powi(-i32::from(decimals.min(10))) + 1e-9 * reported.abs().max(computed.abs());
    (computed - reported).abs() <= tol
}

/// The decimals shown for a column kind.
fn decimals(kind: &ColumnKind) -> u8 {
    match kind {
        ColumnKind::Amount { decimals, .. } | ColumnKind::Percent { decimals } | ColumnKind::Number { decimals } => {
            *decimals
        }
        _ => 0,
    }
}

/// A formula and the value to cache, for one cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellFormula {
    /// The formula, without the leading "=": `C6-B6`.
    pub(crate) formula: String,
    /// The cached result, in cell units (percentages as fractions); `None` caches an empty text.
    pub(crate) result: Option<f64>,
}

/// Plans the formula for column `col` of row `r` of `table` whose header is on `header_row`, if
/// the Report declares one and the figures agree with it. Otherwise the value is written as is.
/// Only the first `written` rows are in the sheet (a table longer than Excel's sheet is cut): a
/// sum over rows that were cut is written as the Report's value, not as a formula.
pub(crate) fn plan_formula(
    table: &Table,
    r: usize,
    col: usize,
    header_row: u32,
    written: usize,
) -> Option<CellFormula> {
    let row = table.rows.get(r)?;
    let column = table.columns.get(col)?;
    let sheet_row = header_row + 1 + r as u32;
    let reported = row.cells.get(col).and_then(TableCell::as_f64);
    if let Some(f) = &column.formula
        && let Some(planned) = column_formula(table, row, col, f, sheet_row, reported)
    {
        return Some(planned);
    }
    if !row.sum_of.is_empty() && matches!(column.kind, ColumnKind::Amount { .. } | ColumnKind::Number { .. }) {
        return sum_formula(table, r, col, header_row, written, reported?);
    }
    None
}

fn column_formula(
    table: &Table,
    row: &Row,
    col: usize,
    f: &ColumnFormula,
    sheet_row: u32,
    reported: Option<f64>,
) -> Option<CellFormula> {
    let kind = &table.columns.get(col)?.kind;
    let fraction = formats::is_fraction(kind);
    let dec = decimals(kind);
    let (a_key, b_key) = match f {
        ColumnFormula::Difference { a, b }
        | ColumnFormula::Sum { a, b }
        | ColumnFormula::Percent { a, b }
        | ColumnFormula::PercentOfAbs { a, b } => (a, b),
    };
    let (ai, bi) = (table.column_index(a_key)?, table.column_index(b_key)?);
    if ai == col || bi == col {
        return None;
    }
    let (a_fraction, b_fraction) =
        (formats::is_fraction(&table.columns[ai].kind), formats::is_fraction(&table.columns[bi].kind));
    let a = row.cells.get(ai)?.as_f64()?;
    let b = row.cells.get(bi)?.as_f64()?;
    let (ar, br) = (a1(ai, sheet_row), a1(bi, sheet_row));
    match f {
        ColumnFormula::Difference { .. } | ColumnFormula::Sum { .. } => {
            if a_fraction != fraction || b_fraction != fraction {
                return None;
            }
            let (computed, formula) = match f {
                ColumnFormula::Difference { .. } => (a - b, format!("{ar}-{br}")),
                _ => (a + b, format!("{ar}+{br}")),
            };
            let reported = reported?;
            agrees(computed, reported, dec)
                .then(|| CellFormula { formula, result: Some(formats::to_cell(reported, kind)) })
        }
        ColumnFormula::Percent { .. } | ColumnFormula::PercentOfAbs { .. } => {
            if a_fraction != b_fraction {
                return None;
            }
            let abs = matches!(f, ColumnFormula::PercentOfAbs { .. });
            let denominator = if abs { format!("ABS({br})") } else { br.clone() };
            // The cell holds a fraction for a percent column, percentage points otherwise.
            let factor = if fraction { "" } else { "100*" };
            let formula = format!("IF({br}=0,\"\",{factor}{ar}/{denominator})");
            if b == 0.0 {
                return reported.is_none().then_some(CellFormula { formula, result: None });
            }
            let computed = 100.0 * a / if abs { b.abs() } else { b };
            let reported = reported?;
            agrees(computed, reported, dec)
                .then(|| CellFormula { formula, result: Some(formats::to_cell(reported, kind)) })
        }
    }
}

/// `=SUM(C5:C8,C10)` over the rows a subtotal or total row sums.
fn sum_formula(
    table: &Table,
    r: usize,
    col: usize,
    header_row: u32,
    written: usize,
    reported: f64,
) -> Option<CellFormula> {
    let row = table.rows.get(r)?;
    let mut indices: Vec<usize> = row.sum_of.clone();
    indices.sort_unstable();
    indices.dedup();
    if indices.iter().any(|&i| i == r || i >= table.rows.len().min(written)) {
        return None;
    }
    let computed: f64 = indices.iter().filter_map(|&i| table.rows[i].cells.get(col).and_then(TableCell::as_f64)).sum();
    let dec = decimals(&table.columns[col].kind);
    if !agrees(computed, reported, dec) {
        return None;
    }
    // Contiguous runs become ranges.
    let mut parts = Vec::new();
    let mut start = indices[0];
    let mut prev = start;
    for &i in indices.iter().skip(1).chain(std::iter::once(&usize::MAX)) {
        if i != prev + 1 {
            let (s, e) = (header_row + 1 + start as u32, header_row + 1 + prev as u32);
            parts.push(if s == e { a1(col, s) } else { format!("{}:{}", a1(col, s), a1(col, e)) });
            start = i;
        }
        prev = i;
    }
    if parts.len() > MAX_SUM_ARGS {
        return None;
    }
    Some(CellFormula { formula: format!("SUM({})", parts.join(",")), result: Some(reported) })
}

/// The rows of a report table as cells: made once while the workbook is built (for widths,
/// status colours and exemplars) and again when they are streamed into the file.
#[derive(Debug)]
pub(crate) struct TableBody<'r> {
    table: &'r Table,
    /// Rows written (a table longer than the sheet is cut).
    rows: usize,
    header_row: u32,
    formulas: bool,
    label_col: Option<usize>,
    /// Per column, the style of its cells in data, subtotal and total rows.
    styles: Vec<[StyleId; 3]>,
    /// The label column's styles per indent level (0–15), in data, subtotal and total rows.
    label_styles: Vec<[StyleId; 3]>,
    /// The Excel table over the rows, when it has to be widened after saving.
    widen: Option<WidenTable>,
}

/// The index of a row kind in [`TableBody`]'s style arrays.
fn kind_index(kind: RowKindOut) -> usize {
    match kind {
        RowKindOut::Data => 0,
        RowKindOut::Subtotal => 1,
        RowKindOut::Total => 2,
    }
}

/// Indent levels Excel has.
const MAX_INDENT: u8 = 15;

impl<'r> TableBody<'r> {
    fn new(table: &'r Table, rows: usize, header_row: u32, formulas: bool, styles: &mut Styles) -> Self {
        let label_col = table.columns.iter().position(|c| c.kind == ColumnKind::Text);
        let style = |styles: &mut Styles, kind: &ColumnKind, row_kind: RowKindOut, indent: u8| {
            styles.id(&CellStyle {
                num: formats::kind_code(kind),
                bold: row_kind != RowKindOut::Data,
                indent,
                wrap: false,
                top_border: row_kind == RowKindOut::Total,
            })
        };
        let kinds = [RowKindOut::Data, RowKindOut::Subtotal, RowKindOut::Total];
        let column_styles = table
            .columns
            .iter()
            .map(|column| {
                // Status and trend cells sit a little away from a right-aligned number.
                let indent = u8::from(matches!(column.kind, ColumnKind::Status | ColumnKind::Trend));
                kinds.map(|k| style(styles, &column.kind, k, indent))
            })
            .collect();
        let label_styles = match label_col {
            Some(c) => {
                (0..=MAX_INDENT).map(|level| kinds.map(|k| style(styles, &table.columns[c].kind, k, level))).collect()
            }
            None => Vec::new(),
        };
        Self { table, rows, header_row, formulas, label_col, styles: column_styles, label_styles, widen: None }
    }

    /// The indent of column `c` in row `r`.
    fn indent(&self, r: usize, c: usize) -> u8 {
        match self.table.columns[c].kind {
            _ if Some(c) == self.label_col => self.table.rows[r].level.min(MAX_INDENT),
            ColumnKind::Status | ColumnKind::Trend => 1,
            _ => 0,
        }
    }
}

impl<'r> BodyRows<'r> for TableBody<'r> {
    fn first_row(&self) -> u32 {
        self.header_row + 1
    }

    /// The most bytes of XML its rows can be written as, counted from the Report without making
    /// the cells (see [`crate::body::row_xml_bound`] for the per-cell sizes).
    fn xml_bound(&self) -> u64 {
        use crate::body::{CELL_XML, NUMBER_XML, ROW_XML};
        // The formulas made here hold cell references, digits, operators and `""`: nothing to
        // escape. A column formula is at most `IF(XFD1048576=0,"",100*XFD1048576/ABS(XFD1048576))`;
        // a sum at most one `XFD1048576:XFD1048576,` per row it sums.
        const COLUMN_FORMULA: u64 = 64;
        let mut bound = 0u64;
        for row in self.table.rows.iter().take(self.rows) {
            let sum = if row.sum_of.is_empty() { 0 } else { 24 * row.sum_of.len() as u64 + 8 };
            bound += ROW_XML;
            for (c, column) in self.table.columns.iter().enumerate() {
                let text = match row.cells.get(c) {
                    Some(TableCell::Text(t)) => t.len(),
                    Some(TableCell::Status { label, .. }) => label.len().max(32),
                    Some(TableCell::Trend(_)) => 32,
                    _ => 0,
                };
                let formula = if column.formula.is_some() { COLUMN_FORMULA } else { 0 }.max(sum);
                bound += CELL_XML + (7 * text as u64).max(NUMBER_XML + formula);
            }
        }
        bound
    }

    fn len(&self) -> usize {
        self.rows
    }

    fn last_col(&self) -> u16 {
        u16::try_from(self.table.columns.len().saturating_sub(1)).unwrap_or(u16::MAX)
    }

    fn widen(&self) -> Option<&WidenTable> {
        self.widen.as_ref()
    }

    fn cells(&self, r: usize, out: &mut Vec<BodyCell<'r>>) {
        let table = self.table;
        let Some(row) = table.rows.get(r) else { return };
        let k = kind_index(row.kind);
        for (c, column) in table.columns.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            let style = match self.label_col {
                Some(l) if l == c => self.label_styles[usize::from(row.level.min(MAX_INDENT))][k],
                _ => self.styles[c][k],
            };
            if self.formulas
                && let Some(planned) = plan_formula(table, r, c, self.header_row, self.rows)
            {
                let value = CellValue::Formula { formula: planned.formula, result: planned.result };
                out.push(BodyCell { col, style, value });
                continue;
            }
            out.push(match row.cells.get(c).unwrap_or(&TableCell::Empty) {
                TableCell::Empty => BodyCell { col, style, value: CellValue::Blank },
                TableCell::Number(v) => BodyCell::number(col, style, formats::to_cell(*v, &column.kind)),
                TableCell::Text(text) => BodyCell::text(col, style, text),
                TableCell::Status { status, label } => {
                    let label = if label.trim().is_empty() { status.label_sv() } else { label.as_str() };
                    BodyCell::text(col, style, label)
                }
                TableCell::Trend(trend) => BodyCell::text(col, style, trend_text(*trend)),
            });
        }
    }
}

/// Writes `table` at the sheet's current row: caption, header, rows. Returns the header row and
/// the table's body, whose rows are streamed into the file when it is packaged
/// ([`crate::body`]).
pub(crate) fn write<'r>(
    sheet: &mut SheetWriter<'_>,
    styles: &mut Styles,
    names: &mut TableNames,
    table: &'r Table,
    options: &ExportOptions,
) -> Result<(u32, Option<TableBody<'r>>), XlsxError> {
    let heading = styles.heading.clone();
    // A table longer than the sheet has room for is cut; its caption says so.
    let room = MAX_ROW.saturating_sub(sheet.row + 1) as usize;
    if table.rows.len() > room {
        let caption = format!(
            "{} (bara de första {} av {} raderna ryms på ett Excelblad)",
            table.title,
            uppfolj_model::format::number(room as f64, 0),
            uppfolj_model::format::number(table.rows.len() as f64, 0)
        );
        sheet.heading(&caption, &heading)?;
    } else if !table.title.is_empty() {
        sheet.heading(&table.title, &heading)?;
    }
    let header_row = sheet.row;
    let ncols = table.columns.len();
    if ncols == 0 {
        return Ok((header_row, None));
    }
    let headers = unique_headers(table);
    let last_col = (ncols - 1) as u16;
    let max_rows = MAX_ROW.saturating_sub(header_row) as usize;
    let rows = &table.rows[..table.rows.len().min(max_rows)];

    // Trailing total rows stay outside the Excel table, so that sorting and filtering the table
    // never moves them.
    let trailing_totals = rows.iter().rev().take_while(|r| r.kind == RowKindOut::Total).count();
    let table_rows = rows.len() - trailing_totals;
    let numeric: Vec<bool> = table.columns.iter().map(|c| formats::kind_code(&c.kind).is_some()).collect();
    let header_format = |i: usize| if numeric[i] { styles.header_number.clone() } else { styles.header.clone() };
    let mut widen = None;
    if table_rows > 0 {
        let name = names.claim(&table.id);
        let columns: Vec<TableColumn> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| TableColumn::new().set_header(h).set_header_format(header_format(i)))
            .collect();
        let xl = XlTable::new()
            .set_name(&name)
            .set_style(TableStyle::Light1)
            .set_columns(&columns)
            .set_alt_text_title(sheet::plain_text(&table.title).chars().take(250).collect::<String>());
        let added_last = header_row + 1;
        let full_last = header_row + table_rows as u32;
        sheet
            .ws
            .add_table(header_row, 0, added_last, last_col, &xl)
            .context(|| format!("tabellen '{}' i blad '{}'", table.title, sheet.name))?;
        let range = |last: u32| format!("{}:{}", CellRef::new(header_row, 0), CellRef::new(last, u32::from(last_col)));
        if full_last > added_last {
            widen = Some(WidenTable { name, added: range(added_last), full: range(full_last) });
        }
    } else {
        for (i, h) in headers.iter().enumerate() {
            let f = header_format(i);
            sheet.text(header_row, i as u16, h, &f)?;
        }
    }
    sheet.header_widths(header_row, 0, &headers)?;

    let mut body = TableBody::new(table, rows.len(), header_row, options.formulas, styles);
    body.widen = widen;
    let mut status_labels: BTreeMap<usize, BTreeMap<String, Status>> = BTreeMap::new();
    let mut widths = vec![0usize; ncols];
    let mut cells = Vec::with_capacity(ncols);
    for (r, row) in rows.iter().enumerate() {
        cells.clear();
        body.cells(r, &mut cells);
        for cell in &cells {
            let c = usize::from(cell.col);
            let kind = &table.columns[c].kind;
            let shown = |v: f64| if formats::is_fraction(kind) { 100.0 * v } else { v };
            let width = match &cell.value {
                CellValue::Number(v) | CellValue::Formula { result: Some(v), .. } => shown_len(shown(*v), kind),
                CellValue::Text(text) => text.chars().count() + 2 * usize::from(body.indent(r, c)),
                CellValue::Blank | CellValue::Formula { result: None, .. } => 0,
            };
            widths[c] = widths[c].max(width);
            if let (Some(TableCell::Status { status, .. }), CellValue::Text(label)) = (row.cells.get(c), &cell.value) {
                status_labels.entry(c).or_default().insert((*label).to_owned(), *status);
            }
        }
        let sheet_row = body.first_row() + r as u32;
        let err = || format!("tabellen '{}', rad {}", table.title, r + 1);
        sheet.exemplars.offer(sheet.ws, styles, sheet_row, &cells, err)?;
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.want_width(c as u16, (*w).min(50));
    }
    let last_row = header_row + rows.len() as u32;
    if !rows.is_empty() && options.formulas {
        // A deviation formula only where both figures exist is meant: no green "inconsistent
        // formula" triangles in Excel (one kind of ignored error per cell is allowed).
        sheet
            .ws
            .ignore_error_range(header_row + 1, 0, last_row, last_col, IgnoreError::FormulaDiffers)
            .context(|| format!("tabellen '{}' i blad '{}'", table.title, sheet.name))?;
    }
    for (c, labels) in &status_labels {
        sheet.status_colors(header_row + 1, last_row, *c as u16, labels)?;
    }
    sheet.row = last_row + 1;
    Ok((header_row, (!rows.is_empty()).then_some(body)))
}

/// Characters a number takes when shown in a column of `kind`.
fn shown_len(v: f64, kind: &ColumnKind) -> usize {
    let d = usize::from(decimals(kind));
    let s = uppfolj_model::format::number(v, d).chars().count();
    if matches!(kind, ColumnKind::Percent { .. }) { s + 2 } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uppfolj_model::Unit;
    use uppfolj_model::report::Column;

    fn col(key: &str, kind: ColumnKind, formula: Option<ColumnFormula>) -> Column {
        Column { key: key.into(), title: key.into(), kind, formula }
    }

    fn amount() -> ColumnKind {
        ColumnKind::Amount { unit: Unit::Tkr, decimals: 0 }
    }

    fn table() -> Table {
        let diff = ColumnFormula::Difference { a: "utfall".into(), b: "budget".into() };
        let pct = ColumnFormula::PercentOfAbs { a: "avvikelse".into(), b: "budget".into() };
        let row = |name: &str, b: f64, u: f64, kind, sum_of: Vec<usize>| Row {
            cells: vec![
                TableCell::Text(name.into()),
                TableCell::Number(b),
                TableCell::Number(u),
                TableCell::Number(u - b),
                TableCell::number((b != 0.0).then(|| 100.0 * (u - b) / b.abs())),
            ],
            level: 0,
            kind,
            sum_of,
        };
        Table {
            id: "t".into(),
            title: "T".into(),
            columns: vec![
                col("namn", ColumnKind::Text, None),
                col("budget", amount(), None),
                col("utfall", amount(), None),
                col("avvikelse", amount(), Some(diff)),
                col("procent", ColumnKind::Percent { decimals: 1 }, Some(pct)),
            ],
            rows: vec![
                row("A", -1149.0, -1116.0, RowKindOut::Data, vec![]),
                row("B", 0.0, -10.0, RowKindOut::Data, vec![]),
                row("C", -200.0, -250.0, RowKindOut::Data, vec![]),
                row("Summa", -1349.0, -1376.0, RowKindOut::Total, vec![0, 1, 2]),
            ],
        }
    }

    #[test]
    fn the_xml_bound_holds() {
        let mut t = table();
        t.rows[0].cells[0] = TableCell::Text("a\u{1}&<_x0041_".repeat(50));
        let mut styles = Styles::new();
        let body = TableBody::new(&t, t.rows.len(), 1_048_000, true, &mut styles);
        let xf = (0..64).map(|s| (s, u32::MAX)).collect();
        let writer = crate::body::RowXml::new(xf, u16::MAX);
        let mut written = Vec::new();
        let mut cells = Vec::new();
        for r in 0..t.rows.len() {
            cells.clear();
            body.cells(r, &mut cells);
            writer.write(&mut written, 1_048_001 + r as u32, &cells).expect("write");
        }
        assert!(body.xml_bound() >= written.len() as u64, "{} < {}", body.xml_bound(), written.len());
    }

    #[test]
    fn plans_difference_percent_and_sum_formulas() {
        let t = table();
        let diff = plan_formula(&t, 0, 3, 4, t.rows.len()).expect("difference");
        assert_eq!(diff, CellFormula { formula: "C6-B6".into(), result: Some(33.0) });
        let pct = plan_formula(&t, 0, 4, 4, t.rows.len()).expect("percent");
        assert_eq!(pct.formula, "IF(B6=0,\"\",D6/ABS(B6))");
        let cached = pct.result.expect("cached");
        assert!((cached - 33.0 / 1149.0).abs() < 1e-12);
        let zero = plan_formula(&t, 1, 4, 4, t.rows.len()).expect("percent of zero budget");
        assert_eq!(zero.result, None);
        let sum = plan_formula(&t, 3, 1, 4, t.rows.len()).expect("sum");
        assert_eq!(sum, CellFormula { formula: "SUM(B6:B8)".into(), result: Some(-1349.0) });
        // A table cut after two rows: the total sums a row that is not in the sheet.
        assert_eq!(plan_formula(&t, 3, 1, 4, 2), None, "no sum over rows that were cut");
        // The total's deviation is the column formula over the total row.
        assert_eq!(plan_formula(&t, 3, 3, 4, t.rows.len()).expect("total diff").formula, "C9-B9");
        assert_eq!(plan_formula(&t, 0, 1, 4, t.rows.len()), None, "a plain value has no formula");
    }

    #[test]
    fn writes_values_when_figures_disagree_with_the_formula() {
        let mut t = table();
        t.rows[0].cells[3] = TableCell::Number(-33.0); // the plugin used budget − utfall
        assert_eq!(plan_formula(&t, 0, 3, 0, t.rows.len()), None);
        t.rows[3].cells[1] = TableCell::Number(5.0); // a total taken from the file that does not add up
        assert_eq!(plan_formula(&t, 3, 1, 0, t.rows.len()), None);
        t.rows[1].cells[1] = TableCell::Empty; // no budget: the line is reported, not zero
        assert_eq!(plan_formula(&t, 1, 3, 0, t.rows.len()), None);
    }

    #[test]
    fn sums_non_contiguous_rows_as_ranges() {
        let mut t = table();
        t.rows[3].sum_of = vec![0, 2];
        t.rows[3].cells[1] = TableCell::Number(-1349.0);
        assert_eq!(plan_formula(&t, 3, 1, 0, t.rows.len()).expect("sum").formula, "SUM(B2,B4)");
    }

    #[test]
    fn headers_carry_units_and_are_unique() {
        let mut t = table();
        t.columns[2].title = "budget".into();
        let h = unique_headers(&t);
        assert_eq!(h[1], "budget, tkr");
        assert_eq!(h[2], "budget, tkr (2)");
        assert_eq!(h[4], "procent, %");
    }
}
