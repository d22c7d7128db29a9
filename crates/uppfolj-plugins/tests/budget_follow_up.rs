//! Tests of the budget-follow-up plugin on the sample driftredovisning and on the figures of the
//! domain brief.

use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind, RowKind, Value};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{Block, ChartKind, ColumnFormula, RowKindOut, Severity};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin_test_support::{DatasetBuilder, TableLiteral, V, cell, messages, run};
use uppfolj_plugins::BudgetFollowUp;

const TABLE: &str = "per-verksamhet";

/// The sample workbook samples/driftredovisning_2024_aug.xlsx as the import lays it out (sheet
/// rows 6–15 under the header in row 5), built by hand.
fn sample() -> Dataset {
    let lines: [(&str, f64, f64, f64, f64); 9] = [
        ("Länssjukvårdsområde Somatik", -4_215_000.0, -2_810_000.0, -2_936_410.0, -4_398_000.0),
        ("Länssjukvårdsområde Psykiatri och Habilitering", -882_000.0, -588_000.0, -601_236.0, -903_500.0),
        ("Rättspsykiatriska regionkliniken", -165_300.0, -110_200.0, -108_437.0, -162_800.0),
        ("Område Patientsäkerhet, utbildning och forskning", -210_600.0, -140_400.0, -131_762.0, -199_000.0),
        ("Närsjukvårdsområde Väster", -690_000.0, -460_000.0, -489_318.0, -736_000.0),
        ("Närsjukvårdsområde Norr", -541_500.0, -361_000.0, -371_884.0, -559_000.0),
        ("Närsjukvårdsområde Söder", -1_020_000.0, -680_000.0, -712_541.0, -1_071_000.0),
        ("Folktandvården", -45_000.0, -30_000.0, -26_116.0, -40_500.0),
        ("Hälso- och sjukvårdsnämnden, gemensamt", -620_100.0, -413_400.0, -398_205.0, -601_000.0),
    ];
    let mut rows: Vec<Vec<V>> = lines
        .iter()
        .map(|(n, a, b, o, f)| vec![V::T(n), V::N(*a), V::N(*b), V::N(*o), V::N(o - b), V::N(*f)])
        .collect();
    rows.push(vec![
        V::T("Summa"),
        V::N(-8_389_500.0),
        V::N(-5_593_000.0),
        V::N(-5_775_909.0),
        V::N(-182_909.0),
        V::N(-8_670_800.0),
    ]);
    let mut ds = DatasetBuilder::new("driftredovisning_2024_aug.xlsx")
        .title("Hälso- och sjukvårdsnämnden – driftredovisning januari–augusti 2024")
        .unit(Some(Unit::Tkr))
        .kind(DatasetKind::Budget)
        .header_row(4)
        .columns(&[
            ("Verksamhet", Some(ColumnRole::OrgUnit)),
            ("Årsbudget", Some(ColumnRole::Budget)),
            ("Budget jan–aug", Some(ColumnRole::Budget)),
            ("Utfall jan–aug", Some(ColumnRole::Outcome)),
            ("Avvikelse", Some(ColumnRole::Deviation)),
            ("Helårsprognos", Some(ColumnRole::Forecast)),
        ])
        .rows(&rows)
        .build();
    if let Some(last) = ds.rows.heads_mut().last_mut() {
        last.kind = RowKind::Total;
    }
    ds
}

fn simple(headers: &[(&str, Option<ColumnRole>)], rows: &[Vec<V>]) -> Dataset {
    DatasetBuilder::new("budget.xlsx")
        .title("Budgetuppföljning")
        .unit(Some(Unit::Tkr))
        .kind(DatasetKind::Budget)
        .header_row(0)
        .columns(headers)
        .rows(rows)
        .build()
}

const BUDGET_OUTCOME: [(&str, Option<ColumnRole>); 3] = [
    ("Verksamhet", Some(ColumnRole::OrgUnit)),
    ("Budget", Some(ColumnRole::Budget)),
    ("Utfall", Some(ColumnRole::Outcome)),
];

#[test]
fn sample_report_snapshot() {
    let report = run(&BudgetFollowUp, vec![sample()], &[]);
    insta::assert_json_snapshot!("budget_follow_up_sample", report);
}

