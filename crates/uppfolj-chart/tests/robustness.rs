//! Property-style tests: whatever the data, `svg` returns a well-formed, accessible SVG and
//! never panics — empty charts, missing values, NaN and infinities, huge and negative-only data,
//! every kind in both orientations, odd sizes.

use uppfolj_chart::{SvgOptions, default_size, svg, value_axis_title};
use uppfolj_model::report::{Chart, ChartKind, ReferenceLine, Series, Status};
use uppfolj_model::unit::Unit;

const KINDS: [ChartKind; 6] = [
    ChartKind::Bar,
    ChartKind::GroupedBar,
    ChartKind::StackedBar,
    ChartKind::Line,
    ChartKind::Waterfall,
    ChartKind::Bullet,
];

fn chart(kind: ChartKind, categories: &[&str], series: Vec<Vec<Option<f64>>>) -> Chart {
    Chart {
        id: "test".to_owned(),
        title: "Avvikelse & <prognos> per \"enhet\"".to_owned(),
        kind,
        categories: categories.iter().map(|c| (*c).to_owned()).collect(),
        series: series
            .into_iter()
            .enumerate()
            .map(|(i, values)| Series { name: format!("Serie {}", i + 1), values, statuses: Vec::new() })
            .collect(),
        unit: Some(Unit::Tkr),
        value_label: "Avvikelse".to_owned(),
        reference_lines: Vec::new(),
        horizontal: false,
    }
}

/// Draws `chart` in both orientations and checks the result is a complete, accessible SVG.
fn assert_draws(mut chart: Chart, what: &str) -> Vec<String> {
    let mut out = Vec::new();
    for horizontal in [false, true] {
        chart.horizontal = horizontal;
        let options = SvgOptions::for_chart(&chart);
        let svg =
            svg(&chart, &options).unwrap_or_else(|e| panic!("{what} ({:?}, horizontal {horizontal}): {e}", chart.kind));
        assert!(svg.starts_with("<svg role=\"img\""), "{what}: no role=img");
        assert!(svg.contains("aria-labelledby=\"uppfolj-chart-test-title uppfolj-chart-test-desc\""), "{what}");
        assert!(
            svg.contains(
                "<title id=\"uppfolj-chart-test-title\">Avvikelse &amp; &lt;prognos&gt; per &quot;enhet&quot;</title>"
            ),
            "{what}: title missing or not escaped"
        );
        assert!(svg.contains("<desc id=\"uppfolj-chart-test-desc\">"), "{what}: no desc");
        assert!(svg.trim_end().ends_with("</svg>"), "{what}: not closed");
        assert!(!svg.contains("NaN") && !svg.contains("inf\""), "{what}: non-finite number written");
        out.push(svg);
    }
    out
}

#[test]
fn empty_charts_show_a_placeholder() {
    for kind in KINDS {
        for svg in assert_draws(chart(kind, &[], Vec::new()), "no categories") {
            assert!(svg.contains("Inga data"), "{kind:?}: no placeholder");
        }
        for svg in assert_draws(chart(kind, &["A", "B"], Vec::new()), "no series") {
            assert!(svg.contains("Inga data"), "{kind:?}: no placeholder");
        }
        for svg in assert_draws(chart(kind, &["A", "B"], vec![vec![None, None]]), "only missing values") {
            assert!(svg.contains("Inga data"), "{kind:?}: no placeholder");
        }
    }
}

#[test]
fn non_finite_values_count_as_missing() {
    let values = vec![Some(f64::NAN), Some(120.0), Some(f64::INFINITY), Some(f64::NEG_INFINITY), Some(-80.0)];
    for kind in KINDS {
        let c = chart(kind, &["A", "B", "C", "D", "E"], vec![values.clone(), values.clone()]);
        for svg in assert_draws(c, "NaN and infinities") {
            assert!(svg.contains("uppgift saknas") || kind == ChartKind::Line, "{kind:?}: missing not marked");
        }
    }
}

#[test]
fn missing_values_are_not_drawn_as_zero() {
    let c = chart(ChartKind::Bar, &["A", "B", "C"], vec![vec![Some(100.0), None, Some(-50.0)]]);
    let svg = svg(&c, &SvgOptions::default()).expect("draws");
    assert!(svg.contains("B uppgift saknas"), "the description names the missing value");
    assert!(!svg.contains("B 0"), "a missing value is not described as zero");
    // Two bars (series colour) and no third.
    assert_eq!(svg.matches("fill=\"#2B5F9E\"").count(), 2, "one bar per present value");
}

