//! Targets as people write them, read into a rule: a level ("100", "≥ 30", "minst 70 procent",
//! ">40", "<10", "högst 5 %"), an average over the years ("i snitt > 2 %"), or a change against
//! an earlier year ("ska öka", "ska minska jämfört med föregående år", "ska stärkas",
//! "oförändrat"). The text is kept as written; a text that is none of these is no rule.

use super::direction::Direction;
use uppfolj_plugin::kit::vocab::parse_cell_f64;
use uppfolj_plugin::model::format;

/// How an outcome is compared with a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    /// At least (≥, "minst").
    AtLeast,
    /// Above (>, "över", "mer än").
    Above,
    /// At most (≤, "högst").
    AtMost,
    /// Below (<, "under", "mindre än").
    Below,
}

impl Op {
    /// Whether `value` meets the level `level`.
    pub fn met(self, value: f64, level: f64) -> bool {
        match self {
            Op::AtLeast => value >= level,
            Op::Above => value > level,
            Op::AtMost => value <= level,
            Op::Below => value < level,
        }
    }

    /// The direction the comparison implies.
    pub fn direction(self) -> Direction {
        match self {
            Op::AtLeast | Op::Above => Direction::Higher,
            Op::AtMost | Op::Below => Direction::Lower,
        }
    }

    /// The comparison for a bare level, by the direction.
    pub fn for_direction(direction: Direction) -> Self {
        match direction {
            Direction::Higher => Op::AtLeast,
            Direction::Lower => Op::AtMost,
        }
    }

    /// The symbol ("≥").
    pub fn symbol(self) -> &'static str {
        match self {
            Op::AtLeast => "≥",
            Op::Above => ">",
            Op::AtMost => "≤",
            Op::Below => "<",
        }
    }
}

/// The kind of change a change target asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    /// "ska öka", "ska stärkas", "fler".
    Increase,
    /// "ska minska", "färre".
    Decrease,
    /// "ska förbättras": by the indicator's direction.
    Improve,
    /// "oförändrat", "bibehållas", "ska inte minska": the same level or better.
    Unchanged,
}

/// The year a change target compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base {
    /// The year before the year judged.
    PreviousYear,
    /// A year named in the target ("jämfört med 2019").
    Year(i32),
}

/// A target read into a rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Rule {
    /// A level: `op` is `None` for a bare number ("100"), whose side the direction decides.
    /// `average`: the average of the outcomes over the years given is judged ("i snitt > 2 %").
    Level { op: Option<Op>, value: f64, average: bool },
    /// A change against an earlier year.
    Change { change: Change, base: Base },
}

/// A target: the rule, the direction its wording implies and whether it is in percent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Target {
    pub rule: Rule,
    /// The direction the wording implies ("<10": lower; "ska öka": higher; "100": none).
    pub implies: Option<Direction>,
    /// Written with "%" or "procent".
    pub percent: bool,
}

/// Words for "at least".
const AT_LEAST: &[&str] =
    &["minst", "lägst", "åtminstone", "inte under", "inte lägre än", "minimum", "min.", "ej under", "≥", ">=", "=>"];
/// Words for "above".
const ABOVE: &[&str] = &["mer än", "fler än", "högre än", "större än", "över", "överstiga", ">"];
/// Words for "at most".
const AT_MOST: &[&str] =
    &["högst", "maximalt", "maximum", "max", "som mest", "inte över", "inte mer än", "ej över", "≤", "<=", "=<"];
/// Words for "below".
const BELOW: &[&str] = &["mindre än", "färre än", "lägre än", "understiga", "under", "<"];
/// Words for an average.
const AVERAGE: &[&str] = &["i genomsnitt", "genomsnittligt", "genomsnitt", "i snitt", "snitt", "i medeltal", "medel"];
/// Words around a level that say nothing of it.
const FILLER: &[&str] = &[
    "ska",
    "skall",
    "vara",
    "uppgå",
    "till",
    "nå",
    "minst",
    "målvärde",
    "mål",
    "ca",
    "cirka",
    "är",
    "bli",
    "ligga",
    "på",
    "=",
    ":",
    "per",
    "år",
    "årligen",
    "under perioden",
    "perioden",
    "procent",
    "procentenheter",
    "%",
];
/// Change words, most specific first.
const CHANGES: &[(&str, Change)] = &[
    ("inte minska", Change::Unchanged),
    ("ej minska", Change::Unchanged),
    ("inte öka", Change::Unchanged),
    ("ej öka", Change::Unchanged),
    ("oförändr", Change::Unchanged),
    ("bibehåll", Change::Unchanged),
    ("behålla", Change::Unchanged),
    ("samma nivå", Change::Unchanged),
    ("ligga kvar", Change::Unchanged),
    ("förbättr", Change::Improve),
    ("positiv utveckling", Change::Improve),
    ("öka", Change::Increase),
    ("ökning", Change::Increase),
    ("höj", Change::Increase),
    ("stärk", Change::Increase),
    ("utveckla", Change::Increase),
    ("växa", Change::Increase),
    ("fler", Change::Increase),
    ("minska", Change::Decrease),
    ("minskning", Change::Decrease),
    ("sänk", Change::Decrease),
    ("reducer", Change::Decrease),
    ("färre", Change::Decrease),
];

