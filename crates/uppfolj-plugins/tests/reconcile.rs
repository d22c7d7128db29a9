//! Reconciliation of the results a file states with the computed ones (issue #15): one fixture
//! folder per way they differ (tests/fixtures/reconcile, made by its make_fixtures.py), each run
//! through the real import and the plugin, its report snapshotted.

use uppfolj_plugin::model::Report;
use uppfolj_plugin::model::report::{Block, Severity};
use uppfolj_plugin_test_support::{cell, import_file, messages, run};
use uppfolj_plugins::{BalanceRequirement, BudgetFollowUp};

const MAIN: &str = "balanskravsutredning";
const RESTORE: &str = "att-aterstalla";

/// The report of `plugin` on the one file of fixture folder `case`.
fn report(plugin: &dyn uppfolj_plugin::ReportPlugin, case: &str, file: &str) -> Report {
    let datasets = import_file(&format!("crates/uppfolj-plugins/tests/fixtures/reconcile/{case}/{file}"));
    run(plugin, datasets, &[])
}

fn balance(case: &str) -> Report {
    report(&BalanceRequirement, case, "balanskrav.xlsx")
}

fn drift(case: &str) -> Report {
    report(&BudgetFollowUp, case, "drift.xlsx")
}

/// The first cells of the rows of table `id`.
fn row_titles(report: &Report, id: &str) -> Vec<String> {
    let table = report.tables().find(|t| t.id == id).expect("table");
    table.rows.iter().map(|r| format!("{:?}", r.cells[0])).collect()
}

/// Every paragraph of text in the report.
fn paragraphs(report: &Report) -> String {
    let texts = report.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
        Block::Text(t) => Some(t.paragraphs.join("\n")),
        _ => None,
    });
    texts.collect::<Vec<_>>().join("\n")
}

/// The diagnostics of `severity` whose message contains `part`.
fn with(report: &Report, severity: Severity, part: &str) -> usize {
    report.diagnostics.iter().filter(|d| d.severity == severity && d.message.contains(part)).count()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn synnerliga_skal_before_the_balance_result_count_in_it_once() {
    let r = balance("balanskrav_synnerliga_skal_fore");
    assert!(!messages(&r).contains("filen anger"), "the file's results agree: {}", messages(&r));
    assert!(close(cell(&r, MAIN, "Årets balanskravsresultat", "ar_2023"), -12.0));
    assert!(close(cell(&r, MAIN, "Synnerliga skäl", "ar_2023"), 30.0));
    assert!(!row_titles(&r, RESTORE).iter().any(|t| t.contains("Synnerliga")), "shown once");
    assert!(close(cell(&r, RESTORE, "Balanskravsresultat att återställa", "ar_2023"), 12.0));
    assert!(close(cell(&r, RESTORE, "Balanskravsresultat att återställa", "ar_2024"), 0.0));
    assert!(paragraphs(&r).contains("Synnerliga skäl står i filen före raden 'Årets balanskravsresultat'"));
    insta::assert_json_snapshot!("reconcile_balanskrav_synnerliga_skal_fore", r);
}

#[test]
fn synnerliga_skal_after_the_balance_result_count_when_the_deficit_is_decided() {
    let r = balance("balanskrav_synnerliga_skal_efter");
    assert!(!messages(&r).contains("filen anger"), "the file's results agree: {}", messages(&r));
    assert!(close(cell(&r, MAIN, "Årets balanskravsresultat", "ar_2023"), -42.0));
    assert!(!row_titles(&r, MAIN).iter().any(|t| t.contains("Synnerliga")), "shown once");
    assert!(close(cell(&r, RESTORE, "Synnerliga skäl", "ar_2023"), 30.0));
    assert!(close(cell(&r, RESTORE, "Balanskravsresultat att återställa", "ar_2023"), 12.0));
    assert!(paragraphs(&r).contains("Synnerliga skäl står i filen efter raden 'Årets balanskravsresultat'"));
    insta::assert_json_snapshot!("reconcile_balanskrav_synnerliga_skal_efter", r);
}

#[test]
fn a_balance_result_stated_in_the_other_order_names_synnerliga_skal() {
    let r = balance("balanskrav_annan_ordning");
    let m = messages(&r);
    assert!(
        m.contains(
            "Årets balanskravsresultat 2023: filen anger −12,0 mnkr men beräkningen ger −42,0 mnkr (skillnad +30,0 \
             mnkr). Trolig orsak: filen räknar synnerliga skäl (30,0 mnkr) i en annan ordning än beräkningen"
        ),
        "{m}"
    );
    let d = r.diagnostics.iter().find(|d| d.message.starts_with("Årets balanskravsresultat 2023")).expect("diag");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.at.map(|c| c.to_string()).as_deref(), Some("B9"), "the file's cell");
    assert_eq!(d.source.as_ref().map(|s| s.file.as_str()), Some("balanskrav.xlsx"));
    assert_eq!(with(&r, Severity::Warning, "att återställa"), 0, "the deficit to restore agrees");
    insta::assert_json_snapshot!("reconcile_balanskrav_annan_ordning", r);
}

