//! Tests of the balance-requirement plugin: the sample balanskravsutredning 2021–2024 and the
//! carrying and restoring of deficits within three years.

mod support;

use support::{V, cell, dataset, messages, run};
use uppfolj_plugin::model::dataset::{ColumnMeta, Dataset, DatasetKind};
use uppfolj_plugin::model::report::RowKindOut;
use uppfolj_plugin::model::unit::Unit;

const MAIN: &str = "balanskravsutredning";
const RESTORE: &str = "att-aterstalla";

fn table(rows: &[(&'static str, [Option<f64>; 4])], years: [&str; 4]) -> Dataset {
    let rows: Vec<Vec<V>> = rows
        .iter()
        .map(|(label, values)| {
            std::iter::once(V::T(label)).chain(values.iter().map(|v| v.map_or(V::E, V::N))).collect()
        })
        .collect();
    let mut ds = dataset(
        "balanskravsutredning_2021_2024.xlsx",
        "Balanskravsutredning 2021–2024",
        Some(Unit::Mnkr),
        DatasetKind::Table,
        3,
        &[("Balanskravsutredning", None), (years[0], None), (years[1], None), (years[2], None), (years[3], None)],
        &rows,
    );
    for (i, y) in years.iter().enumerate() {
        ds.columns[i + 1] = ColumnMeta { period: Some((*y).to_owned()), ..ds.columns[i + 1].clone() };
    }
    ds
}

/// samples/balanskravsutredning_2021_2024.xlsx as the import lays it out, built by hand.
fn sample() -> Dataset {
    let s = Some;
    table(
        &[
            ("Årets resultat", [s(412.3), s(-186.4), s(-612.8), s(95.6)]),
            ("Samtliga realisationsvinster", [s(-3.1), s(-0.8), s(-12.4), s(-1.2)]),
            ("Vissa realisationsvinster enligt undantagsmöjlighet", [s(0.0), s(0.0), s(10.9), s(0.0)]),
            ("Vissa realisationsförluster enligt undantagsmöjlighet", [s(0.0), s(0.0), s(0.0), s(0.0)]),
            ("Orealiserade förluster i värdepapper", [s(0.0), s(148.6), s(0.0), s(0.0)]),
            ("Återföring av orealiserade förluster i värdepapper", [s(-25.0), s(0.0), s(-61.2), s(-87.4)]),
            ("Årets resultat efter balanskravsjusteringar", [s(384.2), s(-38.6), s(-675.5), s(7.0)]),
            ("Medel till resultatutjämningsreserv", [s(-150.0), s(0.0), s(0.0), None]),
            ("Medel från resultatutjämningsreserv", [s(0.0), s(38.6), s(150.0), None]),
            ("Medel till resultatreserv", [None, None, None, s(0.0)]),
            ("Medel från resultatreserv", [None, None, None, s(0.0)]),
            ("Årets balanskravsresultat", [s(234.2), s(0.0), s(-525.5), s(7.0)]),
            ("Skatteintäkter", [s(6_504.2), s(6_812.9), s(7_120.4), s(7_402.8)]),
            ("Generella statsbidrag och utjämning", [s(2_611.7), s(2_640.3), s(2_702.5), s(2_915.1)]),
        ],
        ["2021", "2022", "2023", "2024"],
    )
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn sample_report_snapshot() {
    let report = run("balance-requirement", vec![sample()], &[("goal", "2")]);
    insta::assert_json_snapshot!("balance_requirement_sample", report);
}

#[test]
fn sample_matches_its_own_sums_and_carries_the_2023_deficit() {
    let report = run("balance-requirement", vec![sample()], &[]);
    let m = messages(&report);
    assert!(!m.contains("filen anger"), "the file's own sums agree: {m}");
    assert!(close(cell(&report, MAIN, "Årets resultat efter balanskravsjusteringar", "ar_2023"), -675.5));
    assert!(close(cell(&report, MAIN, "Årets balanskravsresultat", "ar_2021"), 234.2));
    assert!(close(cell(&report, MAIN, "Årets balanskravsresultat", "ar_2023"), -525.5));
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2023"), 525.5));
    assert!(close(cell(&report, RESTORE, "Återställt under året", "ar_2024"), 7.0));
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2024"), 518.5));
    let main = report.tables().find(|t| t.id == MAIN).expect("table");
    assert_eq!(main.rows[6].kind, RowKindOut::Subtotal);
    assert_eq!(main.rows[6].sum_of, vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(main.rows[9].sum_of, vec![6, 7, 8]);
    // Both reserve names are supported; the title says which the file uses.
    assert!(
        main.rows[7].cells[0]
            == uppfolj_plugin::model::report::TableCell::Text(
                "Medel till resultatutjämningsreserv/resultatreserv".into()
            )
    );
    let text = serde_json::to_string(&report).expect("json");
    assert!(text.contains("Underskottet från 2023, 518,5 mnkr kvar, ska återställas senast 2026."), "{text}");
}

#[test]
fn two_percent_goal() {
    let report = run("balance-requirement", vec![sample()], &[("goal", "2")]);
    // 2021: 412,3 / (6 504,2 + 2 611,7) = 4,52 % ≥ 2 %.
    let r = cell(&report, "resultatmal", "2021", "andel").expect("ratio");
    assert!((r - 100.0 * 412.3 / 9_115.9).abs() < 1e-9, "{r}");
    let t = report.tables().find(|t| t.id == "resultatmal").expect("table");
    let status = |row: usize| format!("{:?}", t.rows[row].cells[4]);
    assert!(status(0).contains("Good") && status(2).contains("Bad") && status(3).contains("Bad"), "{}", status(3));
}

#[test]
fn deficit_not_restored_within_three_years_is_a_warning() {
    let s = Some;
    let ds = table(
        &[
            ("Årets resultat", [s(-100.0), s(20.0), s(30.0), s(10.0)]),
            ("Samtliga realisationsvinster", [s(5.0), s(0.0), s(0.0), s(0.0)]),
        ],
        ["2020", "2021", "2022", "2023"],
    );
    let report = run("balance-requirement", vec![ds], &[]);
    // Gains are deducted whatever sign the file writes: −100 − 5 = −105.
    assert!(close(cell(&report, MAIN, "Årets balanskravsresultat", "ar_2020"), -105.0));
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2023"), 45.0));
    let m = messages(&report);
    assert!(m.contains("Underskottet från 2020 (45,0 mnkr kvar) skulle ha återställts senast 2023"), "{m}");
    assert!(m.contains("finns inte i filen och räknas som 0"), "{m}");
}

#[test]
fn opening_deficit_and_special_reasons() {
    let s = Some;
    let ds = table(
        &[("Årets resultat", [s(10.0), s(-50.0), s(0.0), s(0.0)]), ("Synnerliga skäl", [None, s(20.0), None, None])],
        ["2021", "2022", "2023", "2024"],
    );
    let report = run("balance-requirement", vec![ds], &[("opening_deficit", "40")]);
    assert!(close(cell(&report, RESTORE, "Att återställa vid årets början", "ar_2021"), 40.0));
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2021"), 30.0));
    // 2022: synnerliga skäl 20 go to the oldest deficit (30 → 10); the new deficit 50 is added.
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2022"), 60.0));
}

#[test]
fn every_example_runs_on_the_sample() {
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get("balance-requirement").expect("registered");
    for example in plugin.examples() {
        let params: Vec<_> = example.params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let report = uppfolj_plugin::run(plugin, &uppfolj_plugin::Inputs::new(vec![sample()]), &params)
            .unwrap_or_else(|e| panic!("example '{}' failed: {e}", example.description));
        assert!(report.tables().any(|t| t.id == MAIN), "{}", example.description);
    }
}

#[test]
fn a_file_without_result_row_is_refused_with_a_reason() {
    let ds = table(&[("Personalkostnader", [Some(1.0), None, None, None])], ["2021", "2022", "2023", "2024"]);
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get("balance-requirement").expect("registered");
    let err = uppfolj_plugin::run(plugin, &uppfolj_plugin::Inputs::new(vec![ds]), &[]).expect_err("no result row");
    assert!(err.to_string().contains("Årets resultat"), "{err}");
}
