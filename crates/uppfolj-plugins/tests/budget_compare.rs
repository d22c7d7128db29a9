//! Tests of the budget-compare plugin beyond its examples (`tests/examples.rs`): a file's own
//! "Summa" row reconciled, units converted, lines matched by organisation and account, and
//! what it says when a file cannot be compared.

use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::TableCell;
use uppfolj_plugin::{Inputs, PluginError};
use uppfolj_plugin_test_support::{TableLiteral, cell, messages, run, table_cell};
use uppfolj_plugins::BudgetCompare;

const TABLE: &str = "jamforelse";

fn file(name: &str, csv: &str) -> Vec<Dataset> {
    TableLiteral::from_csv(name, csv).import()
}

#[test]
fn a_summa_row_that_leaves_out_a_line_is_named_with_that_line() {
    let a = file("a.csv", "Verksamhet;Budget\nSkola;-100\nVård;-200\nKultur;-15\nSumma;-300\n");
    let b = file("b.csv", "Verksamhet;Budget\nSkola;-110\nVård;-200\nSumma;-310\n");
    let report = run(&BudgetCompare, [a, b].concat(), &[]);
    let m = messages(&report);
    assert!(m.contains("A, a.csv: summaraden, 'Budget': filen anger −300 men beräkningen ger −315"), "{m}");
    assert!(m.contains("'Kultur'"), "the line the file's sum leaves out: {m}");
    assert!(!m.contains("B, b.csv: summaraden"), "B's sum agrees: {m}");
    assert_eq!(cell(&report, TABLE, "Summa", "a"), Some(-315.0), "the sum of the lines");
    assert_eq!(cell(&report, TABLE, "Kultur", "skillnad"), Some(15.0), "a line only in A counts as zero in B");
    assert_eq!(cell(&report, TABLE, "Summa", "skillnad"), Some(5.0));
    assert_eq!(table_cell(&report, TABLE, "Kultur", "finns"), &TableCell::Text("Bara i A".into()));
}

#[test]
fn lines_are_matched_by_organisation_and_account_and_units_converted() {
    let a = file("a.csv", "Belopp i tkr\nFörvaltning;Konto;Budget\nSkola;4010;-100\nSkola;4020;-50\nVård;4010;-200\n");
    let b = file(
        "b.csv",
        "Belopp i kr\nKonto;Förvaltning;Budget\n4020;Skola;-60000\n4010;Vård;-190000\n4010;Skola;-100000\n",
    );
    let report = run(&BudgetCompare, [a, b].concat(), &[]);
    let rows = report.tables().find(|t| t.id == TABLE).map(|t| t.rows.len());
    assert_eq!(rows, Some(4), "three matched lines and the total");
    assert_eq!(cell(&report, TABLE, "Skola · 4020", "b"), Some(-60.0), "B's kronor in A's tkr");
    assert_eq!(cell(&report, TABLE, "Vård · 4010", "skillnad"), Some(10.0));
    let text = serde_json::to_string(&report).expect("serialises");
    assert!(text.contains("omräknade till"), "the conversion is said");
}

#[test]
fn one_file_is_no_comparison_and_a_missing_column_is_named() {
    let a = file("a.csv", "Verksamhet;Budget\nSkola;-100\n");
    let inputs = Inputs::new(a.clone());
    let err = uppfolj_plugin::run(&BudgetCompare, &inputs, &[]).expect_err("needs another file");
    assert!(matches!(err, PluginError::MissingInput { .. }), "{err}");
    let b = file("b.csv", "Verksamhet;Budget;Utfall\nSkola;-100;-90\n");
    let inputs = Inputs::new([a, b].concat());
    let params = [("amount".to_owned(), "outcome".to_owned())];
    let err = uppfolj_plugin::run(&BudgetCompare, &inputs, &params).expect_err("A has no outcome");
    assert!(err.to_string().starts_with("a.csv har ingen kolumn för utfallet"), "{err}");
}
