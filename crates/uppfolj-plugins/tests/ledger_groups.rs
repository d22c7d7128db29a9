//! budget-follow-up on a ledger (many lines per unit): grouped by the organisation columns by
//! default, or by the columns the parameter `group` names; every group a subtotal of the rows
//! below it that equals the sum of the file's lines; a driftredovisning stays as it was.

use uppfolj_plugin::kit::{num_at, text_at};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::report::{Report, RowKindOut, Table};
use uppfolj_plugin_test_support::{TableLiteral, import_file, messages, row_label as label, row_value as value, run};
use uppfolj_plugins::BudgetFollowUp;

const LEDGER: &str = "crates/uppfolj-import/tests/fixtures/ledger/huvudbok_budget_2024_aug.xlsx";

fn ledger() -> Dataset {
    import_file(LEDGER).remove(0)
}

fn table(report: &Report) -> &Table {
    report.tables().find(|t| t.id == "per-verksamhet").expect("the table per unit")
}

/// The sum of column `role` over the file's lines whose column `by` reads `text`.
fn file_sum(ds: &Dataset, by: usize, text: &str, role: ColumnRole) -> f64 {
    (0..ds.rows.len())
        .filter(|&i| text_at(ds, i, Some(by)) == text)
        .filter_map(|i| num_at(ds, i, ds.column(role)))
        .sum()
}

fn paragraphs(report: &Report) -> String {
    serde_json::to_string(report).expect("serialises")
}

#[test]
fn by_default_a_ledger_is_grouped_per_forvaltning_and_verksamhet_with_accounts_below() {
    let ds = ledger();
    let report = run(&BudgetFollowUp, vec![ds.clone()], &[]);
    let t = table(&report);
    let tops: Vec<usize> =
        (0..t.rows.len()).filter(|&r| t.rows[r].level == 0 && t.rows[r].kind == RowKindOut::Subtotal).collect();
    assert_eq!(tops.len(), 3, "three förvaltningar");
    for &r in &tops {
        let name = label(t, r);
        for (key, role) in [("utfall", ColumnRole::Outcome), ("budget", ColumnRole::Budget)] {
            let from_file = file_sum(&ds, 0, &name, role);
            assert!((value(t, r, key) - from_file).abs() < 0.005, "{name} {key}: {} vs {from_file}", value(t, r, key));
            let of_rows: f64 = t.rows[r].sum_of.iter().map(|&c| value(t, c, key)).sum();
            assert!((value(t, r, key) - of_rows).abs() < 0.005, "{name} {key}: the rows it sums");
        }
        assert!(t.rows[r].sum_of.iter().all(|&c| t.rows[c].level == 1 && t.rows[c].kind == RowKindOut::Subtotal));
    }
    // A verksamhet sums its accounts; an account row sums the ledger's lines.
    let forskola = (0..t.rows.len()).find(|&r| label(t, r) == "Förskola").expect("Förskola");
    assert_eq!(t.rows[forskola].sum_of.len(), 6, "six accounts");
    assert_eq!(label(t, forskola + 3), "5010 Lokalhyror");
    assert!((value(t, forskola + 3, "utfall") - 130_016.47).abs() < 0.005, "summed by hand from the file");
    let total = t.rows.last().expect("total");
    assert_eq!((total.kind, total.sum_of.clone()), (RowKindOut::Total, tops));
    assert!(paragraphs(&report).contains("Alla filens rader finns i Excel-exportens blad Indata"));
    // The chart is on the top level.
    let chart = report.charts().next().expect("a chart");
    assert_eq!(chart.categories.len(), 3);
}

#[test]
fn the_group_parameter_names_headers_without_regard_to_case() {
    let report = run(&BudgetFollowUp, vec![ledger()], &[("group", "VERKSAMHET")]);
    let t = table(&report);
    let tops = t.rows.iter().filter(|r| r.level == 0 && r.kind == RowKindOut::Subtotal).count();
    assert_eq!(tops, 7, "seven verksamheter");
    assert_eq!(t.columns[0].title, "Verksamhet / Konto");
}

#[test]
fn an_unknown_group_column_is_reported_and_the_default_used() {
    let report = run(&BudgetFollowUp, vec![ledger()], &[("group", "kostnadsbärare")]);
    assert!(
        messages(&report).contains("Gruppera efter: filen har ingen kolumn 'kostnadsbärare'"),
        "{}",
        messages(&report)
    );
    assert_eq!(table(&report).columns[0].title, "Förvaltning / Verksamhet / Konto");
}

#[test]
fn group_ingen_shows_every_line() {
    let report = run(&BudgetFollowUp, vec![ledger()], &[("group", "ingen")]);
    assert_eq!(table(&report).rows.len(), 346 + 1, "every line and the total");
}

#[test]
fn a_flat_table_with_several_lines_per_unit_sums_them() {
    let datasets = TableLiteral::new("drift.csv")
        .row(["Verksamhet", "Budget", "Utfall"])
        .row(["Skola", "-100", "-60"])
        .row(["Vård", "-300", "-310"])
        .row(["Skola", "-50", "-40"])
        .import();
    let report = run(&BudgetFollowUp, datasets, &[]);
    let t = table(&report);
    let rows: Vec<(String, f64)> = (0..t.rows.len()).map(|r| (label(t, r), value(t, r, "utfall"))).collect();
    assert_eq!(rows, [("Skola".to_owned(), -100.0), ("Vård".to_owned(), -310.0), ("Summa".to_owned(), -410.0)]);
}

#[test]
fn a_driftredovisning_with_one_line_per_unit_is_not_grouped() {
    let report = run(&BudgetFollowUp, import_file("samples/driftredovisning_2024_aug.xlsx"), &[]);
    assert!(!paragraphs(&report).contains("grupperade per"));
    assert_eq!(table(&report).columns[0].title, "Verksamhet");
}
