//! The input-data sheets: every imported dataset with its values and where each came from.
//!
//! One sheet per dataset. Above the table: the file, sheet and range it was read from. The table
//! keeps the dataset's columns; each header names the source column ("Budget [C]") and the first
//! column gives the source row, so the cell of every value is its header's column letter and its
//! row's number. Values are written as read: numbers as numbers, text always as text.

use crate::body::{Body, BodyCell, BodyRows, CellValue, StreamedSheet};
use crate::formats::{CellStyle, StyleId, Styles};
use crate::sheet::{self, Layout, SheetWriter};
use crate::table::MAX_ROW;
use crate::{Context, XlsxError};
use uppfolj_model::{CellRef, Dataset, Report, RowKind, Value};

/// The titles of the sheets of `datasets` datasets, before they are made unique ("Indata", or
/// "Indata 1"… when there are several).
pub(crate) fn sheet_titles(datasets: usize) -> Vec<String> {
    match datasets {
        1 => vec!["Indata".to_owned()],
        _ => (1..=datasets).map(|i| format!("Indata {i}")).collect(),
    }
}

/// The Swedish word for a row kind.
fn row_kind_sv(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Data => "",
        RowKind::Subtotal => "Delsumma",
        RowKind::Total => "Summa",
    }
}

/// The number format for column `c` of a dataset: as many decimals as its values have (at most
/// four), `None` when it holds no numbers.
fn number_code(dataset: &Dataset, c: usize) -> Option<String> {
    let mut any = false;
    let mut decimals = 0u8;
    for value in dataset.rows.column(c).unwrap_or_default() {
        if let Value::Number { value, .. } = value {
            any = true;
            while decimals < 4
                && ((value * 10f64.powi(i32::from(decimals))).round() - value * 10f64.powi(i32::from(decimals))).abs()
                    > 1e-6
            {
                decimals += 1;
            }
        }
    }
    any.then(|| crate::formats::number_code(decimals))
}

/// The rows of a dataset as cells: made once while the workbook is built (for exemplars) and again
/// when they are streamed into the file ([`crate::body`]).
#[derive(Debug)]
pub(crate) struct InputBody<'r> {
    dataset: &'r Dataset,
    /// Rows written (Excel's sheet has room for 1 048 576 rows).
    rows: usize,
    first_row: u32,
    /// The source row number.
    row_number: StyleId,
    /// Text in data rows and in sum rows.
    text: [StyleId; 2],
    /// The row-kind label of sum rows.
    kind_label: StyleId,
    /// Per dataset column, numbers in data rows and in sum rows.
    numbers: Vec<[StyleId; 2]>,
}

/// Columns before the dataset's own: the source row and the row kind.
const FIXED: [&str; 2] = ["Rad i källan", "Radtyp"];

impl<'r> BodyRows<'r> for InputBody<'r> {
    fn first_row(&self) -> u32 {
        self.first_row
    }

    fn len(&self) -> usize {
        self.rows
    }

    /// The cells of its rows: the fixed columns and each row's values (empty values, which are
    /// not written, do not count: a sparse input sizes its file by what it holds).
    fn cell_count(&self) -> u64 {
        let rows = &self.dataset.rows;
        let written = |column: &[Value]| column.iter().take(self.rows).filter(|v| **v != Value::empty()).count();
        let values: usize = (0..rows.width()).filter_map(|c| rows.column(c)).map(written).sum();
        (values + self.rows * FIXED.len()) as u64
    }

    fn last_col(&self) -> u16 {
        u16::try_from(self.dataset.columns.len() + FIXED.len()).map_or(u16::MAX, |c| c.saturating_sub(1))
    }

    fn cells(&self, i: usize, out: &mut Vec<BodyCell<'r>>) {
        let Some(data_row) = self.dataset.rows.get(i) else { return };
        let sum = usize::from(data_row.kind() != RowKind::Data);
        out.push(BodyCell::number(0, self.row_number, f64::from(data_row.source_row()) + 1.0));
        if sum == 1 {
            out.push(BodyCell::text(1, self.kind_label, row_kind_sv(data_row.kind())));
        }
        let offset = FIXED.len();
        for (c, value) in data_row.values().enumerate() {
            let Ok(col) = u16::try_from(c + offset) else { break };
            match value {
                Value::Number { value, .. } => {
                    let style = self.numbers.get(c).or(self.numbers.last()).map_or(self.text[sum], |s| s[sum]);
                    out.push(BodyCell::number(col, style, *value));
                }
                Value::Missing { marker: None } => {}
                // User text and missing-value markers: always text, even when they look like a formula.
                Value::Missing { marker: Some(text) } => out.push(BodyCell::text(col, self.text[sum], text)),
                Value::Text(text) => out.push(BodyCell::text(col, self.text[sum], text)),
            }
        }
    }
}

