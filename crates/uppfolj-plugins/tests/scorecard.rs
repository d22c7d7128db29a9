//! Tests of the scorecard plugin (måluppföljning) on small invented tables, read through the
//! real import: every layout, every status and trend rule, lower-is-better, missing values,
//! `partial=100`, averages over years, and the goal rules.

use uppfolj_plugin::model::dataset::ColumnRole;
use uppfolj_plugin::model::report::{Report, Status, TableCell, Trend};
use uppfolj_plugin_test_support::{TableLiteral, cell, import_file, messages, run, table_cell};
use uppfolj_plugins::Scorecard;

const TABLE: &str = "styrkort";

/// The status label of `row` in the indicator table.
fn status_of(report: &Report, row: &str) -> String {
    match table_cell(report, TABLE, row, "status") {
        TableCell::Status { label, .. } => label.clone(),
        other => panic!("{row}: {other:?}"),
    }
}

/// The trend of `row`.
fn trend_of(report: &Report, row: &str) -> Option<Trend> {
    match table_cell(report, TABLE, row, "trend") {
        TableCell::Trend(t) => Some(*t),
        _ => None,
    }
}

/// A text cell of `row`.
fn text_of(report: &Report, row: &str, key: &str) -> String {
    match table_cell(report, TABLE, row, key) {
        TableCell::Text(t) => t.clone(),
        other => panic!("{row}/{key}: {other:?}"),
    }
}

/// One row per indicator: target 2024 and outcomes 2023 and 2024.
fn wide(rows: &[[&str; 5]]) -> TableLiteral {
    let mut t = TableLiteral::new("styrkort.csv").row([
        "Indikator",
        "Önskad riktning",
        "Utfall 2023",
        "Målvärde 2024",
        "Utfall 2024",
    ]);
    for r in rows {
        t = t.row(*r);
    }
    t
}

#[test]
fn the_import_gives_the_scorecard_roles() {
    let ds = &wide(&[["A", "öka", "1", "minst 70 procent", "2"], ["B", "minska", "3", "<10", "4"]]).import()[0];
    let roles: Vec<Option<ColumnRole>> = ds.columns.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [
            Some(ColumnRole::IndicatorName),
            Some(ColumnRole::Direction),
            Some(ColumnRole::Outcome),
            Some(ColumnRole::Target),
            Some(ColumnRole::Outcome)
        ]
    );
    let ds = &import_file("samples/malupfoljning_2024.csv")[0];
    assert_eq!(ds.column(ColumnRole::Perspective), Some(0));
    assert_eq!(ds.column(ColumnRole::Goal), Some(1));
    assert_eq!(ds.column(ColumnRole::Target), Some(7));
}

#[test]
fn every_level_target_phrasing() {
    let report = run(
        &Scorecard,
        wide(&[
            ["Bar", "öka", "90", "100", "101"],
            ["Minst", "", "60", "minst 70 procent", "72"],
            ["Symbol", "", "20", "≥ 30", "25"],
            ["Över", "", "30", ">40", "40"],
            ["Under", "", "12", "<10", "9"],
            ["Högst", "", "6", "högst 5 %", "7"],
        ])
        .import(),
        &[],
    );
    assert_eq!(status_of(&report, "Bar"), "Uppnått");
    assert_eq!(status_of(&report, "Minst"), "Uppnått");
    assert_eq!(status_of(&report, "Symbol"), "Delvis uppnått", "25/30 = 83,3 %");
    assert_eq!(cell(&report, TABLE, "Symbol", "maluppfyllelse"), Some(83.333_333_333));
    assert_eq!(status_of(&report, "Över"), "Delvis uppnått", "40 is not above 40");
    assert_eq!(status_of(&report, "Under"), "Uppnått");
    assert_eq!(status_of(&report, "Högst"), "Ej uppnått", "5/7 = 71,4 % < 80 %");
    assert_eq!(cell(&report, TABLE, "Högst", "maluppfyllelse"), Some(71.428_571_429));
    assert_eq!(trend_of(&report, "Högst"), Some(Trend::Worse), "7 after 6, lower is better");
    assert_eq!(trend_of(&report, "Under"), Some(Trend::Better));
    assert_eq!(text_of(&report, "Under", "riktning"), "Lägre är bättre (enligt målvärdet)");
    assert_eq!(text_of(&report, "Bar", "riktning"), "Högre är bättre (enligt kolumnen Önskad riktning)");
    assert_eq!(text_of(&report, "Minst", "malvarde"), "minst 70 procent", "the target as written");
}

