//! The rows read straight from the bytes (`fast.rs`) against the XML reader's events alone, on
//! many random sheets (`sheets.rs`): the same sheets, cells, errors and messages, and the same
//! progress reports, for every sheet, with the limits passed at any point, the part cut short or
//! its compressed bytes damaged, and the sheet streamed and read again.

mod sheets;

use super::sheet::EVENTS_ONLY;
use crate::ImportOptions;
use sheets::{Rng, STRINGS, Shape, worksheet};
use std::io::Write;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET_PATH: &str = "xl/worksheets/sheet1.xml";

/// A package of one worksheet `sheet`, with shared strings and four cell formats (plain, bold,
/// date, an indented percentage).
fn package(sheet: &[u8]) -> Vec<u8> {
    let types = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/{SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#
    );
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let workbook_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>"#
    );
    let items: String = STRINGS.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
    let strings = format!(r#"<sst xmlns="{MAIN}" count="5" uniqueCount="5">{items}</sst>"#);
    let styles = format!(
        r#"<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font/><font><b/></font></fonts><cellXfs count="4"><xf fontId="0" numFmtId="0"/><xf fontId="1" numFmtId="0"/><xf fontId="0" numFmtId="14"/><xf fontId="0" numFmtId="164"><alignment indent="2"/></xf></cellXfs></styleSheet>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in [
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/sharedStrings.xml", strings.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
        (SHEET_PATH, sheet),
    ] {
        zip.start_file(name, options).expect("a part");
        zip.write_all(bytes).expect("its bytes");
    }
    zip.finish().expect("the package").into_inner()
}

/// `package` with one byte of the worksheet's compressed data changed.
fn damaged(rng: &mut Rng, mut package: Vec<u8>) -> Vec<u8> {
    let (start, size) = {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&package)).expect("the package opens");
        let entry = zip.by_name_raw(SHEET_PATH.as_bytes()).expect("the sheet");
        (entry.data_start().unwrap_or(0), entry.compressed_size())
    };
    let at = usize::try_from(start).unwrap_or(0) + rng.below(usize::try_from(size).unwrap_or(0));
    if let Some(byte) = package.get_mut(at) {
        *byte ^= 1 << rng.below(8);
    }
    package
}

/// The limits `package` is read with: the defaults, or one of them low enough to be passed.
fn options(rng: &mut Rng, package: &[u8]) -> ImportOptions {
    let mut options = ImportOptions { stream_after_rows: u32::MAX, ..ImportOptions::default() };
    match rng.below(10) {
        0 => options.max_cells = 1 + rng.below(400) as u64,
        1 => options.max_rows = 1 + u32::try_from(rng.below(3000)).unwrap_or(0),
        2 => {
            // Passed anywhere in the sheet, read last.
            let (before, sheet) = unpacked_sizes(package);
            options.max_decompressed_bytes = before + rng.below(usize::try_from(sheet).unwrap_or(0) + 1) as u64;
        }
        3..=5 => options.stream_after_rows = 1 + u32::try_from(rng.below(40)).unwrap_or(0),
        _ => {}
    }
    options
}

/// The unpacked sizes of the parts before the worksheet, and of the worksheet.
fn unpacked_sizes(package: &[u8]) -> (u64, u64) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).expect("the package opens");
    let (mut before, mut sheet) = (0, 0);
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).expect("a part");
        if entry.name_raw() == SHEET_PATH.as_bytes() { sheet = entry.size() } else { before += entry.size() }
    }
    (before, sheet)
}

/// What reading `bytes` with `options` gives, in every detail: the sheets read (a grid each,
/// or the tables streamed), the progress reported, and the whole import where it streams.
fn outcome(bytes: &[u8], options: &ImportOptions, events_only: bool) -> String {
    EVENTS_ONLY.set(events_only);
    let mut seen = Vec::new();
    let sheets = super::read("prov.xlsx", bytes, options, &mut |p| seen.push(p.clone()));
    let mut seen_import = Vec::new();
    let import = (options.stream_after_rows != u32::MAX)
        .then(|| crate::import_bytes_observed("prov.xlsx", bytes, options, &mut |p| seen_import.push(p.clone())));
    EVENTS_ONLY.set(false);
    format!("{sheets:#?}\n{seen:?}\n{import:#?}\n{seen_import:?}")
}

