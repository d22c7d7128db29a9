//! Tests of the action-plan plugin on the figures of Region Västernorrland's handlingsplan
//! (seed 003: 325 mnkr required, 175 mnkr planned, 17 mnkr under preparation).

use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind};
use uppfolj_plugin::model::report::{Block, ChartKind, RowKindOut};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin_test_support::{DatasetBuilder, V, cell, import_file, messages, run};
use uppfolj_plugins::ActionPlan;

/// samples/handlingsplan_2024_2026.xlsx as the import reads it.
fn sample() -> Dataset {
    import_file("samples/handlingsplan_2024_2026.xlsx").remove(0)
}

#[test]
fn seed_figures_325_required_175_planned_150_unplanned() {
    let report = run(&ActionPlan, vec![sample()], &[("required", "325")]);
    assert_eq!(cell(&report, "per-ar", "2024", "krav"), Some(325.0));
    assert_eq!(cell(&report, "per-ar", "2024", "planerat"), Some(175.0));
    assert_eq!(cell(&report, "per-ar", "2024", "ej_planerat"), Some(150.0));
    assert_eq!(cell(&report, "per-ar", "2024", "beredning"), Some(17.0));
    assert_eq!(cell(&report, "per-ar", "2024", "ej_planerat_efter_beredning"), Some(133.0));
    let realised = cell(&report, "per-ar", "2024", "realiserat").expect("realised");
    assert!((realised - 97.6).abs() < 1e-9, "{realised}");
    // The purchasing measure keeps the seed's 20/50/30 mnkr per year.
    let inkop = "Standardiserat sortiment och striktare inköpsstyrning";
    assert_eq!(cell(&report, "per-atgard", inkop, "planerat_2025"), Some(50.0));
    assert_eq!(cell(&report, "per-omrade", "Inköp", "planerat_2026"), Some(30.0));
    // The file's total row is not a measure and matches.
    let measures = report.tables().find(|t| t.id == "per-atgard").expect("table");
    assert_eq!(measures.rows.len(), 8, "seven measures and one total");
    assert_eq!(measures.rows[7].kind, RowKindOut::Total);
    assert_eq!(measures.rows[7].sum_of, vec![0, 1, 2, 3, 4, 5], "the measure under preparation is not summed");
    assert!(!messages(&report).contains("Summaraden anger"), "{}", messages(&report));
    let text = serde_json::to_string(&report).expect("json");
    assert!(text.contains(
        "Kravet för 2024 är 325,0 mnkr. Beslutade åtgärder beräknas ge 175,0 mnkr; 150,0 mnkr saknar ännu åtgärder."
    ));
    assert!(text.contains("Ytterligare 17,0 mnkr är under beredning; räknas de med återstår 133,0 mnkr."));
}

#[test]
fn chart_shows_planned_realised_and_required() {
    let report = run(&ActionPlan, vec![sample()], &[("required", "2024=325; 2025=150")]);
    let chart = report.charts().next().expect("chart");
    assert_eq!(chart.kind, ChartKind::GroupedBar);
    assert_eq!(chart.categories, vec!["2024", "2025", "2026"]);
    let names: Vec<_> = chart.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Planerat", "Realiserat", "Krav"]);
    assert_eq!(chart.series[2].values, vec![Some(325.0), Some(150.0), None]);
    assert_eq!(chart.series[0].values, vec![Some(175.0), Some(155.0), Some(85.0)]);
    assert_eq!(chart.reference_lines[0].value, 325.0);
}

#[test]
fn long_layout_with_a_year_column() {
    let rows = vec![
        vec![V::T("Inköp"), V::N(2024.0), V::N(20.0)],
        vec![V::T("Inköp"), V::N(2025.0), V::N(50.0)],
        vec![V::T("Bemanning"), V::N(2024.0), V::N(60.0)],
    ];
    let ds = DatasetBuilder::new("plan.csv")
        .title("Handlingsplan")
        .unit(Some(Unit::Mnkr))
        .kind(DatasetKind::Table)
        .header_row(0)
        .columns(&[
            ("Åtgärd", Some(ColumnRole::Measure)),
            ("År", Some(ColumnRole::Year)),
            ("Planerad effekt", Some(ColumnRole::Planned)),
        ])
        .rows(&rows)
        .build();
    let report = run(&ActionPlan, vec![ds], &[("required", "100")]);
    assert_eq!(cell(&report, "per-ar", "2024", "planerat"), Some(80.0));
    assert_eq!(cell(&report, "per-ar", "2024", "ej_planerat"), Some(20.0));
    assert_eq!(cell(&report, "per-atgard", "Inköp", "planerat_2025"), Some(50.0));
    assert!(messages(&report).is_empty() || !messages(&report).contains("saknar"), "{}", messages(&report));
}

#[test]
fn missing_requirement_and_effects_are_diagnostics() {
    let rows = vec![vec![V::T("Ny åtgärd"), V::E], vec![V::T("Inköp"), V::N(20.0)]];
    let ds = DatasetBuilder::new("plan.xlsx")
        .title("Handlingsplan 2024")
        .unit(Some(Unit::Mnkr))
        .kind(DatasetKind::Table)
        .header_row(0)
        .columns(&[("Åtgärd", Some(ColumnRole::Measure)), ("Planerad effekt", Some(ColumnRole::Planned))])
        .rows(&rows)
        .build();
    let report = run(&ActionPlan, vec![ds], &[]);
    let m = messages(&report);
    assert!(m.contains("'Ny åtgärd' saknar planerad effekt"), "{m}");
    assert!(m.contains("Inget krav"), "{m}");
    assert_eq!(cell(&report, "per-ar", "2024", "planerat"), Some(20.0), "the year comes from the title");
    assert!(report.sections[0].blocks.iter().any(|b| matches!(b, Block::KeyFigures { .. })));
}

#[test]
fn invalid_requirement_is_a_parameter_error() {
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get("action-plan").expect("registered");
    let err = uppfolj_plugin::run(
        plugin,
        &uppfolj_plugin::Inputs::new(vec![sample()]),
        &[("required".into(), "tjugo".into())],
    )
    .expect_err("not an amount");
    assert!(err.to_string().contains("'tjugo' är inget belopp"), "{err}");
}
