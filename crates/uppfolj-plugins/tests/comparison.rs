//! Tests of the comparison plugin on the real Kolada files (U79092 re-admissions by region and
//! gender, the N70060 API-shaped JSON, Kolada's wide Excel export, the rKolada long CSV) and on
//! small invented tables for ties, missing values, Riket and the direction rules.

use uppfolj_plugin::model::report::{Block, Report, Status, TableCell};
use uppfolj_plugin_test_support::{TableLiteral, cell, import_file, messages, run};
use uppfolj_plugins::Comparison;

const U79092: &str = "crates/uppfolj-plugins/tests/fixtures/comparison/opennumbers_kolada_u79092_aterinskrivning_30d_by_geo_gender_year.csv";
const N70060: &str =
    "crates/uppfolj-import/tests/fixtures/real/kolada_data_response_shape_N70060_regions_RECONSTRUCTED.json";
const EOS: &str = "crates/uppfolj-import/tests/fixtures/real/kolada_eos_export22058_wide.xls";
const DALARNA: &str = "crates/uppfolj-import/tests/fixtures/real/dalarna_kolada_service_long.csv";
const CATALOGUE: &str =
    "crates/uppfolj-plugins/tests/fixtures/comparison-groups/kolada_v3_kpi_catalog_regions_excerpt_2026-03.csv";
const MUNICIPALITIES: &str =
    "crates/uppfolj-plugins/tests/fixtures/comparison-municipality-names/kolada_v3_municipality_list_2026-03.csv";

/// Every paragraph of the report, joined.
fn paragraphs(report: &Report) -> String {
    let mut out = Vec::new();
    for b in report.sections.iter().flat_map(|s| &s.blocks) {
        if let Block::Text(t) = b {
            out.extend(t.paragraphs.iter().cloned());
        }
    }
    out.join("\n")
}

/// The status label in table `table`, row `row`.
fn status(report: &Report, table: &str, row: &str) -> Option<(Status, String)> {
    let t = report.tables().find(|t| t.id == table)?;
    let col = t.column_index("status")?;
    let r = t.rows.iter().find(|r| matches!(r.cells.first(), Some(TableCell::Text(x)) if x == row))?;
    match &r.cells[col] {
        TableCell::Status { status, label } => Some((*status, label.clone())),
        _ => None,
    }
}

/// The text in table `table`, row `row`, column `key`.
fn text(report: &Report, table: &str, row: &str, key: &str) -> String {
    let t = report.tables().find(|t| t.id == table).expect("table");
    let col = t.column_index(key).expect("column");
    let r = t.rows.iter().find(|r| matches!(r.cells.first(), Some(TableCell::Text(x)) if x == row)).expect("row");
    match &r.cells[col] {
        TableCell::Text(x) => x.clone(),
        _ => String::new(),
    }
}

