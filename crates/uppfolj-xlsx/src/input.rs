//! The input-data sheets: every imported dataset with its values and where each came from.
//!
//! One sheet per dataset. Above the table: the file, sheet and range it was read from. The table
//! keeps the dataset's columns; each header names the source column ("Budget [C]") and the first
//! column gives the source row, so the cell of every value is its header's column letter and its
//! row's number. Values are written as read: numbers as numbers, text always as text.

use crate::formats::{CellStyle, Styles};
use crate::section::{self, Layout, SheetWriter};
use crate::{Context, ExportOptions, XlsxError};
use uppfolj_model::{CellRef, Dataset, Report, RowKind, Value};

/// Excel's last row (zero-based).
const MAX_ROW: u32 = 1_048_575;

/// The titles of the input sheets, before they are made unique ("Indata", or "Indata 1"… when
/// there are several).
pub(crate) fn sheet_titles(datasets: &[Dataset]) -> Vec<String> {
    match datasets.len() {
        1 => vec!["Indata".to_owned()],
        _ => (1..=datasets.len()).map(|i| format!("Indata {i}")).collect(),
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
    for row in &dataset.rows {
        if let Some(Value::Number { value, .. }) = row.cells.get(c).map(|cell| &cell.value) {
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

pub(crate) fn write(
    workbook: &mut rust_xlsxwriter::Workbook,
    styles: &mut Styles,
    report: &Report,
    dataset: &Dataset,
    name: &str,
    options: &ExportOptions,
) -> Result<(), XlsxError> {
    let ws = section::new_worksheet(workbook, dataset.rows.len() > options.constant_memory_rows)?;
    ws.set_name(name).context(|| format!("bladnamnet '{name}'"))?;
    let mut sheet = SheetWriter::new(ws, name);
    let label = styles.label.clone();
    let plain = styles.cell(&CellStyle::default()).clone();
    let note = styles.note.clone();
    let header = styles.header.clone();

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
    sheet.row += 2;

    let header_row = sheet.row;
    let fixed = ["Rad i källan", "Radtyp"];
    let header_number = styles.header_number.clone();
    sheet.text(header_row, 0, fixed[0], &header_number)?;
    sheet.text(header_row, 1, fixed[1], &header)?;
    let offset = fixed.len();
    let mut headers: Vec<String> = fixed.iter().map(|h| (*h).to_owned()).collect();
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
    sheet.row += 1;
    let max_rows = (MAX_ROW - header_row) as usize;
    let rows = &dataset.rows[..dataset.rows.len().min(max_rows)];
    let bold = styles.cell(&CellStyle { bold: true, ..CellStyle::default() }).clone();
    let bold_indented = styles.cell(&CellStyle { bold: true, indent: 1, ..CellStyle::default() }).clone();
    let formats: Vec<[rust_xlsxwriter::Format; 2]> = number_codes
        .iter()
        .map(|code| {
            let num = Some(code.clone().unwrap_or_else(|| "General".to_owned()));
            [
                styles.cell(&CellStyle { num: num.clone(), ..CellStyle::default() }).clone(),
                styles.cell(&CellStyle { num, bold: true, ..CellStyle::default() }).clone(),
            ]
        })
        .collect();
    for data_row in rows {
        let row = sheet.row;
        let is_sum = data_row.kind != RowKind::Data;
        let text_format = if is_sum { &bold } else { &plain };
        let err = || format!("indata från {}, rad {}", dataset.source, data_row.source_row + 1);
        sheet.ws.write_number(row, 0, f64::from(data_row.source_row) + 1.0).context(err)?;
        if is_sum {
            sheet.text(row, 1, row_kind_sv(data_row.kind), &bold_indented)?;
        }
        for (c, cell) in data_row.cells.iter().enumerate() {
            let col = u16::try_from(c + offset).unwrap_or(u16::MAX);
            match &cell.value {
                Value::Number { value, .. } if value.is_finite() => {
                    let format = &formats[c.min(formats.len().saturating_sub(1))][usize::from(is_sum)];
                    sheet.ws.write_number_with_format(row, col, *value, format).context(err)?;
                }
                Value::Number { .. } | Value::Missing { marker: None } => {}
                Value::Missing { marker: Some(m) } => sheet.text(row, col, m, text_format)?,
                Value::Text(t) => {
                    // User text: always a string, even when it looks like a formula.
                    sheet.text(row, col, t, text_format)?;
                    sheet.want_width(col, t.chars().count().min(40));
                }
            }
        }
        sheet.row += 1;
    }
    if rows.len() < dataset.rows.len() && sheet.row <= MAX_ROW {
        let row = sheet.row;
        let text =
            format!("Indata har {} rader; Excel rymmer bara de första {} på ett blad.", dataset.rows.len(), rows.len());
        sheet.text(row, 0, &text, &note)?;
    }
    let last_col = u16::try_from(dataset.columns.len() + offset - 1).unwrap_or(u16::MAX);
    if !rows.is_empty() {
        sheet
            .ws
            .autofilter(header_row, 0, header_row + rows.len() as u32, last_col)
            .context(|| format!("filter på bladet '{name}'"))?;
    }
    sheet.apply_widths()?;
    let layout = Layout { header_rows: 1, first_header: Some(header_row) };
    section::print_setup(&mut sheet, report, name, layout)?;
    Ok(())
}