#[test]
fn partial_100_means_met_or_not() {
    let rows = [["A", "", "20", "≥ 30", "29"], ["B", "", "9", "<10", "11"]];
    let report = run(&Scorecard, wide(&rows).import(), &[("partial", "100")]);
    assert_eq!(status_of(&report, "A"), "Ej uppnått");
    assert_eq!(status_of(&report, "B"), "Ej uppnått");
    let report = run(&Scorecard, wide(&rows).import(), &[("partial", "90")]);
    assert_eq!(status_of(&report, "A"), "Delvis uppnått", "29/30 = 96,7 %");
    assert_eq!(status_of(&report, "B"), "Delvis uppnått", "10/11 = 90,9 %");
}

#[test]
fn change_targets_against_the_previous_year() {
    let report = run(
        &Scorecard,
        wide(&[
            ["Öka", "", "10", "ska öka", "11"],
            ["Stilla", "", "10", "ska öka", "10"],
            ["Minska", "", "10", "ska minska jämfört med föregående år", "9"],
            ["Stärkas", "", "10", "ska stärkas", "9"],
            ["Oförändrat", "", "5", "oförändrat", "5"],
            ["Oförändrat bättre", "minska", "5", "oförändrat", "4"],
            ["Förbättras", "", "5", "ska förbättras", "4"],
        ])
        .import(),
        &[],
    );
    assert_eq!(status_of(&report, "Öka"), "Uppnått");
    assert_eq!(status_of(&report, "Stilla"), "Ej uppnått", "unchanged is no increase");
    assert_eq!(trend_of(&report, "Stilla"), Some(Trend::Unchanged));
    assert_eq!(status_of(&report, "Minska"), "Uppnått");
    assert_eq!(trend_of(&report, "Minska"), Some(Trend::Better), "ska minska: lower is better");
    assert_eq!(status_of(&report, "Stärkas"), "Ej uppnått");
    assert_eq!(trend_of(&report, "Stärkas"), Some(Trend::Worse));
    assert_eq!(status_of(&report, "Oförändrat"), "Uppnått");
    assert_eq!(trend_of(&report, "Oförändrat"), None, "no direction, no trend");
    assert_eq!(status_of(&report, "Oförändrat bättre"), "Uppnått");
    assert_eq!(status_of(&report, "Förbättras"), "Saknar bedömning", "better needs a direction");
    assert!(text_of(&report, "Förbättras", "bedomning").contains("riktning okänd"));
}

#[test]
fn averages_over_the_years_given() {
    let report = run(
        &Scorecard,
        TableLiteral::new("ekonomi.csv")
            .row(["Indikator", "Utfall 2022", "Utfall 2023", "Målvärde", "Utfall 2024"])
            .row(["Resultat", "1,0", "3,0", "i snitt > 2 %", "2,6"])
            .row(["Resultat lågt", "0,5", "2,5", "i snitt > 2 %", "2,5"])
            .import(),
        &[],
    );
    assert_eq!(cell(&report, TABLE, "Resultat", "bedomt"), Some(2.2), "(1 + 3 + 2,6) / 3");
    assert_eq!(status_of(&report, "Resultat"), "Uppnått");
    assert_eq!(cell(&report, TABLE, "Resultat lågt", "bedomt"), Some(1.833_333_333));
    assert_eq!(status_of(&report, "Resultat lågt"), "Delvis uppnått", "1,83 / 2 = 91,7 %");
    assert_eq!(text_of(&report, "Resultat", "bedomning"), "i snitt > 2 % (2022–2024)");
}

#[test]
fn missing_values_keep_their_notes() {
    // Here the notes outnumber the numbers in "Utfall 2024": the import leaves the column
    // without a role, and the plugin takes it by its header.
    let report = run(
        &Scorecard,
        wide(&[
            ["Saknas", "öka", "13,3 (14,4*)", "≥ 10", "Statistik saknas"],
            ["Prickar", "öka", "4", "≥ 10", ".."],
            ["Streck", "öka", "4", "≥ 10", "–"],
            ["Med not", "öka", "9", "≥ 10", "13,3 (14,4*)"],
            ["Fylld", "öka", "9", "≥ 10", "11"],
        ])
        .import(),
        &[],
    );
    for row in ["Saknas", "Prickar", "Streck"] {
        assert_eq!(status_of(&report, row), "Saknar värde", "{row}");
    }
    assert_eq!(cell(&report, TABLE, "Saknas", "utfall_2023"), Some(13.3), "the number before the note");
    assert_eq!(text_of(&report, "Saknas", "anmarkning"), "2023: (14,4*); 2024: Statistik saknas");
    assert_eq!(text_of(&report, "Prickar", "anmarkning"), "2024: ..");
    assert_eq!(cell(&report, TABLE, "Med not", "utfall_2024"), Some(13.3));
    assert_eq!(status_of(&report, "Med not"), "Uppnått");
}

