//! The xlsx reader of our own reads every cell of every xlsx fixture and sample exactly as the
//! import read it through calamine 0.38's streaming reader before (value, bold, indentation,
//! percent format), so that imports do not change. The reference here is calamine itself.

mod common;

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
