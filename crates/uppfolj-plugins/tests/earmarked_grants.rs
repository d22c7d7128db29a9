//! Tests of the earmarked-grants plugin on the stimulansmedel decision of Region Jämtland
//! Härjedalen, RS/26/2020 (seed 002): 2,6 mkr split over six items.

use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind};
use uppfolj_plugin::model::report::{RowKindOut, Severity};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin_test_support::{DatasetBuilder, V, cell, messages, run};
use uppfolj_plugins::EarmarkedGrants;

const TABLE: &str = "per-projekt";

/// samples/riktade_statsbidrag_2020.xlsx as the import lays it out, built by hand.
fn sample() -> Dataset {
    let back = "Ja, till regiondirektören";
    let g = |name: &'static str, resp: &'static str, a: f64, u: f64| {
        vec![V::T(name), V::T(resp), V::N(a), V::N(u), V::T(back)]
    };
    let rows = vec![
        g("1. Levande biblioteket", "Hälsoval", 210_000.0, 236_500.0),
        g("2. Patientkontrakt och kommunsamverkan", "Strateg patientkontrakt", 700_000.0, 512_300.0),
        g("3. Primärvårdens medverkan i lokala arbetsgrupper", "Chef hälsovalet", 700_000.0, 655_800.0),
        g("4. Lokal arbetsgrupp inom psykiatri", "Områdeschef psykiatri", 500_000.0, 188_000.0),
        g("5a. Lokal arbetsgrupp område HNR", "Områdeschef HNR", 200_000.0, 200_000.0),
        g("5b. Lokal arbetsgrupp område HIM AN/OP/IVA", "Områdeschef HIM", 200_000.0, 143_900.0),
        g("5c. Lokal arbetsgrupp ortopedi", "Områdeschef ortopedi", 200_000.0, 0.0),
        g("6. Område diagnostik, vårdförlopp och SVF", "Områdeschef diagnostik", 400_000.0, 377_250.0),
        vec![V::T("Summa"), V::E, V::N(3_110_000.0), V::N(2_313_750.0), V::E],
    ];
    DatasetBuilder::new("riktade_statsbidrag_2020.xlsx")
        .title("Personcentrerade och sammanhållna vårdförlopp – fördelning av stimulansmedel 2020")
        .unit(Some(Unit::Kr))
        .kind(DatasetKind::Table)
        .header_row(3)
        .columns(&[
            ("Projekt/aktivitet", None),
            ("Ansvarig", Some(ColumnRole::Responsible)),
            ("Beviljat", Some(ColumnRole::Allocated)),
            ("Förbrukat", Some(ColumnRole::Used)),
            ("Återredovisas", Some(ColumnRole::ReportBack)),
        ])
        .rows(&rows)
        .build()
}

#[test]
fn sample_report_snapshot() {
    let report = run(&EarmarkedGrants, vec![sample()], &[("frame", "2600000")]);
    insta::assert_json_snapshot!("earmarked_grants_sample", report);
}

#[test]
fn seed_allocations_against_the_decided_frame() {
    let report = run(&EarmarkedGrants, vec![sample()], &[("frame", "2600000")]);
    assert_eq!(cell(&report, TABLE, "Summa", "beviljat"), Some(3_110_000.0));
    assert_eq!(cell(&report, TABLE, "Summa", "forbrukat"), Some(2_313_750.0));
    assert_eq!(cell(&report, TABLE, "Summa", "kvar"), Some(796_250.0));
    assert_eq!(cell(&report, TABLE, "2. Patientkontrakt och kommunsamverkan", "kvar"), Some(187_700.0));
    let m = messages(&report);
    // The decision's items sum to 3,11 mkr, not the stated 2,6 mkr: the frame check says so.
    assert!(m.contains("överstiger den beslutade ramen 2\u{202F}600\u{202F}000 kr med 510\u{202F}000 kr"), "{m}");
    let table = report.tables().next().expect("table");
    assert_eq!(table.rows.last().expect("total").kind, RowKindOut::Total);
    assert_eq!(table.rows.len(), 9, "eight lines and one total: the file's Summa is not a project");
    assert!(!m.contains("Summaraden anger"), "the file's Summa row matches: {m}");
}

#[test]
fn use_beyond_allocation_is_a_warning_at_the_cell() {
    let report = run(&EarmarkedGrants, vec![sample()], &[]);
    let w = report.diagnostics.iter().find(|d| d.message.contains("Levande biblioteket")).expect("warning");
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.at.map(|c| c.to_string()).as_deref(), Some("D5"));
    assert!(w.message.contains("26\u{202F}500 kr mer än beviljat"), "{}", w.message);
    let text = serde_json::to_string(&report).expect("json");
    assert!(text.contains("8 av 8 projekt ska återredovisas."));
    assert!(text.contains("Låg förbrukning"), "ortopedi has used nothing");
}

#[test]
fn without_used_column_only_allocations_are_shown() {
    let ds = DatasetBuilder::new("bidrag.xlsx")
        .title("Stimulansmedel")
        .unit(Some(Unit::Tkr))
        .kind(DatasetKind::Table)
        .header_row(0)
        .columns(&[("Projekt", None), ("Beviljat", Some(ColumnRole::Allocated))])
        .rows(&[
            vec![V::T("Cancervård"), V::N(3_800.0)],
            vec![V::T("Vårdförlopp"), V::N(5_100.0)],
            vec![V::T("Psykisk hälsa"), V::E],
        ])
        .build();
    let report = run(&EarmarkedGrants, vec![ds], &[]);
    assert_eq!(cell(&report, TABLE, "Summa", "beviljat"), Some(8_900.0));
    let m = messages(&report);
    assert!(m.contains("ingen kolumn för förbrukat"), "{m}");
    assert!(m.contains("'Psykisk hälsa' saknar beviljat belopp"), "{m}");
}