/// U79092, women, 2022, by hand from the file (`awk -F, '$2=="k" && $3==2022'`, sorted; lower is
/// better; geo 0 is Riket and not ranked): 13.0 (03 Uppsala, 21 Gävleborg) places 1, 1;
/// 14.0 (05, 10) 3, 3; 15.0 (12) 5; 16.0 (08, 17, 18, 24) 6; 17.0 (01, 06, 23) 10; 18.0 (04, 09,
/// 13 Halland, 19, 20, 22, 25) 13. So Halland is 13th of 19 (Kronoberg 07 and Västra Götaland 14
/// have no value in 2022), röd; the third best of the others is 14.0, the value the goal needed;
/// Riket 16.0. In 2021 Halland had 17.0: 13.0 (03) 1; 14.0 (10, 19, 21) 2; 15.0 (05, 12, 24) 5;
/// 16.0 (01, 17, 18) 8; 17.0 (06, 08, 13, 20, 23, 25) 11: 11th of 19. In 2011 (its first year)
/// 19.0: 14.0, 15.0, 16.0, 17.0 ×4 (4), 18.0 ×2 (8), 19.0 (13) 10th of 12.
#[test]
fn halland_on_the_real_u79092_file() {
    let report = run(&Comparison, import_file(U79092), &[("region", "Halland")]);
    let t = "rangordning-u79092-k";
    assert_eq!(cell(&report, t, "Region Halland", "plats"), Some(13.0));
    assert_eq!(cell(&report, t, "Region Halland", "varde"), Some(18.0));
    assert_eq!(cell(&report, t, "Region Halland", "plats_fg"), Some(11.0));
    assert_eq!(cell(&report, t, "Region Uppsala", "plats"), Some(1.0));
    assert_eq!(cell(&report, t, "Region Gävleborg", "plats"), Some(1.0), "a tie shares the place");
    assert_eq!(cell(&report, t, "Region Östergötland", "plats"), Some(3.0), "and the next place is skipped");
    assert_eq!(cell(&report, t, "Region Skåne", "plats"), Some(5.0));
    assert_eq!(cell(&report, t, "Riket", "plats"), None, "Riket is never ranked");
    assert_eq!(cell(&report, t, "Riket", "varde"), Some(16.0));
    assert_eq!(cell(&report, t, "Region Kronoberg", "plats"), None);
    assert_eq!(text(&report, t, "Region Kronoberg", "anmarkning"), "Saknar värde");
    assert_eq!(status(&report, t, "Region Halland"), Some((Status::Bad, "Plats 8 eller sämre".into())));
    assert_eq!(status(&report, t, "Region Skåne"), Some((Status::Warning, "Plats 4–7".into())));

    let s = "sammanfattning";
    let row = "Patienter med oplanerad återinskrivning inom 30 dagar, andel (%) (U79092), kvinnor";
    assert_eq!(cell(&report, s, row, "plats"), Some(13.0));
    assert_eq!(cell(&report, s, row, "av"), Some(19.0));
    assert_eq!(cell(&report, s, row, "varde_for_malet"), Some(14.0));
    assert_eq!(cell(&report, s, row, "riket"), Some(16.0));
    assert_eq!(cell(&report, s, row, "forandring_fg"), Some(1.0));
    assert_eq!(cell(&report, s, row, "platser_fg"), Some(-2.0), "from 11th to 13th");
    assert_eq!(text(&report, s, row, "forsta_ar"), "2011");
    assert_eq!(cell(&report, s, row, "forandring_forsta"), Some(-1.0));
    assert_eq!(cell(&report, s, row, "platser_forsta"), Some(-3.0), "from 10th (of 12) to 13th");
    assert_eq!(text(&report, s, row, "riktning"), "Lägre är bättre (inbyggd tabell)");

    let p = paragraphs(&report);
    assert!(
        p.contains(
            "Region Halland redovisar ett utfall på 18 % (2022) och placerar sig på plats 13 av 19 bland regionerna."
        ),
        "{p}"
    );
    assert!(p.contains("hade det krävts ett utfall på högst 14 %"), "{p}");
    assert!(p.contains("Lägre värde är bättre (enligt rapportens inbyggda tabell"), "{p}");
    let m = messages(&report);
    assert!(m.contains("jämförelsen görs för kvinnor för sig"), "{m}");
    assert!(m.contains("jämförelsen görs för män för sig"), "{m}");
    assert_eq!(report.credits, ["Källa: Kolada"]);
}

