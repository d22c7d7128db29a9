//! Bad input: each case gives an error that names the file and says what to do (or, where the
//! file is legal, imports within bounded memory). Never a panic or an abort: calamine 0.38 aborts
//! the process on several of these (its issues #693 and #684), so the guard must catch them first.

use uppfolj_import::{ImportError, ImportOptions, import_bytes};
use uppfolj_model::{RowKind, Value};

mod package;
use package::{WORKBOOK, one_sheet_package, package, sst, xlsx};

/// A small legal table: header "Verksamhet | Utfall", two rows.
fn table_rows() -> String {
    r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>10</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>20</v></c></row>"#
        .to_string()
}

fn table_sst() -> String {
    sst(&["Verksamhet", "Utfall", "Vård", "Skola"])
}

/// The error for `bytes` named `name`, checked to name the file and say what to do.
fn error(name: &str, bytes: &[u8]) -> ImportError {
    error_with(name, bytes, &ImportOptions::default())
}

fn error_with(name: &str, bytes: &[u8], options: &ImportOptions) -> ImportError {
    let err = import_bytes(name, bytes, options).expect_err("must be refused");
    let text = err.to_string();
    assert!(text.contains(name), "names the file: {text}");
    let says_what_to_do =
        ["försök igen", "Spara", "Öppna", "Kontrollera", "Välj", "Dela upp", "ange"].iter().any(|w| text.contains(w));
    assert!(says_what_to_do, "says what to do: {text}");
    assert_eq!(err.file(), name);
    err
}

#[test]
fn legal_minimal_package_imports() {
    let bytes = xlsx(Some("A1:B3"), &table_rows(), &table_sst());
    let import = import_bytes("liten.xlsx", &bytes, &ImportOptions::default()).expect("imports");
    assert_eq!(import.datasets[0].rows.len(), 2);
}

#[test]
fn pdf_renamed_xlsx() {
    let err = error("budget.xlsx", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    assert!(matches!(err, ImportError::NotASpreadsheet { .. }));
    assert_eq!(
        err.to_string(),
        "budget.xlsx är inte ett kalkylark (filen börjar som en PDF). Spara den som .xlsx, .xls, .ods eller .csv och försök igen."
    );
}

#[test]
fn word_document_renamed_xlsx() {
    let bytes = package(&[("word/document.xml", b"<w:document/>")]);
    let err = error("budget.xlsx", &bytes);
    assert!(err.to_string().contains("Word-dokument"), "{err}");
}

#[test]
fn encrypted_workbook() {
    // An encrypted OOXML workbook is an OLE compound file with EncryptionInfo and
    // EncryptedPackage streams; the directory names are UTF-16.
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        bytes.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        bytes.resize(bytes.len() + 64, 0);
    }
    let err = error("hemlig.xlsx", &bytes);
    assert!(matches!(err, ImportError::Encrypted { .. }), "{err}");
    assert!(err.to_string().contains("lösenord"));
}

#[test]
fn truncated_zip() {
    let bytes = xlsx(Some("A1:B3"), &table_rows(), &table_sst());
    let err = error("avbruten.xlsx", &bytes[..bytes.len() / 2]);
    assert!(matches!(err, ImportError::Corrupt { .. }), "{err}");
}

#[test]
fn zip_bomb() {
    // 200 MB of the same byte packs to ~200 KB: far above any real sheet's ratio.
    let zeros = vec![b' '; 200 * 1024 * 1024];
    let bytes = package(&[("xl/workbook.xml", WORKBOOK.as_bytes()), ("xl/worksheets/sheet1.xml", &zeros)]);
    drop(zeros);
    assert!(bytes.len() < 2 * 1024 * 1024);
    let err = error("bomb.xlsx", &bytes);
    assert!(matches!(err, ImportError::TooLargeUnpacked { .. }), "{err}");
}

#[test]
fn unpacked_size_limit_is_configurable() {
    let bytes = xlsx(Some("A1:B3"), &table_rows(), &table_sst());
    let options = ImportOptions { max_decompressed_bytes: 1_000, ..ImportOptions::default() };
    let err = error_with("stor.xlsx", &bytes, &options);
    assert!(matches!(err, ImportError::TooLargeUnpacked { .. }), "{err}");
}

#[test]
fn xml_entity_expansion() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol3;</t></si></sst>"#;
    let bytes = xlsx(Some("A1:B3"), &table_rows(), laughs);
    let err = error("entiteter.xlsx", &bytes);
    assert!(matches!(err, ImportError::XmlDoctype { .. }), "{err}");
}

#[test]
fn dimension_claims_a_million_rows_but_data_is_small() {
    // Legal: the dimension claims the whole grid; memory must follow the cells, not the claim.
    let bytes = xlsx(Some("A1:XFD1048576"), &table_rows(), &table_sst());
    let import = import_bytes("dimension.xlsx", &bytes, &ImportOptions::default()).expect("imports");
    assert_eq!(import.datasets[0].rows.len(), 2);
    assert_eq!(import.summary.tables[0].range, "A1:B3");
}

