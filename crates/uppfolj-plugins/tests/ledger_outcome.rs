//! ledger-outcome on the invented outcome-only ledger: every group's outcome equals the sum of
//! its lines and of the rows it sums, the shares of the top level add up to 100 %, the largest
//! accounts and suppliers come largest first, and a table without accounts is not offered.

use uppfolj_plugin::ReportPlugin;
use uppfolj_plugin::kit::{num_at, text_at};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::report::{Report, RowKindOut, Table};
use uppfolj_plugin::{Inputs, Params};
use uppfolj_plugin_test_support::{TableLiteral, import_file, messages, row_label as label, row_value as value, run};
use uppfolj_plugins::LedgerOutcome;

const LEDGER: &str = "samples/huvudbok_utfall_2024_aug.xlsx";

fn ledger() -> Dataset {
    import_file(LEDGER).remove(0)
}

fn table<'r>(report: &'r Report, id: &str) -> &'r Table {
    report.tables().find(|t| t.id == id).unwrap_or_else(|| panic!("no table {id}"))
}

#[test]
fn every_group_is_the_sum_of_its_lines_and_of_its_rows() {
    let ds = ledger();
    let outcome = ds.column(ColumnRole::Outcome);
    let report = run(&LedgerOutcome, vec![ds.clone()], &[]);
    let t = table(&report, "per-enhet");
    let mut checked = 0;
    for (r, row) in t.rows.iter().enumerate().filter(|(_, row)| row.kind == RowKindOut::Subtotal) {
        let name = label(t, r);
        let col = if row.level == 0 { 0 } else { 1 };
        let lines: Vec<usize> = (0..ds.rows.len()).filter(|&i| text_at(&ds, i, Some(col)) == name).collect();
        let from_file: f64 = lines.iter().filter_map(|&i| num_at(&ds, i, outcome)).sum();
        assert!((value(t, r, "utfall") - from_file).abs() < 0.005, "{name}: {} vs {from_file}", value(t, r, "utfall"));
        assert_eq!(value(t, r, "rader"), lines.len() as f64, "{name}: its lines");
        for key in ["utfall", "andel", "rader"] {
            let of_rows: f64 = row.sum_of.iter().map(|&c| value(t, c, key)).sum();
            assert!((value(t, r, key) - of_rows).abs() < 1e-6, "{name} {key}: the rows it sums");
        }
        checked += 1;
    }
    assert_eq!(checked, 3 + 7, "three förvaltningar and seven verksamheter");
    let last = t.rows.len() - 1;
    assert_eq!((label(t, last).as_str(), value(t, last, "andel")), ("Summa", 100.0));
    let top_shares: f64 = t.rows[last].sum_of.iter().map(|&r| value(t, r, "andel")).sum();
    assert!((top_shares - 100.0).abs() < 1e-9);
}

#[test]
fn units_accounts_and_suppliers_come_largest_first() {
    let report = run(&LedgerOutcome, vec![ledger()], &[("top", "3")]);
    let t = table(&report, "per-enhet");
    let tops: Vec<f64> =
        (0..t.rows.len() - 1).filter(|&r| t.rows[r].level == 0).map(|r| value(t, r, "utfall")).collect();
    assert!(tops.windows(2).all(|w| w[0] >= w[1]), "{tops:?}");
    let suppliers = table(&report, "storsta-leverantorer");
    assert_eq!(suppliers.title, "De 3 största leverantörerna av 8, kr");
    assert_eq!(label(suppliers, 0), "Materialhuset Test AB");
    assert!((value(suppliers, 0, "utfall") - 772_018.63).abs() < 0.005, "summed by hand from the file");
    assert_eq!(table(&report, "storsta-konton").rows.len(), 3);
    let text = serde_json::to_string(&report).expect("serialises");
    assert!(
        text.contains("11 rader har negativt utfall (krediteringar eller intäkter), sammanlagt −58\u{202f}661 kr.")
    );
}

#[test]
fn grouped_by_account_alone_there_is_one_level() {
    let report = run(&LedgerOutcome, vec![ledger()], &[("group", "konto")]);
    let t = table(&report, "per-enhet");
    assert_eq!(t.rows.len(), 6 + 1, "six accounts and the total");
    assert!(t.rows.iter().all(|r| r.level == 0));
}

#[test]
fn an_unknown_group_column_is_reported() {
    let report = run(&LedgerOutcome, vec![ledger()], &[("group", "ansvarskod")]);
    assert!(messages(&report).contains("Gruppera efter: filen har ingen kolumn 'ansvarskod'"), "{}", messages(&report));
    assert_eq!(table(&report, "per-enhet").columns[0].title, "Förvaltning / Verksamhet / Konto");
}

#[test]
fn a_table_without_accounts_does_not_fit() {
    let datasets = TableLiteral::new("drift.csv").row(["Verksamhet", "Utfall"]).row(["Skola", "-100"]).import();
    assert!(!Inputs::new(datasets).satisfy(&LedgerOutcome.inputs()));
    let params = Params::parse(&LedgerOutcome.params(), &[]).expect("defaults");
    assert_eq!(params.integer("top"), Some(10));
}
