//! Small hand-made layouts (tests/fixtures/layouts/, made by make_fixtures.py): one case per file,
//! the import summary as an insta snapshot plus the facts a controller would check.

use std::path::Path;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::{ColumnRole, DatasetKind, RowKind, Unit};

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
    assert!(d.rows[..5].iter().all(|r| r.kind == RowKind::Data));
    assert_eq!(d.rows[5].kind, RowKind::Total);
    assert_eq!(d.rows[0].cells[1].value.as_f64(), Some(-1_149_000.0));
    assert_eq!(d.rows[0].cells[1].at.map(|a| a.to_string()).as_deref(), Some("B5"));
    assert!(d.rows.iter().all(|r| r.cells.iter().all(|c| c.at.is_some())));
    assert_eq!(import.summary.tables[0].range, "A4:E10");
    insta::assert_snapshot!(import.summary.to_string());
}
