//! The chart: the deviation per line at the top of the table, or, with more than [`CHART_MAX`]
//! such lines, the largest deviations by amount, largest first, with a title that says so.

use super::FollowUp;
use super::compute::larger_first;
use super::text::rows_text;
use uppfolj_plugin::kit::vocab::in_sentence;
use uppfolj_plugin::model::report::{Chart, ChartKind, ChartSemantics, Series, Status};

/// At most this many bars in the chart: with more lines, the largest deviations are charted.
pub(super) const CHART_MAX: usize = 20;

/// The bar chart of deviations per line (the top level shown).
/// The id of the deviation chart.
const CHART_ID: &str = "avvikelse-per-verksamhet";

pub(super) fn deviations(f: &FollowUp) -> Chart {
    let (s, derived) = (&f.settings, &f.derived);
    let charted: Vec<usize> = f.top.iter().copied().filter(|&i| f.shown.contains(i)).collect();
    let title = format!("Avvikelse mot budget per {} ({}), {}", in_sentence(&f.names.label), s.period, s.unit.label());
    let (charted, title) = if charted.len() <= CHART_MAX {
        (charted, title)
    } else {
        let of = charted.len();
        let mut largest: Vec<usize> = charted.into_iter().filter(|&i| derived[i].deviation.is_some()).collect();
        // Largest amount first; equal amounts by the larger percentage, then in the table's order.
        largest.sort_by(|&a, &b| larger_first(&derived[a], &derived[b]));
        largest.truncate(CHART_MAX);
        let of_what =
            if f.top.len() == f.lines.len() { rows_text(of) } else { format!("{} på översta nivån", rows_text(of)) };
        let title = format!("{title}: de {} största avvikelserna (i belopp) av {of_what}", largest.len());
        (largest, title)
    };
    Chart {
        id: CHART_ID.into(),
        title,
        kind: ChartKind::Bar,
        categories: charted.iter().map(|&i| f.lines[i].label.clone()).collect(),
        series: vec![Series {
            name: "Avvikelse".into(),
            values: charted.iter().map(|&i| derived[i].deviation).collect(),
            statuses: charted.iter().map(|&i| derived[i].deviation.map(|_| s.status(&derived[i]).0)).collect(),
        }],
        unit: Some(s.unit.clone()),
        value_label: format!("Avvikelse, {}", s.unit.label()),
        reference_lines: Vec::new(),
        horizontal: true,
    }
}

/// How the deviation chart is read: its bars carry the lines' statuses, named as in the table.
pub(super) fn reading() -> ChartSemantics {
    ChartSemantics::new(CHART_ID)
        .with_status_label(Status::Good, "Inom budget")
        .with_status_label(Status::Warning, "Mindre avvikelse")
        .with_status_label(Status::Bad, "Negativ avvikelse")
        .with_status_label(Status::Neutral, "Budget saknas")
}