#[test]
fn domain_example_costs_negative_gives_plus_33() {
    // DOMAIN.md: costs −1 116 against a budget of −1 149 give +33.
    let ds = simple(&BUDGET_OUTCOME, &[vec![V::T("Vård"), V::N(-1_149.0), V::N(-1_116.0)]]);
    let report = run(&BudgetFollowUp, vec![ds], &[]);
    assert_eq!(cell(&report, TABLE, "Vård", "avvikelse"), Some(33.0));
    let pct = cell(&report, TABLE, "Vård", "avvikelse_pct").expect("percent");
    assert!((pct - 100.0 * 33.0 / 1_149.0).abs() < 1e-9, "{pct}");
    assert!(messages(&report).contains("kostnader negativa"), "{}", messages(&report));
    let table = report.tables().next().expect("table");
    let dev = &table.columns[table.column_index("avvikelse").expect("col")];
    assert_eq!(dev.formula, Some(ColumnFormula::Difference { a: "utfall".into(), b: "budget".into() }));
}

#[test]
fn erp_export_with_positive_costs_is_detected_and_reversed() {
    let ds = simple(&BUDGET_OUTCOME, &[vec![V::T("Vård"), V::N(1_149.0), V::N(1_116.0)]]);
    let report = run(&BudgetFollowUp, vec![ds], &[]);
    assert_eq!(cell(&report, TABLE, "Vård", "avvikelse"), Some(33.0));
    assert!(messages(&report).contains("kostnader positiva"));
    let stated = report.sections[0]
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Text(t) if t.paragraphs.iter().any(|p| p.contains("Avvikelse = budget − utfall"))));
    assert!(stated, "the sign convention is stated in the report");
    // Given explicitly, the parameter wins over detection.
    let ds = simple(&BUDGET_OUTCOME, &[vec![V::T("Vård"), V::N(1_149.0), V::N(1_116.0)]]);
    let report = run(&BudgetFollowUp, vec![ds], &[("sign", "costs-negative")]);
    assert_eq!(cell(&report, TABLE, "Vård", "avvikelse"), Some(-33.0));
}

#[test]
fn file_total_is_recognised_not_double_counted_and_checked() {
    let report = run(&BudgetFollowUp, vec![sample()], &[]);
    assert_eq!(cell(&report, TABLE, "Summa", "utfall"), Some(-5_775_909.0));
    assert_eq!(cell(&report, TABLE, "Summa", "avvikelse"), Some(-182_909.0));
    let table = report.tables().next().expect("table");
    let total = table.rows.last().expect("total row");
    assert_eq!(total.kind, RowKindOut::Total);
    assert_eq!(total.sum_of, (0..9).collect::<Vec<_>>());
    assert_eq!(table.rows.iter().filter(|r| r.kind == RowKindOut::Total).count(), 1);
    assert!(messages(&report).contains("stämmer med summan av raderna"));

    // A total row that does not add up gives a warning and the rows' sum is used.
    let rows = vec![
        vec![V::T("A"), V::N(-100.0), V::N(-90.0)],
        vec![V::T("B"), V::N(-200.0), V::N(-230.0)],
        vec![V::T("Summa"), V::N(-300.0), V::N(-310.0)],
    ];
    let report = run(&BudgetFollowUp, vec![simple(&BUDGET_OUTCOME, &rows)], &[]);
    assert_eq!(cell(&report, TABLE, "Summa", "utfall"), Some(-320.0));
    let warning = report.diagnostics.iter().find(|d| d.message.contains("Summaraden 'Summa'")).expect("warning");
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.at.map(|c| c.to_string()).as_deref(), Some("A4"));
    assert!(warning.message.contains("+10 tkr"), "{}", warning.message);
}

