//! The example plugin is picked up through the same registry as the built-ins, and computes cost
//! per inhabitant from a driftredovisning.

use uppfolj_plugin::model::dataset::{
    Cell, CellRef, ColumnMeta, ColumnRole, DataRow, Dataset, DatasetKind, RowKind, SourceFile, Value,
};
use uppfolj_plugin::model::report::TableCell;
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::{Inputs, Registry};

fn driftredovisning(with_inhabitants: bool) -> Dataset {
    let mut columns = vec![
        ColumnMeta::new("Verksamhet", Some(ColumnRole::OrgUnit), 0),
        ColumnMeta::new("Budget jan–aug", Some(ColumnRole::Budget), 1),
        ColumnMeta::new("Utfall jan–aug", Some(ColumnRole::Outcome), 2),
    ];
    if with_inhabitants {
        columns.push(ColumnMeta::new("Antal invånare", None, 3));
    }
    let lines = [
        ("Närsjukvårdsområde Väster", -460_000.0, -489_318.0, 60_000.0),
        ("Närsjukvårdsområde Norr", -361_000.0, -371_884.0, 55_000.0),
        ("Summa", -821_000.0, -861_202.0, 115_000.0),
    ];
    let rows = lines
        .iter()
        .enumerate()
        .map(|(i, (name, b, o, n))| {
            let r = 5 + i as u32;
            let mut cells = vec![
                Cell::new(Value::Text((*name).into()), CellRef::new(r, 0)),
                Cell::new(Value::number(*b), CellRef::new(r, 1)),
                Cell::new(Value::number(*o), CellRef::new(r, 2)),
            ];
            if with_inhabitants {
                cells.push(Cell::new(Value::number(*n), CellRef::new(r, 3)));
            }
            DataRow { cells, kind: if i == 2 { RowKind::Total } else { RowKind::Data }, level: 0, source_row: r }
        })
        .collect();
    Dataset {
        source: SourceFile { file: "drift.xlsx".into(), sheet: Some("Drift".into()) },
        title: "Driftredovisning januari–augusti".into(),
        kind: DatasetKind::Budget,
        unit: Some(Unit::Tkr),
        range: None,
        columns,
        rows,
    }
}

fn registry() -> Registry {
    // The same two lines as in the CLI and the web app.
    let mut registry = Registry::new();
    uppfolj_plugin_cost_per_inhabitant::register(&mut registry).expect("registers");
    registry
}

fn per_inhabitant(report: &uppfolj_plugin::model::Report, row: usize) -> Option<f64> {
    let table = report.tables().next().expect("table");
    let col = table.column_index("per_invanare").expect("column");
    table.rows[row].cells[col].as_f64()
}

#[test]
fn divides_cost_by_population_parameter() {
    let registry = registry();
    let plugin = registry.get("cost-per-inhabitant").expect("found in the registry");
    let report = uppfolj_plugin::run(
        plugin,
        &Inputs::new(vec![driftredovisning(false)]),
        &[("population".into(), "245000".into())],
    )
    .expect("report");
    // −489 318 tkr, costs negative → 489 318 000 kr / 245 000 inv = 1 997,22 kr/inv.
    let v = per_inhabitant(&report, 0).expect("value");
    assert!((v - 489_318_000.0 / 245_000.0).abs() < 1e-6, "{v}");
    let table = report.tables().next().expect("table");
    assert_eq!(table.rows.len(), 3, "two lines and the total; the file's Summa is not counted again");
    assert_eq!(table.rows[2].cells[0], TableCell::Text("Totalt".into()));
    let total = per_inhabitant(&report, 2).expect("total");
    assert!((total - 861_202_000.0 / 245_000.0).abs() < 1e-6, "{total}");
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

#[test]
fn reads_inhabitants_from_a_column() {
    let registry = registry();
    let plugin = registry.get("cost-per-inhabitant").expect("registered");
    let report = uppfolj_plugin::run(plugin, &Inputs::new(vec![driftredovisning(true)]), &[]).expect("report");
    let v = per_inhabitant(&report, 1).expect("value");
    assert!((v - 371_884_000.0 / 55_000.0).abs() < 1e-6, "{v}");
}

#[test]
fn missing_population_is_a_diagnostic_not_an_abort() {
    let registry = registry();
    let plugin = registry.get("cost-per-inhabitant").expect("registered");
    let report = uppfolj_plugin::run(plugin, &Inputs::new(vec![driftredovisning(false)]), &[]).expect("report");
    assert_eq!(per_inhabitant(&report, 0), None);
    assert!(report.diagnostics.iter().any(|d| d.message.contains("population")));
}

#[test]
fn examples_run() {
    let registry = registry();
    let plugin = registry.get("cost-per-inhabitant").expect("registered");
    for example in plugin.examples() {
        let params: Vec<_> = example.params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let report =
            uppfolj_plugin::run(plugin, &Inputs::new(vec![driftredovisning(false)]), &params).expect("example runs");
        assert!(per_inhabitant(&report, 0).is_some(), "{}", example.description);
    }
}

#[test]
fn registers_next_to_the_builtins_without_clash() {
    let mut registry = Registry::new();
    uppfolj_plugin_cost_per_inhabitant::register(&mut registry).expect("registers");
    assert!(uppfolj_plugin_cost_per_inhabitant::register(&mut registry).is_err(), "a duplicate id is refused");
}
