//! Every real public file (tests/fixtures/real/, provenance in PROVENANCE.md) imports with a
//! summary a controller would agree with: one test per file stating the table range, the roles,
//! the unit and the total rows; the summary text is kept as an insta snapshot.

use std::path::Path;
use uppfolj_import::{Import, ImportOptions, import_bytes};
use uppfolj_model::{ColumnRole, Dataset, DatasetKind, RowKind, Unit, Value};

fn import(name: &str) -> Import {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real").join(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    import_bytes(name, &bytes, &ImportOptions::default()).expect("imports")
}

fn roles(d: &Dataset) -> Vec<Option<ColumnRole>> {
    d.columns.iter().map(|c| c.role).collect()
}

fn sum_data(d: &Dataset, col: usize) -> f64 {
    d.rows
        .iter()
        .filter(|r| r.kind() == RowKind::Data)
        .filter_map(|r| r.value(col).cloned().expect("a value").as_f64())
        .sum()
}

fn total_rows(d: &Dataset) -> Vec<(u32, RowKind)> {
    d.rows.iter().filter(|r| r.kind() != RowKind::Data).map(|r| (r.source_row() + 1, r.kind())).collect()
}

#[test]
fn statsbudget_utgifter_bold_subtotals() {
    let import = import("statsbudget_2025_utgifter_inkomster.xlsx");
    assert_eq!(import.datasets.len(), 2);
    let d = &import.datasets[0];
    let t = &import.summary.tables[0];
    assert_eq!(t.sheet.as_deref(), Some("Utgifter"));
    assert_eq!(t.range, "A1:B574");
    assert!(t.header_rows.is_empty(), "the sheet has no header row");
    assert_eq!(roles(d), [Some(ColumnRole::Label), Some(ColumnRole::Value)]);
    // The last row is the grand total; bold rows are area and appropriation-group subtotals.
    let last = d.rows.last().expect("rows");
    assert_eq!(last.kind(), RowKind::Total);
    assert_eq!(last.value(0).cloned().expect("a value"), Value::Text("Summa anslag".into()));
    assert_eq!(last.value(1).cloned().expect("a value").as_f64(), Some(1_441_595_890.0));
    assert_eq!(d.rows.heads()[0].kind, RowKind::Subtotal, "Rikets styrelse is bold");
    assert_eq!(d.rows.heads()[2].kind, RowKind::Data, "1 Kungliga hov- och slottsstaten");
    // Never summed twice: the appropriations (data rows) add up to the total.
    assert!((sum_data(d, 1) - 1_441_595_890.0).abs() < 1.0, "sum of data rows {}", sum_data(d, 1));
    assert_eq!((d.rows.heads()[0].level, d.rows.heads()[1].level, d.rows.heads()[2].level), (0, 1, 2));
    insta::assert_snapshot!(import.summary.to_string());
}

#[test]
fn statsbudget_inkomster_staggered_codes() {
    let import = import("statsbudget_2025_utgifter_inkomster.xlsx");
    let d = &import.datasets[1];
    let t = &import.summary.tables[1];
    assert_eq!(t.sheet.as_deref(), Some("Inkomster"));
    assert_eq!(d.title, "Specifikation av budgetens inkomster för 2025");
    assert_eq!(t.range, "A3:D320");
    assert_eq!(t.header_rows, [3]);
    assert_eq!(roles(d), [Some(ColumnRole::Account), Some(ColumnRole::Label), Some(ColumnRole::Value)]);
    let last = d.rows.last().expect("rows");
    assert_eq!(last.kind(), RowKind::Total);
    assert_eq!(last.value(1).cloned().expect("a value"), Value::Text("Summa inkomster".into()));
    // 1111 Statlig inkomstskatt: code in B, text in C, level below 1110 below 1100.
    let statlig = d
        .rows
        .iter()
        .find(|r| r.value(1).cloned().expect("a value") == Value::Text("Statlig inkomstskatt".into()))
        .expect("row");
    assert_eq!(statlig.value(0).cloned().expect("a value"), Value::Text("1111".into()));
    assert_eq!(statlig.at(1).map(|a| a.to_string()).as_deref(), Some("C7"));
    let inkomstskatter = d
        .rows
        .iter()
        .find(|r| r.value(1).cloned().expect("a value") == Value::Text("Inkomstskatter".into()))
        .expect("row");
    assert_eq!(inkomstskatter.kind(), RowKind::Subtotal, "1110 is the parent of 1111 and 1115");
    assert!(statlig.level() > inkomstskatter.level());
    let total = last.value(2).cloned().expect("a value").as_f64().expect("total");
    let sum = sum_data(d, 2);
    assert!((sum - total).abs() < 1.0, "data rows {sum} vs total {total}");
}

