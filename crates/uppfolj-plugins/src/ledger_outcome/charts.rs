//! The chart: the outcome of the groups on the top level, largest first (at most
//! [`CHART_MAX`], with a title that says so).

use super::ranking::Ranked;
use super::read::Ledger;
use uppfolj_plugin::kit::vocab::in_sentence;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{Chart, ChartKind, Series};

/// At most this many bars.
const CHART_MAX: usize = 20;

/// The bar chart of the top-level groups of `tree` (already largest first).
pub(super) fn per_unit(ledger: &Ledger, tree: &[Ranked], top_name: &str) -> Chart {
    let top: Vec<&Ranked> = tree.iter().filter(|r| r.level == 0).collect();
    let mut title = format!("Utfall per {}, {}", in_sentence(top_name), ledger.unit.label());
    if top.len() > CHART_MAX {
        title.push_str(&format!(": de {CHART_MAX} största av {}", format::number(top.len() as f64, 0)));
    }
    let charted = &top[..top.len().min(CHART_MAX)];
    Chart {
        id: "utfall-per-enhet".into(),
        title,
        kind: ChartKind::Bar,
        categories: charted.iter().map(|r| r.label.clone()).collect(),
        series: vec![Series {
            name: ledger.outcome_name.clone(),
            values: charted.iter().map(|r| Some(r.outcome)).collect(),
            statuses: vec![None; charted.len()],
        }],
        unit: Some(ledger.unit.clone()),
        value_label: format!("{}, {}", ledger.outcome_name, ledger.unit.label()),
        reference_lines: Vec::new(),
        horizontal: true,
    }
}
