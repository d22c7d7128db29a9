//! The generated ledgers are reproducible, and the limit reader counts what is in them.

use uppfolj_bench::{ledger, limit};

#[test]
fn the_same_rows_and_seed_give_the_same_bytes() {
    let a = ledger::ledger_xlsx(300, 7).expect("ledger");
    let b = ledger::ledger_xlsx(300, 7).expect("ledger");
    let other_seed = ledger::ledger_xlsx(300, 8).expect("ledger");
    assert_eq!(a, b);
    assert_ne!(a, other_seed);
}

#[test]
fn the_limit_reader_counts_every_written_cell() {
    let bytes = ledger::ledger_xlsx(200, 1).expect("ledger");
    let counts = limit::read(&bytes).expect("limit read");
    // Every line writes 11 or 12 cells (the project is blank on three lines of four).
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).expect("calamine");
    use calamine::Reader;
    let range = wb.worksheet_range("Huvudbok").expect("sheet");
    let written = range.used_cells().filter(|(_, _, c)| !matches!(c, calamine::Data::Empty)).count() as u64;
    assert_eq!(counts.sheets, 1);
    assert_eq!(counts.cells, written);
    assert!((200 * 11 + 12..=200 * 12 + 12).contains(&counts.cells), "{counts:?}");
    assert!(counts.shared_strings > ledger::HEADERS.len() as u64, "{counts:?}");
}
