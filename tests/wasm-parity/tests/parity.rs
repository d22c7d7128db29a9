//! Runs every built-in plugin on its sample (the interim report on all of them, the comparison on two years' driftredovisning) through import → plugin → chart → xlsx and compares
//! the result with `tests/expected/<plugin>.json`, written by the native run. The native test
//! (`cargo test -p uppfolj-wasm-parity`) checks the file is current (set `UPDATE_EXPECTED=1` to
//! rewrite it); the wasm test (`cargo xtask test`, under Node) checks that wasm gives the same.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use uppfolj_plugin::Inputs;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_node_experimental);

/// A file of the repository's samples: its name and bytes.
type Sample = (&'static str, &'static [u8]);

const DRIFT: Sample =
    ("driftredovisning_2024_aug.xlsx", include_bytes!("../../../samples/driftredovisning_2024_aug.xlsx"));
const DRIFT_2023: Sample =
    ("driftredovisning_2023_aug.xlsx", include_bytes!("../../../samples/driftredovisning_2023_aug.xlsx"));
const PLAN: Sample = ("handlingsplan_2024_2026.xlsx", include_bytes!("../../../samples/handlingsplan_2024_2026.xlsx"));
const GRANTS: Sample =
    ("riktade_statsbidrag_2020.xlsx", include_bytes!("../../../samples/riktade_statsbidrag_2020.xlsx"));
const BALANCE: Sample =
    ("balanskravsutredning_2021_2024.xlsx", include_bytes!("../../../samples/balanskravsutredning_2021_2024.xlsx"));
const GOALS: Sample = ("malupfoljning_2024.csv", include_bytes!("../../../samples/malupfoljning_2024.csv"));
const KOLADA: Sample = (
    "kolada_u79092_aterinskrivning_2018_2022.csv",
    include_bytes!("../../../samples/kolada_u79092_aterinskrivning_2018_2022.csv"),
);

const LEDGER: Sample =
    ("huvudbok_utfall_2024_aug.xlsx", include_bytes!("../../../samples/huvudbok_utfall_2024_aug.xlsx"));

struct Case {
    plugin: &'static str,
    files: &'static [Sample],
    params: &'static [(&'static str, &'static str)],
    expected: &'static str,
}

const CASES: &[Case] = &[
    Case {
        plugin: "budget-follow-up",
        files: &[DRIFT],
        params: &[],
        expected: include_str!("expected/budget-follow-up.json"),
    },
    Case {
        plugin: "action-plan",
        files: &[PLAN],
        params: &[("required", "325")],
        expected: include_str!("expected/action-plan.json"),
    },
    Case {
        plugin: "earmarked-grants",
        files: &[GRANTS],
        params: &[("frame", "2600000")],
        expected: include_str!("expected/earmarked-grants.json"),
    },
    Case {
        plugin: "balance-requirement",
        files: &[BALANCE],
        params: &[("goal", "2")],
        expected: include_str!("expected/balance-requirement.json"),
    },
    Case { plugin: "scorecard", files: &[GOALS], params: &[], expected: include_str!("expected/scorecard.json") },
    Case {
        plugin: "comparison",
        files: &[KOLADA],
        params: &[("region", "Halland")],
        expected: include_str!("expected/comparison.json"),
    },
    Case {
        plugin: "ledger-outcome",
        files: &[LEDGER],
        params: &[],
        expected: include_str!("expected/ledger-outcome.json"),
    },
    Case {
        plugin: "budget-compare",
        files: &[DRIFT_2023, DRIFT],
        params: &[],
        expected: include_str!("expected/budget-compare.json"),
    },
    Case {
        plugin: "interim-report",
        files: &[DRIFT, BALANCE, GOALS, KOLADA, PLAN, GRANTS],
        params: &[
            ("comparison.region", "Halland"),
            ("action-plan.required", "325"),
            ("earmarked-grants.frame", "2600000"),
        ],
        expected: include_str!("expected/interim-report.json"),
    },
];

/// The whole pipeline for one case, as one JSON value: the report, every chart's SVG, and the
/// numbers of the exported workbook read back by the import (calamine).
fn pipeline(case: &Case) -> serde_json::Value {
    let options = uppfolj_import::ImportOptions::default();
    let datasets = case.files.iter().flat_map(|(name, bytes)| {
        uppfolj_import::import_bytes(name, bytes, &options).expect("the sample imports").datasets
    });
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get(case.plugin).expect("built-in plugin");
    let params: Vec<(String, String)> = case.params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let inputs = Inputs::new(datasets);
    let report = uppfolj_plugin::run(plugin, &inputs, &params).expect("the report computes");
    let svgs: Vec<String> = report
        .charts()
        .map(|c| {
            let reading = report.semantics_of(&c.id);
            uppfolj_chart::svg_with(c, &reading, &uppfolj_chart::SvgOptions::for_chart(c)).expect("the chart draws")
        })
        .collect();
    let xlsx_options = uppfolj_xlsx::ExportOptions { date: Some("2026-01-01".into()), ..Default::default() };
    let xlsx = uppfolj_xlsx::export(&report, inputs.iter(), &xlsx_options).expect("the workbook exports");
    let back = uppfolj_import::import_bytes("export.xlsx", &xlsx, &options).expect("the export reads back");
    let numbers: Vec<Vec<f64>> = back
        .datasets
        .iter()
        .map(|d| d.rows.iter().flat_map(|r| r.values().filter_map(uppfolj_model::Value::as_f64)).collect())
        .collect();
    serde_json::json!({ "report": report, "svg": svgs, "xlsx_numbers": numbers })
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_results_match_the_expected_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected");
    for case in CASES {
        let got = serde_json::to_string_pretty(&pipeline(case)).expect("serialise") + "\n";
        let path = dir.join(format!("{}.json", case.plugin));
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&path, &got).expect("write expected");
        } else {
            assert!(
                got == case.expected,
                "{} differs from the native result; rerun with UPDATE_EXPECTED=1 and review the diff",
                path.display()
            );
        }
    }
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_results_equal_native_results() {
    for case in CASES {
        let got = serde_json::to_string_pretty(&pipeline(case)).expect("serialise") + "\n";
        assert!(got == case.expected, "{}: the wasm result differs from the native one", case.plugin);
    }
}