#[test]
fn kolada_eos_export_wide_xls() {
    let import = import("kolada_eos_export22058_wide.xls");
    assert_eq!(import.datasets.len(), 1);
    let d = &import.datasets[0];
    let t = &import.summary.tables[0];
    assert_eq!(t.range, "A3:P2047");
    assert_eq!(t.header_rows, [3]);
    assert_eq!(d.kind, DatasetKind::Indicator);
    assert_eq!(d.columns[0].role, Some(ColumnRole::RegionName));
    assert_eq!(d.columns[1].role, Some(ColumnRole::IndicatorName));
    let years: Vec<&str> = d.columns[2..].iter().filter_map(|c| c.period.as_deref()).collect();
    assert_eq!(years.len(), 14);
    assert_eq!((years[0], years[13]), ("2000", "2013"));
    assert!(d.columns[2..].iter().all(|c| c.role == Some(ColumnRole::Value)));
    // The aggregate row per indicator is a total; municipalities are one level deeper.
    let totals = total_rows(d);
    assert_eq!(totals.len(), 7);
    assert!(totals.iter().all(|(_, k)| *k == RowKind::Total));
    // The municipality is written on the first row of each block only: filled down.
    assert!(d.rows.iter().all(|r| !r.value(0).cloned().expect("a value").is_missing()));
    let ale: Vec<_> =
        d.rows.iter().filter(|r| r.value(0).cloned().expect("a value") == Value::Text("Ale".into())).collect();
    assert_eq!(ale.len(), 7, "7 indicators for Ale");
    assert!(ale.iter().all(|r| r.level() == 1));
    // Kolada's markers "-" and "." are missing values, not text.
    let markers = d
        .rows
        .iter()
        .flat_map(|r| r.values().skip(2))
        .filter(|v| matches!(v, Value::Missing { marker: Some(_) }))
        .count();
    assert!(markers > 0);
    assert!(d.rows.iter().flat_map(|r| r.values().skip(2)).all(|v| !matches!(v, Value::Text(_))));
    assert_eq!(d.observations().count(), d.rows.len() * 14);
    insta::assert_snapshot!(import.summary.to_string());
}

#[test]
fn hlv_dalarna_four_sheets_long() {
    let import = import("HLV_Dalarna_2014_2018_2021.xlsx");
    assert_eq!(import.datasets.len(), 4);
    let sheets: Vec<&str> = import.summary.tables.iter().filter_map(|t| t.sheet.as_deref()).collect();
    assert_eq!(sheets, ["Kommunjämförelse", "Ålder", "Födelseland", "Utbildning"]);
    let ranges: Vec<&str> = import.summary.tables.iter().map(|t| t.range.as_str()).collect();
    assert_eq!(ranges, ["A1:I2853", "A1:J9934", "A1:J6109", "A1:J8340"]);
    for d in &import.datasets {
        assert_eq!(d.kind, DatasetKind::Indicator);
        assert_eq!(d.column(ColumnRole::Year), Some(0));
        assert_eq!(d.column(ColumnRole::RegionName), Some(1));
        assert_eq!(d.column(ColumnRole::Gender), Some(2));
        assert!(d.column(ColumnRole::IndicatorName).is_some());
        let andel = d.column(ColumnRole::Value).expect("Andel");
        assert_eq!(d.columns[andel].name, "Andel");
        assert_eq!(d.unit_of(andel), Some(&Unit::Percent));
        assert!(d.rows.iter().all(|r| r.kind() == RowKind::Data));
    }
    let d = &import.datasets[0];
    assert_eq!(d.rows.value(0, 0).cloned().expect("a value"), Value::Text("2014".into()));
    assert_eq!(d.rows.value(0, 7).cloned().expect("a value").as_f64(), Some(62.0));
    insta::assert_snapshot!(import.summary.to_string());
}

