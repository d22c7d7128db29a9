//! Tests of the action-plan plugin on the figures of Region Västernorrland's handlingsplan
//! (seed 003: 325 mnkr required, 175 mnkr planned, 17 mnkr under preparation).

mod support;

use support::{V, cell, dataset, messages, run};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind};
use uppfolj_plugin::model::report::{Block, ChartKind, RowKindOut};
use uppfolj_plugin::model::unit::Unit;

/// samples/handlingsplan_2024_2026.xlsx as the import lays it out, built by hand.
fn sample() -> Dataset {
    let m = |nr: f64,
             name: &'static str,
             area: &'static str,
             p: [Option<f64>; 3],
             r: Option<f64>,
             st: &'static str,
             resp: &'static str| {
        let n = |v: Option<f64>| v.map_or(V::E, V::N);
        vec![V::N(nr), V::T(name), V::T(area), n(p[0]), n(p[1]), n(p[2]), n(r), V::T(st), V::T(resp)]
    };
    let rows = vec![
        m(
            1.0,
            "Översyn av ersättningar utöver avtal",
            "Ersättningar",
            [Some(45.0), Some(20.0), Some(0.0)],
            Some(28.4),
            "Pågår",
            "HR-direktör",
        ),
        m(
            2.0,
            "Minskad användning av hyrpersonal",
            "Bemanning",
            [Some(60.0), Some(60.0), Some(40.0)],
            Some(31.2),
            "Försenad",
            "Områdesdirektörer",
        ),
        m(
            3.0,
            "Standardiserat sortiment och striktare inköpsstyrning",
            "Inköp",
            [Some(20.0), Some(50.0), Some(30.0)],
            Some(9.1),
            "Enligt plan",
            "Inköpschef",
        ),
        m(
            4.0,
            "Färre resor och centralt prioriterad utbildning",
            "Resor och utbildning",
            [Some(15.0), Some(5.0), Some(0.0)],
            Some(11.0),
            "Genomförd",
            "Stabschef",
        ),
        m(
            5.0,
            "Översyn av köpt vård och utomlänsvård",
            "Köpt vård",
            [Some(25.0), Some(15.0), Some(10.0)],
            Some(12.3),
            "Pågår",
            "Hälso- och sjukvårdsdirektör",
        ),
        m(
            6.0,
            "Översyn av avgifter och ersättningar från andra regioner",
            "Intäkter",
            [Some(10.0), Some(5.0), Some(5.0)],
            Some(5.6),
            "Enligt plan",
            "Ekonomichef",
        ),
        m(
            7.0,
            "Ytterligare åtgärder under beredning",
            "Flera områden",
            [Some(17.0), None, None],
            None,
            "Under beredning",
            "Hälso- och sjukvårdsdirektör",
        ),
        vec![
            V::E,
            V::T("Summa beslutade åtgärder"),
            V::E,
            V::N(175.0),
            V::N(155.0),
            V::N(85.0),
            V::N(97.6),
            V::E,
            V::E,
        ],
    ];
    dataset(
        "handlingsplan_2024_2026.xlsx",
        "Hälso- och sjukvårdens handlingsplan för kostnadsreduceringar 2024–2026",
        Some(Unit::Mnkr),
        DatasetKind::Table,
        4,
        &[
            ("Nr", None),
            ("Åtgärd", Some(ColumnRole::Measure)),
            ("Område", Some(ColumnRole::OrgUnit)),
            ("Planerad effekt 2024", Some(ColumnRole::Planned)),
            ("Planerad effekt 2025", Some(ColumnRole::Planned)),
            ("Planerad effekt 2026", Some(ColumnRole::Planned)),
            ("Realiserad effekt 2024", Some(ColumnRole::Realised)),
            ("Status", Some(ColumnRole::Status)),
            ("Ansvarig", Some(ColumnRole::Responsible)),
        ],
        &rows,
    )
}

#[test]
fn sample_report_snapshot() {
    let report = run("action-plan", vec![sample()], &[("required", "325")]);
    insta::assert_json_snapshot!("action_plan_sample", report);
}

#[test]
fn seed_figures_325_required_175_planned_150_unplanned() {
    let report = run("action-plan", vec![sample()], &[("required", "325")]);
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
    let report = run("action-plan", vec![sample()], &[("required", "2024=325; 2025=150")]);
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
    let ds = dataset(
        "plan.csv",
        "Handlingsplan",
        Some(Unit::Mnkr),
        DatasetKind::Table,
        0,
        &[
            ("Åtgärd", Some(ColumnRole::Measure)),
            ("År", Some(ColumnRole::Year)),
            ("Planerad effekt", Some(ColumnRole::Planned)),
        ],
        &rows,
    );
    let report = run("action-plan", vec![ds], &[("required", "100")]);
    assert_eq!(cell(&report, "per-ar", "2024", "planerat"), Some(80.0));
    assert_eq!(cell(&report, "per-ar", "2024", "ej_planerat"), Some(20.0));
    assert_eq!(cell(&report, "per-atgard", "Inköp", "planerat_2025"), Some(50.0));
    assert!(messages(&report).is_empty() || !messages(&report).contains("saknar"), "{}", messages(&report));
}

#[test]
fn missing_requirement_and_effects_are_diagnostics() {
    let rows = vec![vec![V::T("Ny åtgärd"), V::E], vec![V::T("Inköp"), V::N(20.0)]];
    let ds = dataset(
        "plan.xlsx",
        "Handlingsplan 2024",
        Some(Unit::Mnkr),
        DatasetKind::Table,
        0,
        &[("Åtgärd", Some(ColumnRole::Measure)), ("Planerad effekt", Some(ColumnRole::Planned))],
        &rows,
    );
    let report = run("action-plan", vec![ds], &[]);
    let m = messages(&report);
    assert!(m.contains("'Ny åtgärd' saknar planerad effekt"), "{m}");
    assert!(m.contains("Inget krav"), "{m}");
    assert_eq!(cell(&report, "per-ar", "2024", "planerat"), Some(20.0), "the year comes from the title");
    assert!(report.sections[0].blocks.iter().any(|b| matches!(b, Block::KeyFigures { .. })));
}

#[test]
fn every_example_runs_on_the_sample() {
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get("action-plan").expect("registered");
    for example in plugin.examples() {
        let params: Vec<_> = example.params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let report = uppfolj_plugin::run(plugin, &uppfolj_plugin::Inputs::new(vec![sample()]), &params)
            .unwrap_or_else(|e| panic!("example '{}' failed: {e}", example.description));
        assert!(report.charts().next().is_some(), "{}", example.description);
    }
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
