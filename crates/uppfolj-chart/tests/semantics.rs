//! Charts read as their Report says (`report::ChartSemantics`): the legend label of each status,
//! and waterfall steps coloured better/worse rather than by sign. Without semantics every chart
//! draws exactly as before (the fixtures' snapshots hold that).

use uppfolj_chart::{SvgOptions, svg, svg_with};
use uppfolj_model::report::{Better, Chart, ChartKind, ChartSemantics, Series, Status};
use uppfolj_model::unit::Unit;

/// The colours of the good, bad and neutral statuses and of a waterfall's decrease.
const GOOD: &str = "#2E7D32";
const BAD: &str = "#C62828";
const DECREASE: &str = "#D97B29";

fn chart(kind: ChartKind, categories: &[&str], values: &[f64], statuses: Vec<Option<Status>>) -> Chart {
    Chart {
        id: "c".into(),
        title: "Kostnader".into(),
        kind,
        categories: categories.iter().map(|c| (*c).to_owned()).collect(),
        series: vec![Series { name: "Kostnad".into(), values: values.iter().map(|v| Some(*v)).collect(), statuses }],
        unit: Some(Unit::Mnkr),
        value_label: "Kostnad".into(),
        reference_lines: vec![],
        horizontal: false,
    }
}

fn draw(chart: &Chart, semantics: &ChartSemantics) -> String {
    svg_with(chart, semantics, &SvgOptions::for_chart(chart)).expect("draws")
}

#[test]
fn default_semantics_draw_exactly_as_svg() {
    let c = chart(ChartKind::Waterfall, &["2023", "Personal", "Lokaler", "2024"], &[100.0, 8.0, -5.0, 103.0], vec![]);
    let options = SvgOptions::for_chart(&c);
    assert_eq!(draw(&c, &ChartSemantics::new("c")), svg(&c, &options).expect("draws"));
}

#[test]
fn a_falling_cost_is_better_when_lower_is_better() {
    let c = chart(ChartKind::Waterfall, &["2023", "Personal", "Lokaler", "2024"], &[100.0, 8.0, -5.0, 103.0], vec![]);
    let plain = draw(&c, &ChartSemantics::new("c"));
    assert!(plain.contains(DECREASE) && plain.contains("Minskning"), "by default a decrease is only a decrease");
    assert!(!plain.contains("(bättre)") && !plain.contains("(sämre)"));
    assert!(!plain.contains(BAD) && !plain.contains(GOOD));

    let read = draw(&c, &ChartSemantics::new("c").with_better(0, Better::Lower));
    assert!(read.contains("Minskning (bättre)"), "the legend says the fall is better");
    assert!(read.contains("Ökning (sämre)"), "and the rise worse");
    assert!(read.contains(GOOD) && read.contains(BAD), "coloured good and bad");
    assert!(!read.contains(DECREASE), "not by sign");
    assert!(read.contains("Lokaler −5 mnkr (bättre)"), "the description judges each step");
}

#[test]
fn statuses_carry_the_reports_labels() {
    let statuses = vec![Some(Status::Good), Some(Status::Bad), Some(Status::Warning)];
    let c = chart(ChartKind::Bar, &["A", "B", "C"], &[3.0, -4.0, -1.0], statuses);
    let plain = draw(&c, &ChartSemantics::new("c"));
    assert!(plain.contains("Ej uppnått") && plain.contains("Uppnått"));
    let semantics = ChartSemantics::new("c")
        .with_status_label(Status::Good, "Inom budget")
        .with_status_label(Status::Bad, "Överskridet");
    let read = draw(&c, &semantics);
    // Each label is in the legend and in the description.
    assert_eq!(read.matches("Inom budget").count(), 2, "{read}");
    assert_eq!(read.matches("Överskridet").count(), 2, "{read}");
    assert!(read.contains("B −4 mnkr (Överskridet)"), "description");
    assert!(!read.contains("Ej uppnått"), "the default label is gone");
    assert!(read.contains("Delvis uppnått"), "a status without a label keeps its own");
}