#[test]
fn a_line_without_budget_is_reported_not_zero() {
    let rows = vec![vec![V::T("A"), V::N(-100.0), V::N(-90.0)], vec![V::T("Nytt projekt"), V::E, V::N(-25.0)]];
    let report = run(&BudgetFollowUp, vec![simple(&BUDGET_OUTCOME, &rows)], &[]);
    assert_eq!(cell(&report, TABLE, "Nytt projekt", "utfall"), Some(-25.0));
    assert_eq!(cell(&report, TABLE, "Nytt projekt", "budget"), None);
    assert_eq!(cell(&report, TABLE, "Nytt projekt", "avvikelse"), None);
    assert!(messages(&report).contains("'Nytt projekt' saknar budget"));
    let text = serde_json::to_string(&report).expect("json");
    assert!(text.contains("saknar budget i filen"), "a sentence names the line");
}

#[test]
fn consumption_periodised_budget_and_linear_forecast() {
    let headers = [
        ("Verksamhet", Some(ColumnRole::OrgUnit)),
        ("Årsbudget", Some(ColumnRole::Budget)),
        ("Utfall jan–aug", Some(ColumnRole::Outcome)),
    ];
    let rows = vec![vec![V::T("Folktandvården"), V::N(-45_000.0), V::N(-31_500.0)]];
    let report = run(&BudgetFollowUp, vec![simple(&headers, &rows)], &[]);
    // Only an annual budget: compared with 8/12 of it.
    assert_eq!(cell(&report, TABLE, "Folktandvården", "budget"), Some(-30_000.0));
    assert_eq!(cell(&report, TABLE, "Folktandvården", "avvikelse"), Some(-1_500.0));
    assert_eq!(cell(&report, TABLE, "Folktandvården", "forbrukningsgrad"), Some(70.0));
    assert_eq!(cell(&report, TABLE, "Folktandvården", "prognos"), Some(-47_250.0));
    assert_eq!(cell(&report, TABLE, "Folktandvården", "prognos_mot_budget"), Some(-2_250.0));
    let figures = report.sections[0].blocks.iter().find_map(|b| match b {
        Block::KeyFigures { figures } => Some(figures),
        _ => None,
    });
    let consumption = figures.expect("figures").iter().find(|f| f.label == "Förbrukningsgrad").expect("figure");
    assert!(consumption.note.as_deref().is_some_and(|n| n.contains("66,7")), "{:?}", consumption.note);
}

#[test]
fn profile_forecast_uses_last_years_share() {
    let headers = [
        ("Verksamhet", Some(ColumnRole::OrgUnit)),
        ("Årsbudget", Some(ColumnRole::Budget)),
        ("Utfall jan–aug", Some(ColumnRole::Outcome)),
        ("Utfall jan–aug 2023", Some(ColumnRole::PreviousYear)),
        ("Bokslut 2023", Some(ColumnRole::PreviousYear)),
    ];
    let rows = vec![vec![V::T("Somatik"), V::N(-4_200.0), V::N(-2_900.0), V::N(-2_700.0), V::N(-4_050.0)]];
    let report = run(&BudgetFollowUp, vec![simple(&headers, &rows)], &[("forecast", "profile")]);
    // −2 900 × 4 050 / 2 700 = −4 350.
    assert_eq!(cell(&report, TABLE, "Somatik", "prognos"), Some(-4_350.0));
    assert_eq!(cell(&report, TABLE, "Somatik", "prognos_mot_budget"), Some(-150.0));
}

