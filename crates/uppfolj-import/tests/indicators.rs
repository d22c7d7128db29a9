//! Indicator and Kolada tables as people have them: roles the values decide where a header word
//! misleads. One case per fixture: the real Kolada files in tests/fixtures/real/ (provenance in
//! its PROVENANCE.md) and small hand-made tables in tests/fixtures/indicators/.

use std::path::Path;
use uppfolj_import::{Import, ImportOptions, import_bytes};
use uppfolj_model::{ColumnRole, Dataset, DatasetKind, Value};

fn import(folder: &str, name: &str) -> Import {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(folder).join(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    import_bytes(name, &bytes, &ImportOptions::default()).expect("imports")
}

fn roles(d: &Dataset) -> Vec<Option<ColumnRole>> {
    d.columns.iter().map(|c| c.role).collect()
}

fn infos(import: &Import) -> Vec<String> {
    import.summary.tables[0].warnings.iter().map(|w| w.message.clone()).collect()
}

/// `geo` holds county codes ("0", "01", "13"): a region id, kept as written; the value column
/// headed by the KPI ("u79092") is the value.
#[test]
fn kolada_long_geo_codes_and_kpi_value_column() {
    let import = import("real", "opennumbers_kolada_u79092_aterinskrivning_30d_by_geo_gender_year.csv");
    let d = &import.datasets[0];
    assert_eq!(d.kind, DatasetKind::Indicator);
    assert_eq!(
        roles(d),
        [Some(ColumnRole::RegionId), Some(ColumnRole::Gender), Some(ColumnRole::Year), Some(ColumnRole::Value)]
    );
    assert_eq!(d.columns[3].name, "u79092", "the KPI id stays in the header");
    assert_eq!(d.rows.value(0, 3).cloned().expect("a value").as_f64(), Some(18.0));
    assert_eq!(d.rows.value(0, 0).cloned().expect("a value"), Value::Text("0".into()), "Riket");
    assert_eq!(
        d.rows.value(2, 0).cloned().expect("a value"),
        Value::Text("01".into()),
        "Region Stockholm, leading zero kept"
    );
    assert!(d.rows.iter().any(|r| r.value(0).cloned().expect("a value") == Value::Text("13".into())), "Region Halland");
}

/// `kpi` holds KPI names, not ids ("N70060"): the indicator's name.
#[test]
fn kolada_long_kpi_names_are_indicator_names() {
    let import = import("real", "dalarna_kolada_service_long.csv");
    let d = &import.datasets[0];
    assert_eq!(d.column(ColumnRole::IndicatorName), Some(0));
    assert_eq!(d.column(ColumnRole::IndicatorId), None);
    assert_eq!(
        d.rows.value(0, 0).cloned().expect("a value"),
        Value::Text("Invånare med tillgång till dagligvarubutik inom 2 km, andel (%)".into())
    );
}

/// Kolada's KPI catalogue: `id` holds KPI ids, `title` their names.
#[test]
fn kolada_kpi_catalogue_id_and_title() {
    let import = import("real", "kolada_v3_kpi_catalog_regions_only_2026-03.csv");
    let d = &import.datasets[0];
    assert_eq!(d.rows.len(), 1318);
    assert_eq!(&roles(d)[..2], [Some(ColumnRole::IndicatorId), Some(ColumnRole::IndicatorName)]);
    assert_eq!(d.rows.value(0, 0).cloned().expect("a value"), Value::Text("N00333".into()));
    assert_eq!(
        d.rows.value(0, 1).cloned().expect("a value"),
        Value::Text("Medborgarengagemang och demokratisk delaktighet - Regionindex".into())
    );
}

/// Kolada's municipality list: `id` ("0000", "0013", "1440") is a region id, kept as written.
#[test]
fn kolada_municipality_list_id_is_region_id() {
    let import = import("real", "kolada_v3_municipality_list_2026-03.csv");
    let d = &import.datasets[0];
    assert_eq!(&roles(d)[..2], [Some(ColumnRole::RegionId), Some(ColumnRole::RegionName)]);
    assert_eq!(d.rows.value(0, 0).cloned().expect("a value"), Value::Text("0000".into()));
    assert_eq!(d.rows.value(0, 1).cloned().expect("a value"), Value::Text("Riket".into()));
    assert!(infos(&import).iter().all(|m| !m.contains("\"id\"")), "{:?}", infos(&import));
}

/// "Enhet" holding "kr/inv", "dagar", "%", "antal": units of measure, no organisational unit.
#[test]
fn enhet_with_units_of_measure_is_no_org_unit() {
    let import = import("indicators", "nyckeltal_enhet_matt.csv");
    let d = &import.datasets[0];
    assert_eq!(d.kind, DatasetKind::Indicator);
    assert_eq!(&roles(d)[..2], [Some(ColumnRole::IndicatorName), None]);
    assert_eq!(d.rows.value(0, 1).cloned().expect("a value"), Value::Text("kr/inv".into()));
    let said = infos(&import);
    assert!(said.iter().any(|m| m.contains("\"Enhet\" anger måttenheter")), "{said:?}");
    assert!(said.iter().all(|m| !m.contains("fick ingen roll")), "{said:?}");
}

/// "Enhet" with units of measure first, and no header naming the rows: never the row label.
#[test]
fn enhet_with_units_of_measure_never_labels_the_rows() {
    let import = import("indicators", "kolada_enhet_utan_namnrubrik.csv");
    let d = &import.datasets[0];
    assert_eq!(d.kind, DatasetKind::Indicator);
    assert_eq!(roles(d), [None, Some(ColumnRole::RegionName), Some(ColumnRole::Value), Some(ColumnRole::Value)]);
}

/// "Enhet" holding vårdcentraler in a budget: still an organisational unit.
#[test]
fn enhet_with_organisational_units_stays_org_unit() {
    let import = import("indicators", "budget_enhet_organisation.csv");
    let d = &import.datasets[0];
    assert_eq!(d.kind, DatasetKind::Budget);
    assert_eq!(roles(d), [Some(ColumnRole::OrgUnit), Some(ColumnRole::Budget), Some(ColumnRole::Outcome)]);
}