#[test]
fn dimension_beyond_the_grid() {
    let bytes = xlsx(Some("A1:XFE1048577"), &table_rows(), &table_sst());
    let err = error("dimension.xlsx", &bytes);
    assert!(matches!(err, ImportError::TooManyCells { .. }), "{err}");
}

#[test]
fn one_cell_at_a1_and_one_at_xfd1048576() {
    // A legal 2 KB file whose used range is the whole grid: calamine's dense range would need
    // 17 billion cells. Read sparsely, it has no table.
    let data = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
    let bytes = xlsx(Some("A1:XFD1048576"), data, &sst(&["Hörn"]));
    assert!(bytes.len() < 4096);
    let err = error("horn.xlsx", &bytes);
    assert!(matches!(err, ImportError::NoTable { .. }), "{err}");
}

#[test]
fn cells_beyond_excels_grid() {
    let data = r#"<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>"#;
    let err = error("utanfor.xlsx", &xlsx(None, data, &sst(&[])));
    assert!(matches!(err, ImportError::TooManyCells { .. }), "{err}");
    let data = r#"<row r="2000000"><c r="A2000000"><v>1</v></c></row>"#;
    let err = error("utanfor.xlsx", &xlsx(None, data, &sst(&[])));
    assert!(matches!(err, ImportError::TooManyCells { .. }), "{err}");
}

#[test]
fn shared_strings_count_that_lies() {
    let lying = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>Verksamhet</t></si><si><t>Utfall</t></si><si><t>Vård</t></si><si><t>Skola</t></si></sst>"#;
    let err = error("strangar.xlsx", &xlsx(Some("A1:B3"), &table_rows(), lying));
    assert!(matches!(err, ImportError::Corrupt { .. }), "{err}");
}

#[test]
fn nan_and_1e999_become_missing_with_a_warning() {
    let csv = "Verksamhet;Utfall\nVård;NaN\nSkola;1e999\nOmsorg;12\n";
    let import = import_bytes("tal.csv", csv.as_bytes(), &ImportOptions::default()).expect("imports");
    let d = &import.datasets[0];
    assert!(d.rows.value(0, 1).cloned().expect("a value").is_missing());
    assert!(d.rows.value(1, 1).cloned().expect("a value").is_missing());
    assert_eq!(d.rows.value(2, 1).cloned().expect("a value"), Value::number(12.0));
    let warning = import.summary.all_warnings().find(|w| w.message.contains("inte är ändligt")).expect("warned");
    assert!(warning.message.contains("2 celler"));
    // The same in an xlsx number cell.
    let data = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>NaN</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>5</v></c></row>"#;
    let result = import_bytes("tal.xlsx", &xlsx(None, data, &table_sst()), &ImportOptions::default());
    match result {
        Ok(import) => {
            assert!(import.datasets[0].rows.value(0, 1).cloned().expect("a value").is_missing());
        }
        Err(e) => assert!(e.to_string().contains("tal.xlsx"), "{e}"),
    }
}

#[test]
fn error_cells_are_missing_with_a_warning() {
    let data = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><f>2*5</f><v>10</v></c></row>"#;
    let import = import_bytes("fel.xlsx", &xlsx(None, data, &table_sst()), &ImportOptions::default()).expect("imports");
    let d = &import.datasets[0];
    assert_eq!(d.rows.value(0, 1).cloned().expect("a value"), Value::Missing { marker: Some("#DIV/0!".into()) });
    assert_eq!(d.rows.value(1, 1).cloned().expect("a value"), Value::number(10.0), "a formula gives its cached value");
    let w = import.summary.all_warnings().find(|w| w.message.contains("formelfel")).expect("warned");
    assert_eq!(w.at.map(|a| a.to_string()).as_deref(), Some("B2"));
}

#[test]
fn empty_workbook() {
    let bytes = xlsx(None, "", &sst(&[]));
    let err = error("tom.xlsx", &bytes);
    assert!(matches!(err, ImportError::NoData { .. }), "{err}");
}

#[test]
fn empty_file() {
    let err = error("tom.csv", b"");
    assert!(matches!(err, ImportError::Empty { .. }), "{err}");
}

#[test]
fn sheet_without_a_table() {
    let data = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c></row>"#;
    let bytes = xlsx(None, data, &sst(&["Anteckningar inför mötet", "Ring ekonomienheten om prognosen"]));
    let err = error("anteckningar.xlsx", &bytes);
    assert!(matches!(err, ImportError::NoTable { .. }), "{err}");
    assert!(err.to_string().contains("Blad1"));
}

#[test]
fn file_of_200_mb() {
    let bytes = vec![0u8; 200 * 1024 * 1024];
    let err = error("jatte.xlsx", &bytes);
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("200 MB"));
}

