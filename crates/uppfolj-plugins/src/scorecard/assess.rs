//! Judging an indicator for a year: the status by its target's rule, the degree of achievement,
//! and the change against the previous year judged by the direction.

use super::direction::{self, Direction, Source};
use super::read::Indicator;
use super::target::{self, Base, Change, Op, Rule, Target};
use uppfolj_plugin::model::report::{Status, Trend};

/// The status of an indicator (or a goal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Verdict {
    Met,
    Partly,
    NotMet,
    /// No outcome for the year.
    NoValue,
    /// No target, a target that cannot be read, or a rule that needs a direction nobody gave.
    NotAssessed,
}

impl Verdict {
    /// Every status, in the order reports list them.
    pub const ALL: [Verdict; 5] =
        [Verdict::Met, Verdict::Partly, Verdict::NotMet, Verdict::NoValue, Verdict::NotAssessed];

    /// The status shown (colour and symbol).
    pub fn status(self) -> Status {
        match self {
            Verdict::Met => Status::Good,
            Verdict::Partly => Status::Warning,
            Verdict::NotMet => Status::Bad,
            Verdict::NoValue | Verdict::NotAssessed => Status::Neutral,
        }
    }

    /// The label shown with it.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "Uppnått",
            Verdict::Partly => "Delvis uppnått",
            Verdict::NotMet => "Ej uppnått",
            Verdict::NoValue => "Saknar värde",
            Verdict::NotAssessed => "Saknar bedömning",
        }
    }
}

/// How indicators are judged: the year, the share of the target that counts as partly met, the
/// direction for indicators whose file gives none.
#[derive(Debug, Clone)]
pub(super) struct Settings {
    /// The year judged (`None` for a file without years).
    pub year: Option<i32>,
    /// The year before it in the file.
    pub previous: Option<i32>,
    /// Percent of the target from which a missed target is partly met (100: never).
    pub partial: f64,
    /// The direction of indicators whose file and target say none.
    pub direction: Option<Direction>,
    /// Directions set per indicator (lower-case name), before anything the file says.
    pub per_indicator: Vec<(String, Direction)>,
}

/// What stands in the way of reading an indicator: a target or direction that cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Problem {
    /// The target cell's text is no rule.
    Target,
    /// The direction cell's text says no direction.
    Direction,
    /// The direction column and the target's wording disagree.
    Conflict(Direction, Direction),
}

/// An indicator judged.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Assessment {
    pub verdict: Verdict,
    /// Why there is no judgement ("målvärde saknas för 2024").
    pub reason: Option<String>,
    /// The target as written, and as read.
    pub target_text: String,
    pub target: Option<Target>,
    pub direction: Option<(Direction, Source)>,
    /// The year's outcome and its note.
    pub value: Option<f64>,
    pub note: Option<String>,
    /// The value judged: the year's, or the average over the years ("i snitt").
    pub judged: Option<f64>,
    /// The years averaged, first and last, when the rule is an average.
    pub averaged: Option<(i32, i32)>,
    /// What the value was compared with: the target level, or the base year's value.
    pub compared_with: Option<f64>,
    /// The base year of a change target.
    pub base_year: Option<i32>,
    /// Outcome / target in percent (inverted when lower is better).
    pub degree: Option<f64>,
    /// The previous year's value, the change since and its trend.
    pub previous: Option<f64>,
    pub change: Option<f64>,
    pub trend: Option<Trend>,
    pub problems: Vec<Problem>,
}

impl Assessment {
    fn new(ind: &Indicator, s: &Settings) -> Self {
        let outcome = ind.outcome_for(s.year);
        let value = outcome.and_then(|o| o.value);
        let previous = ind.value_for(s.previous).filter(|_| s.previous.is_some());
        Self {
            verdict: Verdict::NotAssessed,
            reason: None,
            target_text: ind.target_for(s.year).map(|t| t.text.clone()).unwrap_or_default(),
            target: None,
            direction: None,
            value,
            note: outcome.and_then(|o| o.note.clone()),
            judged: None,
            averaged: None,
            compared_with: None,
            base_year: None,
            degree: None,
            previous,
            change: value.zip(previous).map(|(v, p)| clean(v - p)),
            trend: None,
            problems: Vec::new(),
        }
    }
}

