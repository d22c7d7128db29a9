//! God ekonomisk hushållning: the financial goals of the goal follow-up (the perspective
//! Ekonomi) judged by the scorecard on those rows alone, beside the result goal of the balance
//! requirement, and the assessment that follows from them.

use super::chapters::{note, scoped_block};
use super::parts::part;
use super::run::{PartRun, run_on};
use uppfolj_plugin::Params;
use uppfolj_plugin::kit::vocab;
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, Value};
use uppfolj_plugin::model::report::{Block, KeyFigure, Report, Status, Text};

/// The id of the part that judges goals.
const SCORECARD: &str = "scorecard";
/// The id of the part with the result goal.
const BALANCE: &str = "balance-requirement";

/// The blocks on god ekonomisk hushållning, after the balance requirement's own.
pub(crate) fn blocks(runs: &[PartRun<'_>], params: &Params) -> Vec<Block> {
    let mut blocks = vec![heading_note()];
    let result_goal = runs.iter().find(|r| r.part.id == BALANCE).and_then(|r| r.report()).and_then(result_goal);
    let goals = financial_goals(runs, params);
    if let Some(goals) = &goals {
        blocks.extend(goals_tables(&goals.report));
    }
    blocks.push(Block::Text(Text { paragraphs: assessment(goals.as_ref(), result_goal.as_ref()), generated: true }));
    blocks
}

/// The scorecard's table per indicator, titled for the financial goals.
fn goals_tables(report: &Report) -> Vec<Block> {
    let tables = report.sections.iter().filter(|s| s.id == "indikatorer").flat_map(|s| &s.blocks);
    tables
        .filter_map(|b| match b {
            Block::Table(t) => {
                let mut t = t.clone();
                t.title = t.title.replacen("Måluppföljning", "Finansiella mål", 1);
                Some(scoped_block(Block::Table(t), "god-hushallning"))
            }
            _ => None,
        })
        .collect()
}

fn heading_note() -> Block {
    note(
        "God ekonomisk hushållning: de finansiella målen (perspektivet Ekonomi i måluppföljningen) och \
         resultatmålet i balanskravsutredningen."
            .to_owned(),
    )
}

/// The scorecard run on the financial goals alone.
struct FinancialGoals {
    report: Report,
    counts: Counts,
}

/// Indicators of the financial goals by status.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    met: usize,
    partly: usize,
    not_met: usize,
    judged: usize,
}

fn financial_goals(runs: &[PartRun<'_>], params: &Params) -> Option<FinancialGoals> {
    let run = runs.iter().find(|r| r.part.id == SCORECARD)?;
    run.report()?;
    let tables: Vec<Dataset> = run.feed.tables.iter().filter_map(|d| financial_rows(d)).collect();
    let report = run_on(part(SCORECARD)?, tables, params).ok()?;
    let counts = counts(&report);
    Some(FinancialGoals { report, counts })
}

/// The rows of `ds` in the perspective Ekonomi (a perspective written once above its rows
/// holds for the rows below it); `None` when there are none.
fn financial_rows(ds: &Dataset) -> Option<Dataset> {
    let col = ds.column(ColumnRole::Perspective)?;
    let mut current = String::new();
    let rows = ds.rows.subset(|row| {
        if let Some(Value::Text(t)) = row.value(col)
            && !t.trim().is_empty()
        {
            current = vocab::norm(t);
        }
        current.contains("ekonomi") || current.contains("finans")
    });
    (!rows.is_empty()).then(|| Dataset { rows, ..ds.clone() })
}

/// The indicators by status, from the scorecard's key figures.
fn counts(report: &Report) -> Counts {
    let figure = |label: &str| -> usize {
        report.key_figures().find(|k| k.label == label).and_then(|k| k.value).map_or(0, |v| v.max(0.0).round() as usize)
    };
    let (met, partly, not_met) = (figure("Uppnått"), figure("Delvis uppnått"), figure("Ej uppnått"));
    Counts { met, partly, not_met, judged: met + partly + not_met }
}

/// The balance requirement's result goal ("Resultat i % av skatter och bidrag 2024").
fn result_goal(report: &Report) -> Option<KeyFigure> {
    report.key_figures().find(|k| k.label.starts_with("Resultat i % av")).cloned()
}

/// The assessment, by the rule in the plugins' documentation: god ekonomisk hushållning is
/// reached when every judged financial goal and the result goal are met, not reached when none
/// is, and partly reached otherwise.
fn assessment(goals: Option<&FinancialGoals>, result_goal: Option<&KeyFigure>) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut met, mut judged) = (0, 0);
    if let Some(g) = goals {
        let c = g.counts;
        let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
        lines.push(format!(
            "Finansiella mål: av {} är {}, {} och {}.",
            n(c.judged, "bedömd indikator", "bedömda indikatorer"),
            n(c.met, "uppnådd", "uppnådda"),
            n(c.partly, "delvis uppnådd", "delvis uppnådda"),
            n(c.not_met, "ej uppnådd", "ej uppnådda"),
        ));
        (met, judged) = (c.met, c.judged);
    } else {
        lines.push(
            "Finansiella mål: ingen inläst måluppföljning har perspektivet Ekonomi, så de finansiella målen bedöms \
             inte här."
                .to_owned(),
        );
    }
    if let Some(k) = result_goal.filter(|k| matches!(k.status, Some(Status::Good | Status::Bad))) {
        let label = k.status_text().unwrap_or_default();
        lines.push(format!("Resultatmålet ({}): {}.", k.label, label.to_lowercase()));
        judged += 1;
        met += usize::from(k.status == Some(Status::Good));
    }
    lines.push(match (judged, met) {
        (0, _) => "Underlaget räcker inte för en bedömning av god ekonomisk hushållning.".to_owned(),
        (j, m) if m == j => "Underlaget talar för att god ekonomisk hushållning uppnås.".to_owned(),
        (_, 0) => "Underlaget talar för att god ekonomisk hushållning inte uppnås.".to_owned(),
        _ => "Underlaget talar för att god ekonomisk hushållning delvis uppnås.".to_owned(),
    });
    lines
}