/// Reads a target as written; `None` when it is no rule this plugin knows.
pub(super) fn parse(text: &str) -> Option<Target> {
    let t = normalise(text);
    if t.is_empty() {
        return None;
    }
    let percent = t.contains('%') || t.contains("procent");
    match number_span(&t) {
        Some((start, end)) => level_or_change(&t, start, end, percent),
        None => change(&t, None).map(|(rule, implies)| Target { rule, implies, percent }),
    }
}

/// Lower case, one space between words, the minus sign as '-', no final full stop.
fn normalise(text: &str) -> String {
    let lower = text.trim().to_lowercase().replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ").replace('−', "-");
    let joined = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches(['.', '!']).trim().to_owned()
}

/// The first number in `t` as a byte range: digits with a decimal comma or point and spaces
/// grouping thousands ("1 000"), with a minus sign written right before it.
fn number_span(t: &str) -> Option<(usize, usize)> {
    let bytes = t.as_bytes();
    let start = bytes.iter().position(u8::is_ascii_digit)?;
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        let next_digit = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        let group = b == b' '
            && bytes.len() >= end + 4
            && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || ((b == b',' || b == b'.') && next_digit) || group {
            end += 1;
        } else {
            break;
        }
    }
    let start = if start > 0 && bytes[start - 1] == b'-' && (start == 1 || bytes[start - 2] == b' ') {
        start - 1
    } else {
        start
    };
    Some((start, end))
}

/// A text with a number: a level ("minst 70 procent", "i snitt > 2 %", "ska öka till 80") or a
/// change against a named year ("ska öka jämfört med 2019").
fn level_or_change(t: &str, start: usize, end: usize, percent: bool) -> Option<Target> {
    let value = parse_cell_f64(&t[start..end])?;
    let (before, after) = (&t[..start], &t[end..]);
    if after.bytes().any(|b| b.is_ascii_digit()) {
        return None; // a range ("70–80") or two numbers
    }
    if let Some(year) = named_year(before, value) {
        return change(before, Some(year)).map(|(rule, implies)| Target { rule, implies, percent });
    }
    // After the number comes its unit ("dagar", "kr/inv", "procent"), or "eller mer".
    let after_op = if ["eller mer", "eller fler", "eller högre", "eller större"].iter().any(|w| after.contains(w)) {
        Some(Op::AtLeast)
    } else if ["eller mindre", "eller färre", "eller lägre"].iter().any(|w| after.contains(w)) {
        Some(Op::AtMost)
    } else if [AT_LEAST, ABOVE, AT_MOST, BELOW, AVERAGE].iter().any(|ws| ws.iter().any(|w| after.contains(w))) {
        return None;
    } else {
        None
    };
    let mut rest = before.to_owned();
    let average = take_any(&mut rest, AVERAGE);
    let op = if let Some(op) = after_op {
        Some(op)
    } else if take_any(&mut rest, AT_LEAST) {
        Some(Op::AtLeast)
    } else if take_any(&mut rest, AT_MOST) {
        Some(Op::AtMost)
    } else if take_any(&mut rest, BELOW) {
        Some(Op::Below)
    } else if take_any(&mut rest, ABOVE) {
        Some(Op::Above)
    } else if take_any(&mut rest, &["öka till", "ökas till", "höjas till", "stärkas till", "öka till minst"]) {
        Some(Op::AtLeast)
    } else if take_any(&mut rest, &["minska till", "minskas till", "sänkas till", "reduceras till"]) {
        Some(Op::AtMost)
    } else {
        None
    };
    if !only_filler(&rest) {
        return None;
    }
    let implies = op.map(Op::direction);
    Some(Target { rule: Rule::Level { op, value, average }, implies, percent })
}

/// The year a change target names: a four-digit year after "jämfört med", "än", "från" or "sedan".
fn named_year(before: &str, value: f64) -> Option<i32> {
    let year = uppfolj_plugin::kit::vocab::year_number(value)?;
    let b = before.trim_end();
    ["jämfört med", "jämfört med år", "än", "än år", "från", "sedan", "mot", "i förhållande till"]
        .iter()
        .any(|w| b.ends_with(w))
        .then_some(year)
}