#[test]
fn an_unreadable_target_is_reported_at_its_cell() {
    let report = run(&Scorecard, wide(&[["Kvalitet", "öka", "1", "God kvalitet", "2"]]).import(), &[]);
    assert_eq!(status_of(&report, "Kvalitet"), "Saknar bedömning");
    let d = report.diagnostics.iter().find(|d| d.message.contains("God kvalitet")).expect("a warning");
    assert_eq!(d.at.map(|c| c.to_string()).as_deref(), Some("D2"));
    assert!(d.message.contains("(D2) kunde inte tolkas"), "{}", d.message);
}

#[test]
fn direction_is_never_assumed_silently() {
    let rows = [["Antal besök", "", "90", "100", "95"]];
    let report = run(&Scorecard, wide(&rows).import(), &[]);
    assert_eq!(status_of(&report, "Antal besök"), "Saknar bedömning");
    assert_eq!(text_of(&report, "Antal besök", "riktning"), "Okänd");
    assert_eq!(trend_of(&report, "Antal besök"), None);
    assert!(messages(&report).contains("Riktning saknas för Antal besök"), "{}", messages(&report));
    let report = run(&Scorecard, wide(&rows).import(), &[("direction", "higher")]);
    assert_eq!(status_of(&report, "Antal besök"), "Delvis uppnått");
    assert_eq!(text_of(&report, "Antal besök", "riktning"), "Högre är bättre (enligt inställningen)");
    assert_eq!(trend_of(&report, "Antal besök"), Some(Trend::Better));
    let report = run(&Scorecard, wide(&rows).import(), &[("direction", "lower")]);
    assert_eq!(status_of(&report, "Antal besök"), "Uppnått");
    assert_eq!(trend_of(&report, "Antal besök"), Some(Trend::Worse));
}

#[test]
fn directions_per_indicator_come_first() {
    let rows = [["Väntetid", "öka", "40", "30", "33"], ["Besök", "", "90", "100", "95"]];
    let report = run(&Scorecard, wide(&rows).import(), &[("directions", "väntetid=minska; Besök=öka; Okänd=öka")]);
    assert_eq!(text_of(&report, "Väntetid", "riktning"), "Lägre är bättre (enligt inställningen för indikatorn)");
    assert_eq!(status_of(&report, "Väntetid"), "Delvis uppnått", "30/33 = 90,9 %");
    assert_eq!(status_of(&report, "Besök"), "Delvis uppnått", "95/100");
    assert!(messages(&report).contains("nämner \"okänd\""), "{}", messages(&report));
    let error = uppfolj_plugin::run(
        &Scorecard,
        &uppfolj_plugin::Inputs::new(wide(&rows).import()),
        &[("directions".into(), "Väntetid".into())],
    )
    .expect_err("no direction");
    assert!(
        error.to_string().starts_with("Inställningen Riktning per indikator (directions): 'Väntetid' saknar '='"),
        "{error}"
    );
}

#[test]
fn unreadable_and_conflicting_directions_are_reported() {
    let report =
        run(&Scorecard, wide(&[["Kanske", "kanske", "1", "≥ 2", "3"], ["Emot", "öka", "5", "<10", "4"]]).import(), &[]);
    let m = messages(&report);
    assert!(m.contains("Riktningen \"kanske\" för Kanske (B2) kunde inte tolkas"), "{m}");
    assert!(m.contains("För Emot säger kolumnen Önskad riktning"), "{m}");
    assert_eq!(status_of(&report, "Emot"), "Uppnått", "the target's own comparison decides");
}

#[test]
fn the_long_layout() {
    let report = run(
        &Scorecard,
        TableLiteral::new("lang.csv")
            .row(["Mål", "Indikator", "År", "Värde", "Målvärde"])
            .row(["Tillgänglighet", "Väntetid", "2022", "45", "<30"])
            .row(["Tillgänglighet", "Väntetid", "2023", "40", "<30"])
            .row(["Tillgänglighet", "Väntetid", "2024", "33", "<30"])
            .row(["Tillgänglighet", "Besök", "2023", "100", "ska öka"])
            .row(["Tillgänglighet", "Besök", "2024", "90", "ska öka"])
            .import(),
        &[],
    );
    assert_eq!(status_of(&report, "Väntetid"), "Delvis uppnått", "30/33 = 90,9 %");
    assert_eq!(cell(&report, TABLE, "Väntetid", "utfall_2022"), Some(45.0));
    assert_eq!(cell(&report, TABLE, "Väntetid", "forandring"), Some(-7.0));
    assert_eq!(trend_of(&report, "Väntetid"), Some(Trend::Better));
    assert_eq!(status_of(&report, "Besök"), "Ej uppnått");
    assert_eq!(status_of(&report, "Tillgänglighet"), "Delvis uppnått", "1 partly, 1 not met: no majority");
}