/// `v` without the noise of binary fractions (0,2 rather than 0,20000000000000018).
pub(super) fn clean(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// Judges `ind` for the settings' year.
pub(super) fn assess(ind: &Indicator, s: &Settings) -> Assessment {
    let mut a = Assessment::new(ind, s);
    let target = ind.target_for(s.year).map(|t| (t, target::parse(&t.text)));
    if let Some((_, None)) = &target {
        a.problems.push(Problem::Target);
    }
    a.target = target.as_ref().and_then(|(_, t)| *t);
    a.direction = resolve_direction(ind, a.target.as_ref(), s, &mut a.problems);
    let dir = a.direction.map(|(d, _)| d);
    a.trend = a.change.zip(dir).map(|(c, d)| trend(c, d));
    match (&target, a.target) {
        (None, _) => {
            a.reason = Some(match s.year {
                Some(y) => format!("målvärde saknas för {y}"),
                None => "målvärde saknas".to_owned(),
            })
        }
        (Some(_), None) => a.reason = Some("målvärdet kunde inte tolkas".to_owned()),
        (Some(_), Some(t)) => match t.rule {
            Rule::Level { op, value, average } => level(&mut a, ind, s, op, value, average),
            Rule::Change { change, base } => changed(&mut a, ind, s, change, base),
        },
    }
    a
}

/// The direction: from the direction column, else the target's wording, else the setting.
fn resolve_direction(
    ind: &Indicator,
    target: Option<&Target>,
    s: &Settings,
    problems: &mut Vec<Problem>,
) -> Option<(Direction, Source)> {
    let column = ind.direction.as_ref().and_then(|(text, _)| {
        let read = direction::from_text(text);
        if read.is_none() {
            problems.push(Problem::Direction);
        }
        read.flatten()
    });
    let implied = target.and_then(|t| t.implies);
    if let (Some(c), Some(t)) = (column, implied)
        && c != t
    {
        problems.push(Problem::Conflict(c, t));
    }
    let name = ind.name.to_lowercase();
    let set = s.per_indicator.iter().find(|(n, _)| *n == name).map(|(_, d)| (*d, Source::Indicator));
    set.or(column.map(|d| (d, Source::Column)))
        .or(implied.map(|d| (d, Source::Target)))
        .or(direction::built_in(&ind.name).map(|d| (d, Source::BuiltIn)))
        .or(s.direction.map(|d| (d, Source::Parameter)))
}

/// Better, unchanged or worse: a change of `change` where `direction` is better.
pub(super) fn trend(change: f64, direction: Direction) -> Trend {
    if change.abs() < 1e-9 {
        Trend::Unchanged
    } else if (change > 0.0) == (direction == Direction::Higher) {
        Trend::Better
    } else {
        Trend::Worse
    }
}

/// Outcome / target in percent, inverted when lower is better (target / outcome); `None` when
/// either is zero or negative (unless they are equal: 100).
pub(super) fn degree(value: f64, level: f64, direction: Direction) -> Option<f64> {
    if (value - level).abs() < 1e-9 {
        return Some(100.0);
    }
    match direction {
        Direction::Higher if level > 0.0 && value >= 0.0 => Some(clean(100.0 * value / level)),
        Direction::Lower if value > 0.0 && level >= 0.0 => Some(clean(100.0 * level / value)),
        _ => None,
    }
}

/// A level target: met when the value (or the average) is on the right side of the level;
/// partly met when missed but the degree is at least `partial` percent (and `partial` < 100).
fn level(a: &mut Assessment, ind: &Indicator, s: &Settings, op: Option<Op>, level: f64, average: bool) {
    let dir = a.direction.map(|(d, _)| d);
    let Some(op) = op.or(dir.map(Op::for_direction)) else {
        a.reason = Some("riktning okänd: ange om högre eller lägre är bättre".to_owned());
        return;
    };
    a.compared_with = Some(level);
    if average {
        let values: Vec<(i32, f64)> = ind
            .outcomes
            .iter()
            .filter_map(|o| Some((o.year?, o.value?)))
            .filter(|(y, _)| s.year.is_none_or(|judged| *y <= judged))
            .collect();
        if !values.is_empty() {
            a.judged = Some(clean(values.iter().map(|(_, v)| v).sum::<f64>() / values.len() as f64));
            let years = values.iter().map(|(y, _)| *y);
            a.averaged = years.clone().min().zip(years.max());
        }
    } else {
        a.judged = a.value;
    }
    let Some(judged) = a.judged else {
        a.verdict = Verdict::NoValue;
        return;
    };
    a.degree = degree(judged, level, dir.unwrap_or(op.direction()));
    a.verdict = if op.met(judged, level) {
        Verdict::Met
    } else if s.partial < 100.0 && a.degree.is_some_and(|d| d >= s.partial) {
        Verdict::Partly
    } else {
        Verdict::NotMet
    };
}

/// A change target: met when the value changed as asked since the base year; no partly met.
fn changed(a: &mut Assessment, ind: &Indicator, s: &Settings, change: Change, base: Base) {
    let base_year = match base {
        Base::PreviousYear => s.previous,
        Base::Year(y) => Some(y),
    };
    a.base_year = base_year;
    let Some(value) = a.value else {
        a.verdict = Verdict::NoValue;
        return;
    };
    a.judged = Some(value);
    let Some(before) = base_year.and_then(|y| ind.value_for(Some(y))) else {
        a.reason = Some(match base_year {
            Some(y) => format!("utfall saknas för {y} att jämföra med"),
            None => "inget tidigare år att jämföra med".to_owned(),
        });
        return;
    };
    a.compared_with = Some(before);
    let diff = value - before;
    let dir = a.direction.map(|(d, _)| d);
    let met = match change {
        Change::Increase => diff > 1e-9,
        Change::Decrease => diff < -1e-9,
        Change::Improve => match dir {
            Some(d) => trend(diff, d) == Trend::Better,
            None => {
                a.reason = Some("riktning okänd: ange om högre eller lägre är bättre".to_owned());
                return;
            }
        },
        Change::Unchanged => diff.abs() < 1e-9 || dir.is_some_and(|d| trend(diff, d) == Trend::Better),
    };
    a.verdict = if met { Verdict::Met } else { Verdict::NotMet };
}

#[cfg(test)]
mod tests {
    use super::super::read::{Outcome, TargetCell};
    use super::*;

    fn indicator(target: &str, direction: Option<&str>, values: &[(i32, Option<f64>)]) -> Indicator {
        Indicator {
            name: "I".into(),
            direction: direction.map(|d| (d.to_owned(), None)),
            targets: vec![TargetCell { year: None, text: target.into(), at: None }],
            outcomes: values.iter().map(|&(y, value)| Outcome { year: Some(y), value, note: None, at: None }).collect(),
            ..Indicator::default()
        }
    }

    fn settings(partial: f64) -> Settings {
        Settings { year: Some(2024), previous: Some(2023), partial, direction: None, per_indicator: Vec::new() }
    }

    fn verdict(target: &str, direction: Option<&str>, values: &[(i32, Option<f64>)], partial: f64) -> Verdict {
        assess(&indicator(target, direction, values), &settings(partial)).verdict
    }

    #[test]
    fn levels_with_partial() {
        let v = |t: &str, x: f64| verdict(t, None, &[(2024, Some(x))], 80.0);
        assert_eq!(v("minst 70 procent", 72.0), Verdict::Met);
        assert_eq!(v("minst 70 procent", 60.0), Verdict::Partly, "60/70 = 85,7 % ≥ 80 %");
        assert_eq!(v("minst 70 procent", 50.0), Verdict::NotMet, "50/70 = 71,4 %");
        assert_eq!(v(">40", 40.0), Verdict::Partly, "not above, degree 100 %");
        assert_eq!(v("≥ 30", 30.0), Verdict::Met);
        assert_eq!(verdict(">40", None, &[(2024, Some(40.0))], 100.0), Verdict::NotMet, "partial=100: no delvis");
        assert_eq!(verdict("minst 70", None, &[(2024, Some(69.0))], 100.0), Verdict::NotMet);
    }

    #[test]
    fn lower_is_better() {
        let a = assess(&indicator("<10", None, &[(2023, Some(13.0)), (2024, Some(12.0))]), &settings(80.0));
        assert_eq!(a.verdict, Verdict::Partly, "10/12 = 83,3 %");
        assert!((a.degree.unwrap_or_default() - 83.333).abs() < 0.01);
        assert_eq!(a.trend, Some(Trend::Better), "12 after 13 is better when lower is better");
        assert_eq!(a.direction, Some((Direction::Lower, Source::Target)));
        assert_eq!(verdict("högst 5 %", None, &[(2024, Some(5.0))], 80.0), Verdict::Met);
        assert_eq!(verdict("högst 5 %", None, &[(2024, Some(7.0))], 80.0), Verdict::NotMet, "5/7 = 71 %");
        assert_eq!(verdict("100", Some("Minska"), &[(2024, Some(90.0))], 80.0), Verdict::Met);
        assert_eq!(verdict("100", Some("Minska"), &[(2024, Some(120.0))], 80.0), Verdict::Partly);
    }

    #[test]
    fn bare_numbers_need_a_direction() {
        let a = assess(&indicator("100", None, &[(2024, Some(120.0))]), &settings(80.0));
        assert_eq!(a.verdict, Verdict::NotAssessed);
        assert_eq!(a.direction, None);
        assert_eq!(a.trend, None);
        let s = Settings { direction: Some(Direction::Higher), ..settings(80.0) };
        let set = Settings { per_indicator: vec![("i".into(), Direction::Lower)], ..settings(80.0) };
        let a = assess(&indicator("100", Some("öka"), &[(2024, Some(120.0))]), &set);
        assert_eq!((a.verdict, a.direction), (Verdict::Partly, Some((Direction::Lower, Source::Indicator))));
        let a = assess(&indicator("100", None, &[(2024, Some(120.0))]), &s);
        assert_eq!((a.verdict, a.direction), (Verdict::Met, Some((Direction::Higher, Source::Parameter))));
        assert_eq!(a.degree, Some(120.0));
        let a = assess(&indicator("100", Some("öka"), &[(2024, Some(90.0))]), &settings(80.0));
        assert_eq!((a.verdict, a.direction), (Verdict::Partly, Some((Direction::Higher, Source::Column))));
    }

    #[test]
    fn missing_values_and_targets() {
        assert_eq!(verdict("≥ 30", None, &[(2024, None)], 80.0), Verdict::NoValue);
        assert_eq!(verdict("≥ 30", None, &[(2023, Some(40.0))], 80.0), Verdict::NoValue);
        let a = assess(&indicator("God kvalitet", None, &[(2024, Some(1.0))]), &settings(80.0));
        assert_eq!((a.verdict, a.problems.as_slice()), (Verdict::NotAssessed, [Problem::Target].as_slice()));
        let mut no_target = indicator("", None, &[(2024, Some(1.0))]);
        no_target.targets.clear();
        assert_eq!(assess(&no_target, &settings(80.0)).verdict, Verdict::NotAssessed);
    }

    #[test]
    fn changes_against_the_previous_year() {
        let v = |t: &str, d: Option<&str>, a: f64, b: f64| verdict(t, d, &[(2023, Some(a)), (2024, Some(b))], 80.0);
        assert_eq!(v("ska öka", None, 10.0, 11.0), Verdict::Met);
        assert_eq!(v("ska öka", None, 10.0, 10.0), Verdict::NotMet, "unchanged is not an increase");
        assert_eq!(v("ska minska jämfört med föregående år", None, 10.0, 9.0), Verdict::Met);
        assert_eq!(v("ska stärkas", None, 10.0, 9.5), Verdict::NotMet);
        assert_eq!(v("oförändrat", None, 10.0, 10.0), Verdict::Met);
        assert_eq!(v("oförändrat", None, 10.0, 10.5), Verdict::NotMet, "direction unknown: only the same level");
        assert_eq!(v("oförändrat", Some("öka"), 10.0, 10.5), Verdict::Met, "better than unchanged");
        assert_eq!(v("ska förbättras", None, 10.0, 9.0), Verdict::NotAssessed);
        assert_eq!(v("ska förbättras", Some("minska"), 10.0, 9.0), Verdict::Met);
        assert_eq!(verdict("ska öka", None, &[(2024, Some(3.0))], 80.0), Verdict::NotAssessed, "no 2023");
        assert_eq!(verdict("ska öka", None, &[(2023, Some(3.0)), (2024, None)], 80.0), Verdict::NoValue);
        let named =
            indicator("ska öka jämfört med 2019", None, &[(2019, Some(5.0)), (2023, Some(9.0)), (2024, Some(6.0))]);
        let a = assess(&named, &settings(80.0));
        assert_eq!((a.verdict, a.base_year, a.trend), (Verdict::Met, Some(2019), Some(Trend::Worse)));
    }

    #[test]
    fn averages_over_the_years_given() {
        let values = [(2022, Some(1.0)), (2023, Some(3.0)), (2024, Some(2.6))];
        let a = assess(&indicator("i snitt > 2 %", None, &values), &settings(80.0));
        assert_eq!(a.verdict, Verdict::Met, "(1 + 3 + 2,6) / 3 = 2,2");
        assert!((a.judged.unwrap_or_default() - 2.2).abs() < 1e-9);
        assert_eq!(a.averaged, Some((2022, 2024)));
        let values = [(2022, Some(0.5)), (2023, Some(2.5)), (2024, Some(2.5))];
        assert_eq!(verdict("i snitt > 2 %", None, &values, 80.0), Verdict::Partly, "1,83 / 2 = 91,7 %");
        let later = [(2023, Some(1.0)), (2024, Some(1.0)), (2025, Some(9.0))];
        assert_eq!(
            verdict("i snitt > 2 %", None, &later, 80.0),
            Verdict::NotMet,
            "years after the judged one left out"
        );
    }

    #[test]
    fn direction_conflicts_are_noted() {
        let a = assess(&indicator("<10", Some("öka"), &[(2024, Some(5.0))]), &settings(80.0));
        assert_eq!(a.problems, [Problem::Conflict(Direction::Higher, Direction::Lower)]);
        assert_eq!(a.verdict, Verdict::Met, "the target's own comparison decides");
        let a = assess(&indicator("≥ 3", Some("kanske"), &[(2024, Some(5.0))]), &settings(80.0));
        assert_eq!(a.problems, [Problem::Direction]);
    }
}