/// A text without numbers (or with a named year) as a change target.
fn change(t: &str, year: Option<i32>) -> Option<(Rule, Option<Direction>)> {
    let &(word, change) = CHANGES.iter().find(|(w, _)| t.contains(w))?;
    // The rest of the text must say nothing else: "jämfört med föregående år", "än i fjol".
    let mut rest = t.replacen(word, " ", 1);
    let _ = take_any(
        &mut rest,
        &["jämfört med föregående år", "jämfört med fg år", "än föregående år", "mot föregående år"],
    );
    let _ = take_any(
        &mut rest,
        &["jämfört med år", "jämfört med", "än år", "i förhållande till", "från", "sedan", "än", "mot"],
    );
    let _ = take_any(&mut rest, &["årligen", "varje år", "över tid", "i fjol", "jämfört med i fjol"]);
    let tail_words = [
        "ska",
        "skall",
        "bör",
        "s",
        "as",
        "es",
        "r",
        "ar",
        "er",
        "nde",
        "t",
        "a",
        "e",
        "inte",
        "ej",
        "på",
        "nivå",
        "kontinuerligt",
        "successivt",
        "jämfört med",
    ];
    if !rest.split_whitespace().all(|w| tail_words.contains(&w) || is_word_rest(w)) {
        return None;
    }
    let implies = match change {
        Change::Increase => Some(Direction::Higher),
        Change::Decrease => Some(Direction::Lower),
        Change::Improve => None,
        Change::Unchanged if t.contains("inte minska") || t.contains("ej minska") => Some(Direction::Higher),
        Change::Unchanged if t.contains("inte öka") || t.contains("ej öka") => Some(Direction::Lower),
        Change::Unchanged => None,
    };
    let base = year.map_or(Base::PreviousYear, Base::Year);
    Some((Rule::Change { change, base }, implies))
}

/// An inflection left after a change word was taken out ("ökA", "stärkAS", "oförändrAT").
fn is_word_rest(w: &str) -> bool {
    w.len() <= 4 && w.chars().all(|c| c.is_alphabetic())
}

/// Removes the first of `words` found in `rest`; whether one was.
fn take_any(rest: &mut String, words: &[&str]) -> bool {
    for w in words {
        if let Some(i) = rest.find(w) {
            rest.replace_range(i..i + w.len(), " ");
            return true;
        }
    }
    false
}

/// Whether `text` holds only words that say nothing of a level.
fn only_filler(text: &str) -> bool {
    let mut rest = text.to_owned();
    // Longest first, so "procentenheter" goes before "procent".
    let mut words: Vec<&str> = FILLER.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for w in &words {
        while let Some(i) = rest.find(w) {
            let end = i + w.len();
            let word_start = i == 0 || !rest[..i].chars().next_back().is_some_and(char::is_alphanumeric);
            let word_end = end == rest.len() || !rest[end..].chars().next().is_some_and(char::is_alphanumeric);
            if !(word_start && word_end) && w.chars().all(char::is_alphanumeric) {
                break;
            }
            rest.replace_range(i..end, " ");
        }
    }
    rest.trim().is_empty()
}