#[test]
fn subtotals_follow_the_hierarchy() {
    let rows = vec![
        vec![V::T("Närsjukvård"), V::E, V::E],
        vec![V::T("Väster"), V::N(-460.0), V::N(-489.0)],
        vec![V::T("Norr"), V::N(-361.0), V::N(-372.0)],
        vec![V::T("Folktandvården"), V::N(-30.0), V::N(-26.0)],
        vec![V::T("Summa"), V::N(-851.0), V::N(-887.0)],
    ];
    let mut ds = simple(&BUDGET_OUTCOME, &rows);
    ds.rows.heads_mut()[0].kind = RowKind::Subtotal;
    ds.rows.heads_mut()[1].level = 1;
    ds.rows.heads_mut()[2].level = 1;
    ds.rows.heads_mut()[4].kind = RowKind::Total;
    let report = run(&BudgetFollowUp, vec![ds.clone()], &[]);
    assert_eq!(cell(&report, TABLE, "Närsjukvård", "utfall"), Some(-861.0));
    assert_eq!(cell(&report, TABLE, "Närsjukvård", "avvikelse"), Some(-40.0));
    assert_eq!(cell(&report, TABLE, "Summa", "utfall"), Some(-887.0));
    let table = report.tables().next().expect("table");
    assert_eq!(table.rows[0].kind, RowKindOut::Subtotal);
    assert_eq!(table.rows[0].sum_of, vec![1, 2]);
    assert_eq!(table.rows[1].level, 1);
    assert_eq!(table.rows.last().expect("total").sum_of, vec![0, 3]);
    // The chart shows the top level only.
    let chart = report.charts().next().expect("chart");
    assert_eq!(chart.categories, vec!["Närsjukvård", "Folktandvården"]);
    // level=0 hides the areas' lines; the area row keeps its summed figures.
    let report = run(&BudgetFollowUp, vec![ds], &[("level", "0")]);
    let table = report.tables().next().expect("table");
    assert_eq!(table.rows.len(), 3);
    assert!(table.rows[0].sum_of.is_empty());
    assert_eq!(cell(&report, TABLE, "Närsjukvård", "utfall"), Some(-861.0));
}

#[test]
fn chart_sentences_and_largest_deviations_on_the_sample() {
    let report = run(&BudgetFollowUp, vec![sample()], &[("top", "2")]);
    let chart = report.charts().next().expect("chart");
    assert_eq!(chart.kind, ChartKind::Bar);
    assert_eq!(chart.unit, Some(Unit::Tkr));
    assert_eq!(chart.categories.len(), 9);
    assert_eq!(chart.series[0].values[0], Some(-126_410.0));
    let worst = report.tables().find(|t| t.id == "storsta-avvikelser").expect("table");
    let names: Vec<_> = worst.rows.iter().map(|r| format!("{:?}", r.cells[0])).collect();
    assert_eq!(names.len(), 2);
    assert!(names[0].contains("Somatik") && names[1].contains("Söder"), "{names:?}");
    let json = serde_json::to_string(&report).expect("json");
    assert!(json.contains(
        "Närsjukvårdsområde Väster: utfallet för januari–augusti är \u{2212}489\u{202F}318 tkr mot en budget på \u{2212}460\u{202F}000 tkr, en negativ avvikelse på \u{2212}29\u{202F}318 tkr (\u{2212}6,4\u{00A0}%)."
    ));
}

#[test]
fn converts_units_on_request() {
    let report = run(&BudgetFollowUp, vec![sample()], &[("unit", "mnkr")]);
    let v = cell(&report, TABLE, "Summa", "avvikelse").expect("value");
    assert!((v - -182.909).abs() < 1e-9, "{v}");
}

#[test]
fn missing_input_is_an_error_that_says_what_is_needed() {
    let ds = simple(&[("Verksamhet", Some(ColumnRole::OrgUnit)), ("Utfall", Some(ColumnRole::Outcome))], &[]);
    let registry = uppfolj_plugins::registry();
    let plugin = registry.get("budget-follow-up").expect("registered");
    let err = uppfolj_plugin::run(plugin, &uppfolj_plugin::Inputs::new(vec![ds]), &[]).expect_err("no budget column");
    assert!(err.to_string().contains("kolumnen Budget och kolumnen Utfall"), "{err}");
}

#[test]
fn year_end_outcome_against_the_units_forecast() {
    // At year end (bokslut) the forecast error is outcome − forecast, by the sign convention.
    let headers = [
        ("Verksamhet", Some(ColumnRole::OrgUnit)),
        ("Budget 2024", Some(ColumnRole::Budget)),
        ("Utfall helår", Some(ColumnRole::Outcome)),
        ("Prognos augusti", Some(ColumnRole::Forecast)),
    ];
    let rows = vec![vec![V::T("Folktandvården"), V::N(-45_000.0), V::N(-41_200.0), V::N(-40_500.0)]];
    let report = run(&BudgetFollowUp, vec![simple(&headers, &rows)], &[("months", "12")]);
    assert_eq!(cell(&report, TABLE, "Folktandvården", "prognosavvikelse"), Some(-700.0));
    assert_eq!(cell(&report, TABLE, "Folktandvården", "avvikelse"), Some(3_800.0));
    let table = report.tables().next().expect("table");
    assert!(table.column_index("forbrukningsgrad").is_none(), "no consumption rate for a full year");
}

