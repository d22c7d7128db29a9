//! A grouped ledger report (budget-follow-up on the invented ledger in
//! crates/uppfolj-import/tests/fixtures/ledger/) exported and read back: every group's subtotal
//! row and the total are live `=SUM(..)` formulas over the rows below them, and the input sheet
//! holds every line of the ledger; and the same for the outcome report of a ledger (ledger-outcome).

mod common;

use calamine::{Data, Reader};
use common::readback::{find_header, open};
use std::path::PathBuf;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::report::RowKindOut;
use uppfolj_plugin::Inputs;
use uppfolj_xlsx::{ExportOptions, export};

#[test]
fn a_grouped_ledger_exports_sum_formulas_on_its_subtotal_rows_and_every_line_as_input() {
    let name = "huvudbok_budget_2024_aug.xlsx";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../uppfolj-import/tests/fixtures/ledger").join(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    let datasets = import_bytes(name, &bytes, &ImportOptions::default()).expect("imports").datasets;
    let inputs = Inputs::new(datasets);
    let report = uppfolj_plugin::run(&uppfolj_plugins::BudgetFollowUp, &inputs, &[]).expect("a report");
    let table = report.tables().find(|t| t.id == "per-verksamhet").expect("table");
    let book_bytes = export(&report, inputs.iter(), &ExportOptions::default()).expect("export");

    let mut book = open(&book_bytes);
    let sheet = "Per förvaltning";
    let range = book.worksheet_range(sheet).expect("the section's sheet");
    let formulas = book.worksheet_formula(sheet).expect("formulas");
    let header = find_header(&range, "Förvaltning / Verksamhet / Konto", Some("Budget, kr"), 0).expect("header row");
    let mut sums = 0;
    for (i, row) in table.rows.iter().enumerate() {
        let at = header + 1 + i as u32;
        let budget = formulas.get_value((at, 1)).cloned().unwrap_or_default();
        let outcome = formulas.get_value((at, 2)).cloned().unwrap_or_default();
        match row.kind {
            RowKindOut::Subtotal | RowKindOut::Total => {
                assert!(budget.starts_with("SUM(B") && outcome.starts_with("SUM(C"), "row {at}: {budget} / {outcome}");
                sums += 1;
            }
            RowKindOut::Data => assert!(budget.is_empty() && outcome.is_empty(), "an account row holds values"),
        }
    }
    assert_eq!(sums, 3 + 7 + 1, "three förvaltningar, seven verksamheter and the total");
    let input = book.worksheet_range("Indata").expect("the input sheet");
    // Columns: "Rad i källan", "Radtyp", then the file's ten columns; Utfall is the last.
    let outcome_cells = input.rows().filter(|r| matches!(r.get(11), Some(Data::Float(_) | Data::Int(_)))).count();
    assert_eq!(outcome_cells, 304, "every invoice line of the ledger (the budget rows carry no outcome)");
}

#[test]
fn the_outcome_report_of_a_ledger_exports_sum_formulas_on_its_group_rows() {
    let name = "huvudbok_utfall_2024_aug.xlsx";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples").join(name);
    let bytes = std::fs::read(&path).expect("sample exists");
    let datasets = import_bytes(name, &bytes, &ImportOptions::default()).expect("imports").datasets;
    let inputs = Inputs::new(datasets);
    let report = uppfolj_plugin::run(&uppfolj_plugins::LedgerOutcome, &inputs, &[]).expect("a report");
    let table = report.tables().find(|t| t.id == "per-enhet").expect("table");
    let mut book = open(&export(&report, inputs.iter(), &ExportOptions::default()).expect("export"));
    let range = book.worksheet_range("Per förvaltning").expect("the section's sheet");
    let formulas = book.worksheet_formula("Per förvaltning").expect("formulas");
    let header = find_header(&range, "Förvaltning / Verksamhet / Konto", Some("Utfall, kr"), 0).expect("header row");
    for (i, row) in table.rows.iter().enumerate() {
        let at = header + 1 + i as u32;
        let outcome = formulas.get_value((at, 1)).cloned().unwrap_or_default();
        let lines = formulas.get_value((at, 3)).cloned().unwrap_or_default();
        let is_sum = row.kind != RowKindOut::Data;
        assert_eq!(outcome.starts_with("SUM(B"), is_sum, "row {at}: {outcome}");
        assert_eq!(lines.starts_with("SUM(D"), is_sum, "row {at}: {lines}");
    }
}
