//! The example plugin's tests: its declared examples on the real sample (figures checked and the
//! reports snapshotted in `tests/snapshots/`), then one focused test per rule, on a table written
//! in the test and read by the real import (`TableLiteral`) or a dataset built by hand
//! (`DatasetBuilder`) where the roles and cells are what is tested.

use uppfolj_plugin::Registry;
use uppfolj_plugin::model::dataset::{ColumnRole, DatasetKind};
use uppfolj_plugin::model::report::{Block, TableCell};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin_cost_per_inhabitant::CostPerInhabitant;
use uppfolj_plugin_test_support::{DatasetBuilder, TableLiteral, V, assert_example_snapshots, cell, messages, run};

const TABLE: &str = "kostnad-per-invanare";

#[test]
fn every_example_produces_its_figures() {
    assert_example_snapshots!(CostPerInhabitant);
}

#[test]
fn the_files_total_row_is_not_counted_again() {
    let ds = DatasetBuilder::new("drift.xlsx")
        .kind(DatasetKind::Budget)
        .unit(Unit::Tkr)
        .columns(&[("Verksamhet", Some(ColumnRole::OrgUnit)), ("Utfall jan–aug", Some(ColumnRole::Outcome))])
        .row(vec![V::T("Närsjukvårdsområde Väster"), V::N(-489_318.0)])
        .row(vec![V::T("Närsjukvårdsområde Norr"), V::N(-371_884.0)])
        .row(vec![V::T("Summa"), V::N(-861_202.0)])
        .last_row_total()
        .build();
    let report = run(&CostPerInhabitant, vec![ds], &[("population", "245 000")]);
    // −489 318 tkr, costs negative → 489 318 000 kr / 245 000 inv.
    assert_eq!(cell(&report, TABLE, "Närsjukvårdsområde Väster", "per_invanare"), Some(489_318_000.0 / 245_000.0));
    assert_eq!(cell(&report, TABLE, "Totalt", "kostnad"), Some(861_202_000.0), "the two units, not thrice");
    assert_eq!(report.tables().next().map(|t| t.rows.len()), Some(3), "two units and the total");
}

#[test]
fn reads_inhabitants_from_a_column() {
    let datasets = TableLiteral::new("kostnader.csv")
        .row(["Verksamhet", "Utfall", "Antal invånare"])
        .row(["Skola", "-100 000", "1 000"])
        .row(["Vård", "-300 000", "2 000"])
        .import();
    let report = run(&CostPerInhabitant, datasets, &[]);
    assert_eq!(cell(&report, TABLE, "Vård", "per_invanare"), Some(150.0));
    assert_eq!(cell(&report, TABLE, "Totalt", "invanare"), Some(3_000.0));
    assert_eq!(cell(&report, TABLE, "Totalt", "per_invanare"), Some(400_000.0 / 3_000.0));
}

#[test]
fn uses_the_outcome_of_the_latest_year() {
    // The import gives both columns the role Utfall; the year is in the header only.
    let datasets = TableLiteral::new("kostnader.csv")
        .row(["Verksamhet", "Utfall 2023", "Utfall 2024"])
        .row(["Skola", "-100", "-120"])
        .import();
    let report = run(&CostPerInhabitant, datasets, &[("population", "10")]);
    assert_eq!(cell(&report, TABLE, "Skola", "kostnad"), Some(120.0));
}

#[test]
fn the_sign_parameter_overrides_detection() {
    let datasets = TableLiteral::new("kostnader.csv")
        .row(["Verksamhet", "Budget"])
        .row(["Skola", "-50"])
        .row(["Vård", "200"])
        .import();
    let report = run(&CostPerInhabitant, datasets.clone(), &[("population", "10"), ("sign", "costs-positive")]);
    assert_eq!(cell(&report, TABLE, "Vård", "kostnad"), Some(200.0));
    let report = run(&CostPerInhabitant, datasets, &[("population", "10"), ("sign", "costs-negative")]);
    assert_eq!(cell(&report, TABLE, "Vård", "kostnad"), Some(-200.0));
}

#[test]
fn missing_population_is_a_diagnostic_not_an_abort() {
    let datasets = TableLiteral::new("kostnader.csv").row(["Verksamhet", "Utfall"]).row(["Skola", "-100"]).import();
    let report = run(&CostPerInhabitant, datasets, &[]);
    assert_eq!(cell(&report, TABLE, "Skola", "per_invanare"), None);
    let messages = messages(&report);
    assert!(messages.contains("Ange inställningen Antal invånare"), "{messages}");
    assert!(!messages.contains("population"), "users see labels, never keys: {messages}");
}

#[test]
fn ends_with_the_sources_of_its_figures() {
    let datasets = TableLiteral::new("kostnader.csv")
        .row(["Verksamhet", "Utfall", "Antal invånare"])
        .row(["Skola", "-100", "10"])
        .row(["Vård", "-300", "20"])
        .import();
    let report = run(&CostPerInhabitant, datasets, &[]);
    let sources = report.sections.last().expect("sections");
    assert_eq!(sources.title, "Källor");
    let Some(Block::Provenance { notes }) = sources.blocks.first() else { panic!("no provenance: {sources:?}") };
    let described: Vec<(&str, u64)> = notes.iter().map(|n| (n.what.as_str(), n.cell_count())).collect();
    assert_eq!(described, [("Utfall", 2), ("Antal invånare", 2)]);
    assert_eq!(report.tables().next().map(|t| t.rows[0].cells[0].clone()), Some(TableCell::Text("Skola".into())));
}

#[test]
fn a_duplicate_id_is_refused() {
    let mut registry = Registry::new();
    uppfolj_plugin_cost_per_inhabitant::register(&mut registry).expect("registers");
    assert!(uppfolj_plugin_cost_per_inhabitant::register(&mut registry).is_err());
}
