//! The chart of the overview: årets resultat, balanskravsresultat and what remains to restore,
//! per year, against the balance requirement's zero line.

use super::deficits::YearFigures;
use super::lines::Line;
use uppfolj_plugin::model::report::{Better, Chart, ChartKind, ChartSemantics, ReferenceLine, Series, Status};
use uppfolj_plugin::model::unit::Unit;

/// The id of the chart.
const CHART_ID: &str = "balanskravsresultat";

/// Grouped bars per year; the balanskravsresultat is coloured by its sign, the amount to restore
/// drawn below zero.
pub(super) fn results(years: &[YearFigures<'_>], unit: &Unit) -> Chart {
    Chart {
        id: CHART_ID.into(),
        title: format!("Årets resultat och balanskravsresultat per år, {}", unit.label()),
        kind: ChartKind::GroupedBar,
        categories: years.iter().map(YearFigures::label).collect(),
        series: vec![
            Series {
                name: "Årets resultat".into(),
                values: years.iter().map(|y| y.read.get(Line::Result)).collect(),
                statuses: Vec::new(),
            },
            Series {
                name: "Balanskravsresultat".into(),
                values: years.iter().map(|y| Some(y.balance_result)).collect(),
                statuses: years
                    .iter()
                    .map(|y| Some(if y.balance_result >= 0.0 { Status::Good } else { Status::Bad }))
                    .collect(),
            },
            Series {
                name: "Att återställa".into(),
                values: years.iter().map(|y| Some(-y.closing)).collect(),
                statuses: Vec::new(),
            },
        ],
        unit: Some(unit.clone()),
        value_label: format!("Belopp, {}", unit.label()),
        reference_lines: vec![ReferenceLine { label: "Balanskravet".into(), value: 0.0 }],
        horizontal: false,
    }
}

/// How the chart is read: a year's balanskravsresultat is good when it is not negative, and a
/// higher result is better.
pub(super) fn reading() -> ChartSemantics {
    ChartSemantics::new(CHART_ID)
        .with_status_label(Status::Good, "Balanskravet uppfyllt")
        .with_status_label(Status::Bad, "Underskott")
        .with_better(1, Better::Higher)
}
