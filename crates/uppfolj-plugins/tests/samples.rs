//! Every sample workbook in samples/ imported with uppfolj-import and run through its plugin with
//! the parameters samples/README.md gives: the path the CLI and the web app take. The Report is
//! snapshotted, and the headline figures are checked.

mod support;

use support::{cell, messages};
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_plugin::Inputs;
use uppfolj_plugin::model::{Dataset, Report};

fn import(name: &str) -> Vec<Dataset> {
    let path = format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    import_bytes(name, &bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("import {name}: {e}")).datasets
}

fn run(plugin: &str, file: &str, params: &[(&str, &str)]) -> Report {
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get(plugin).expect("registered");
    let raw: Vec<_> = params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    uppfolj_plugin::run(plugin, &Inputs::new(import(file)), &raw).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-6)
}

#[test]
fn driftredovisning() {
    let report = run("budget-follow-up", "driftredovisning_2024_aug.xlsx", &[]);
    assert_eq!(cell(&report, "per-verksamhet", "Summa", "avvikelse"), Some(-182_909.0));
    assert_eq!(cell(&report, "per-verksamhet", "Närsjukvårdsområde Väster", "avvikelse"), Some(-29_318.0));
    assert!(messages(&report).contains("stämmer med summan av raderna"), "{}", messages(&report));
    assert_eq!(report.charts().next().map(|c| c.categories.len()), Some(9));
    insta::assert_json_snapshot!("import_driftredovisning", report);
}

#[test]
fn handlingsplan() {
    let report = run("action-plan", "handlingsplan_2024_2026.xlsx", &[("required", "325")]);
    assert_eq!(cell(&report, "per-ar", "2024", "ej_planerat"), Some(150.0));
    assert_eq!(cell(&report, "per-ar", "2024", "beredning"), Some(17.0));
    insta::assert_json_snapshot!("import_handlingsplan", report);
}

#[test]
fn riktade_statsbidrag() {
    let report = run("earmarked-grants", "riktade_statsbidrag_2020.xlsx", &[("frame", "2600000")]);
    assert_eq!(cell(&report, "per-projekt", "Summa", "beviljat"), Some(3_110_000.0));
    assert!(messages(&report).contains("överstiger den beslutade ramen"), "{}", messages(&report));
    insta::assert_json_snapshot!("import_riktade_statsbidrag", report);
}

#[test]
fn balanskravsutredning() {
    let report = run("balance-requirement", "balanskravsutredning_2021_2024.xlsx", &[("goal", "2")]);
    assert!(close(cell(&report, "att-aterstalla", "Balanskravsresultat att återställa", "ar_2024"), 518.5));
    assert!(!messages(&report).contains("filen anger"), "{}", messages(&report));
    // The sample has no reserve balance: the 2024 cap (5 % of 7 402,8 + 2 915,1 = 515,895) is
    // shown, and one note asks for the opening balance.
    assert!(close(cell(&report, "reserv", "2024", "tak"), 515.895));
    assert_eq!(cell(&report, "reserv", "2024", "utgaende"), None);
    assert!(messages(&report).contains("kan inte prövas för 2024: reservens balans saknas"), "{}", messages(&report));
    insta::assert_json_snapshot!("import_balanskravsutredning", report);

    // With the opening balance 200 at the start of 2021: 200 + 150 = 350, − 38,6 = 311,4,
    // − 150 = 161,4 at the end of 2023 and 2024, within the cap.
    let report = run("balance-requirement", "balanskravsutredning_2021_2024.xlsx", &[("reserve_opening", "200")]);
    for (year, balance) in [("2021", 350.0), ("2022", 311.4), ("2023", 161.4), ("2024", 161.4)] {
        assert!(close(cell(&report, "reserv", year, "utgaende"), balance), "{year}");
    }
    assert!(close(cell(&report, "reserv", "2024", "utrymme"), 515.895 - 161.4));
    assert!(!messages(&report).contains("taket"), "{}", messages(&report));
}

#[test]
fn each_plugin_lists_only_the_file_it_used() {
    let samples = [
        ("budget-follow-up", "driftredovisning_2024_aug.xlsx", vec![]),
        ("action-plan", "handlingsplan_2024_2026.xlsx", vec![("required", "325")]),
        ("earmarked-grants", "riktade_statsbidrag_2020.xlsx", vec![("frame", "2600000")]),
        ("balance-requirement", "balanskravsutredning_2021_2024.xlsx", vec![("goal", "2")]),
        ("cost-per-inhabitant", "driftredovisning_2024_aug.xlsx", vec![("population", "245000")]),
    ];
    let mut registry = uppfolj_plugins::registry();
    uppfolj_plugin_cost_per_inhabitant::register(&mut registry).expect("no id clash with the built-ins");
    for (id, file, params) in &samples {
        // Every sample loaded, the plugin's own file last: what the user has open in the app.
        let mut datasets: Vec<Dataset> = samples.iter().filter(|s| s.1 != *file).flat_map(|s| import(s.1)).collect();
        let own = import(file);
        let expected: Vec<_> = own.iter().map(|d| d.source.clone()).take(1).collect();
        datasets.extend(own);
        let raw: Vec<_> = params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let plugin = registry.get(id).expect("registered");
        let report = uppfolj_plugin::run(plugin, &Inputs::new(datasets), &raw).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(report.inputs, expected, "{id} lists the file it used, not every file loaded");
    }
}

#[test]
fn cost_per_inhabitant_example_on_the_driftredovisning() {
    let mut registry = uppfolj_plugins::registry();
    uppfolj_plugin_cost_per_inhabitant::register(&mut registry).expect("no id clash with the built-ins");
    let plugin = registry.get("cost-per-inhabitant").expect("registered");
    let inputs = Inputs::new(import("driftredovisning_2024_aug.xlsx"));
    let report = uppfolj_plugin::run(plugin, &inputs, &[("population".into(), "245000".into())]).expect("report");
    let table = report.tables().next().expect("table");
    let col = table.column_index("per_invanare").expect("column");
    let total = table.rows.last().and_then(|r| r.cells[col].as_f64()).expect("total");
    assert!((total - 5_775_909_000.0 / 245_000.0).abs() < 1e-6, "{total}");
}
