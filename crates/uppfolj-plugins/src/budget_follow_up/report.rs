//! The report: its sections in order (overview, per line, deviations), where its figures came
//! from, and the settings it ran with, stated for the reader.

use super::FollowUp;
use super::{charts, key_figures, tables, text};
use uppfolj_plugin::kit::ReportBuilder;
use uppfolj_plugin::kit::provenance;
use uppfolj_plugin::kit::vocab::in_sentence;
use uppfolj_plugin::model::report::{Block, Section, Text};
use uppfolj_plugin::{ParamSpec, Params};

/// Adds the sections, the sources and the parameters of `f` to `report`; `top` is how many of
/// the largest negative deviations to list.
pub(super) fn present(report: &mut ReportBuilder, f: &FollowUp, top: usize) {
    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures { figures: key_figures::key_figures(f) });
    overview.blocks.push(Block::Text(Text { paragraphs: text::summary(f), generated: true }));
    overview
        .blocks
        .push(Block::Text(Text { paragraphs: vec![f.settings.sign.statement().to_owned()], generated: false }));

    let mut per_unit = Section::new("per-verksamhet", format!("Per {}", in_sentence(&f.names.label)));
    if let Some(ledger) = &f.ledger {
        per_unit.blocks.push(Block::Text(Text { paragraphs: vec![ledger.statement(f.ds)], generated: false }));
    }
    per_unit.blocks.push(Block::Table(tables::per_unit(f)));
    per_unit.blocks.push(Block::Chart(charts::deviations(f)));

    let mut deviations = Section::new("avvikelser", "Avvikelser");
    deviations.blocks.push(Block::Text(Text { paragraphs: text::comments(f), generated: true }));
    let largest = tables::largest_negative(f, top);
    if !largest.rows.is_empty() {
        deviations.blocks.push(Block::Table(largest));
    }
    report.sections([overview, per_unit, deviations]);
    report.chart_reading(charts::reading());
    sources(report, f);
}

/// The provenance of the budgets, the outcome and the forecast: their cells in every line and
/// total row.
fn sources(report: &mut ReportBuilder, f: &FollowUp) {
    let lines: Vec<usize> = match &f.ledger {
        Some(ledger) => ledger.rows.clone(),
        None => f.lines.iter().map(|l| l.row).collect(),
    };
    let rows: Vec<usize> = lines.into_iter().chain(f.file_totals.iter().map(|t| t.row)).collect();
    let (cols, names) = (&f.cols, &f.names);
    for (col, name) in [
        (cols.annual, &names.annual),
        (cols.period_budget, &names.budget),
        (cols.outcome, &names.outcome),
        (cols.forecast, &names.forecast),
    ] {
        report.note(provenance(f.ds, name.clone(), col, &rows));
    }
}

/// The parameters as given, then what the report made of them: the sign convention, the period
/// and the unit.
pub(super) fn parameters(f: &FollowUp, params: &Params, specs: &[ParamSpec]) -> Vec<(String, String)> {
    let s = &f.settings;
    let mut shown = params.display(specs);
    shown.push(("Använd teckenkonvention".into(), s.sign.label().into()));
    if let Some(m) = s.months {
        shown.push(("Periodens månader".into(), format!("{m} ({}), från {}", s.period, s.months_source)));
    }
    shown.push(("Enhet i rapporten".into(), s.unit.label().to_owned()));
    if let Some(ledger) = &f.ledger {
        shown.push(("Gruppering".into(), ledger.title.clone()));
    }
    shown
}
