//! The `uppfolj` binary: `plugins` and `run` go through the application session.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::process::{Command, Output};

fn uppfolj(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_uppfolj"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn plugins_lists_the_applications_plugins_in_order() {
    let out = uppfolj(&["plugins", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = list.as_array().expect("a list").iter().filter_map(|p| p["meta"]["id"].as_str()).collect();
    let registry = uppfolj_app::registry().expect("the app's plugins register");
    let expected: Vec<&str> = registry.metas().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, expected, "the CLI lists the app's plugins, in the app's order");
    assert!(ids.contains(&"scorecard") && ids.contains(&"comparison") && ids.contains(&"cost-per-inhabitant"));
}

#[test]
fn run_takes_the_first_fitting_file_in_the_order_given() {
    let out = uppfolj(&[
        "run",
        "action-plan",
        "samples/riktade_statsbidrag_2020.xlsx",
        "samples/handlingsplan_2024_2026.xlsx",
        "--param",
        "required=325",
        "--json",
        "-",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["plugin"]["id"], "action-plan");
    assert!(text(&out.stdout).contains("handlingsplan_2024_2026.xlsx"));
}

#[test]
fn run_names_an_unknown_plugin_a_missing_input_and_a_file_given_twice() {
    let unknown = uppfolj(&["run", "nope", "samples/driftredovisning_2024_aug.xlsx"]);
    assert!(!unknown.status.success());
    assert!(
        text(&unknown.stderr).contains("no plugin 'nope'; available: budget-follow-up, "),
        "{}",
        text(&unknown.stderr)
    );
    let missing = uppfolj(&["run", "balance-requirement", "samples/driftredovisning_2024_aug.xlsx"]);
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).contains("inget inläst dataset passar"), "{}", text(&missing.stderr));
    let twice = uppfolj(&[
        "run",
        "budget-follow-up",
        "samples/driftredovisning_2024_aug.xlsx",
        "samples/driftredovisning_2024_aug.xlsx",
    ]);
    assert!(!twice.status.success());
    assert!(text(&twice.stderr).contains("two input files are named"), "{}", text(&twice.stderr));
}

#[test]
fn run_makes_the_annual_report_from_several_files_with_a_parts_parameter() {
    let out = uppfolj(&[
        "run",
        "annual-report",
        "samples/driftredovisning_2024_aug.xlsx",
        "samples/balanskravsutredning_2021_2024.xlsx",
        "samples/malupfoljning_2024.csv",
        "samples/kolada_u79092_aterinskrivning_2018_2022.csv",
        "--param",
        "comparison.region=Halland",
        "--param",
        "scorecard.partial=100",
        "--json",
        "-",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["plugin"]["id"], "annual-report");
    assert_eq!(report["inputs"].as_array().map(Vec::len), Some(4), "every file is an input");
    let json = text(&out.stdout);
    assert!(json.contains("Region Halland redovisar"), "the comparison's region reached it");
    assert!(json.contains("\"Måluppfyllelse: Delvis uppnått från (% av målvärdet)\",\n      \"100\""), "partial=100");
    assert!(json.contains("Handlingsplan: ingen inläst fil har de uppgifterna"), "a part without data says so");
    let unknown = uppfolj(&["run", "annual-report", "samples/malupfoljning_2024.csv", "--param", "partial=90"]);
    assert!(!unknown.status.success());
    assert!(
        text(&unknown.stderr).contains("scorecard.partial"),
        "the valid keys are listed: {}",
        text(&unknown.stderr)
    );
}
