//! The merged cells the xlsx reader collects in its one pass over each sheet must be exactly what
//! calamine's `merge_cells_by_sheet_name` gives (read with its errors as "no merges", as the
//! import always has), for every xlsx fixture and sample, and for packages laid out unusually.

mod common;

use calamine::{Reader, Xlsx};
use std::io::{Cursor, Read, Write};
use uppfolj_import::grid::Merge;
use uppfolj_import::workbook::SheetRead;
use uppfolj_import::{ImportOptions, Mapping, import_bytes};
use uppfolj_model::CellRef;

/// The merged cells the reader gives for sheet `sheet` of `bytes`.
fn read_merges(name: &str, bytes: &[u8], sheet: &str) -> Vec<Merge> {
    let options = ImportOptions {
        mapping: Mapping { sheet: Some(sheet.to_owned()), ..Mapping::default() },
        stream_after_rows: u32::MAX,
        ..ImportOptions::default()
    };
    let mut sheets =
        uppfolj_import::xlsx::read(name, bytes, &options, &mut |_| {}).expect("the reader reads the sheet");
    assert_eq!(sheets.read.len(), 1, "{name}: sheet '{sheet}' read");
    match sheets.read.remove(0) {
        SheetRead::Grid(grid) => grid.merges,
        SheetRead::Tables { .. } => panic!("{name}: read into a grid, not streamed"),
    }
}

/// calamine's merged cells for sheet `sheet`, as the import keeps them; an error is none.
fn calamine_merges(wb: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Merge> {
    wb.merge_cells_by_sheet_name(sheet)
        .unwrap_or_default()
        .iter()
        .filter(|d| d.start.0 < 1_048_576 && d.end.1 < 16_384)
        .map(|d| (CellRef::new(d.start.0, d.start.1), CellRef::new(d.end.0, d.end.1)))
        .collect()
}

/// Compares the reader's merged cells with calamine's for every sheet of `bytes` but those in
/// `calamine_fails` (where calamine's error would hide the others); returns how many merged
/// ranges the sheets have.
fn compare_with_calamine(name: &str, bytes: &[u8]) -> usize {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook");
    let mut merged = 0;
    for sheet in wb.sheet_names() {
        let expected = calamine_merges(&mut wb, &sheet);
        assert_eq!(read_merges(name, bytes, &sheet), expected, "{name}, sheet '{sheet}'");
        merged += expected.len();
    }
    merged
}

#[test]
fn fixtures_and_samples_give_calamines_merges() {
    let files = common::fixture_and_sample_xlsx();
    assert!(files.len() >= 9, "fixtures found: {files:?}");
    let mut merged = 0;
    for path in &files {
        let bytes = std::fs::read(path).expect("fixture readable");
        merged += compare_with_calamine(&path.display().to_string(), &bytes);
    }
    assert!(merged > 0, "at least one fixture has merged cells (flera_tabeller.xlsx has merged year headers)");
}

/// A workbook with merged cells on several sheets (one hidden, one named with `&` and `<`), written
/// with rust_xlsxwriter.
fn merged_workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let fmt = rust_xlsxwriter::Format::new();
    let a = wb.add_worksheet().set_name("Drift").expect("name");
    a.merge_range(0, 0, 0, 4, "Driftredovisning 2024", &fmt).expect("merge");
    a.merge_range(2, 1, 2, 2, "2024", &fmt).expect("merge");
    a.merge_range(2, 3, 2, 4, "2023", &fmt).expect("merge");
    for (c, h) in ["Område", "Budget", "Utfall", "Budget", "Utfall"].iter().enumerate() {
        a.write_string(3, c as u16, *h).expect("header");
    }
    a.write_string(4, 0, "Vård").expect("cell");
    a.write_number(4, 1, 10.0).expect("cell");
    let b = wb.add_worksheet().set_name("Investeringar & <drift>").expect("name");
    b.merge_range(5, 2, 9, 3, "Block", &fmt).expect("merge");
    let c = wb.add_worksheet().set_name("Dolt").expect("name");
    c.merge_range(0, 0, 1, 1, "x", &fmt).expect("merge");
    c.set_hidden(true);
    wb.add_worksheet().set_name("Tomt").expect("name").write_string(0, 0, "inga sammanfogade celler").expect("cell");
    wb.save_to_buffer().expect("xlsx")
}

/// `bytes` with every part passed through `edit(name, content) -> (new name, new content)`.
fn rewrite(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> (String, Vec<u8>)) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("read entry");
        let original = entry.name().map(|n| n.to_string()).expect("entry name");
        let (name, content) = edit(&original, content);
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("start");
        out.write_all(&content).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fn replace(content: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    String::from_utf8(content).expect("XML is UTF-8").replace(from, to).into_bytes()
}

#[test]
fn a_generated_workbook_with_merges_on_several_sheets() {
    assert_eq!(compare_with_calamine("merged.xlsx", &merged_workbook()), 5);
}

#[test]
fn absolute_targets_and_part_names_in_other_case() {
    // Sheet parts renamed in upper case and referred to by absolute, lower-case targets: calamine
    // finds them without regard to case, and so must the reader.
    let bytes = rewrite(&merged_workbook(), |name, content| {
        let name = name.replace("xl/worksheets/sheet", "xl/worksheets/SHEET");
        let content = if name == "xl/_rels/workbook.xml.rels" {
            replace(content, "Target=\"worksheets/", "Target=\"/xl/worksheets/")
        } else {
            content
        };
        (name, content)
    });
    assert_eq!(compare_with_calamine("absolute.xlsx", &bytes), 5);
}

#[test]
fn a_workbook_part_named_elsewhere() {
    // The package relationships may name a workbook other than xl/workbook.xml (the guard wants a
    // part whose name ends in workbook.xml).
    let bytes = rewrite(&merged_workbook(), |name, content| match name {
        "_rels/.rels" => (name.to_owned(), replace(content, "xl/workbook.xml", "xl/myworkbook.xml")),
        "xl/workbook.xml" => ("xl/myworkbook.xml".to_owned(), content),
        "xl/_rels/workbook.xml.rels" => ("xl/_rels/myworkbook.xml.rels".to_owned(), content),
        "[Content_Types].xml" => (name.to_owned(), replace(content, "/xl/workbook.xml", "/xl/myworkbook.xml")),
        _ => (name.to_owned(), content),
    });
    assert_eq!(compare_with_calamine("myworkbook.xlsx", &bytes), 5);
}

#[test]
fn a_reference_calamine_cannot_read_gives_no_merges_on_its_sheet() {
    // "$C$6:D10" is an error for calamine: the import had no merges on that sheet (and calamine's
    // error hides the other sheets' merges too, so only this sheet is compared).
    let bytes = rewrite(&merged_workbook(), |name, content| {
        let content = if name.ends_with("sheet2.xml") {
            replace(content, "<mergeCell ref=\"C6:D10\"", "<mergeCell ref=\"$C$6:D10\"")
        } else {
            content
        };
        (name.to_owned(), content)
    });
    assert_eq!(read_merges("dollar.xlsx", &bytes, "Investeringar & <drift>"), Vec::new());
    assert_eq!(read_merges("dollar.xlsx", &bytes, "Drift").len(), 3, "the other sheets keep theirs");
    // And the import as a whole reads it.
    import_bytes("dollar.xlsx", &bytes, &ImportOptions::default()).expect("imports");
}