/// The rule in a few words, for sentences: "minst 70", "i snitt > 2", "ska öka jämfört med 2023".
pub(super) fn describe(target: &Target, direction: Option<Direction>) -> String {
    let unit = if target.percent { " %" } else { "" };
    match target.rule {
        Rule::Level { op, value, average } => {
            let op = op.or(direction.map(Op::for_direction));
            let level = format!("{}{unit}", format::number(value, if value.fract() == 0.0 { 0 } else { 1 }));
            let side = op.map_or(String::new(), |o| format!("{} ", o.symbol()));
            let avg = if average { "i snitt " } else { "" };
            format!("{avg}{side}{level}")
        }
        Rule::Change { change, base } => {
            let verb = match change {
                Change::Increase => "öka",
                Change::Decrease => "minska",
                Change::Improve => "förbättras",
                Change::Unchanged => "vara oförändrat eller bättre",
            };
            match base {
                Base::PreviousYear => format!("ska {verb} jämfört med föregående år"),
                Base::Year(y) => format!("ska {verb} jämfört med {y}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(text: &str) -> (Option<Op>, f64, bool) {
        match parse(text).map(|t| t.rule) {
            Some(Rule::Level { op, value, average }) => (op, value, average),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn change_of(text: &str) -> (Change, Base) {
        match parse(text).map(|t| t.rule) {
            Some(Rule::Change { change, base }) => (change, base),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn bare_numbers_are_levels_without_a_side() {
        assert_eq!(level("100"), (None, 100.0, false));
        assert_eq!(level("85,5"), (None, 85.5, false));
        assert_eq!(level("1 000"), (None, 1000.0, false));
        assert_eq!(level("100 %"), (None, 100.0, false));
        assert_eq!(parse("100").and_then(|t| t.implies), None, "a bare number implies no direction");
        assert!(parse("100 %").is_some_and(|t| t.percent));
    }

    #[test]
    fn comparisons_in_symbols_and_words() {
        assert_eq!(level("≥ 30"), (Some(Op::AtLeast), 30.0, false));
        assert_eq!(level(">= 30"), (Some(Op::AtLeast), 30.0, false));
        assert_eq!(level("minst 70 procent"), (Some(Op::AtLeast), 70.0, false));
        assert!(parse("minst 70 procent").is_some_and(|t| t.percent));
        assert_eq!(level(">40"), (Some(Op::Above), 40.0, false));
        assert_eq!(level("<10"), (Some(Op::Below), 10.0, false));
        assert_eq!(level("högst 5 %"), (Some(Op::AtMost), 5.0, false));
        assert_eq!(level("≤ 5"), (Some(Op::AtMost), 5.0, false));
        assert_eq!(level("Över 90 %"), (Some(Op::Above), 90.0, false));
        assert_eq!(level("under 14 dagar"), (Some(Op::Below), 14.0, false));
        assert_eq!(level("Ska vara minst 80 %."), (Some(Op::AtLeast), 80.0, false));
        assert_eq!(level("ska öka till 75"), (Some(Op::AtLeast), 75.0, false));
        assert_eq!(level("-2"), (None, -2.0, false));
        assert_eq!(level("70 eller mer"), (Some(Op::AtLeast), 70.0, false));
        assert_eq!(level("34 000 kr/inv"), (None, 34_000.0, false));
        assert_eq!(parse("<10").and_then(|t| t.implies), Some(Direction::Lower));
        assert_eq!(parse("≥ 30").and_then(|t| t.implies), Some(Direction::Higher));
        assert_eq!(parse("högst 5 %").and_then(|t| t.implies), Some(Direction::Lower));
    }

    #[test]
    fn averages_over_the_years() {
        assert_eq!(level("i snitt > 2 %"), (Some(Op::Above), 2.0, true));
        assert_eq!(level("I genomsnitt minst 2 procent"), (Some(Op::AtLeast), 2.0, true));
        assert_eq!(level("snitt 2 %"), (None, 2.0, true));
    }

    #[test]
    fn changes_against_an_earlier_year() {
        assert_eq!(change_of("ska öka"), (Change::Increase, Base::PreviousYear));
        assert_eq!(change_of("Öka"), (Change::Increase, Base::PreviousYear));
        assert_eq!(change_of("ska minska jämfört med föregående år"), (Change::Decrease, Base::PreviousYear));
        assert_eq!(change_of("ska stärkas"), (Change::Increase, Base::PreviousYear));
        assert_eq!(change_of("oförändrat"), (Change::Unchanged, Base::PreviousYear));
        assert_eq!(change_of("Ska bibehållas"), (Change::Unchanged, Base::PreviousYear));
        assert_eq!(change_of("ska förbättras"), (Change::Improve, Base::PreviousYear));
        assert_eq!(change_of("ska öka jämfört med 2019"), (Change::Increase, Base::Year(2019)));
        assert_eq!(change_of("ska inte minska"), (Change::Unchanged, Base::PreviousYear));
        assert_eq!(parse("ska inte minska").and_then(|t| t.implies), Some(Direction::Higher));
        assert_eq!(parse("ska stärkas").and_then(|t| t.implies), Some(Direction::Higher));
        assert_eq!(parse("ska minska jämfört med föregående år").and_then(|t| t.implies), Some(Direction::Lower));
        assert_eq!(parse("oförändrat").and_then(|t| t.implies), None);
    }

    #[test]
    fn what_is_no_rule() {
        for text in ["", "God kvalitet", "70–80", "ska öka med 5 % och minska", "se bilaga 3", "Andel 70 eller mer 80"]
        {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn describes_rules() {
        let d = |t: &str, dir| describe(&parse(t).expect(t), dir);
        assert_eq!(d("minst 70 procent", None), "≥ 70 %");
        assert_eq!(d("100", Some(Direction::Higher)), "≥ 100");
        assert_eq!(d("100", None), "100");
        assert_eq!(d("i snitt > 2 %", None), "i snitt > 2 %");
        assert_eq!(d("ska öka", None), "ska öka jämfört med föregående år");
    }
}