#[test]
fn orebro_supplier_ledger() {
    let import = import("Orebro_leverantorsreskontra_2016-03.masked.xlsx");
    assert_eq!(import.datasets.len(), 1);
    let d = &import.datasets[0];
    let t = &import.summary.tables[0];
    assert_eq!(t.range, "A1:F68022");
    assert_eq!(d.rows.len(), 68_021);
    assert_eq!(
        roles(d),
        [
            Some(ColumnRole::OrgUnit),
            Some(ColumnRole::Label),
            None,
            None,
            Some(ColumnRole::Account),
            Some(ColumnRole::Outcome)
        ]
    );
    assert_eq!(d.kind, DatasetKind::Budget);
    assert!(total_rows(d).is_empty());
    let negatives =
        d.rows.iter().filter(|r| r.value(5).cloned().expect("a value").as_f64().is_some_and(|v| v < 0.0)).count();
    assert_eq!(negatives, 2_696, "credits");
    assert_eq!(d.rows.value(0, 4).cloned().expect("a value"), Value::Text("46362 Köp medicinskt färdigbeh".into()));
    assert_eq!(t.sign, Some(uppfolj_import::SignConvention::CostsPositive));
    insta::assert_snapshot!(import.summary.to_string());
}

#[test]
fn bergen_budget_csv_accounting_text() {
    let import = import("bergen_driftsbudsjett_2013.csv");
    assert_eq!(import.summary.format, uppfolj_import::FileFormat::Csv);
    let d = &import.datasets[0];
    let t = &import.summary.tables[0];
    assert_eq!(t.range, "A1:N1762");
    assert_eq!(d.rows.len(), 1_761);
    let periods: Vec<&str> = d.columns.iter().filter_map(|c| c.period.as_deref()).collect();
    assert_eq!(periods, ["2013", "2014", "2015", "2016"]);
    assert_eq!(d.columns[0].role, Some(ColumnRole::OrgUnit));
    // " -1 362 250 " and " -   " (zero) are numbers; no value column holds text.
    let mut values = d.rows.iter().flat_map(|r| r.values().skip(10));
    assert!(values.all(|v| v.as_f64().is_some()), "every amount parsed");
    assert!(d.rows.iter().any(|r| r.value(10).cloned().expect("a value").as_f64() == Some(-1_362_250.0)));
    assert!(d.rows.iter().any(|r| r.value(10).cloned().expect("a value").as_f64() == Some(0.0)));
    insta::assert_snapshot!(import.summary.to_string());
}

#[test]
fn dalarna_kolada_long_csv() {
    let import = import("dalarna_kolada_service_long.csv");
    let d = &import.datasets[0];
    assert_eq!(import.summary.tables[0].range, "A1:D25");
    assert_eq!(d.kind, DatasetKind::Indicator);
    // "kpi" holds the KPIs' names, not ids such as "N70060".
    assert_eq!(
        roles(d),
        [
            Some(ColumnRole::IndicatorName),
            Some(ColumnRole::Year),
            Some(ColumnRole::Value),
            Some(ColumnRole::RegionName)
        ]
    );
    assert_eq!(d.rows.len(), 24);
    assert!(d.rows.iter().all(|r| r.value(2).cloned().expect("a value").as_f64().is_some()));
    insta::assert_snapshot!(import.summary.to_string());
}

#[test]
fn kolada_api_json() {
    let import = import("kolada_data_response_shape_N70060_regions_RECONSTRUCTED.json");
    assert_eq!(import.summary.format, uppfolj_import::FileFormat::KoladaJson);
    let d = &import.datasets[0];
    assert_eq!(d.kind, DatasetKind::Indicator);
    assert_eq!(d.rows.len(), 16);
    let first = d.rows.first().expect("a first row");
    assert_eq!(first.value(0).cloned().expect("a value"), Value::Text("N70060".into()));
    assert_eq!(first.value(1).cloned().expect("a value"), Value::Text("0000".into()));
    assert_eq!(first.value(2).cloned().expect("a value"), Value::Text("Riket".into()));
    assert_eq!(first.value(3).cloned().expect("a value"), Value::Text("2019".into()));
    assert_eq!(first.value(5).cloned().expect("a value").as_f64(), Some(26_813.0));
    insta::assert_snapshot!(import.summary.to_string());
}
