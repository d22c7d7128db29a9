//! Tests of the balance-requirement plugin: the sample balanskravsutredning 2021–2024 and the
//! carrying and restoring of deficits within three years.

use uppfolj_plugin::model::dataset::{ColumnMeta, Dataset, DatasetKind};
use uppfolj_plugin::model::report::RowKindOut;
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin_test_support::{DatasetBuilder, V, cell, messages, run};
use uppfolj_plugins::BalanceRequirement;

const MAIN: &str = "balanskravsutredning";
const RESTORE: &str = "att-aterstalla";

fn table(rows: &[(&'static str, [Option<f64>; 4])], years: [&str; 4]) -> Dataset {
    let rows: Vec<Vec<V>> = rows
        .iter()
        .map(|(label, values)| {
            std::iter::once(V::T(label)).chain(values.iter().map(|v| v.map_or(V::E, V::N))).collect()
        })
        .collect();
    let mut ds = DatasetBuilder::new("balanskravsutredning_2021_2024.xlsx")
        .title("Balanskravsutredning 2021–2024")
        .unit(Some(Unit::Mnkr))
        .kind(DatasetKind::Table)
        .header_row(3)
        .columns(&[
            ("Balanskravsutredning", None),
            (years[0], None),
            (years[1], None),
            (years[2], None),
            (years[3], None),
        ])
        .rows(&rows)
        .build();
    for (i, y) in years.iter().enumerate() {
        ds.columns[i + 1] = ColumnMeta { period: Some((*y).to_owned()), ..ds.columns[i + 1].clone() };
    }
    ds
}

/// samples/balanskravsutredning_2021_2024.xlsx as the import lays it out, built by hand.
fn sample() -> Dataset {
    let s = Some;
    table(
        &[
            ("Årets resultat", [s(412.3), s(-186.4), s(-612.8), s(95.6)]),
            ("Samtliga realisationsvinster", [s(-3.1), s(-0.8), s(-12.4), s(-1.2)]),
            ("Vissa realisationsvinster enligt undantagsmöjlighet", [s(0.0), s(0.0), s(10.9), s(0.0)]),
            ("Vissa realisationsförluster enligt undantagsmöjlighet", [s(0.0), s(0.0), s(0.0), s(0.0)]),
            ("Orealiserade förluster i värdepapper", [s(0.0), s(148.6), s(0.0), s(0.0)]),
            ("Återföring av orealiserade förluster i värdepapper", [s(-25.0), s(0.0), s(-61.2), s(-87.4)]),
            ("Årets resultat efter balanskravsjusteringar", [s(384.2), s(-38.6), s(-675.5), s(7.0)]),
            ("Medel till resultatutjämningsreserv", [s(-150.0), s(0.0), s(0.0), None]),
            ("Medel från resultatutjämningsreserv", [s(0.0), s(38.6), s(150.0), None]),
            ("Medel till resultatreserv", [None, None, None, s(0.0)]),
            ("Medel från resultatreserv", [None, None, None, s(0.0)]),
            ("Årets balanskravsresultat", [s(234.2), s(0.0), s(-525.5), s(7.0)]),
            ("Skatteintäkter", [s(6_504.2), s(6_812.9), s(7_120.4), s(7_402.8)]),
            ("Generella statsbidrag och utjämning", [s(2_611.7), s(2_640.3), s(2_702.5), s(2_915.1)]),
        ],
        ["2021", "2022", "2023", "2024"],
    )
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn sample_report_snapshot() {
    let report = run(&BalanceRequirement, vec![sample()], &[("goal", "2")]);
    insta::assert_json_snapshot!("balance_requirement_sample", report);
}

#[test]
fn sample_matches_its_own_sums_and_carries_the_2023_deficit() {
    let report = run(&BalanceRequirement, vec![sample()], &[]);
    let m = messages(&report);
    assert!(!m.contains("filen anger"), "the file's own sums agree: {m}");
    assert!(close(cell(&report, MAIN, "Årets resultat efter balanskravsjusteringar", "ar_2023"), -675.5));
    assert!(close(cell(&report, MAIN, "Årets balanskravsresultat", "ar_2021"), 234.2));
    assert!(close(cell(&report, MAIN, "Årets balanskravsresultat", "ar_2023"), -525.5));
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2023"), 525.5));
    assert!(close(cell(&report, RESTORE, "Återställt under året", "ar_2024"), 7.0));
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2024"), 518.5));
    let main = report.tables().find(|t| t.id == MAIN).expect("table");
    assert_eq!(main.rows[6].kind, RowKindOut::Subtotal);
    assert_eq!(main.rows[6].sum_of, vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(main.rows[9].sum_of, vec![6, 7, 8]);
    // Both reserve names are supported; the title says which the file uses.
    assert!(
        main.rows[7].cells[0]
            == uppfolj_plugin::model::report::TableCell::Text(
                "Medel till resultatutjämningsreserv/resultatreserv".into()
            )
    );
    let text = serde_json::to_string(&report).expect("json");
    assert!(text.contains("Underskottet från 2023, 518,5 mnkr kvar, ska återställas senast 2026."), "{text}");
}

#[test]
fn two_percent_goal() {
    let report = run(&BalanceRequirement, vec![sample()], &[("goal", "2")]);
    // 2021: 412,3 / (6 504,2 + 2 611,7) = 4,52 % ≥ 2 %.
    let r = cell(&report, "resultatmal", "2021", "andel").expect("ratio");
    assert!((r - 100.0 * 412.3 / 9_115.9).abs() < 1e-9, "{r}");
    let t = report.tables().find(|t| t.id == "resultatmal").expect("table");
    let status = |row: usize| format!("{:?}", t.rows[row].cells[4]);
    assert!(status(0).contains("Good") && status(2).contains("Bad") && status(3).contains("Bad"), "{}", status(3));
}

#[test]
fn deficit_not_restored_within_three_years_is_a_warning() {
    let s = Some;
    let ds = table(
        &[
            ("Årets resultat", [s(-100.0), s(20.0), s(30.0), s(10.0)]),
            ("Samtliga realisationsvinster", [s(5.0), s(0.0), s(0.0), s(0.0)]),
        ],
        ["2020", "2021", "2022", "2023"],
    );
    let report = run(&BalanceRequirement, vec![ds], &[]);
    // Gains are deducted whatever sign the file writes: −100 − 5 = −105.
    assert!(close(cell(&report, MAIN, "Årets balanskravsresultat", "ar_2020"), -105.0));
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2023"), 45.0));
    let m = messages(&report);
    assert!(m.contains("Underskottet från 2020 (45,0 mnkr kvar) skulle ha återställts senast 2023"), "{m}");
    assert!(m.contains("finns inte i filen och räknas som 0"), "{m}");
}

#[test]
fn opening_deficit_and_special_reasons() {
    let s = Some;
    let ds = table(
        &[("Årets resultat", [s(10.0), s(-50.0), s(0.0), s(0.0)]), ("Synnerliga skäl", [None, s(20.0), None, None])],
        ["2021", "2022", "2023", "2024"],
    );
    let report = run(&BalanceRequirement, vec![ds], &[("opening_deficit", "40")]);
    assert!(close(cell(&report, RESTORE, "Att återställa vid årets början", "ar_2021"), 40.0));
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2021"), 30.0));
    // 2022: synnerliga skäl 20 go to the oldest deficit (30 → 10); the new deficit 50 is added.
    assert!(close(cell(&report, RESTORE, "Balanskravsresultat att återställa", "ar_2022"), 60.0));
}

#[test]
fn a_file_without_result_row_is_refused_with_a_reason() {
    let ds = table(&[("Personalkostnader", [Some(1.0), None, None, None])], ["2021", "2022", "2023", "2024"]);
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get("balance-requirement").expect("registered");
    let err = uppfolj_plugin::run(plugin, &uppfolj_plugin::Inputs::new(vec![ds]), &[]).expect_err("no result row");
    assert!(err.to_string().contains("Årets resultat"), "{err}");
}

const RESERVE: &str = "reserv";

/// The number in the reserve table (one row per year) for `year`, column `key`.
fn reserve(report: &uppfolj_plugin::model::Report, year: &str, key: &str) -> Option<f64> {
    cell(report, RESERVE, year, key)
}

/// The status cell of the reserve table for `year`, as "Good:Inom taket" / "" when empty.
fn reserve_status(report: &uppfolj_plugin::model::Report, year: &str) -> String {
    use uppfolj_plugin::model::report::TableCell;
    let t = report.tables().find(|t| t.id == RESERVE).expect("reserve table");
    let col = t.column_index("status").expect("status column");
    let row = t
        .rows
        .iter()
        .find(|r| matches!(r.cells.first(), Some(TableCell::Text(y)) if y == year))
        .expect("row for the year");
    match &row.cells[col] {
        TableCell::Status { status, label } => format!("{status:?}:{label}"),
        _ => String::new(),
    }
}

/// Thousands are separated by a narrow no-break space in Swedish formatting.
const NB: &str = "\u{202F}";

#[test]
fn reserve_above_the_five_percent_cap_is_a_warning_and_back_under_it_is_good() {
    let s = Some;
    // Tax base 10 000 mnkr in 2023–2024 (cap 500 from 2024), 10 200 in 2025 (cap 510), 10 400 in
    // 2026 (cap 520).
    let ds = table(
        &[
            ("Årets resultat", [s(50.0), s(60.0), s(-10.0), s(20.0)]),
            ("Ingående resultatutjämningsreserv", [s(480.0), None, None, None]),
            ("Medel till resultatreserv", [s(0.0), s(-40.0), s(0.0), s(0.0)]),
            ("Medel från resultatreserv", [s(0.0), s(0.0), s(30.0), s(0.0)]),
            ("Skatteintäkter", [s(7_000.0), s(7_000.0), s(7_200.0), s(7_400.0)]),
            ("Generella statsbidrag och utjämning", [s(3_000.0), s(3_000.0), s(3_000.0), s(3_000.0)]),
        ],
        ["2023", "2024", "2025", "2026"],
    );
    let report = run(&BalanceRequirement, vec![ds], &[]);
    // 2023: 480 in and out, no cap before 2024.
    assert!(close(reserve(&report, "2023", "ingaende"), 480.0));
    assert!(close(reserve(&report, "2023", "utgaende"), 480.0));
    assert_eq!(reserve(&report, "2023", "tak"), None);
    assert_eq!(reserve_status(&report, "2023"), "");
    // 2024: 480 + 40 = 520 > 500 = 5 % of 10 000.
    assert!(close(reserve(&report, "2024", "ingaende"), 480.0));
    assert!(close(reserve(&report, "2024", "avsattning"), 40.0));
    assert!(close(reserve(&report, "2024", "utgaende"), 520.0));
    assert!(close(reserve(&report, "2024", "tak"), 500.0));
    assert!(close(reserve(&report, "2024", "utrymme"), -20.0));
    assert_eq!(reserve_status(&report, "2024"), "Bad:Över taket");
    // 2025: 520 − 30 = 490 ≤ 510 = 5 % of 10 200.
    assert!(close(reserve(&report, "2025", "ianspraktagande"), -30.0));
    assert!(close(reserve(&report, "2025", "utgaende"), 490.0));
    assert!(close(reserve(&report, "2025", "tak"), 510.0));
    assert_eq!(reserve_status(&report, "2025"), "Good:Inom taket");
    // 2026: 490 ≤ 520, 30 to spare.
    assert!(close(reserve(&report, "2026", "utrymme"), 30.0));
    assert_eq!(reserve_status(&report, "2026"), "Good:Inom taket");
    // The reserve transfers still enter the balanskravsresultat: 60 − 40 = 20, −10 + 30 = 20.
    assert!(close(cell(&report, MAIN, "Årets balanskravsresultat", "ar_2024"), 20.0));
    assert!(close(cell(&report, MAIN, "Årets balanskravsresultat", "ar_2025"), 20.0));

    let m = messages(&report);
    assert!(
        m.contains(&format!(
            "2024: resultatreserven vid årets slut, 520,0 mnkr, överstiger taket 500,0 mnkr (5\u{a0}% av \
             skatteintäkter och generella statsbidrag och utjämning, 10{NB}000,0 mnkr) med 20,0 mnkr."
        )),
        "{m}"
    );
    assert_eq!(m.matches("överstiger taket").count(), 1, "only 2024 is over the cap: {m}");
    assert!(!m.contains("kan inte prövas"), "every figure is there: {m}");
    let over = report.diagnostics.iter().find(|d| d.message.contains("överstiger taket")).expect("warning");
    assert_eq!(over.severity, uppfolj_plugin::model::report::Severity::Warning);

    // Key figure for the last year: 490 within the 2026 cap of 520.
    let figure = report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            uppfolj_plugin::model::report::Block::KeyFigures { figures } => {
                figures.iter().find(|f| f.label == "Resultatreserv vid årets slut 2026").cloned()
            }
            _ => None,
        })
        .expect("key figure for the reserve");
    assert!(close(figure.value, 490.0));
    assert_eq!(figure.status, Some(uppfolj_plugin::model::report::Status::Good));
    assert_eq!(figure.note.as_deref(), Some("tak 520,0 mnkr (5\u{a0}% av skatteintäkter och generella statsbidrag)"));
    let text = serde_json::to_string(&report).expect("json");
    assert!(
        text.contains("2026: resultatreserven uppgår till 490,0 mnkr vid årets slut, inom taket 520,0 mnkr"),
        "{text}"
    );
}

#[test]
fn reserve_from_parameters_and_a_closing_balance_row() {
    let s = Some;
    // No tax rows: tax_base gives the last year's base, 9 000 → cap 450. The closing balance of
    // 2022 is given as a row (300); 2022's opening is derived from it: 300 − 0 + 0 = 300. 2021 has
    // neither an opening balance nor a closing one.
    let ds = table(
        &[
            ("Årets resultat", [s(120.0), s(10.0), s(5.0), s(260.0)]),
            ("Avsättning till resultatutjämningsreserv", [s(100.0), s(0.0), s(0.0), None]),
            ("Ackumulerad resultatutjämningsreserv", [None, s(300.0), None, None]),
            ("Avsättning till resultatreserv", [None, None, None, s(250.0)]),
        ],
        ["2021", "2022", "2023", "2024"],
    );
    let report = run(&BalanceRequirement, vec![ds], &[("tax_base", "9000")]);
    assert!(close(reserve(&report, "2022", "ingaende"), 300.0), "derived from the closing row");
    assert!(close(reserve(&report, "2022", "utgaende"), 300.0));
    assert_eq!(reserve(&report, "2021", "utgaende"), None, "2021 has no balance of its own");
    // 2023: 300 carried; 2024: 300 + 250 = 550 > 450 (5 % of 9 000), 100 over.
    assert!(close(reserve(&report, "2023", "utgaende"), 300.0));
    assert!(close(reserve(&report, "2024", "utgaende"), 550.0));
    assert!(close(reserve(&report, "2024", "skatter_bidrag"), 9_000.0));
    assert!(close(reserve(&report, "2024", "tak"), 450.0));
    let m = messages(&report);
    assert!(m.contains("2024: resultatreserven vid årets slut, 550,0 mnkr, överstiger taket 450,0 mnkr"), "{m}");
    assert!(m.contains("9{NB}000,0 mnkr) med 100,0 mnkr.".replace("{NB}", NB).as_str()), "{m}");
    // 2021 has a movement but no balance: one note says how to give it.
    assert!(m.contains("Reservens balans kan inte visas för 2021"), "{m}");
    assert!(m.contains("'Resultatreserv (RUR) vid första årets början'"), "{m}");

    // With the opening balance as a parameter: 2021 = 150 + 100 = 250, but the file says 2022
    // ends at 300 with no movement: a warning, and the file's figure is used.
    let report = run(
        &BalanceRequirement,
        vec![table(
            &[
                ("Årets resultat", [s(120.0), s(10.0), s(5.0), s(260.0)]),
                ("Avsättning till resultatutjämningsreserv", [s(100.0), s(0.0), s(0.0), None]),
                ("Ackumulerad resultatutjämningsreserv", [None, s(300.0), None, None]),
                ("Avsättning till resultatreserv", [None, None, None, s(250.0)]),
            ],
            ["2021", "2022", "2023", "2024"],
        )],
        &[("tax_base", "9000"), ("reserve_opening", "150")],
    );
    assert!(close(reserve(&report, "2021", "utgaende"), 250.0));
    assert!(close(reserve(&report, "2022", "utgaende"), 300.0));
    let m = messages(&report);
    assert!(
        m.contains(
            "2022: filen anger utgående resultatutjämningsreserv 300,0 mnkr men ingående balans 250,0 mnkr, \
             avsättning 0,0 mnkr och ianspråktagande 0,0 mnkr ger 250,0 mnkr. Rapporten använder filens värde."
        ),
        "{m}"
    );
    assert!(!m.contains("kan inte visas"), "{m}");
}

#[test]
fn missing_figures_for_the_cap_give_one_note_naming_rows_and_parameters() {
    let s = Some;
    let ds = table(
        &[
            ("Årets resultat", [s(100.0), s(100.0), s(100.0), s(100.0)]),
            ("Medel till resultatreserv", [None, None, s(20.0), s(20.0)]),
        ],
        ["2023", "2024", "2025", "2026"],
    );
    let report = run(&BalanceRequirement, vec![ds], &[]);
    let notes: Vec<_> = report.diagnostics.iter().filter(|d| d.message.contains("kan inte prövas")).collect();
    assert_eq!(notes.len(), 1, "one note: {}", messages(&report));
    let note = &notes[0].message;
    assert!(note.starts_with("Resultatreservens tak (5\u{a0}% av skatteintäkter"), "{note}");
    assert!(note.contains("för 2024, 2025 och 2026"), "{note}");
    assert!(
        note.contains("'Resultatreserv, ingående balans'")
            && note.contains("'Resultatreserv (RUR) vid första årets början'"),
        "{note}"
    );
    assert!(
        note.contains("'Skatteintäkter'")
            && note.contains("'Skatteintäkter och generella statsbidrag, sista året' (summan för 2026, i mnkr)"),
        "{note}"
    );
    assert_eq!(reserve_status(&report, "2024"), "Neutral:Kan inte prövas");
}

#[test]
fn avsattning_alone_above_the_cap_is_a_warning_when_the_balance_is_unknown() {
    let s = Some;
    let ds = table(
        &[
            ("Årets resultat", [s(0.0), s(0.0), s(0.0), s(700.0)]),
            ("Medel till resultatreserv", [None, None, None, s(600.0)]),
            ("Skatteintäkter", [None, None, None, s(8_000.0)]),
            ("Generella statsbidrag och utjämning", [None, None, None, s(2_000.0)]),
        ],
        ["2021", "2022", "2023", "2024"],
    );
    let report = run(&BalanceRequirement, vec![ds], &[]);
    let m = messages(&report);
    assert!(
        m.contains(&format!(
            "2024: avsättningen till resultatreserven, 600,0 mnkr, överstiger ensam taket 500,0 mnkr (5\u{a0}% av \
             skatteintäkter och generella statsbidrag och utjämning, 10{NB}000,0 mnkr)."
        )),
        "{m}"
    );
    assert!(m.contains("kan inte prövas för 2024: reservens balans saknas"), "{m}");
}

#[test]
fn a_negative_reserve_is_a_warning() {
    let s = Some;
    let ds = table(
        &[
            ("Årets resultat", [s(-50.0), s(0.0), s(0.0), s(0.0)]),
            ("Medel från resultatutjämningsreserv", [s(50.0), s(0.0), s(0.0), s(0.0)]),
        ],
        ["2020", "2021", "2022", "2023"],
    );
    let report = run(&BalanceRequirement, vec![ds], &[("reserve_opening", "30")]);
    assert!(close(reserve(&report, "2020", "utgaende"), -20.0));
    let m = messages(&report);
    assert!(m.contains("2020: resultatutjämningsreserven blir negativ vid årets slut (−20,0 mnkr)"), "{m}");
    // Before 2024 there is no cap to check and nothing missing for it.
    assert!(!m.contains("kan inte prövas"), "{m}");
}

#[test]
fn conflicting_reserve_figures_are_warnings_and_the_file_wins() {
    let s = Some;
    // 2024 ends at 100 + 10 = 110, but the file says 2025 starts at 120: the file's 120 is used,
    // 2025 ends at 120 − 5 = 115. The reserve_opening parameter (90) disagrees with the file's
    // opening 100 for 2024 and is not used; tax_base (9 999) disagrees with the file's rows
    // (1 000 + 500 = 1 500 for 2027, cap 75).
    let ds = table(
        &[
            ("Årets resultat", [s(10.0), s(0.0), s(0.0), s(0.0)]),
            ("Resultatreserv, ingående balans", [s(100.0), s(120.0), None, None]),
            ("Medel till resultatreserv", [s(10.0), s(0.0), s(0.0), s(0.0)]),
            ("Ianspråktagande av resultatreserv", [s(0.0), s(5.0), s(0.0), s(0.0)]),
            ("Skatteintäkter", [s(1_000.0), s(1_000.0), s(1_000.0), s(1_000.0)]),
            ("Generella statsbidrag och utjämning", [s(500.0), s(500.0), s(500.0), s(500.0)]),
        ],
        ["2024", "2025", "2026", "2027"],
    );
    let report = run(&BalanceRequirement, vec![ds], &[("reserve_opening", "90"), ("tax_base", "9999")]);
    assert!(close(reserve(&report, "2024", "utgaende"), 110.0));
    assert!(close(reserve(&report, "2025", "ingaende"), 120.0));
    assert!(close(reserve(&report, "2025", "utgaende"), 115.0));
    assert!(close(reserve(&report, "2027", "tak"), 75.0));
    // 115 > 75 (5 % of 1 500) in 2025, 2026 and 2027.
    assert_eq!(reserve_status(&report, "2027"), "Bad:Över taket");
    let m = messages(&report);
    assert!(m.contains("Inställningen 'Resultatreserv (RUR) vid första årets början' (90,0 mnkr) används inte: filen anger ingående resultatreserv 100,0 mnkr för 2024."), "{m}");
    assert!(
        m.contains(
            "2025: filen anger ingående resultatreserv 120,0 mnkr men föregående års utgående balans är 110,0 mnkr."
        ),
        "{m}"
    );
    assert!(
        m.contains(
            "Inställningen 'Skatteintäkter och generella statsbidrag, sista året' (9\u{202F}999,0 mnkr) används inte"
        ),
        "{m}"
    );
    assert!(m.contains("2025: resultatreserven vid årets slut, 115,0 mnkr, överstiger taket 75,0 mnkr"), "{m}");
    assert_eq!(m.matches("överstiger taket").count(), 4, "2024 (110 > 75) and 2025–2027 (115 > 75): {m}");
}
