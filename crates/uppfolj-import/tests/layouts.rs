//! Small hand-made layouts (tests/fixtures/layouts/, made by make_fixtures.py): one case per file,
//! the import summary as an insta snapshot plus the facts a controller would check.

use std::path::Path;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::{ColumnRole, DatasetKind, RowKind, Unit, Value};

fn import(name: &str) -> uppfolj_import::Import {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts").join(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    import_bytes(name, &bytes, &ImportOptions::default()).expect("imports")
}

#[test]
fn driftredovisning_enkel() {
    let import = import("driftredovisning_enkel.xlsx");
    assert_eq!(import.datasets.len(), 1);
    let d = &import.datasets[0];
    assert_eq!(d.kind, DatasetKind::Budget);
    assert_eq!(d.unit, Some(Unit::Tkr));
    assert_eq!(d.title, "Driftredovisning januari–augusti 2024");
    let roles: Vec<Option<ColumnRole>> = d.columns.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [
            Some(ColumnRole::OrgUnit),
            Some(ColumnRole::Budget),
            Some(ColumnRole::Outcome),
            Some(ColumnRole::Deviation),
            Some(ColumnRole::Forecast)
        ]
    );
    assert_eq!(d.rows.len(), 6);
    assert!(d.rows.iter().take(5).all(|r| r.kind() == RowKind::Data));
    assert_eq!(d.rows.heads()[5].kind, RowKind::Total);
    assert_eq!(d.rows.value(0, 1).cloned().expect("a value").as_f64(), Some(-1_149_000.0));
    assert_eq!(d.rows.at(0, 1).map(|a| a.to_string()).as_deref(), Some("B5"));
    assert!(d.rows.iter().all(|r| (0..d.columns.len()).all(|c| r.at(c).is_some())));
    assert_eq!(import.summary.tables[0].range, "A4:E10");
    insta::assert_snapshot!(import.summary.to_string());
}

#[test]
fn two_tables_two_row_header_merged_years() {
    let import = import("flera_tabeller.xlsx");
    assert_eq!(import.datasets.len(), 2);
    let a = &import.datasets[0];
    let t = &import.summary.tables[0];
    assert_eq!(t.range, "A4:F11");
    assert_eq!(t.header_rows, [4, 5]);
    assert_eq!(a.unit, Some(Unit::Mnkr));
    let cols: Vec<(&str, Option<ColumnRole>, Option<&str>)> =
        a.columns.iter().map(|c| (c.name.as_str(), c.role, c.period.as_deref())).collect();
    assert_eq!(
        cols,
        [
            ("Område", Some(ColumnRole::OrgUnit), None),
            ("2024 / Budget", Some(ColumnRole::Budget), Some("2024")),
            ("2024 / Utfall", Some(ColumnRole::Outcome), Some("2024")),
            ("2023 / Budget", Some(ColumnRole::Budget), Some("2023")),
            ("2023 / Utfall", Some(ColumnRole::Outcome), Some("2023")),
            ("Förbrukning / Andel", Some(ColumnRole::Value), None),
        ]
    );
    // A percent-formatted fraction is read in percentage points.
    assert_eq!(a.columns[5].unit, Some(Unit::Percent));
    let somatik =
        a.rows.iter().find(|r| r.value(0).cloned().expect("a value").as_text() == Some("Somatik")).expect("row");
    assert!((somatik.value(5).cloned().expect("a value").as_f64().expect("share") - 103.9).abs() < 1e-9);
    assert_eq!(somatik.level(), 1, "indented");
    let kinds: Vec<RowKind> = a.rows.iter().map(|r| r.kind()).collect();
    assert_eq!(kinds[3], RowKind::Subtotal, "Delsumma");
    assert_eq!(kinds[5], RowKind::Total, "Summa");
    // The footer ends the table; the second table has its own title, unit and text numbers.
    let b = &import.datasets[1];
    assert_eq!(b.title, "Investeringar 2024 (tkr)");
    assert_eq!(b.unit, Some(Unit::Tkr));
    assert_eq!(import.summary.tables[1].range, "A17:D20");
    assert_eq!(b.rows.value(0, 2).cloned().expect("a value").as_f64(), Some(1_102_345.5));
    assert_eq!(b.rows.value(1, 1).cloned().expect("a value").as_f64(), Some(-12_000.0));
    assert_eq!(b.rows.value(1, 2).cloned().expect("a value"), Value::Missing { marker: Some("..".into()) });
    assert_eq!(
        b.rows.value(1, 3).cloned().expect("a value"),
        Value::Text("Prognos −11 500".into()),
        "a comment stays text"
    );
    assert_eq!(b.rows.heads()[2].kind, RowKind::Total);
    assert!(b.rows.value(2, 2).cloned().expect("a value").is_missing(), "#DIV/0! as text is an error");
    insta::assert_snapshot!(import.summary.to_string());
}

#[test]
fn mapping_overrides_roles_header_unit_and_sign() {
    use uppfolj_import::{ColumnOverride, Mapping, SignConvention};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts/driftredovisning_enkel.xlsx");
    let bytes = std::fs::read(path).expect("fixture");
    let mapping: Mapping = serde_json::from_str(
        r#"{
            "header_row": 4,
            "unit": {"kind": "mnkr"},
            "sign": "costs_positive",
            "columns": [
                {"column": "Helårsprognos", "ignore": true},
                {"column": "A", "role": "label"},
                {"column": "Avvikelse", "role": "comment"}
            ]
        }"#,
    )
    .expect("a mapping is JSON");
    let options = ImportOptions { mapping: mapping.clone(), ..ImportOptions::default() };
    let import = import_bytes("driftredovisning_enkel.xlsx", &bytes, &options).expect("imports");
    let d = &import.datasets[0];
    let t = &import.summary.tables[0];
    assert_eq!(d.unit, Some(Unit::Mnkr));
    assert_eq!(t.unit_source.as_deref(), Some("mappning"));
    assert_eq!(t.sign, Some(SignConvention::CostsPositive));
    assert_eq!(d.columns.len(), 4, "Helårsprognos left out");
    assert_eq!(d.columns[0].role, Some(ColumnRole::Label));
    assert_eq!(d.columns[3].role, Some(ColumnRole::Comment));
    assert_eq!(t.columns[0].because, "mappning");
    // The same mapping, serialised, works next month.
    let again: Mapping = serde_json::from_str(&serde_json::to_string(&mapping).expect("serialise")).expect("parse");
    assert_eq!(again, mapping);
    let wrong = Mapping { sheet: Some("Finns inte".into()), ..Mapping::default() };
    let err = import_bytes(
        "driftredovisning_enkel.xlsx",
        &bytes,
        &ImportOptions { mapping: wrong, ..ImportOptions::default() },
    )
    .expect_err("no such sheet");
    assert!(err.to_string().contains("Drift"), "{err}");
    let _ = ColumnOverride { column: "B".into(), role: None, unit: None, ignore: false };
}
