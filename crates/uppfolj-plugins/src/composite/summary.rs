//! Sammanfattning: the figures a nämnd reads first, on one page. Each part gives the key figures
//! its [`Part::summary_figures`] names and the lead paragraph of its own overview; the budget
//! gives its largest deviations; a sentence says which chapters have no data.

use super::chapters::scoped_block;
use super::parts::{Lead, Part};
use super::run::{Outcome, PartRun};
use uppfolj_plugin::model::report::{Block, KeyFigure, Report, Section, Text};

/// The summary section, opening with `lead` (what the report is and covers).
pub(crate) fn section(lead: String, runs: &[PartRun<'_>]) -> Section {
    let mut section = Section::new("sammanfattning", "Sammanfattning");
    let figures: Vec<KeyFigure> =
        runs.iter().filter_map(|r| Some((r.part, r.report()?))).flat_map(figures_of).collect();
    let mut paragraphs = vec![lead];
    paragraphs.extend(runs.iter().filter_map(|r| Some(lead_paragraphs(r.part, r.report()?))).flatten());
    if let Some(missing) = missing_sentence(runs) {
        paragraphs.push(missing);
    }
    if !figures.is_empty() {
        section.blocks.push(Block::KeyFigures { figures });
    }
    section.blocks.push(Block::Text(Text { paragraphs, generated: true }));
    section.blocks.extend(runs.iter().flat_map(summary_tables));
    section
}

/// The part's key figures named for the summary, in the part's order.
fn figures_of((part, report): (&Part, &Report)) -> Vec<KeyFigure> {
    overview_blocks(report)
        .flat_map(|b| match b {
            Block::KeyFigures { figures } => figures.as_slice(),
            _ => &[],
        })
        .filter(|k| part.summary_figures.iter().any(|label| k.label.starts_with(label)))
        .cloned()
        .collect()
}

/// The paragraphs that lead the part's overview text.
fn lead_paragraphs(part: &Part, report: &Report) -> Vec<String> {
    let Some(text) = overview_blocks(report).find_map(|b| match b {
        Block::Text(t) if t.generated => Some(t),
        _ => None,
    }) else {
        return Vec::new();
    };
    let all = &text.paragraphs;
    match part.lead {
        Lead::First => all.iter().take(1).cloned().collect(),
        Lead::Last(n) => all[all.len().saturating_sub(n)..].to_vec(),
    }
}

fn overview_blocks(report: &Report) -> impl Iterator<Item = &Block> {
    report.sections.iter().take(1).flat_map(|s| &s.blocks)
}

/// The tables of the part's sections named for the summary (the largest deviations).
fn summary_tables(run: &PartRun<'_>) -> Vec<Block> {
    let Some(report) = run.report() else { return Vec::new() };
    report
        .sections
        .iter()
        .filter(|s| run.part.summary_tables.contains(&s.id.as_str()))
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Table(_)))
        .map(|b| scoped_block(b.clone(), &format!("sammanfattning-{}", run.part.id)))
        .collect()
}

/// "Underlag saknas för jämförelse och riktade statsbidrag (se respektive avsnitt)."
fn missing_sentence(runs: &[PartRun<'_>]) -> Option<String> {
    let missing: Vec<String> =
        runs.iter().filter(|r| !matches!(r.outcome, Outcome::Report(_))).map(|r| r.part.name.to_lowercase()).collect();
    let list = match missing.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    };
    Some(format!("Underlag saknas för {list}: avsnitten säger vilken fil som fyller dem."))
}
