//! Invented ledgers with Swedish ERP headers (tests/fixtures/ledger/ and samples/, made by
//! tests/fixtures/ledger/make_ledger.py, PROVENANCE.md): the import gives the organisation, account, label and period columns the
//! roles the reports group by, and keeps every ledger line as a data row.

use std::path::Path;
use std::sync::Arc;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::{ColumnRole, Dataset, RowKind, Value};

/// The ledger `name`, relative to the repository's root.
fn import(relative: &str) -> Dataset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative);
    let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
    let bytes = std::fs::read(&path).expect("fixture exists");
    let mut import = import_bytes(&name, &bytes, &ImportOptions::default()).expect("imports");
    assert_eq!(import.datasets.len(), 1, "{name}: one table");
    Arc::unwrap_or_clone(import.datasets.remove(0))
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
    assert!(d.rows.iter().all(|r| r.kind() == RowKind::Data && r.level() == 0), "a flat list of lines");
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

/// The förvaltning of every line, as the dataset holds it.
fn org_texts(d: &Dataset) -> Vec<Arc<str>> {
    let col = d.column(ColumnRole::OrgUnit).expect("an organisation column");
    d.rows
        .iter()
        .filter_map(|r| match &r.value(col).cloned().expect("a value") {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// Each distinct text is one allocation: every line naming a förvaltning shares it.
fn assert_held_once(texts: &[Arc<str>], what: &str) {
    let mut distinct: Vec<&Arc<str>> = Vec::new();
    for t in texts {
        match distinct.iter().find(|d| ***d == *t) {
            Some(d) => assert!(Arc::ptr_eq(d, t), "{what}: '{t}' held twice"),
            None => distinct.push(t),
        }
    }
    assert!(texts.len() > distinct.len(), "{what}: texts repeat down the column");
}

#[test]
fn a_text_repeated_down_a_column_is_held_once() {
    let d = import("crates/uppfolj-import/tests/fixtures/ledger/huvudbok_budget_2024_aug.xlsx");
    assert_held_once(&org_texts(&d), "xlsx");
    let csv = "Förvaltning;Konto;Utfall\nVård ;4010;1\nVård;4020;2\n Skola;4010;3\nSkola;4010;4\n";
    let import = import_bytes("huvudbok.csv", csv.as_bytes(), &ImportOptions::default()).expect("imports");
    let texts = org_texts(&import.datasets[0]);
    assert_eq!(texts.iter().map(|t| &**t).collect::<Vec<_>>(), ["Vård", "Vård", "Skola", "Skola"]);
    assert_held_once(&texts, "csv, trimmed");
}