/// N70060 2022 from the JSON (`values[].municipality/period/values[0].value`): 0025 Norrbotten
/// 31 535,8, 0023 Jämtland Härjedalen 31 612,2, 0022 Västernorrland 32 783,1, Riket 29 283,3.
/// Lower is better: Norrbotten 1, Jämtland Härjedalen 2, Västernorrland 3 of 3 (inside the goal
/// top 3). In 2021 Jämtland Härjedalen was first (29 631,8 < 29 728,5 < 31 278,5).
#[test]
fn n70060_from_the_api_json() {
    let report = run(&Comparison, import_file(N70060), &[("region", "0022")]);
    let t = "rangordning-n70060";
    assert_eq!(cell(&report, t, "Region Norrbotten", "plats"), Some(1.0));
    assert_eq!(cell(&report, t, "Region Jämtland Härjedalen", "plats"), Some(2.0));
    assert_eq!(cell(&report, t, "Region Jämtland Härjedalen", "plats_fg"), Some(1.0));
    assert_eq!(cell(&report, t, "Region Västernorrland", "plats"), Some(3.0));
    assert_eq!(status(&report, t, "Region Västernorrland"), Some((Status::Good, "Plats 1–3".into())));
    let p = paragraphs(&report);
    assert!(
        p.contains(
            "Region Västernorrland redovisar ett utfall på 32\u{202f}783,1 kr/inv (2022) och placerar sig på plats 3 av 3 bland regionerna."
        ),
        "{p}"
    );
    assert!(p.contains("Riket: 29\u{202f}283,3 kr/inv."), "{p}");
    assert!(messages(&report).contains("bara 3 av 21 regioner har värde 2022"), "{}", messages(&report));

    // With the goal at place 1, Västernorrland needed Norrbotten's 31 535,8 kr/inv.
    let report =
        run(&Comparison, import_file(N70060), &[("region", "Västernorrland"), ("good_to", "1"), ("warning_to", "2")]);
    let row = "Nettokostnad hälso- och sjukvård (exkl. tandvård), kr/inv (N70060)";
    assert_eq!(cell(&report, "sammanfattning", row, "varde_for_malet"), Some(31_535.8));
    assert_eq!(status(&report, t, "Region Västernorrland"), Some((Status::Bad, "Plats 3 eller sämre".into())));
    assert_eq!(status(&report, t, "Region Jämtland Härjedalen"), Some((Status::Warning, "Plats 2".into())));
}

/// The parameter overrides the built-in table: with N70060 higher-is-better the order turns.
#[test]
fn the_direction_parameter_overrides_the_table_and_is_named() {
    let report = run(&Comparison, import_file(N70060), &[("region", "0022"), ("higher_is_better", "N70060")]);
    assert_eq!(cell(&report, "rangordning-n70060", "Region Västernorrland", "plats"), Some(1.0));
    assert!(paragraphs(&report).contains("Högre värde är bättre (enligt inställningen)."));
}

/// Kolada's wide Excel export: a row per municipality and KPI, a column per year; "Alla kommuner
/// (ovägt medel)" is a reference. Arbetslöshet 2012 for Ale is 5,0 % (row of Ale, column 2012).
#[test]
fn the_wide_excel_export() {
    let report = run(&Comparison, import_file(EOS), &[("region", "Ale"), ("lower_is_better", "Arbetslöshet, (%)")]);
    let t = "rangordning-arbetsloshet";
    assert_eq!(cell(&report, t, "Ale", "varde"), Some(5.0));
    assert_eq!(cell(&report, t, "Alla kommuner (ovägt medel)", "plats"), None, "a group average is not ranked");
    assert_eq!(text(&report, t, "Alla kommuner (ovägt medel)", "anmarkning"), "Referens, rangordnas inte");
    let p = paragraphs(&report);
    assert!(p.contains("Ale redovisar ett utfall på 5,0 % (2012) och placerar sig på plats"), "{p}");
    assert!(p.contains("bland kommunerna"), "{p}");
    assert!(messages(&report).contains("Riktningen för Nettokostnad äldreomsorg, kr/inv är inte känd"));
    // The KPI given a direction is judged; the one whose direction is not known is not.
    let (arbetsloshet, _) = status(&report, "sammanfattning", "Arbetslöshet, (%)").expect("status");
    assert_ne!(arbetsloshet, Status::Neutral);
    assert_eq!(
        status(&report, "sammanfattning", "Nettokostnad äldreomsorg, kr/inv"),
        Some((Status::Neutral, "Bedöms inte (riktning okänd)".into()))
    );
}

/// The rKolada long CSV has one region only: its values, no ranking.
#[test]
fn one_region_only_is_no_comparison() {
    let report = run(&Comparison, import_file(DALARNA), &[("region", "Dalarna")]);
    let row = "Invånare med tillgång till dagligvarubutik inom 2 km, andel (%)";
    assert_eq!(status(&report, "sammanfattning", row), Some((Status::Neutral, "Ingen jämförelse".into())));
    assert!(paragraphs(&report).contains("filen har inga andra regioner med värde det året att jämföra med"));
}