#[test]
fn binary_garbage() {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let err = error("skräp.xlsx", &bytes);
    assert!(matches!(err, ImportError::NotASpreadsheet { .. }), "{err}");
}

#[test]
fn kolada_json_of_another_shape() {
    let err = error("kolada.json", br#"{"hello": "world"}"#);
    assert!(matches!(err, ImportError::NotKolada { .. }), "{err}");
}

#[test]
fn total_row_marked_in_csv_with_windows_1252() {
    // Swedish Excel's "CSV (semikolonavgränsad)" in Windows-1252, with text numbers.
    let bytes = b"Driftredovisning\nBelopp i tkr\n\nF\xF6rvaltning;Budget;Utfall\nV\xE5rd;\"-1 234,5\";\xA0-1\xA0200\nSkola;(500);-450\nSumma;-1 734,5;-1 650\n";
    let import = import_bytes("drift.csv", bytes, &ImportOptions::default()).expect("imports");
    let d = &import.datasets[0];
    assert_eq!(d.columns[0].name, "Förvaltning");
    assert_eq!(d.rows.value(0, 1).cloned().expect("a value"), Value::number(-1234.5));
    assert_eq!(d.rows.value(1, 1).cloned().expect("a value"), Value::number(-500.0));
    assert_eq!(d.rows.heads()[2].kind, RowKind::Total);
    assert_eq!(d.unit, Some(uppfolj_model::Unit::Tkr));
}

/// Imports a damaged xls found by cargo-fuzz (`fuzz/`, target `import_xlsx`; mutations of
/// `kolada_eos_export22058_wide.xls`): calamine 0.38 panicked on them in `parse_formula`. The
/// xls guard never lets calamine parse formula tokens (the cached values are kept), so they import
/// or are refused with an error naming the file; never a panic.
fn fuzzed_xls(fixture: &str) -> Result<uppfolj_import::Import, ImportError> {
    let path = format!("{}/tests/fixtures/hostile/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("hostile fixture present");
    // The fuzz target's limits.
    let options = ImportOptions {
        max_bytes: 4 * 1024 * 1024,
        max_decompressed_bytes: 32 * 1024 * 1024,
        max_cells: 200_000,
        ..ImportOptions::default()
    };
    let result = import_bytes("fuzz.xls", &bytes, &options);
    if let Err(err) = &result {
        assert_eq!(err.file(), "fuzz.xls");
        assert!(err.to_string().contains("fuzz.xls"), "names the file: {err}");
    }
    result
}

#[test]
fn fuzzed_xls_formula_tokens_0e0acaec() {
    // The mutation hit a formula's tokens only: the sheet imports with its cached values.
    let import = fuzzed_xls("crash-0e0acaecb9d016fb63c6acc97b7e9f9be0686673").expect("imports");
    assert_eq!(import.datasets.len(), 1);
    assert_eq!(import.datasets[0].source.sheet.as_deref(), Some("EOS export"));
    assert!(import.datasets[0].rows.len() > 500, "{}", import.datasets[0].rows.len());
}

#[test]
fn cell_addresses_past_any_integer() {
    // Column and row numbers that overflow 32 bits: refused as beyond the grid, never wrapped.
    for cell in ["ZZZZZZZZ1", "A99999999999", "A4294967297"] {
        let data = format!(r#"<row r="1"><c r="A1"><v>1</v></c><c r="{cell}"><v>2</v></c></row>"#);
        let err = error("adress.xlsx", &xlsx(None, &data, &sst(&[])));
        assert!(matches!(err, ImportError::TooManyCells { .. }), "{cell}: {err}");
        assert!(err.to_string().contains("Blad1"), "names the sheet: {err}");
    }
}

#[test]
fn doctype_in_a_worksheet() {
    let bytes = xlsx(Some("A1:B3"), &table_rows(), &table_sst());
    let bytes = {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut sheet = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet"), &mut sheet)
            .expect("read");
        let sheet = sheet.replacen("<worksheet", r#"<!DOCTYPE x [<!ENTITY a "b">]><worksheet"#, 1);
        xlsx_with_sheet(&sheet)
    };
    let err = error("blad.xlsx", &bytes);
    assert!(matches!(err, ImportError::XmlDoctype { ref part, .. } if part.contains("sheet1")), "{err}");
}

#[test]
fn a_shared_string_that_is_not_there() {
    let data = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>"#;
    let err = error("index.xlsx", &xlsx(None, data, &sst(&["Verksamhet"])));
    assert!(matches!(err, ImportError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("delad text nr 7"), "{err}");
}

/// The minimal package of [`xlsx`] with the whole worksheet part given.
fn xlsx_with_sheet(sheet: &str) -> Vec<u8> {
    one_sheet_package(sheet, &table_sst())
}
