//! The merged cells the guard collects while it scans an xlsx must be exactly what calamine's
//! `merge_cells_by_sheet_name` gives (read with its errors as "no merges", as the import does),
//! for every xlsx fixture and sample, and for packages laid out unusually. Where the guard is
//! unsure the import asks calamine, so those cases are checked to be reported as unsure.

use calamine::{Reader, Xlsx};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use uppfolj_import::guard::scan_zip;
use uppfolj_import::merges::MergedRange;
use uppfolj_import::{ImportOptions, import_bytes};

/// Compares the guard's merged cells with calamine's for every sheet of `bytes`; returns how many
/// sheets the guard was unsure about (calamine is asked for those).
fn compare_with_calamine(name: &str, bytes: &[u8]) -> usize {
    let scan = scan_zip(name, bytes, &ImportOptions::default()).expect("the guard accepts the workbook");
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook");
    let names = wb.sheet_names();
    assert!(scan.merges.covers(&names), "{name}: the guard finds calamine's sheets {names:?}");
    let mut unsure = 0;
    for sheet in &names {
        let expected: Vec<MergedRange> =
            wb.merge_cells_by_sheet_name(sheet).unwrap_or_default().iter().map(|d| (d.start, d.end)).collect();
        match scan.merges.get(sheet) {
            Some(got) => assert_eq!(got, expected.as_slice(), "{name}, sheet '{sheet}'"),
            None => unsure += 1,
        }
    }
    unsure
}

fn xlsx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("fixture folder exists") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            xlsx_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "xlsx" || e == "xlsm") {
            out.push(path);
        }
    }
}

#[test]
fn fixtures_and_samples_give_calamines_merges_without_asking_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    xlsx_files(&root.join("tests/fixtures"), &mut files);
    xlsx_files(&root.join("../../samples"), &mut files);
    assert!(files.len() >= 9, "fixtures found: {files:?}");
    let mut merged = 0;
    for path in &files {
        let bytes = std::fs::read(path).expect("fixture readable");
        let name = path.display().to_string();
        assert_eq!(compare_with_calamine(&name, &bytes), 0, "{name}: the guard is sure of every sheet");
        let scan = scan_zip(&name, &bytes, &ImportOptions::default()).expect("accepted");
        let wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).expect("opens");
        merged += wb.sheet_names().iter().filter_map(|s| scan.merges.get(s)).map(<[_]>::len).sum::<usize>();
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
    assert_eq!(compare_with_calamine("merged.xlsx", &merged_workbook()), 0);
}

#[test]
fn absolute_targets_and_part_names_in_other_case() {
    // Sheet parts renamed in upper case and referred to by absolute, lower-case targets: calamine
    // finds them without regard to case, and so must the guard.
    let bytes = rewrite(&merged_workbook(), |name, content| {
        let name = name.replace("xl/worksheets/sheet", "xl/worksheets/SHEET");
        let content = if name == "xl/_rels/workbook.xml.rels" {
            replace(content, "Target=\"worksheets/", "Target=\"/xl/worksheets/")
        } else {
            content
        };
        (name, content)
    });
    assert_eq!(compare_with_calamine("absolute.xlsx", &bytes), 0);
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
    assert_eq!(compare_with_calamine("myworkbook.xlsx", &bytes), 0);
}

#[test]
fn references_calamine_reads_differently_are_left_to_calamine() {
    // "$C$6:D10" is an error for calamine (so: no merges on that sheet); the guard must not guess.
    let bytes = rewrite(&merged_workbook(), |name, content| {
        let content = if name.ends_with("sheet2.xml") {
            replace(content, "<mergeCell ref=\"C6:D10\"", "<mergeCell ref=\"$C$6:D10\"")
        } else {
            content
        };
        (name.to_owned(), content)
    });
    assert_eq!(compare_with_calamine("dollar.xlsx", &bytes), 1, "one sheet left to calamine");
    // And the import as a whole reads it.
    import_bytes("dollar.xlsx", &bytes, &ImportOptions::default()).expect("imports");
}