/// An invented table: ties, a missing value, Riket, lower is better by parameter.
fn invented() -> TableLiteral {
    TableLiteral::new("väntetider.csv")
        .row(["Kommun", "År", "Nyckeltal", "Värde"])
        .row(["Riket", "2024", "Väntetid, dagar", "20"])
        .row(["Ort A", "2024", "Väntetid, dagar", "10"])
        .row(["Ort B", "2024", "Väntetid, dagar", "12"])
        .row(["Ort C", "2024", "Väntetid, dagar", "12"])
        .row(["Ort D", "2024", "Väntetid, dagar", "15"])
        .row(["Ort E", "2024", "Väntetid, dagar", ".."])
        .row(["Ort A", "2023", "Väntetid, dagar", "11"])
        .row(["Ort D", "2023", "Väntetid, dagar", "9"])
}

#[test]
fn ties_missing_values_riket_and_lower_is_better() {
    let report = run(
        &Comparison,
        invented().import(),
        &[("region", "Ort D"), ("lower_is_better", "Väntetid, dagar"), ("good_to", "2"), ("warning_to", "3")],
    );
    let t = "rangordning-vantetid-dagar";
    assert_eq!(cell(&report, t, "Ort A", "plats"), Some(1.0));
    assert_eq!(cell(&report, t, "Ort B", "plats"), Some(2.0));
    assert_eq!(cell(&report, t, "Ort C", "plats"), Some(2.0));
    assert_eq!(cell(&report, t, "Ort D", "plats"), Some(4.0), "1, 2, 2, 4");
    assert_eq!(cell(&report, t, "Ort E", "plats"), None, "no value, no place");
    assert_eq!(cell(&report, t, "Riket", "plats"), None);
    assert_eq!(status(&report, t, "Ort D"), Some((Status::Bad, "Plats 4 eller sämre".into())));
    assert_eq!(status(&report, t, "Ort C"), Some((Status::Good, "Plats 1–2".into())));
    let row = "Väntetid, dagar";
    assert_eq!(cell(&report, "sammanfattning", row, "av"), Some(4.0));
    assert_eq!(cell(&report, "sammanfattning", row, "varde_for_malet"), Some(12.0), "the second best of the others");
    assert_eq!(cell(&report, "sammanfattning", row, "platser_fg"), Some(-3.0), "1st of 2 in 2023, 4th in 2024");
    assert!(paragraphs(&report).contains("Lägre värde är bättre (enligt inställningen)."));
    assert!(report.credits.is_empty(), "not Kolada data: no credit");
}

#[test]
fn without_a_unit_the_ranking_and_a_hint() {
    let report = run(&Comparison, invented().import(), &[]);
    // The direction is not known: higher is assumed better, and the report says so.
    assert_eq!(cell(&report, "rangordning-vantetid-dagar", "Ort D", "plats"), Some(1.0));
    assert_eq!(cell(&report, "rangordning-vantetid-dagar", "Ort A", "plats"), Some(4.0));
    assert!(messages(&report).contains("Ingen region eller kommun är vald"));
    assert!(messages(&report).contains("Riktningen för Väntetid, dagar är inte känd"));
    let unjudged = Some((Status::Neutral, "Bedöms inte (riktning okänd)".into()));
    assert_eq!(status(&report, "rangordning-vantetid-dagar", "Ort D"), unjudged);
    assert_eq!(status(&report, "rangordning-vantetid-dagar", "Ort A"), unjudged);
}

