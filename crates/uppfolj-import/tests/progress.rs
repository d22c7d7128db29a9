//! Progress of an import ([`uppfolj_import::progress`]): the steps in order, the rows of a large
//! sheet as they are read, and for xlsx a fraction done that is known while reading, never goes
//! back, spans every sheet read and ends at 1.

use uppfolj_import::progress::READ_SHARE;
use uppfolj_import::{ImportOptions, Progress, Stage, import_bytes_observed};

/// A workbook with two sheets of `rows` data rows each (header "Verksamhet | Utfall").
fn two_sheets(rows: u32) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for name in ["Blad1", "Blad2"] {
        let ws = wb.add_worksheet().set_name(name).expect("name");
        ws.write_string(0, 0, "Verksamhet").expect("header");
        ws.write_string(0, 1, "Utfall").expect("header");
        for r in 1..=rows {
            ws.write_string(r, 0, format!("Verksamhet {}", r % 40)).expect("cell");
            ws.write_number(r, 1, f64::from(r)).expect("cell");
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

fn observed(name: &str, bytes: &[u8]) -> Vec<Progress> {
    let mut seen = Vec::new();
    import_bytes_observed(name, bytes, &ImportOptions::default(), &mut |p| seen.push(p.clone())).expect("imports");
    seen
}

#[test]
fn an_import_reports_its_steps_and_the_rows_of_a_large_sheet() {
    let seen = observed("stor.xlsx", &two_sheets(10_000));
    assert_eq!(seen.first().map(|p| &p.stage), Some(&Stage::Checking));
    assert!(seen.iter().any(|p| p.rows >= 8192 && p.describe().contains("rader")), "{seen:?}");
    let stages: Vec<&Stage> = seen.iter().map(|p| &p.stage).collect();
    let reading = |sheet: &str| Stage::Reading { sheet: Some(sheet.to_owned()) };
    let first_of = |stage: &Stage| stages.iter().position(|s| *s == stage).expect("step reported");
    assert!(first_of(&reading("Blad1")) < first_of(&reading("Blad2")));
    assert!(first_of(&reading("Blad2")) < first_of(&Stage::Layout));
    assert_eq!(seen.last().and_then(|p| p.fraction), Some(1.0));
}

#[test]
fn the_fraction_of_an_xlsx_is_known_while_reading_and_never_goes_back() {
    let seen = observed("stor.xlsx", &two_sheets(20_000));
    let fractions: Vec<f32> =
        seen.iter().map(|p| p.fraction.expect("every report of an xlsx knows its fraction")).collect();
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
    assert!(fractions.iter().all(|f| (0.0..=1.0).contains(f)), "{fractions:?}");
    // Half the bytes are in each sheet: the second starts near half the reading share.
    let second = seen
        .iter()
        .find(|p| p.stage == Stage::Reading { sheet: Some("Blad2".into()) })
        .and_then(|p| p.fraction)
        .expect("the second sheet is reported");
    assert!((second - READ_SHARE / 2.0).abs() < READ_SHARE * 0.1, "{second}");
    let reading_the_second =
        seen.iter().filter(|p| p.rows > 0 && p.stage == Stage::Reading { sheet: Some("Blad2".into()) });
    assert!(reading_the_second.filter_map(|p| p.fraction).any(|f| f > second && f <= READ_SHARE), "{seen:?}");
}

#[test]
fn a_csv_reports_its_steps_without_a_fraction_while_reading() {
    let mut csv = String::from("Verksamhet;Utfall\n");
    for r in 0..100 {
        csv.push_str(&format!("Verksamhet {r};{r}\n"));
    }
    let seen = observed("liten.csv", csv.as_bytes());
    let reading = seen.iter().find(|p| matches!(p.stage, Stage::Reading { .. })).expect("reading reported");
    assert_eq!(reading.fraction, None);
    assert_eq!(seen.last().and_then(|p| p.fraction), Some(1.0));
}

#[test]
fn a_sheet_read_again_does_not_take_the_fraction_back() {
    // A title after a gap below 12 000 lines may begin another table: the stream into the first
    // stops, and the sheet is read again.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Verksamhet").expect("header");
    ws.write_string(0, 1, "Utfall").expect("header");
    for r in 1..=12_000 {
        ws.write_string(r, 0, format!("Verksamhet {}", r % 40)).expect("cell");
        ws.write_number(r, 1, f64::from(r)).expect("cell");
    }
    ws.write_string(12_002, 0, "Tabell 2").expect("title");
    let seen = observed("två_tabeller.xlsx", &wb.save_to_buffer().expect("xlsx"));
    let fractions: Vec<f32> = seen.iter().filter_map(|p| p.fraction).collect();
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
    let rows_reported = seen.iter().filter(|p| p.rows > 0).count();
    assert!(rows_reported >= 4, "the rows of both reads are reported: {seen:?}");
}
