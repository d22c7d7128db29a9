//! The chapters between the summary and the sources, in the order Swedish interim and annual
//! reports use, each filled with the content of its parts' reports.

use super::run::{Outcome, PartRun};
use uppfolj_plugin::model::report::{Block, Section, Text};

/// A chapter: its section id, heading and the parts that fill it.
pub(crate) struct Chapter {
    /// Section id.
    pub id: &'static str,
    /// Heading.
    pub title: &'static str,
    /// The ids of the parts that fill it, in order.
    pub parts: &'static [&'static str],
}

/// The chapters, in order.
pub(crate) const CHAPTERS: [Chapter; 5] = [
    Chapter { id: "ekonomi", title: "Ekonomi", parts: &["budget-follow-up"] },
    Chapter { id: "balanskrav", title: "Balanskrav och god ekonomisk hushållning", parts: &["balance-requirement"] },
    Chapter { id: "maluppfyllelse", title: "Måluppfyllelse", parts: &["scorecard"] },
    Chapter { id: "jamforelse", title: "Jämförelse med andra", parts: &["comparison"] },
    Chapter {
        id: "handlingsplaner",
        title: "Handlingsplaner och riktade statsbidrag",
        parts: &["action-plan", "earmarked-grants"],
    },
];

/// The section of `chapter`: the content of each of its parts, or what file would fill it.
pub(crate) fn section(chapter: &Chapter, runs: &[PartRun<'_>]) -> Section {
    let mut section = Section::new(chapter.id, chapter.title);
    for run in runs.iter().filter(|r| chapter.parts.contains(&r.part.id)) {
        section.blocks.extend(part_blocks(run));
    }
    section
}

/// The content of one part: its report's sections without "Källor" (the composite gathers the
/// sources at its end), or a sentence saying why there is none.
pub(crate) fn part_blocks(run: &PartRun<'_>) -> Vec<Block> {
    match &run.outcome {
        Outcome::Report(report) => report
            .sections
            .iter()
            .filter(|s| s.id != "kallor")
            .flat_map(|s| s.blocks.iter().cloned())
            .map(|b| scoped_block(b, run.part.id))
            .collect(),
        Outcome::NoData => vec![note(format!(
            "{}: ingen inläst fil har de uppgifterna. Läs in {} så fylls avsnittet.",
            run.part.name, run.part.wants
        ))],
        Outcome::Failed(reason) => vec![note(format!("{} kunde inte tas fram. {reason}", run.part.name))],
    }
}

/// `block` with its table or chart id made unique in the composite (`scorecard-indikatorer`).
pub(crate) fn scoped_block(block: Block, part_id: &str) -> Block {
    match block {
        Block::Table(mut t) => {
            t.id = scoped_id(part_id, &t.id);
            Block::Table(t)
        }
        Block::Chart(mut c) => {
            c.id = scoped_id(part_id, &c.id);
            Block::Chart(c)
        }
        other => other,
    }
}

/// The id `id` of the part `part_id`, unique in the composite.
pub(crate) fn scoped_id(part_id: &str, id: &str) -> String {
    format!("{part_id}-{id}")
}

/// A plain paragraph.
pub(crate) fn note(text: String) -> Block {
    Block::Text(Text { paragraphs: vec![text], generated: false })
}