#[test]
fn a_chosen_year_and_the_years_as_columns() {
    let literal = TableLiteral::new("ar.csv").row(["Nyckeltal", "Målvärde", "2022", "2023", "2024"]).row([
        "Andel",
        "minst 70 %",
        "72",
        "65",
        "71",
    ]);
    let report = run(&Scorecard, literal.import(), &[]);
    assert_eq!(status_of(&report, "Andel"), "Uppnått");
    let report = run(&Scorecard, literal.import(), &[("year", "2023")]);
    assert_eq!(report.title, "Måluppföljning 2023");
    assert_eq!(status_of(&report, "Andel"), "Delvis uppnått", "65/70 = 92,9 %");
    assert_eq!(trend_of(&report, "Andel"), Some(Trend::Worse));
    let report = run(&Scorecard, literal.import(), &[("year", "2025")]);
    assert!(messages(&report).contains("Året 2025 har inga utfall"), "{}", messages(&report));
    assert_eq!(status_of(&report, "Andel"), "Saknar värde");
}

#[test]
fn goal_rules_on_the_sample() {
    let datasets = import_file("samples/malupfoljning_2024.csv");
    let majority = run(&Scorecard, datasets.clone(), &[]);
    let all = run(&Scorecard, datasets, &[("goal_rule", "all")]);
    let goal = |r: &Report, g: &str| match table_cell(r, "per-mal", g, "status") {
        TableCell::Status { status, label } => (*status, label.clone()),
        other => panic!("{other:?}"),
    };
    assert_eq!(goal(&majority, "Nöjda invånare"), (Status::Good, "Uppnått".into()), "1 of 1 judged");
    assert_eq!(goal(&majority, "Effektiv vård"), (Status::Bad, "Ej uppnått".into()));
    assert_eq!(goal(&majority, "Hög tillgänglighet"), (Status::Warning, "Delvis uppnått".into()), "1 met of 2");
    assert_eq!(goal(&all, "Ekonomi i balans"), (Status::Warning, "Delvis uppnått".into()));
    assert_eq!(cell(&majority, "per-mal", "Invånare", "uppnatt"), Some(2.0));
    assert_eq!(cell(&majority, "per-mal", "Totalt", "antal"), Some(13.0));
    // The legend names the scorecard's statuses.
    let semantics = majority.semantics_of("status-antal");
    assert_eq!(semantics.status_label(Status::Neutral), "Saknar värde eller bedömning");
}

#[test]
fn a_unit_of_measure_column_and_heading_rows() {
    let report = run(
        &Scorecard,
        TableLiteral::new("enhet.csv")
            .row(["Perspektiv", "Indikator", "Enhet", "Målvärde", "Utfall 2024"])
            .row(["Ekonomi", "", "", "", ""])
            .row(["", "Kostnad", "kr/inv", "högst 34 000", "34 371,1"])
            .row(["", "Andel", "%", "minst 70", "72"])
            .import(),
        &[],
    );
    assert_eq!(text_of(&report, "Kostnad", "enhet"), "kr/inv");
    assert_eq!(status_of(&report, "Kostnad"), "Delvis uppnått", "34 000 / 34 371,1 = 98,9 %");
    assert_eq!(cell(&report, "per-mal", "Ekonomi", "antal"), Some(2.0), "both under the heading row's perspective");
    let text: String = report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            uppfolj_plugin::model::report::Block::Text(t) => Some(t.paragraphs.join("\n")),
            _ => None,
        })
        .collect();
    assert!(
        text.contains("Kostnad var 34\u{202f}371,1 kr/inv år 2024 mot målvärdet \"högst 34 000\": delvis uppnått"),
        "{text}"
    );
}

#[test]
fn a_kolada_kpi_named_in_the_indicator_gets_its_direction_from_the_built_in_table() {
    let table = TableLiteral::new("styrkort.csv")
        .row(["Indikator", "Målvärde 2024", "Utfall 2023", "Utfall 2024"])
        .row(["Oplanerade återinskrivningar (U79092)", "15", "17", "16"]);
    let report = run(&Scorecard, table.import(), &[]);
    assert_eq!(
        text_of(&report, "Oplanerade återinskrivningar (U79092)", "riktning"),
        "Lägre är bättre (enligt den inbyggda tabellen över kända Kolada-nyckeltal)",
        "the direction and where it came from"
    );
    // Lower is better: 16 misses the target 15 (93,8 % of it) and counts as delvis uppnått;
    // the fall from 17 is an improvement.
    assert_eq!(status_of(&report, "Oplanerade återinskrivningar (U79092)"), "Delvis uppnått");
    assert_eq!(trend_of(&report, "Oplanerade återinskrivningar (U79092)"), Some(Trend::Better));
    assert!(
        messages(&report).contains("inbyggda tabellen")
            || format!("{:?}", report.sections).contains("inbyggda tabellen"),
        "the report says where the direction came from"
    );
}