/// A KPI whose direction is not known (no setting, not in the built-in table) is ranked by value,
/// highest first, but judged nowhere: Ort D, at the top with 15, is not green, and nothing it
/// needed for a goal, no band count and no "better" place is claimed. 2023: Ort A 11 (1), Ort D
/// 9 (2); 2024: Ort D 15 (1), B and C 12 (2), A 10 (4).
#[test]
fn an_unknown_direction_is_ranked_by_value_and_not_judged() {
    let report = run(&Comparison, invented().import(), &[("region", "Ort D")]);
    let (t, row) = ("sammanfattning", "Väntetid, dagar");
    let unjudged = Some((Status::Neutral, "Bedöms inte (riktning okänd)".to_owned()));
    assert_eq!(cell(&report, t, row, "plats"), Some(1.0), "the highest value first");
    assert_eq!(status(&report, t, row), unjudged, "place 1 is not Plats 1 (grön)");
    assert_eq!(cell(&report, t, row, "platser_fg"), None, "from 2nd to 1st is not 'better'");
    assert_eq!(text(&report, t, row, "riktning"), "Okänd (ordnat efter värde, högst först)");
    let ranking = "rangordning-vantetid-dagar";
    assert_eq!(status(&report, ranking, "Ort A"), unjudged, "the last place is not red");
    let places = report.tables().find(|x| x.id == ranking).and_then(|x| x.columns.get(1)).map(|c| c.title.clone());
    assert_eq!(places.as_deref(), Some("Plats (högst värde först)"));
    let figure = report.key_figures().next().expect("key figure");
    assert_eq!(
        (figure.status, figure.status_label.as_deref()),
        (Some(Status::Neutral), Some("Bedöms inte (riktning okänd)"))
    );
    let chart = report.charts().next().expect("chart");
    assert_eq!(chart.series[0].statuses, [Some(Status::Neutral), Some(Status::Neutral)]);
    assert!(!chart.series.iter().any(|x| x.name.contains("målet")), "no goal line");
    let semantics = report.semantics_of(&chart.id);
    assert_eq!(semantics.status_label(Status::Neutral), "Bedöms inte (riktning okänd)");
    assert!(semantics.better.is_empty(), "no direction is better");
    for (key, n) in [("antal", 1.0), ("malet", 0.0), ("utanfor", 0.0), ("bedoms_inte", 1.0), ("utan_plats", 0.0)] {
        assert_eq!(cell(&report, "grupper", "Alla nyckeltal", key), Some(n), "{key}");
    }
    assert_eq!(cell(&report, "grupper", "Alla nyckeltal", "medianplats"), None, "no judged place");
    let p = paragraphs(&report);
    assert!(p.contains("Ort D redovisar ett utfall på 15 (2024) och har plats 1 av 4 bland kommunerna, räknat från det högsta värdet."), "{p}");
    assert!(p.contains("placeringen i värdeordning har flyttats 1 plats uppåt"), "{p}");
    assert!(p.contains("placeringen bedöms inte (ingen grön, gul eller röd status)"), "{p}");
    assert!(p.contains("räknas inte, inte heller nyckeltal vars riktning inte är känd"), "{p}");
    assert!(!p.contains("För att nå målet") && !p.contains("förbättrats"), "{p}");
    assert!(messages(&report).contains("Ange nyckeltalet i inställningen Lägre är bättre eller Högre är bättre"));

    // Given a direction, the same KPI is judged as before.
    let report = run(&Comparison, invented().import(), &[("region", "Ort D"), ("higher_is_better", "Väntetid, dagar")]);
    assert_eq!(status(&report, t, row), Some((Status::Good, "Plats 1–3".to_owned())));
    let chart = report.charts().next().expect("chart");
    assert!(chart.series.iter().any(|x| x.name == "Plats 3 (gräns för målet)"), "{:?}", chart.series);
    assert_eq!(cell(&report, t, row, "platser_fg"), Some(1.0));
    assert!(!report.tables().any(|x| x.columns.iter().any(|c| c.key == "bedoms_inte")));
}

#[test]
fn an_unknown_unit_is_named_with_those_there_are() {
    let report = run(&Comparison, invented().import(), &[("region", "Ort X")]);
    assert!(
        messages(&report)
            .contains("Ort X (inställningen Region eller kommun) finns inte i filerna. De som finns: Ort A")
    );
}

/// U79092 (by gender) and N70060 with Kolada's catalogue, for Region Västernorrland (0022). By
/// hand: N70060 2022 place 3 of 3 (above); U79092 2022 women 18.0 and men 20.0, places 13 and 15
/// of 19 (`awk -F, '$1=="22" && $3==2022'`, ranked as in the Halland test). The catalogue puts
/// both KPIs in Hälso- och sjukvård; N70060 is Resurser, U79092 Volymer.
fn vasternorrland(group_by: &str) -> Report {
    let mut datasets = import_file(U79092);
    datasets.extend(import_file(N70060));
    datasets.extend(import_file(CATALOGUE));
    run(&Comparison, datasets, &[("region", "0022"), ("group_by", group_by)])
}

