//! The key figures: the indicators counted by status, the share met, and the goals met.

use super::assess::Verdict;
use super::compute::Figures;
use uppfolj_plugin::kit::key_figure;
use uppfolj_plugin::model::report::KeyFigure;
use uppfolj_plugin::model::unit::Unit;

/// A count with a status.
fn count(label: &str, n: usize, verdict: Option<Verdict>) -> KeyFigure {
    KeyFigure {
        decimals: 0,
        status: verdict.map(Verdict::status),
        status_label: verdict.map(|v| v.label().to_owned()),
        ..key_figure(label, Some(n as f64), &Unit::Count)
    }
}

/// The key figures.
pub(super) fn key_figures(f: &Figures) -> Vec<KeyFigure> {
    let c = &f.counts;
    let mut out = vec![count("Indikatorer", c.total(), None)];
    out.extend(Verdict::ALL.iter().map(|v| count(v.label(), c.get(*v), Some(*v))));
    let judged = c.judged();
    out.push(KeyFigure {
        decimals: 1,
        note: Some(format!("av {judged} bedömda indikatorer")),
        ..key_figure("Andel uppnådda", (judged > 0).then(|| 100.0 * c.met as f64 / judged as f64), &Unit::Percent)
    });
    if f.has_goals() {
        let g = &f.goal_counts;
        out.push(KeyFigure {
            note: Some(format!("av {} mål", g.total())),
            ..count("Mål uppnådda", g.met, Some(Verdict::Met))
        });
    }
    out
}
