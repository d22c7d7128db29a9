//! Reading an export back with calamine: tables compared with the Report, text grids of sheets.

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use uppfolj_model::report::{ColumnKind, Table, TableCell};

pub fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the export")
}

pub fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

/// Finds a header row in `range` at or after row `from`: the row whose first cells equal the headers.
pub fn find_header(range: &Range<Data>, first_header: &str, second_header: Option<&str>, from: u32) -> Option<u32> {
    let (h, _) = range.get_size();
    let start = range.start()?.0;
    (start.max(from)..start + h as u32).find(|&r| {
        let a = range.get_value((r, 0)).map(cell_text);
        let b = range.get_value((r, 1)).map(cell_text);
        a.as_deref() == Some(first_header) && second_header.is_none_or(|s| b.as_deref() == Some(s))
    })
}

pub fn header(table: &Table, i: usize) -> String {
    table.columns[i].header()
}

/// Every cell of `table` read back equals the Report's (percentages as fractions); the table is
/// looked for at or after row `from`. Returns the row after the table.
pub fn assert_table_equal(range: &Range<Data>, table: &Table, sheet: &str, from: u32) -> u32 {
    let second = (table.columns.len() > 1).then(|| header(table, 1));
    let header_row = find_header(range, &header(table, 0), second.as_deref(), from)
        .unwrap_or_else(|| panic!("table '{}' not found on sheet '{sheet}'", table.title));
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let pos = (header_row + 1 + r as u32, c as u32);
            let got = range.get_value(pos).cloned().unwrap_or(Data::Empty);
            let at = format!("sheet '{sheet}', table '{}', row {r}, col {c}", table.title);
            match cell {
                TableCell::Number(v) => {
                    let scale = if matches!(table.columns[c].kind, ColumnKind::Percent { .. }) { 0.01 } else { 1.0 };
                    let got = match got {
                        Data::Float(f) => f,
                        Data::Int(i) => i as f64,
                        other => panic!("{at}: expected {v}, found {other:?}"),
                    };
                    assert!((got - v * scale).abs() < 1e-9, "{at}: expected {}, found {got}", v * scale);
                }
                TableCell::Text(t) if t.is_empty() => assert_eq!(got, Data::Empty, "{at}"),
                TableCell::Text(t) => assert_eq!(got, Data::String(t.clone()), "{at}"),
                TableCell::Status { label, .. } => assert_eq!(got, Data::String(label.clone()), "{at}"),
                TableCell::Empty => {
                    assert!(matches!(got, Data::Empty) || got == Data::String(String::new()), "{at}: {got:?}")
                }
                TableCell::Trend(_) => assert!(matches!(got, Data::String(_)), "{at}"),
            }
        }
    }
    header_row + 1 + table.rows.len() as u32
}

/// A text grid of a sheet (values, and formulas after "⇐"), for the snapshots.
pub fn grid(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> String {
    let range = book.worksheet_range(sheet).expect("sheet");
    let formulas = book.worksheet_formula(sheet).expect("formulas");
    let mut out = String::new();
    for (r, row) in range.rows().enumerate() {
        let start = range.start().expect("non-empty");
        let abs_row = start.0 + r as u32;
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .filter(|(_, d)| !matches!(d, Data::Empty))
            .map(|(c, d)| {
                let abs_col = start.1 + c as u32;
                let f = formulas.get_value((abs_row, abs_col)).filter(|f| !f.is_empty());
                let name = uppfolj_model::CellRef::new(abs_row, abs_col).to_string();
                match f {
                    Some(f) => format!("{name}={} ⇐ ={f}", cell_text(d)),
                    None => format!("{name}={}", cell_text(d)),
                }
            })
            .collect();
        if !cells.is_empty() {
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    out
}