#[test]
fn huge_tiny_and_one_sided_data_draw() {
    let cases: Vec<(&str, Vec<Option<f64>>)> = vec![
        ("huge", vec![Some(f64::MAX), Some(f64::MAX / 2.0), Some(-f64::MAX)]),
        ("tiny", vec![Some(1e-300), Some(-1e-300), Some(0.0)]),
        ("negative only", vec![Some(-1_116.0), Some(-33.0), Some(-2_600_000.0)]),
        ("all zero", vec![Some(0.0), Some(0.0), Some(0.0)]),
        ("one equal value", vec![Some(42.0), Some(42.0), Some(42.0)]),
    ];
    for (what, values) in cases {
        for kind in KINDS {
            let c = chart(kind, &["Område Somatik", "Område Psykiatri", "Summa"], vec![values.clone(), values.clone()]);
            assert_draws(c, what);
        }
    }
}

#[test]
fn ragged_series_statuses_and_reference_lines_draw() {
    for kind in KINDS {
        let mut c = chart(
            kind,
            &["A", "B", "C", "D"],
            vec![vec![Some(3.0)], vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(5.0)]],
        );
        c.series[0].statuses =
            vec![Some(Status::Good), None, Some(Status::Bad), Some(Status::Warning), Some(Status::Neutral)];
        c.reference_lines = vec![
            ReferenceLine { label: "Krav".to_owned(), value: 2.5 },
            ReferenceLine { label: "Trasig".to_owned(), value: f64::NAN },
        ];
        assert_draws(c, "ragged");
    }
}

#[test]
fn many_long_categories_draw() {
    let names: Vec<String> = (0..60)
        .map(|i| format!("Verksamhetsområde nummer {i} med ett mycket långt namn som inte får plats på en rad"))
        .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let values: Vec<Option<f64>> = (0..60).map(|i| Some(f64::from(i) * 1_000.0 - 30_000.0)).collect();
    for kind in KINDS {
        assert_draws(chart(kind, &refs, vec![values.clone(), values.clone(), values.clone()]), "many categories");
    }
}

#[test]
fn sizes_are_checked() {
    let c = chart(ChartKind::Bar, &["A"], vec![vec![Some(1.0)]]);
    let err = svg(&c, &SvgOptions { width: 10, height: 10 }).expect_err("too small");
    assert!(err.to_string().contains("10×10"), "{err}");
    assert!(svg(&c, &SvgOptions { width: 120, height: 80 }).is_ok(), "the smallest size draws");
    let (w, h) = default_size(&c);
    assert!(w >= 120 && h >= 80);
}

#[test]
fn axis_title_carries_the_unit_once() {
    let mut c = chart(ChartKind::Bar, &["A"], vec![vec![Some(1.0)]]);
    assert_eq!(value_axis_title(&c), "Avvikelse, tkr");
    c.value_label = "Avvikelse, tkr".to_owned();
    assert_eq!(value_axis_title(&c), "Avvikelse, tkr");
    c.value_label = "Andel (%)".to_owned();
    c.unit = Some(Unit::Percent);
    assert_eq!(value_axis_title(&c), "Andel (%)");
    c.unit = None;
    c.value_label = "Antal".to_owned();
    assert_eq!(value_axis_title(&c), "Antal");
    // A unit of two words, already in the label (the Örebro ledger's outcome column).
    c.unit = Some(Unit::unknown());
    c.value_label = "UTFALL, enhet okänd".to_owned();
    assert_eq!(value_axis_title(&c), "UTFALL, enhet okänd");
    c.value_label = "Utfall".to_owned();
    assert_eq!(value_axis_title(&c), "Utfall, enhet okänd");
}

#[test]
fn swedish_numbers_on_the_value_axis() {
    let c = chart(ChartKind::Bar, &["A", "B"], vec![vec![Some(-1_200.0), Some(2_600.0)]]);
    let svg = svg(&c, &SvgOptions::default()).expect("draws");
    assert!(svg.contains("\u{2212}1\u{202F}200"), "minus sign and narrow space in labels");
    assert!(svg.contains("+2\u{202F}600"), "explicit plus on deviations of both signs");
    assert!(svg.contains(">\n\u{2212}2\u{202F}000\n<"), "a Swedish tick label");
}
