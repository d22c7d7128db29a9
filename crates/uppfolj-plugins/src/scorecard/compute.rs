//! The figures of the whole scorecard: every indicator judged, grouped by perspective and goal,
//! and counted.

use super::assess::{self, Assessment, Settings, Verdict};
use super::goals::{self, Counts, GoalRule, Perspective};
use super::read::Card;

/// The scorecard judged.
#[derive(Debug)]
pub(super) struct Figures<'a> {
    pub card: &'a Card,
    pub settings: Settings,
    pub rule: GoalRule,
    /// One per indicator, in the same order.
    pub assessments: Vec<Assessment>,
    pub perspectives: Vec<Perspective>,
    /// All indicators counted by status.
    pub counts: Counts,
    /// All goals counted by status.
    pub goal_counts: Counts,
}

impl<'a> Figures<'a> {
    /// Judges every indicator of `card`.
    pub fn new(card: &'a Card, settings: Settings, rule: GoalRule) -> Self {
        let assessments: Vec<Assessment> = card.indicators.iter().map(|ind| assess::assess(ind, &settings)).collect();
        let perspectives = goals::group(&card.indicators, &assessments, rule);
        let counts = Counts::of(assessments.iter().map(|a| &a.verdict));
        let goal_verdicts: Vec<Verdict> = perspectives
            .iter()
            .flat_map(|p| p.goals.iter().filter(|g| !g.name.is_empty()).map(|g| g.verdict))
            .collect();
        let goal_counts = Counts::of(&goal_verdicts);
        Self { card, settings, rule, assessments, perspectives, counts, goal_counts }
    }

    /// Whether the file names goals.
    pub fn has_goals(&self) -> bool {
        self.perspectives.iter().any(|p| p.goals.iter().any(|g| !g.name.is_empty()))
    }

    /// Whether the file names perspectives.
    pub fn has_perspectives(&self) -> bool {
        self.perspectives.iter().any(|p| !p.name.is_empty())
    }

    /// The outcome years shown: up to the three last up to the year judged.
    pub fn shown_years(&self) -> Vec<i32> {
        let years: Vec<i32> =
            self.card.years.iter().copied().filter(|y| self.settings.year.is_none_or(|j| *y <= j)).collect();
        years[years.len().saturating_sub(3)..].to_vec()
    }
}

/// The year to judge: the one asked for, else the latest with an outcome; and the year before it
/// in the file.
pub(super) fn years(card: &Card, asked: Option<i32>) -> (Option<i32>, Option<i32>) {
    let year = asked.or_else(|| card.years.last().copied());
    let previous = year.and_then(|y| card.years.iter().copied().filter(|p| *p < y).max());
    (year, previous)
}