#[test]
fn a_row_not_recognised_is_named_as_the_likely_reason() {
    let r = balance("balanskrav_okand_rad");
    let reason = "Trolig orsak: raden 'Övriga justeringar enligt fullmäktiges beslut' (5,0 mnkr, cell A7), som inte \
                  känns igen och inte räknas med";
    assert_eq!(with(&r, Severity::Warning, reason), 2, "{}", messages(&r));
    assert_eq!(
        with(&r, Severity::Warning, "Årets resultat efter balanskravsjusteringar 2023: filen anger −57,0 mnkr men"),
        1
    );
    insta::assert_json_snapshot!("reconcile_balanskrav_okand_rad", r);
}

#[test]
fn a_rounding_difference_is_information_with_both_numbers() {
    let r = balance("balanskrav_avrundning");
    let m = messages(&r);
    assert!(
        m.contains("Årets balanskravsresultat 2023: filen anger 40,8 mnkr men beräkningen ger 40,7 mnkr (skillnad +0,1 mnkr). Trolig orsak: avrundning"),
        "{m}"
    );
    assert_eq!(with(&r, Severity::Info, "Trolig orsak: avrundning"), 2);
    assert_eq!(with(&r, Severity::Warning, "filen anger"), 0);
    insta::assert_json_snapshot!("reconcile_balanskrav_avrundning", r);
}

#[test]
fn a_delsumma_over_three_of_nine_text_number_rows_covers_three() {
    let r = drift("drift_delsumma_textnummer");
    assert!(!messages(&r).contains("Delsumman"), "the subtotal agrees with its rows: {}", messages(&r));
    let key = |label: &str| cell(&r, "per-verksamhet", label, "budget");
    assert!(close(key("Delsumma regional utveckling"), -80.0), "the file's subtotal, not −370");
    let table = r.tables().find(|t| t.id == "per-verksamhet").expect("table");
    let subtotal =
        table.rows.iter().find(|row| format!("{:?}", row.cells[0]).contains("Delsumma")).expect("the subtotal row");
    assert_eq!(subtotal.sum_of.len(), 3, "{:?}", subtotal.sum_of);
    insta::assert_json_snapshot!("reconcile_drift_delsumma_textnummer", r);
}

#[test]
fn a_total_one_unit_off_is_rounding() {
    let r = drift("drift_summa_avrundning");
    let m = messages(&r);
    assert!(
        m.contains("Summaraden 'Summa', Budget: filen anger −171 tkr men beräkningen ger −170 tkr (skillnad −1 tkr). Trolig orsak: avrundning"),
        "{m}"
    );
    assert_eq!(with(&r, Severity::Warning, "Summaraden"), 0);
    insta::assert_json_snapshot!("reconcile_drift_summa_avrundning", r);
}

#[test]
fn a_total_without_one_row_names_the_row() {
    let r = drift("drift_summa_utan_rad");
    let m = messages(&r);
    assert!(
        m.contains("Trolig orsak: filens summa tar inte med raden 'Gemensamma kostnader' (−15 tkr, cell A8)"),
        "{m}"
    );
    assert_eq!(with(&r, Severity::Warning, "Gemensamma kostnader"), 2, "budget and outcome");
    insta::assert_json_snapshot!("reconcile_drift_summa_utan_rad", r);
}