#[test]
fn a_summary_per_area_from_the_kpi_catalogue() {
    let report = vasternorrland("area");
    let (t, row) = ("grupper", "Hälso- och sjukvård");
    assert_eq!(cell(&report, t, row, "antal"), Some(3.0), "N70060, U79092 women and men");
    assert_eq!(cell(&report, t, row, "malet"), Some(1.0), "N70060, place 3");
    assert_eq!(cell(&report, t, row, "nara"), Some(0.0));
    assert_eq!(cell(&report, t, row, "utanfor"), Some(2.0), "U79092, places 13 and 15");
    assert_eq!(cell(&report, t, row, "utan_plats"), Some(0.0));
    assert_eq!(cell(&report, t, row, "medianplats"), Some(13.0), "the middle of 3, 13, 15");
    let table = report.tables().find(|t| t.id == "grupper").expect("group table");
    assert_eq!(table.rows.len(), 1, "one group, no total row");
    let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles[2..5], ["Plats 1–3 (grön)", "Plats 4–7 (gul)", "Plats 8 eller sämre (röd)"]);
    let p = paragraphs(&report);
    assert!(
        p.contains(
            "Nyckeltalen är grupperade efter verksamhetsområde enligt kolada_v3_kpi_catalog_regions_excerpt_2026-03.csv."
        ),
        "{p}"
    );
    let files: Vec<&str> = report.inputs.iter().map(|i| i.file.as_str()).collect();
    assert_eq!(files.iter().filter(|f| f.contains("kpi_catalog")).count(), 1, "{files:?}");
}

#[test]
fn a_summary_per_perspective_with_all_kpis_last() {
    let report = vasternorrland("perspective");
    let t = "grupper";
    assert_eq!(cell(&report, t, "Resurser", "antal"), Some(1.0));
    assert_eq!(cell(&report, t, "Resurser", "malet"), Some(1.0));
    assert_eq!(cell(&report, t, "Resurser", "medianplats"), Some(3.0));
    assert_eq!(cell(&report, t, "Volymer", "antal"), Some(2.0));
    assert_eq!(cell(&report, t, "Volymer", "utanfor"), Some(2.0));
    assert_eq!(cell(&report, t, "Volymer", "medianplats"), Some(14.0), "the mean of 13 and 15");
    assert_eq!(cell(&report, t, "Alla nyckeltal", "antal"), Some(3.0));
    assert_eq!(cell(&report, t, "Alla nyckeltal", "medianplats"), Some(13.0));
    let table = report.tables().find(|t| t.id == "grupper").expect("group table");
    assert_eq!(table.columns[0].title, "Perspektiv");
    assert!(paragraphs(&report).contains("grupperade efter perspektiv enligt"));
}

/// Without a catalogue the sample's KPIs are one group, and the report says how to get groups.
#[test]
fn without_a_catalogue_one_group_and_a_hint() {
    let report = run(&Comparison, import_file(U79092), &[("region", "Halland")]);
    let (t, row) = ("grupper", "Alla nyckeltal");
    assert_eq!(cell(&report, t, row, "antal"), Some(2.0));
    assert_eq!(cell(&report, t, row, "utanfor"), Some(2.0));
    assert_eq!(cell(&report, t, row, "medianplats"), Some(14.0), "places 13 (women) and 15 (men)");
    assert!(paragraphs(&report).contains("Läs in Koladas nyckeltalskatalog"));
}