/// How many texts of `dataset` do not fit in a cell and are cut on its input sheet.
pub(crate) fn cut_texts(dataset: &Dataset) -> usize {
    let cut = |value: &&Value| match value {
        Value::Text(text) => sheet::is_cut(text),
        Value::Missing { marker: Some(text) } => sheet::is_cut(text),
        _ => false,
    };
    dataset.rows.all_values().filter(cut).count()
}

/// Writes `dataset` to a new sheet `name`, the `index`th worksheet; its rows are streamed when the
/// file is packaged.
pub(crate) fn write<'r>(
    workbook: &mut rust_xlsxwriter::Workbook,
    styles: &mut Styles,
    report: &Report,
    dataset: &'r Dataset,
    name: &str,
    index: usize,
) -> Result<StreamedSheet<'r>, XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(name).context(|| format!("bladnamnet '{name}'"))?;
    let mut sheet = SheetWriter::new(ws, name);
    write_source(&mut sheet, styles, dataset)?;
    let header_row = sheet.row;
    let number_codes = write_headers(&mut sheet, styles, dataset)?;
    sheet.row += 1;
    let max_rows = (MAX_ROW - header_row) as usize;
    let rows = dataset.rows.len().min(max_rows);
    let body = InputBody::new(styles, dataset, rows, sheet.row, &number_codes);
    let mut cells = Vec::new();
    for (i, data_row) in dataset.rows.iter().take(rows).enumerate() {
        body.cells(i, &mut cells);
        for cell in &cells {
            if let CellValue::Text(t) = cell.value
                && cell.col >= 2
            {
                sheet.want_width(cell.col, t.chars().count().min(40));
            }
        }
        let err = || format!("indata från {}, rad {}", dataset.source, data_row.source_row() + 1);
        sheet.exemplars.offer(sheet.ws, styles, sheet.row, &cells, err)?;
        cells.clear();
        sheet.row += 1;
    }
    let last_col = u16::try_from(dataset.columns.len() + FIXED.len() - 1).unwrap_or(u16::MAX);
    if rows > 0 {
        sheet
            .ws
            .autofilter(header_row, 0, header_row + rows as u32, last_col)
            .context(|| format!("filter på bladet '{name}'"))?;
    }
    sheet.apply_widths()?;
    let layout = Layout { header_rows: 1, first_header: Some(header_row) };
    sheet::print_setup(&mut sheet, report, name, layout)?;
    let bodies: Vec<Body<'r>> = if body.rows > 0 { vec![Box::new(body)] } else { Vec::new() };
    Ok(StreamedSheet { index, name: name.to_owned(), bodies, exemplars: sheet.exemplars })
}

