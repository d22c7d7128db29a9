//! The xlsx reader of our own reads every cell of every xlsx fixture and sample exactly as the
//! import read it through calamine 0.38's streaming reader before (value, bold, indentation,
//! percent format), so that imports do not change. The reference here is calamine itself.

mod common;
mod package;

use calamine::{Reader, SheetType, Xlsx};
use std::io::Cursor;
use uppfolj_import::grid::{GCell, Grid};
use uppfolj_import::workbook::SheetRead;
use uppfolj_import::{ImportOptions, Mapping};

/// Sheet `sheet` read by calamine's streaming reader, as the import built its grid.
fn calamine_grid(wb: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Grid {
    let mut reader = wb.worksheet_cells_reader(sheet).expect("calamine reads the sheet");
    let styles: Vec<(bool, u8, bool)> = reader
        .styles()
        .iter()
        .map(|s| {
            let bold = s.font.as_ref().is_some_and(|f| f.is_bold());
            let indent = s.alignment.as_ref().and_then(|a| a.indent).unwrap_or(0);
            let pct = s.number_format.as_ref().is_some_and(|n| n.format_code.contains('%'));
            (bold, indent, pct)
        })
        .collect();
    let mut cells = Vec::new();
    while let Some((cell, style)) = reader.next_cell_with_style_id().expect("a cell") {
        let (row, col) = cell.get_position();
        let (bold, indent, percent_format) = styles.get(style).copied().unwrap_or((false, 0, false));
        cells.push((
            row,
            GCell { col, raw: uppfolj_import::workbook::raw_value(cell.get_value()), bold, indent, percent_format },
        ));
    }
    Grid::from_cells(Some(sheet.to_owned()), cells)
}

fn ours(name: &str, bytes: &[u8], sheet: &str) -> Grid {
    let options = ImportOptions {
        mapping: Mapping { sheet: Some(sheet.to_owned()), ..Mapping::default() },
        stream_after_rows: u32::MAX,
        ..ImportOptions::default()
    };
    let mut sheets = uppfolj_import::xlsx::read(name, bytes, &options, &mut |_| {}).expect("our reader reads it");
    match sheets.read.remove(0) {
        SheetRead::Grid(grid) => grid,
        SheetRead::Tables { .. } => panic!("{name}: read into a grid, not streamed"),
    }
}

#[test]
fn every_fixture_and_sample_reads_as_calamine_read_it() {
    let files = common::fixture_and_sample_xlsx();
    let mut compared = 0;
    for path in &files {
        let bytes = std::fs::read(path).expect("readable");
        let name = path.display().to_string();
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).expect("calamine opens it");
        let sheets = wb.sheets_metadata().to_vec();
        for sheet in sheets.iter().filter(|s| s.typ == SheetType::WorkSheet) {
            let expected = calamine_grid(&mut wb, &sheet.name);
            let got = ours(&name, &bytes, &sheet.name);
            assert_eq!(got.rows, expected.rows, "{name}, sheet '{}'", sheet.name);
            compared += expected.rows.iter().map(|r| r.cells.len()).sum::<usize>();
        }
    }
    assert!(files.len() >= 9 && compared > 100_000, "{} files, {compared} cells", files.len());
}

/// One cell of row `row` (one-based) and column `col` (zero-based), in one of the shapes sheets
/// are written in: those the reader reads straight from the bytes and those it leaves to the XML
/// reader, mixed.
fn cell_xml(row: usize, col: usize) -> String {
    let at = format!("{}{row}", char::from(b'A' + u8::try_from(col).expect("a few columns")));
    match (row * 7 + col * 3) % 16 {
        0 => format!(r#"<c r="{at}" t="s"><v>{}</v></c>"#, row % 5),
        1 => format!(r#"<c r="{at}" s="1"><v>{}.25</v></c>"#, row * 10),
        2 => format!(r#"<c r="{at}"><f>A1+1</f><v>{row}</v></c>"#),
        3 => format!(r#"<c r="{at}" t="inlineStr"><is><t>inline {row}</t></is></c>"#),
        4 => format!(r#"<c r="{at}" t="str"><v>a &amp; b {row}</v></c>"#),
        5 => format!(r#"<c r="{at}"/>"#),
        6 => format!(r#"<x:c r="{at}"><x:v>{row}</x:v></x:c>"#),
        7 => format!(r#"<c r="{at}" t="b"><v>1</v></c>"#),
        8 => format!("<c r=\"{at}\" t=\"str\"><v>rad\r\nbrytning</v></c>"),
        9 => format!(r#"<c t="s"><v>{}</v></c>"#, (row + 1) % 5),
        10 => format!(r#"<c r="{at}" t="e"><v>#N/A</v></c>"#),
        11 => format!(r#"<c r="{at}" t="str"><v>Vård > omsorg {row}</v></c>"#),
        12 => format!("<c r='{at}' t='s'><v>{}</v></c>", (row + 2) % 5),
        13 => format!("<c\n r=\"{at}\"\t><v>-{row}e-2</v></c><!-- en kommentar -->"),
        14 => format!(r#"<c r="{at}" s="1" t="n"><v></v></c>"#),
        _ => format!(r#"<c r="{at}"></c>"#),
    }
}

/// Rows in every shape: with and without spans, empty, indented, on one line.
fn rows_xml(rows: usize) -> String {
    let mut xml = String::new();
    for row in 1..=rows {
        if row % 11 == 0 {
            xml.push_str(&format!(r#"<row r="{row}" spans="1:8"/>"#));
            continue;
        }
        let start = if row % 3 == 0 {
            format!(r#"<row r="{row}">"#)
        } else {
            format!("\n  <row r=\"{row}\" spans=\"1:8\" x14ac:dyDescent=\"0.25\">")
        };
        xml.push_str(&start);
        for col in 0..8 {
            xml.push_str(&cell_xml(row, col));
        }
        xml.push_str("</row>");
    }
    xml
}

#[test]
fn every_shape_of_cell_and_row_reads_as_calamine_reads_it() {
    let rows = rows_xml(4000);
    // Many times the reader's 64 KB buffer: units are cut at its ends in every shape.
    assert!(rows.len() > 16 * 64 * 1024, "{} bytes", rows.len());
    let strings = package::sst(&["Vård", "Skola &amp; förskola", "Kultur", "Teknik", "Stöd"]);
    let bytes = package::xlsx(None, &rows, &strings);
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).expect("calamine opens it");
    let expected = calamine_grid(&mut wb, "Blad1");
    let got = ours("former.xlsx", &bytes, "Blad1");
    let cells: usize = expected.rows.iter().map(|r| r.cells.len()).sum();
    assert!(cells > 20_000, "{cells} cells");
    assert_eq!(got.rows, expected.rows);
}