/// A data file's own group column; a KPI without a group is counted apart.
#[test]
fn a_group_column_in_the_data_file() {
    let report = run(
        &Comparison,
        TableLiteral::new("nyckeltal.csv")
            .row(["Kommun", "År", "Nyckeltal", "Verksamhetsområde", "Värde"])
            .row(["Ort A", "2024", "Väntetid, dagar", "Vård", "10"])
            .row(["Ort B", "2024", "Väntetid, dagar", "Vård", "12"])
            .row(["Ort A", "2024", "Besök, antal", "Vård", "7"])
            .row(["Ort B", "2024", "Besök, antal", "Vård", "9"])
            .row(["Ort A", "2024", "Nöjdhet, andel (%)", "", "80"])
            .row(["Ort B", "2024", "Nöjdhet, andel (%)", "", "70"])
            .import(),
        &[
            ("region", "Ort A"),
            ("lower_is_better", "Väntetid, dagar"),
            ("higher_is_better", "Besök, antal"),
            ("good_to", "1"),
            ("warning_to", "1"),
        ],
    );
    let t = "grupper";
    assert_eq!(cell(&report, t, "Vård", "antal"), Some(2.0));
    assert_eq!(cell(&report, t, "Vård", "malet"), Some(1.0), "Väntetid: place 1 of 2");
    assert_eq!(cell(&report, t, "Vård", "utanfor"), Some(1.0), "Besök: place 2 of 2");
    assert_eq!(cell(&report, t, "Vård", "medianplats"), Some(1.5));
    assert_eq!(cell(&report, t, "Utan grupp i filerna", "antal"), Some(1.0));
    assert_eq!(cell(&report, t, "Utan grupp i filerna", "bedoms_inte"), Some(1.0), "Nöjdhet: direction not known");
    assert_eq!(cell(&report, t, "Utan grupp i filerna", "malet"), Some(0.0), "Nöjdhet's place 1 is not judged");
    assert_eq!(cell(&report, t, "Alla nyckeltal", "antal"), Some(3.0));
    assert_eq!(cell(&report, t, "Alla nyckeltal", "medianplats"), Some(1.5), "Nöjdhet is left out");
    let table = report.tables().find(|t| t.id == "grupper").expect("group table");
    assert!(!table.columns.iter().any(|c| c.key == "nara"), "no yellow band when it is empty");
    assert!(paragraphs(&report).contains("1 av nyckeltalen har ingen grupp i filerna"));
}

/// Municipalities given by Kolada id only (invented values) are named from Kolada's municipality
/// list (real: 0180 Stockholm, 1880 Örebro, 1881 Kumla) and can be chosen by name; without the
/// list they keep their ids and the report says so.
#[test]
fn municipality_ids_are_named_from_koladas_list() {
    let data = TableLiteral::new("kostnad.csv")
        .row(["Kommun-id", "År", "Värde"])
        .row(["0180", "2024", "12"])
        .row(["1880", "2024", "10"])
        .row(["1881", "2024", "11"]);
    let mut datasets = data.import();
    datasets.extend(import_file(MUNICIPALITIES));
    let report = run(&Comparison, datasets, &[("region", "Örebro")]);
    let t = report.tables().find(|t| t.id.starts_with("rangordning")).expect("ranking").id.clone();
    assert_eq!(cell(&report, &t, "Stockholm", "plats"), Some(1.0));
    assert_eq!(cell(&report, &t, "Kumla", "plats"), Some(2.0));
    assert_eq!(cell(&report, &t, "Örebro", "plats"), Some(3.0));
    assert!(paragraphs(&report).contains("Örebro redovisar ett utfall på 10"), "{}", paragraphs(&report));
    assert!(report.inputs.iter().any(|i| i.file.contains("municipality_list")));
    assert!(!messages(&report).contains("visas med sitt Kolada-id"));

    // The regions are named by the built-in table: the list names nothing and is no input.
    let mut datasets = import_file(U79092);
    datasets.extend(import_file(MUNICIPALITIES));
    let report = run(&Comparison, datasets, &[("region", "Halland")]);
    assert!(!report.inputs.iter().any(|i| i.file.contains("municipality_list")));

    let report = run(&Comparison, data.import(), &[("region", "1880")]);
    assert_eq!(cell(&report, &t, "1880", "plats"), Some(3.0));
    assert!(
        messages(&report).contains("3 enheter visas med sitt Kolada-id (0180, 1880, 1881)"),
        "{}",
        messages(&report)
    );
}

#[test]
fn report_snapshot_on_the_sample() {
    let report =
        run(&Comparison, import_file("samples/kolada_u79092_aterinskrivning_2018_2022.csv"), &[("region", "13")]);
    insta::assert_json_snapshot!("comparison_sample_halland", report);
}

/// The whole report of a KPI whose direction is not known (the invented table, Ort D chosen):
/// every status neutral, "Bedöms inte (riktning okänd)", and the words of an order by value.
#[test]
fn report_snapshot_of_an_unknown_direction() {
    let report = run(&Comparison, invented().import(), &[("region", "Ort D")]);
    insta::assert_json_snapshot!("comparison_unknown_direction_ort_d", report);
}
