//! Invented ledgers with Swedish ERP headers (tests/fixtures/ledger/ and samples/, made by
//! tests/fixtures/ledger/make_ledger.py, PROVENANCE.md): the import gives the organisation, account, label and period columns the
//! roles the reports group by, and keeps every ledger line as a data row.

use std::path::Path;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::{ColumnRole, Dataset, RowKind};

/// The ledger `name`, relative to the repository's root.
fn import(relative: &str) -> Dataset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative);
    let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
    let bytes = std::fs::read(&path).expect("fixture exists");
    let mut import = import_bytes(&name, &bytes, &ImportOptions::default()).expect("imports");
    assert_eq!(import.datasets.len(), 1, "{name}: one table");
    std::sync::Arc::unwrap_or_clone(import.datasets.remove(0))
}

fn roles(d: &Dataset) -> Vec<(String, Option<ColumnRole>)> {
    d.columns.iter().map(|c| (c.name.clone(), c.role)).collect()
}

fn lines_before_amounts() -> Vec<(String, Option<ColumnRole>)> {
    [
        ("Förvaltning", Some(ColumnRole::OrgUnit)),
        ("Verksamhet", Some(ColumnRole::OrgUnit)),
        ("Konto", Some(ColumnRole::Account)),
        ("Kontonamn", Some(ColumnRole::Account)),
        ("Projekt", None),
        ("Leverantör", Some(ColumnRole::Label)),
        ("Bokföringsdatum", Some(ColumnRole::Period)),
        ("Period", Some(ColumnRole::Period)),
    ]
    .into_iter()
    .map(|(n, r)| (n.to_owned(), r))
    .collect()
}

#[test]
fn a_ledger_with_budget_has_org_account_and_amount_roles_and_every_line() {
    let d = import("crates/uppfolj-import/tests/fixtures/ledger/huvudbok_budget_2024_aug.xlsx");
    let mut expected = lines_before_amounts();
    expected.push(("Budget, kr".into(), Some(ColumnRole::Budget)));
    expected.push(("Utfall, kr".into(), Some(ColumnRole::Outcome)));
    assert_eq!(roles(&d), expected);
    assert_eq!(d.rows.len(), 346);
    assert!(d.rows.iter().all(|r| r.kind == RowKind::Data && r.level == 0), "a flat list of lines");
}

#[test]
fn an_outcome_only_ledger_has_no_budget_column() {
    let d = import("samples/huvudbok_utfall_2024_aug.xlsx");
    let mut expected = lines_before_amounts();
    expected.push(("Utfall, kr".into(), Some(ColumnRole::Outcome)));
    assert_eq!(roles(&d), expected);
    assert_eq!(d.rows.len(), 304);
    assert_eq!(d.column(ColumnRole::Budget), None);
}
