//! A sheet whose rows after its first ones stream straight into its last table
//! (`ImportOptions::stream_after_rows`) imports exactly as from a grid of the whole sheet: every
//! xlsx fixture and sample, streamed after a few rows and after the default, against no stream;
//! and the cases where the stream must stop (the sheet read again) or a footer ends it.

mod common;

use uppfolj_import::workbook::SheetRead;
use uppfolj_import::{ImportOptions, import_bytes};

/// The import of `bytes` streamed after `after` rows, as text to compare (errors included).
fn imported(name: &str, bytes: &[u8], after: u32) -> String {
    let options = ImportOptions { stream_after_rows: after, ..ImportOptions::default() };
    format!("{:#?}", import_bytes(name, bytes, &options))
}

/// How many of the file's sheets stream after `after` rows (the rest were read into a grid).
fn streamed_sheets(name: &str, bytes: &[u8], after: u32) -> usize {
    let options = ImportOptions { stream_after_rows: after, ..ImportOptions::default() };
    let Ok(sheets) = uppfolj_import::xlsx::read(name, bytes, &options, &mut |_| {}) else { return 0 };
    sheets.read.iter().filter(|s| matches!(s, SheetRead::Tables { .. })).count()
}

#[test]
fn every_fixture_and_sample_imports_the_same_streamed_or_from_a_grid() {
    let files = common::fixture_and_sample_xlsx();
    let mut streamed = 0;
    for path in &files {
        let bytes = std::fs::read(path).expect("readable");
        let name = path.file_name().expect("a file name").to_string_lossy().to_string();
        let from_grid = imported(&name, &bytes, u32::MAX);
        for after in [8, 33, 200, 4_096] {
            assert_eq!(imported(&name, &bytes, after), from_grid, "{name}, streamed after {after} rows");
        }
        streamed += streamed_sheets(&name, &bytes, 33);
    }
    // The ledgers and the state budget stream; the short tables end within their first rows,
    // and the Kolada sheets hold a column empty in their first rows (then the decisions would
    // need the rows past them: read into a grid).
    assert!(streamed >= 4, "{streamed} sheets of {} files streamed", files.len());
}

#[test]
fn a_ledger_streams_after_its_first_rows() {
    let path = "tests/fixtures/real/Orebro_leverantorsreskontra_2016-03.masked.xlsx";
    let bytes = std::fs::read(path).expect("the Örebro ledger");
    assert_eq!(streamed_sheets("Orebro.xlsx", &bytes, ImportOptions::default().stream_after_rows), 1);
}

/// A workbook of one sheet from rows of cells (text, or a number), a blank row for `None`.
fn workbook(rows: &[Option<Vec<Cell>>]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().flatten().enumerate() {
            let (r, c) = (u32::try_from(r).expect("rows"), u16::try_from(c).expect("columns"));
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, *t).map(|_| ()),
                Cell::Number(n) => sheet.write_number(r, c, *n).map(|_| ()),
                Cell::Blank => Ok(()),
            }
            .expect("a cell written");
        }
    }
    wb.save_to_buffer().expect("a workbook")
}