/// The first line where `a` and `b` differ, with its number.
fn first_difference(a: &str, b: &str) -> String {
    let (n, (x, y)) = a.lines().zip(b.lines()).enumerate().find(|(_, (x, y))| x != y).unwrap_or((0, ("", "")));
    format!("line {n}:\n  fast:   {x}\n  events: {y}")
}

/// Sheets read, each twice.
const CASES: usize = 300;

#[test]
fn random_sheets_read_the_same_with_and_without_the_fast_path() {
    let mut rng = Rng::new(1);
    let (mut errors, mut streamed, mut bytes_read) = (0, 0, 0);
    for case in 0..CASES {
        let quirk = *[3, 20, 200, 100_000].get(rng.below(4)).unwrap_or(&3);
        let bad = *[5000, 100_000, usize::MAX, usize::MAX].get(rng.below(4)).unwrap_or(&5000);
        let rows = if rng.one_in(10) { 1500 + rng.below(1500) } else { 1 + rng.below(120) };
        let ledger = rng.one_in(3);
        let rows = if ledger { 30 + rng.below(300) } else { rows };
        let shape = Shape { ledger, quirk, bad, rows, columns: 1 + rng.below(12) };
        let sheet = worksheet(&mut rng, &shape);
        let mut bytes = package(&sheet);
        if rng.one_in(12) {
            bytes = damaged(&mut rng, bytes);
        }
        let mut options = options(&mut rng, &bytes);
        if ledger && !rng.one_in(4) {
            options.stream_after_rows = 1 + u32::try_from(rng.below(60)).unwrap_or(0);
        }
        let (fast, events) = (outcome(&bytes, &options, false), outcome(&bytes, &options, true));
        assert!(
            fast == events,
            "case {case} ({} bytes of sheet, {options:?}) differs at {}\n{}",
            sheet.len(),
            first_difference(&fast, &events),
            String::from_utf8_lossy(&sheet[..sheet.len().min(3000)])
        );
        errors += usize::from(fast.starts_with("Err"));
        streamed += usize::from(fast.contains("Tables {"));
        bytes_read += sheet.len();
    }
    assert!(errors > CASES / 10 && errors < CASES * 3 / 5, "{errors} of {CASES} sheets refused");
    assert!(streamed > CASES / 50, "{streamed} of {CASES} sheets streamed");
    assert!(bytes_read > 4_000_000, "{bytes_read} bytes of sheets");
}

/// A worksheet part whose `<sheetData>` holds `data`; the part ends where `data` ends.
fn sheet_part(data: &[u8]) -> Vec<u8> {
    let mut part =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>"#).into_bytes();
    part.extend_from_slice(data);
    part
}

#[test]
fn the_sheets_a_review_found_read_the_same() {
    let end = "</sheetData></worksheet>";
    let rows: String = (4090..4110).map(|r| format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#)).collect();
    let cases = [
        (
            "an end tag with no element open (the fourth </row>), in a part cut short",
            br#"<row r="1"><c r="A1"><v>1</v></c></row></row></row></row><row r="2"><c r="A2"><v>2</v></c>"#.to_vec(),
            "does not match any open tag",
        ),
        (
            "a row's r written twice (the events take the first)",
            format!(r#"<row r="1"><c><v>1</v></c></row><row r="3" r="7"><c><v>2</v></c></row>{end}"#).into_bytes(),
            "row: 2,",
        ),
        ("the progress reported past row 4096", format!("{rows}{end}").into_bytes(), "rows: 4096"),
        (
            "a byte not UTF-8 after whitespace (the message says where in the text it lies)",
            [
                br#"<row r="1"><c><v>1</v></c></row>  "#.as_slice(),
                b"\xff",
                br#"<row r="2"></row></sheetData></worksheet>"#,
            ]
            .concat(),
            "index 2",
        ),
    ];
    let options = ImportOptions { stream_after_rows: u32::MAX, ..ImportOptions::default() };
    for (what, data, expected) in cases {
        let bytes = package(&sheet_part(&data));
        let (fast, events) = (outcome(&bytes, &options, false), outcome(&bytes, &options, true));
        assert!(events.contains(expected), "{what}: {events}");
        assert!(fast == events, "{what}: {}", first_difference(&fast, &events));
    }
}
