//! The report's sections in order: the overview, the balanskravsutredning with the deficits to
//! restore, the reserve (when there is one to show) and the result goal (when one is given).

use super::deficits::Restoring;
use super::goal::Goal;
use super::order::SpecialReading;
use super::read::Sheet;
use super::reserve::{self, ReserveYear};
use super::{charts, key_figures, tables, text};
use uppfolj_plugin::kit::table_section;
use uppfolj_plugin::model::report::{Block, Section, Text};

/// Everything the report presents.
#[derive(Debug)]
pub(super) struct Computed<'a> {
    pub sheet: &'a Sheet<'a>,
    pub restoring: Restoring<'a>,
    pub reserve: Vec<ReserveYear>,
    pub goal: Option<Goal>,
}

/// The sections in order.
pub(super) fn sections(c: &Computed<'_>) -> Vec<Section> {
    let show_reserve = reserve::shown(&c.reserve);
    let mut sections = vec![overview(c, show_reserve), balance(c)];
    if show_reserve {
        sections.push(reserve(c));
    }
    if let Some(goal) = &c.goal {
        sections.push(table_section("resultatmal", "Resultatmål", tables::goal(goal, &c.sheet.unit)));
    }
    sections
}

/// Key figures of the last year, a paragraph per year and on what remains, and the chart.
fn overview(c: &Computed<'_>, show_reserve: bool) -> Section {
    let (years, deficits, unit) = (&c.restoring.years, &c.restoring.deficits, &c.sheet.unit);
    let last_reserve = c.reserve.last().filter(|_| show_reserve);
    let mut section = Section::new("oversikt", "Översikt");
    section.blocks.push(Block::KeyFigures {
        figures: key_figures::key_figures(years, deficits, c.goal.as_ref(), last_reserve, unit),
    });
    section
        .blocks
        .push(Block::Text(Text { paragraphs: text::overview(years, deficits, &c.reserve, unit), generated: true }));
    section.blocks.push(Block::Chart(charts::results(years, unit)));
    section
}

/// The balanskravsutredning, the rule of the deficits (and where synnerliga skäl were counted,
/// when the file has them), and the deficits to restore.
fn balance(c: &Computed<'_>) -> Section {
    let (years, unit, reading) = (&c.restoring.years, &c.sheet.unit, c.restoring.reading);
    let in_result = SpecialReading::in_result(reading);
    let mut section = Section::new("balanskravsutredning", "Balanskravsutredning");
    section.blocks.push(Block::Table(tables::balance(years, c.sheet.reserve_name, unit, in_result)));
    section.blocks.push(Block::Text(Text { paragraphs: vec![text::RESTORE_RULE.into()], generated: false }));
    if let Some(reading) = reading {
        section.blocks.push(Block::Text(Text { paragraphs: vec![reading.sentence().into()], generated: true }));
    }
    section.blocks.push(Block::Table(tables::restore(years, unit, in_result)));
    section
}

/// The rule of the reserve and its cap, and the reserve per year.
fn reserve(c: &Computed<'_>) -> Section {
    let name = c.sheet.reserve_name;
    let mut section = Section::new("reserv", text::capitalised(name));
    section.blocks.push(Block::Text(Text { paragraphs: vec![text::reserve_rule()], generated: false }));
    section.blocks.push(Block::Table(tables::reserve(&c.reserve, name, &c.sheet.unit)));
    section
}