/// A flat budget file of `n` lines built in the test: line `i` is "Konto {i}" with the budget
/// `budget(i)` (`None` = empty cell) and the outcome `outcome(i)`.
fn generated(n: usize, budget: impl Fn(usize) -> Option<f64>, outcome: impl Fn(usize) -> f64) -> Dataset {
    let rows: Vec<Vec<V>> = (0..n).map(|i| vec![V::T("rad"), budget(i).map_or(V::E, V::N), V::N(outcome(i))]).collect();
    let mut ds = simple(&BUDGET_OUTCOME, &rows);
    for i in 0..ds.rows.len() {
        *ds.rows.value_mut(i, 0).expect("a label") = Value::text(format!("Konto {i}"));
    }
    ds
}

/// The paragraphs of the generated text in the "Avvikelser" section.
fn deviation_sentences(report: &uppfolj_plugin::model::Report) -> Vec<String> {
    let section = report.sections.iter().find(|s| s.id == "avvikelser").expect("section");
    section
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Text(t) => Some(t.paragraphs.clone()),
            _ => None,
        })
        .expect("text")
}

#[test]
fn a_large_file_gets_a_readable_chart_text_and_diagnostics_but_the_full_table() {
    // 5 000 lines; the deviations are all different in amount (±1 … ±5 000, in a scrambled order);
    // every 167th line has no budget (a small outcome, so it is not among the largest).
    let n = 5_000;
    let no_budget = |i: usize| i % 167 == 5;
    let budget = |i: usize| (!no_budget(i)).then(|| -(10_000.0 + i as f64));
    let deviation = |i: usize| {
        let size = ((i * 37) % n + 1) as f64;
        if i.is_multiple_of(2) { -size } else { size }
    };
    let outcome = |i: usize| budget(i).map_or(-1.0, |b| b + deviation(i));
    let report = run(&BudgetFollowUp, vec![generated(n, budget, outcome)], &[]);

    // The table keeps every line, and the total.
    let table = report.tables().find(|t| t.id == TABLE).expect("table");
    assert_eq!(table.rows.len(), n + 1);
    assert_eq!(cell(&report, TABLE, "Konto 4999", "avvikelse"), Some(deviation(4999)));

    // The chart: the 20 largest deviations by amount, largest first, and its title says so.
    let with_budget: Vec<usize> = (0..n).filter(|&i| !no_budget(i)).collect();
    let mut largest = with_budget.clone();
    largest.sort_by(|&a, &b| deviation(b).abs().total_cmp(&deviation(a).abs()));
    let chart = report.charts().next().expect("chart");
    assert_eq!(chart.categories.len(), 20);
    let expected: Vec<String> = largest[..20].iter().map(|i| format!("Konto {i}")).collect();
    assert_eq!(chart.categories, expected);
    let expected_values: Vec<Option<f64>> = largest[..20].iter().map(|&i| Some(deviation(i))).collect();
    assert_eq!(chart.series[0].values, expected_values);
    assert_eq!(chart.series[0].statuses.len(), 20);
    assert!(chart.title.contains("de 20 största avvikelserna (i belopp) av 5\u{202F}000 rader"), "{}", chart.title);

    // The text: the 10 largest deviating lines, largest first, then one sentence on the rest.
    let deviating =
        with_budget.iter().filter(|&&i| deviation(i).abs() * 100.0 / budget(i).expect("budget").abs() >= 2.0);
    let rest = deviating.count() - 10;
    let sentences = deviation_sentences(&report);
    assert_eq!(sentences.len(), 11, "{sentences:#?}");
    for (sentence, i) in sentences.iter().zip(&largest[..10]) {
        assert!(sentence.starts_with(&format!("Konto {i}: utfallet")), "{sentence}");
    }
    assert_eq!(
        sentences[10],
        format!(
            "Ytterligare {} rader avviker med 2,0\u{00A0}% eller mer från budget och 30 rader saknar budget; se tabellen.",
            format::number(rest as f64, 0)
        )
    );

    // Diagnostics: 10 lines without budget named, the other 20 counted in one.
    let named = report.diagnostics.iter().filter(|d| d.message.contains("' saknar budget.")).count();
    assert_eq!(named, 10);
    assert!(messages(&report).contains("Ytterligare 20 rader saknar budget"), "{}", messages(&report));
    assert!(report.diagnostics.len() < 20, "{}", messages(&report));
}