/// Above the table: the file, sheet and range the dataset was read from, how to find a value's
/// source cell, and whether the dataset is longer than the sheet.
fn write_source(sheet: &mut SheetWriter<'_>, styles: &mut Styles, dataset: &Dataset) -> Result<(), XlsxError> {
    let label = styles.label.clone();
    let plain = styles.cell(&CellStyle::default()).clone();
    let note = styles.note.clone();

    sheet.heading(&format!("Indata: {}", dataset.title), &styles.title.clone())?;
    let mut facts = vec![("Fil", dataset.source.file.clone())];
    if let Some(s) = &dataset.source.sheet {
        facts.push(("Blad", s.clone()));
    }
    if let Some((a, b)) = dataset.range {
        facts.push(("Område", format!("{a}:{b}")));
    }
    if let Some(unit) = &dataset.unit {
        facts.push(("Enhet", unit.label().to_owned()));
    }
    for (key, value) in &facts {
        let row = sheet.row;
        sheet.text(row, 0, key, &label)?;
        sheet.text(row, 1, value, &plain)?;
        sheet.row += 1;
    }
    let row = sheet.row;
    sheet.text(
        row,
        0,
        "Varje värdes källcell: kolumnbokstaven i rubriken och radnumret i kolumnen \"Rad i källan\".",
        &note,
    )?;
    sheet.row += 1;
    // The rows go from below the header to Excel's last row; a dataset longer than that is cut, and
    // says so here, above the table, where it is seen.
    let room = MAX_ROW.saturating_sub(sheet.row + 1) as usize;
    if dataset.rows.len() > room {
        let row = sheet.row;
        let text = format!(
            "Indata har {} rader; Excel rymmer bara de första {} på ett blad.",
            uppfolj_model::format::number(dataset.rows.len() as f64, 0),
            uppfolj_model::format::number(room.saturating_sub(1) as f64, 0)
        );
        sheet.text(row, 0, &text, &styles.heading.clone())?;
        sheet.row += 1;
    }
    sheet.row += 1;
    Ok(())
}

/// The header row: the fixed columns, then each dataset column with its unit and source column
/// letter. Returns the number format of each dataset column (`None`: no numbers in it).
fn write_headers(
    sheet: &mut SheetWriter<'_>,
    styles: &mut Styles,
    dataset: &Dataset,
) -> Result<Vec<Option<String>>, XlsxError> {
    let header = styles.header.clone();
    let header_row = sheet.row;
    let header_number = styles.header_number.clone();
    sheet.text(header_row, 0, FIXED[0], &header_number)?;
    sheet.text(header_row, 1, FIXED[1], &header)?;
    let offset = FIXED.len();
    let mut headers: Vec<String> = FIXED.iter().map(|h| (*h).to_owned()).collect();
    let number_codes: Vec<Option<String>> = (0..dataset.columns.len()).map(|c| number_code(dataset, c)).collect();
    for (c, column) in dataset.columns.iter().enumerate() {
        let mut h = format!("{} [{}]", column.name, CellRef::column_letters(column.source_col));
        if let Some(unit) = dataset.unit_of(c).filter(|_| number_codes[c].is_some()) {
            h = format!("{}, {} [{}]", column.name, unit.label(), CellRef::column_letters(column.source_col));
        }
        let col = u16::try_from(c + offset).unwrap_or(u16::MAX);
        let format = if number_codes[c].is_some() { &header_number } else { &header };
        sheet.text(header_row, col, &h, format)?;
        headers.push(h);
    }
    sheet.header_widths(header_row, 0, &headers)?;
    Ok(number_codes)
}

impl<'r> InputBody<'r> {
    /// The body of the first `rows` rows of `dataset`, from sheet row `first_row`, its numbers in
    /// `number_codes`.
    fn new(
        styles: &mut Styles,
        dataset: &'r Dataset,
        rows: usize,
        first_row: u32,
        number_codes: &[Option<String>],
    ) -> Self {
        let bold = styles.id(&CellStyle { bold: true, ..CellStyle::default() });
        let numbers = number_codes
            .iter()
            .map(|code| {
                let num = Some(code.clone().unwrap_or_else(|| "General".to_owned()));
                [
                    styles.id(&CellStyle { num: num.clone(), ..CellStyle::default() }),
                    styles.id(&CellStyle { num, bold: true, ..CellStyle::default() }),
                ]
            })
            .collect();
        InputBody {
            dataset,
            rows,
            first_row,
            row_number: styles.id(&CellStyle::default()),
            text: [styles.id(&CellStyle::default()), bold],
            kind_label: styles.id(&CellStyle { bold: true, indent: 1, ..CellStyle::default() }),
            numbers,
        }
    }
}
