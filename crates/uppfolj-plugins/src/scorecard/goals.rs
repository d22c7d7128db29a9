//! Goals and perspectives: the indicators counted by status, and each goal's status by the
//! chosen rule.

use super::assess::{Assessment, Verdict};
use super::read::Indicator;

/// How a goal's status follows from its indicators'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GoalRule {
    /// More than half of the judged indicators met: met; more than half not met: not met;
    /// otherwise partly met.
    Majority,
    /// Every judged indicator met: met; every one not met: not met; otherwise partly met.
    All,
}

impl GoalRule {
    /// The rule named by the parameter's value.
    pub fn from_key(key: Option<&str>) -> Self {
        match key {
            Some("all") => GoalRule::All,
            _ => GoalRule::Majority,
        }
    }

    /// The rule in words, for the report.
    pub fn describe(self) -> &'static str {
        match self {
            GoalRule::Majority => {
                "Ett mål är uppnått när mer än hälften av dess bedömda indikatorer är uppnådda, ej uppnått när mer \
                 än hälften inte är uppnådda, och annars delvis uppnått."
            }
            GoalRule::All => {
                "Ett mål är uppnått när alla dess bedömda indikatorer är uppnådda, ej uppnått när ingen är uppnådd \
                 eller delvis uppnådd, och annars delvis uppnått."
            }
        }
    }
}

/// Indicators counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Counts {
    pub met: usize,
    pub partly: usize,
    pub not_met: usize,
    pub no_value: usize,
    pub not_assessed: usize,
}

impl Counts {
    /// Counts `verdicts`.
    pub fn of<'a>(verdicts: impl IntoIterator<Item = &'a Verdict>) -> Self {
        let mut c = Counts::default();
        for v in verdicts {
            c.add(*v);
        }
        c
    }

    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Met => self.met += 1,
            Verdict::Partly => self.partly += 1,
            Verdict::NotMet => self.not_met += 1,
            Verdict::NoValue => self.no_value += 1,
            Verdict::NotAssessed => self.not_assessed += 1,
        }
    }

    /// The count of `v`.
    pub fn get(&self, v: Verdict) -> usize {
        match v {
            Verdict::Met => self.met,
            Verdict::Partly => self.partly,
            Verdict::NotMet => self.not_met,
            Verdict::NoValue => self.no_value,
            Verdict::NotAssessed => self.not_assessed,
        }
    }

    /// All indicators.
    pub fn total(&self) -> usize {
        self.judged() + self.no_value + self.not_assessed
    }

    /// Indicators met, partly met or not met.
    pub fn judged(&self) -> usize {
        self.met + self.partly + self.not_met
    }

    /// The status of a goal with these indicators, by `rule`. Without a judged indicator: no value
    /// when none has a value, otherwise not assessed.
    pub fn goal_verdict(&self, rule: GoalRule) -> Verdict {
        let judged = self.judged();
        if judged == 0 {
            return if self.no_value > 0 && self.not_assessed == 0 { Verdict::NoValue } else { Verdict::NotAssessed };
        }
        match rule {
            GoalRule::Majority if 2 * self.met > judged => Verdict::Met,
            GoalRule::Majority if 2 * self.not_met > judged => Verdict::NotMet,
            GoalRule::All if self.met == judged => Verdict::Met,
            GoalRule::All if self.not_met == judged => Verdict::NotMet,
            _ => Verdict::Partly,
        }
    }
}

/// A goal and its indicators (indexes into the scorecard's indicators).
#[derive(Debug, Clone)]
pub(super) struct Goal {
    pub name: String,
    pub indicators: Vec<usize>,
    pub counts: Counts,
    pub verdict: Verdict,
}

/// A perspective and its goals.
#[derive(Debug, Clone)]
pub(super) struct Perspective {
    pub name: String,
    pub goals: Vec<Goal>,
    pub counts: Counts,
}

/// The indicators grouped by perspective and goal, in the file's order.
pub(super) fn group(indicators: &[Indicator], assessments: &[Assessment], rule: GoalRule) -> Vec<Perspective> {
    let mut perspectives: Vec<Perspective> = Vec::new();
    for (i, ind) in indicators.iter().enumerate() {
        let p = match perspectives.iter().position(|p| p.name == ind.perspective) {
            Some(p) => p,
            None => {
                perspectives.push(Perspective {
                    name: ind.perspective.clone(),
                    goals: Vec::new(),
                    counts: Counts::default(),
                });
                perspectives.len() - 1
            }
        };
        let goals = &mut perspectives[p].goals;
        match goals.iter_mut().find(|g| g.name == ind.goal) {
            Some(g) => g.indicators.push(i),
            None => goals.push(Goal {
                name: ind.goal.clone(),
                indicators: vec![i],
                counts: Counts::default(),
                verdict: Verdict::NotAssessed,
            }),
        }
    }
    for p in &mut perspectives {
        for g in &mut p.goals {
            g.counts = Counts::of(g.indicators.iter().map(|&i| &assessments[i].verdict));
            g.verdict = g.counts.goal_verdict(rule);
        }
        let all = p.goals.iter().flat_map(|g| g.indicators.iter().map(|&i| &assessments[i].verdict));
        p.counts = Counts::of(all);
    }
    perspectives
}

#[cfg(test)]
mod tests {
    use super::*;
    use Verdict::*;

    #[test]
    fn goal_rules() {
        let c = Counts::of(&[Met, Met, NotMet, NoValue]);
        assert_eq!(c.goal_verdict(GoalRule::Majority), Met, "2 of 3 judged");
        assert_eq!(c.goal_verdict(GoalRule::All), Partly);
        let c = Counts::of(&[Met, NotMet]);
        assert_eq!(c.goal_verdict(GoalRule::Majority), Partly, "half is no majority");
        let c = Counts::of(&[NotMet, NotMet, Partly]);
        assert_eq!(c.goal_verdict(GoalRule::Majority), NotMet);
        assert_eq!(c.goal_verdict(GoalRule::All), Partly, "one partly met");
        assert_eq!(Counts::of(&[NotMet]).goal_verdict(GoalRule::All), NotMet);
        assert_eq!(Counts::of(&[Met, Met]).goal_verdict(GoalRule::All), Met);
        assert_eq!(Counts::of(&[NoValue, NoValue]).goal_verdict(GoalRule::Majority), NoValue);
        assert_eq!(Counts::of(&[NoValue, NotAssessed]).goal_verdict(GoalRule::Majority), NotAssessed);
    }
}