#[test]
fn twenty_lines_are_charted_and_ten_sentences_written_as_in_the_table() {
    // At the limits nothing is left out: the chart keeps the table's order and its title.
    let report = run(&BudgetFollowUp, vec![generated(20, |_| Some(-1_000.0), |i| -1_000.0 - i as f64 * 10.0)], &[]);
    let chart = report.charts().next().expect("chart");
    let in_order: Vec<String> = (0..20).map(|i| format!("Konto {i}")).collect();
    assert_eq!(chart.categories, in_order);
    assert!(!chart.title.contains("största"), "{}", chart.title);
    // Lines 2–11 deviate by 2 % or more (−20 … −110 of −1 000): ten sentences, in the table's order.
    let report = run(
        &BudgetFollowUp,
        vec![generated(20, |_| Some(-1_000.0), |i| if i < 12 { -1_000.0 - i as f64 * 10.0 } else { -1_000.0 })],
        &[],
    );
    let sentences = deviation_sentences(&report);
    assert_eq!(sentences.len(), 10);
    assert!(sentences[0].starts_with("Konto 2:") && sentences[9].starts_with("Konto 11:"), "{sentences:#?}");
}

#[test]
fn many_top_level_units_chart_the_largest_of_them() {
    // 25 areas (subtotals) with 4 lines each: the chart shows the 20 areas deviating most.
    let rows: Vec<Vec<V>> =
        (0..25 * 5)
            .map(|r| {
                if r % 5 == 0 {
                    vec![V::T("område"), V::E, V::E]
                } else {
                    vec![V::T("rad"), V::N(-100.0), V::N(-100.0)]
                }
            })
            .collect();
    let mut ds = simple(&BUDGET_OUTCOME, &rows);
    for r in 0..ds.rows.len() {
        let area = r / 5;
        let label = if r % 5 == 0 {
            ds.rows.heads_mut()[r].kind = RowKind::Subtotal;
            format!("Område {area}")
        } else {
            ds.rows.heads_mut()[r].level = 1;
            // Area a deviates by −a in total (its first line carries it).
            if r % 5 == 1 {
                *ds.rows.value_mut(r, 2).expect("an outcome") = Value::number(-100.0 - area as f64);
            }
            format!("Område {area} enhet {}", r % 5)
        };
        *ds.rows.value_mut(r, 0).expect("a label") = Value::text(label);
    }
    let report = run(&BudgetFollowUp, vec![ds], &[]);
    assert_eq!(report.tables().next().expect("table").rows.len(), 25 * 5 + 1);
    let chart = report.charts().next().expect("chart");
    let expected: Vec<String> = (5..25).rev().map(|a| format!("Område {a}")).collect();
    assert_eq!(chart.categories, expected);
    assert!(chart.title.contains("av 25 rader på översta nivån"), "{}", chart.title);
}

#[test]
fn a_file_that_names_no_period_gives_a_report_without_one() {
    let undated =
        || TableLiteral::new("drift.csv").row(["Verksamhet", "Budget", "Utfall"]).row(["Vård", "-100", "-90"]);
    let report = run(&BudgetFollowUp, undated().import(), &[]);
    assert_eq!(report.period, None, "no months and no year: no \"Period: perioden\"");
    let report = run(&BudgetFollowUp, undated().import(), &[("months", "8")]);
    assert_eq!(report.period.as_deref(), Some("januari–augusti"));
    let dated = TableLiteral::new("drift_2024.csv")
        .row(["Verksamhet", "Budget 2024", "Utfall 2024"])
        .row(["Vård", "-100", "-90"]);
    assert_eq!(run(&BudgetFollowUp, dated.import(), &[]).period.as_deref(), Some("2024"), "the year alone");
}