#[derive(Clone)]
enum Cell {
    Text(&'static str),
    Number(f64),
    Blank,
}

/// `n` ledger lines: a unit, an account, and in column C a budget (blank in the first
/// `blank_c` lines).
fn lines(n: usize, blank_c: usize) -> Vec<Option<Vec<Cell>>> {
    (0..n)
        .map(|i| {
            let unit = if i.is_multiple_of(3) { "Vård" } else { "Skola" };
            let budget = if i < blank_c { Cell::Blank } else { Cell::Number(i as f64) };
            Some(vec![Cell::Text(unit), Cell::Text("4010 Material"), budget, Cell::Number(-(i as f64))])
        })
        .collect()
}

fn header() -> Option<Vec<Cell>> {
    Some(vec![Cell::Text("Verksamhet"), Cell::Text("Konto"), Cell::Text("Budget"), Cell::Text("Utfall")])
}

/// A header and 300 lines, then the row `footer`, a gap, a title, and a second table of 20
/// lines.
fn footer_between_two_tables(footer: Vec<Cell>) -> Vec<Option<Vec<Cell>>> {
    let mut rows = vec![header()];
    rows.extend(lines(300, 0));
    rows.push(Some(footer));
    rows.extend([None, Some(vec![Cell::Text("Tabell 2: per konto")]), header()]);
    rows.extend(lines(20, 0));
    rows
}

/// The tables of `bytes` streamed after 40 rows, checked to be those of the grid.
fn tables_streamed_and_from_grid(bytes: &[u8]) -> usize {
    let options = |after| ImportOptions { stream_after_rows: after, ..ImportOptions::default() };
    let from_grid = import_bytes("bok.xlsx", bytes, &options(u32::MAX)).expect("imports");
    let streamed = import_bytes("bok.xlsx", bytes, &options(40)).expect("imports");
    assert_eq!(streamed, from_grid);
    from_grid.datasets.len()
}

#[test]
fn a_footer_or_a_second_table_after_the_stream_began_reads_the_sheet_again() {
    let mut rows = vec![header()];
    rows.extend(lines(100, 0));
    rows.extend([None, Some(vec![Cell::Text("Tabell 2: per konto")]), header()]);
    rows.extend(lines(20, 0));
    rows.push(Some(vec![Cell::Text("Källa: ekonomisystemet")]));
    let bytes = workbook(&rows);
    assert_eq!(streamed_sheets("bok.xlsx", &bytes, 40), 0);
    assert_eq!(tables_streamed_and_from_grid(&bytes), 2);
}

#[test]
fn a_column_that_reads_otherwise_after_the_first_rows_reads_the_sheet_again() {
    // Column C is empty in the first 60 lines: from the first rows it is not numeric.
    let mut rows = vec![header()];
    rows.extend(lines(3_000, 60));
    let bytes = workbook(&rows);
    assert_eq!(streamed_sheets("bok.xlsx", &bytes, 40), 0);
    assert_eq!(streamed_sheets("bok.xlsx", &bytes, 100), 1);
    assert_eq!(tables_streamed_and_from_grid(&bytes), 1);
}

#[test]
fn a_footer_ends_the_streamed_table_and_the_rows_after_it_are_laid_out_on_their_own() {
    let mut rows = footer_between_two_tables(vec![Cell::Text("Källa: ekonomisystemet")]);
    let bytes = workbook(&rows);
    assert_eq!(streamed_sheets("bok.xlsx", &bytes, 40), 1);
    assert_eq!(tables_streamed_and_from_grid(&bytes), 2);
    // A footer on the last row: the sheet's one table.
    rows.truncate(301);
    rows.push(Some(vec![Cell::Text("Källa: ekonomisystemet")]));
    let bytes = workbook(&rows);
    assert_eq!(streamed_sheets("bok.xlsx", &bytes, 40), 1);
    assert_eq!(tables_streamed_and_from_grid(&bytes), 1);
}

/// `bytes` with every worksheet's XML passed through `edit`.
fn with_sheet_edited(bytes: &[u8], edit: impl Fn(&mut String)) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let mut content = String::new();
        entry.read_to_string(&mut content).expect("a text part");
        let name = entry.name().map(|n| n.to_string()).expect("entry name");
        if name.starts_with("xl/worksheets/") {
            edit(&mut content);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("start");
        out.write_all(content.as_bytes()).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

/// The element of `xml` that starts with `start` and ends with `end`, taken out of it.
fn take_element(xml: &mut String, start: &str, end: &str) -> String {
    let from = xml.find(start).expect("the element");
    let to = from + xml[from..].find(end).expect("its end") + end.len();
    let element = xml[from..to].to_string();
    xml.replace_range(from..to, "");
    element
}

/// `bytes` with the worksheet's `<row r="{row}">` moved to the end of its data: out of order.
fn with_row_moved_last(bytes: &[u8], row: u32) -> Vec<u8> {
    with_sheet_edited(bytes, |xml| {
        let moved = take_element(xml, &format!("<row r=\"{row}\""), "</row>");
        *xml = xml.replace("</sheetData>", &format!("{moved}</sheetData>"));
    })
}

#[test]
fn a_row_out_of_order_above_a_footer_reads_the_sheet_again() {
    let rows = footer_between_two_tables(vec![Cell::Text("Källa: ekonomisystemet")]);
    let bytes = workbook(&rows);
    // A line of the streamed table at the end: read again. A line of the table after the footer
    // at the end: that rest is a grid of its own, sorted as a grid is.
    for (moved, streamed) in [(100, 0), (310, 1)] {
        let bytes = with_row_moved_last(&bytes, moved);
        assert_eq!(streamed_sheets("bok.xlsx", &bytes, 40), streamed, "row {moved} moved");
        assert_eq!(tables_streamed_and_from_grid(&bytes), 2, "row {moved} moved");
    }
}

/// The summaries of `bytes` streamed after 40 rows and from a grid (short to compare), then the
/// whole imports: the number of tables.
fn summaries_streamed_and_from_grid(bytes: &[u8]) -> usize {
    let options = |after| ImportOptions { stream_after_rows: after, ..ImportOptions::default() };
    let from_grid = import_bytes("bok.xlsx", bytes, &options(u32::MAX)).expect("imports");
    let streamed = import_bytes("bok.xlsx", bytes, &options(40)).expect("imports");
    assert_eq!(streamed.summary, from_grid.summary);
    assert_eq!(streamed, from_grid);
    from_grid.datasets.len()
}

/// `bytes` with the worksheet's cell `cell` (its `<c r="{cell}">…</c>`) taken out of its row and
/// written in a row of its own (`<row r="{row}">`) at the end of the data: out of order.
fn with_cell_moved_last(bytes: &[u8], cell: &str, row: u32) -> Vec<u8> {
    with_sheet_edited(bytes, |xml| {
        let moved = take_element(xml, &format!("<c r=\"{cell}\""), "</c>");
        *xml = xml.replace("</sheetData>", &format!("<row r=\"{row}\">{moved}</row></sheetData>"));
    })
}

#[test]
fn a_cell_of_the_footer_row_out_of_order_is_read_as_the_grid_reads_it() {
    // Row 302: "Källa: ekonomisystemet" and, written at the end of the sheet, a number in B.
    // In the grid the row holds a text and a number: no footer, a line of the first table. The
    // stream took the row for a footer at its one text cell: the cell on the footer's own row,
    // out of order, reads the sheet again.
    let rows = footer_between_two_tables(vec![Cell::Text("Källa: ekonomisystemet"), Cell::Number(5.0)]);
    let bytes = with_cell_moved_last(&workbook(&rows), "B302", 302);
    assert_eq!(summaries_streamed_and_from_grid(&bytes), 2);
}

#[test]
fn a_column_empty_in_the_first_two_thousand_lines_gets_the_role_the_grid_gives_it() {
    // Column E ("Extra") is empty in the first 2 100 lines, then holds KPI ids. From a grid,
    // `value_roles` looks past the sample (2 000 rows) at all rows: an IndicatorId column. A
    // table streamed after 40 rows keeps only 2 000 rows for `finish`, so there sample == data:
    // it never looks further and never sets `unsure`; the column is read as text either way,
    // so the plans agree and the streamed table keeps a column without a role.
    let mut rows = vec![Some(vec![
        Cell::Text("Verksamhet"),
        Cell::Text("Konto"),
        Cell::Text("Budget"),
        Cell::Text("Utfall"),
        Cell::Text("Extra"),
    ])];
    let ids = ["N70060", "N70061", "N70062", "N70063"];
    for (i, line) in lines(3_000, 0).into_iter().enumerate() {
        let mut line = line.expect("a line");
        line.push(if i < 2_100 { Cell::Blank } else { Cell::Text(ids[i % 4]) });
        rows.push(Some(line));
    }
    let bytes = workbook(&rows);
    assert_eq!(summaries_streamed_and_from_grid(&bytes), 1);
}

#[test]
fn a_title_after_a_gap_ends_the_streamed_table_whatever_text_was_freed_before_it() {
    // Column B holds formula results ("1 234,56", t="str"): each an allocation of its own, freed
    // once its row is read (past the 2 000 rows kept). `Profile::add` knows a text by its
    // address and classifies it again only where the address changed: the title "Tabell 2"
    // (as long as "1 234,56"), written after a bold blank A so that the row above is freed
    // before it is read, may take the freed text's place and pass for a number. Then the row
    // after the gap holds a number: no `Unsure`, and the title, the header and the second
    // table's lines go into the first table. From a grid: two tables.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = wb.add_worksheet();
    let head = ["Verksamhet", "Konto", "Budget", "Utfall"];
    let mut r = 0u32;
    let line = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, i: u32| {
        sheet.write_string(r, 0, if i.is_multiple_of(3) { "Vård" } else { "Skola" }).expect("A");
        let code = rust_xlsxwriter::Formula::new("=\"1 234,56\"").set_result("1 234,56");
        sheet.write_formula(r, 1, code).expect("B");
        sheet.write_number(r, 2, f64::from(i)).expect("C");
        sheet.write_number(r, 3, -f64::from(i)).expect("D");
    };
    for (c, h) in (0u16..).zip(head) {
        sheet.write_string(r, c, h).expect("header");
    }
    for i in 0..2_100 {
        r += 1;
        line(sheet, r, i);
    }
    r += 2;
    sheet.write_blank(r, 0, &bold).expect("a bold blank");
    let title = rust_xlsxwriter::Formula::new("=\"Tabell 2\"").set_result("Tabell 2");
    sheet.write_formula(r, 1, title).expect("the title");
    r += 1;
    for (c, h) in (0u16..).zip(head) {
        sheet.write_string(r, c, h).expect("header");
    }
    for i in 0..20 {
        r += 1;
        line(sheet, r, i);
    }
    let bytes = wb.save_to_buffer().expect("a workbook");
    assert_eq!(summaries_streamed_and_from_grid(&bytes), 2);
}

#[test]
fn a_merged_header_cell_below_the_footer_is_named_from_its_anchor_above_it() {
    // F1:F305 is merged, its text "Kommentar" in F1 (a title line), and F305 is the second
    // table's header cell in column F, whose lines hold numbers there. From a grid, the header
    // cell takes its merge's text (`header_text` finds F1 in the sheet); streamed, the rows
    // after the footer are a grid of their own without row 1: the column is "Kolumn F".
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    let mut rows = vec![Some(vec![Cell::Text("Driftredovisning 2024")]), header()];
    rows.extend(lines(300, 0));
    rows.push(Some(vec![Cell::Text("Källa: ekonomisystemet")]));
    rows.extend([None, Some(vec![Cell::Text("Tabell 2: per konto")]), header()]);
    rows.extend(lines(20, 0));
    for (r, row) in (0u32..).zip(&rows) {
        for (c, cell) in (0u16..).zip(row.iter().flatten()) {
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, *t).map(|_| ()),
                Cell::Number(n) => sheet.write_number(r, c, *n).map(|_| ()),
                Cell::Blank => Ok(()),
            }
            .expect("a cell written");
        }
        if r > 305 {
            sheet.write_number(r, 5, f64::from(r)).expect("F");
        }
    }
    sheet.merge_range(0, 5, 305, 5, "Kommentar", &rust_xlsxwriter::Format::new()).expect("merged");
    let bytes = wb.save_to_buffer().expect("a workbook");
    // A merge from above the footer into the rows after it: read again.
    assert_eq!(streamed_sheets("bok.xlsx", &bytes, 40), 0);
    assert_eq!(summaries_streamed_and_from_grid(&bytes), 2);
}
