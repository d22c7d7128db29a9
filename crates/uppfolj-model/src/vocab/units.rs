//! Units stated in words: "Belopp i tkr", "(mnkr)", "Budget, tkr", "Andel (%)", "kr/inv".

use super::labels::normalise;
use crate::unit::Unit;

/// A unit written in a title, a note or a header: "Belopp i tkr", "(mnkr)", "Budget, tkr",
/// "Mkr", "Andel (%)", "kr/inv". The first unit named wins.
pub fn unit_in_text(text: &str) -> Option<Unit> {
    let lower = normalise(text);
    if let Some(u) = Unit::parse(&lower) {
        return Some(u);
    }
    // Words and parenthesised parts, from the start: the first unit named wins ("Belopp i kr.
    // Beslutad ram: 2,6 mkr" is in kr).
    let parts: Vec<&str> = lower
        .split([' ', ',', ';', ':', '(', ')', '[', ']'])
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| !p.is_empty())
        .collect();
    for i in 0..parts.len() {
        for window in [3usize, 2] {
            if i + window <= parts.len() {
                let joined = parts[i..i + window].join(" ");
                if let Some(u) = Unit::parse(&joined) {
                    return Some(u);
                }
            }
        }
        let p = parts[i];
        if matches!(p, "andel" | "antal" | "st" | "procent") {
            continue; // too common as ordinary words in a title
        }
        if let Some(u) = Unit::parse(p) {
            return Some(u);
        }
        if p.ends_with('%') {
            return Some(Unit::Percent);
        }
    }
    None
}

/// Whether a short line only states the unit ("Belopp i tkr", "(mnkr)", "Tkr"), so it is no
/// title.
pub fn is_unit_line(text: &str) -> bool {
    let n = normalise(text);
    unit_in_text(text).is_some()
        && (n.starts_with("belopp") || n.starts_with("alla belopp") || n.starts_with('(') || Unit::parse(&n).is_some())
}

/// Headers of a column of units of measure ("Enhet", "Måttenhet").
const UNIT_OF_MEASURE_HEADERS: &[&str] = &["enhet", "måttenhet", "mätenhet", "enhet/mått", "unit"];

/// Words that start a unit of measure ("antal", "dagar", "procent").
const UNIT_OF_MEASURE_WORDS: &[&str] = &[
    "antal",
    "st",
    "styck",
    "procent",
    "andel",
    "dagar",
    "dag",
    "timmar",
    "tim",
    "minuter",
    "min",
    "veckor",
    "månader",
    "år",
    "index",
    "poäng",
    "kronor",
    "kr",
    "tkr",
    "mnkr",
    "personer",
    "patienter",
    "invånare",
    "ton",
    "kwh",
    "mwh",
    "km",
    "nki",
    "betyg",
    "skala",
];

/// Whether a text reads as a unit of measure: "kr/inv", "%", "antal", "procent", "dagar",
/// "antal per 1 000 invånare", "NKI" — a unit, a share or a rate, or a short text whose first
/// word is a unit word.
pub fn is_unit_of_measure(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    if t.is_empty() || t.split_whitespace().count() > 5 {
        return false;
    }
    Unit::parse(&t).is_some()
        || t.contains('%')
        || t.contains('/')
        || t.split([' ', ',', '(', ')', '.']).next().is_some_and(|w| UNIT_OF_MEASURE_WORDS.contains(&w))
}

/// Whether a column headed `header` holding `texts` is a column of units of measure: headed
/// "Enhet" (or "Måttenhet", …) with more than half its texts units of measure. Such an "Enhet"
/// is not an organisational unit.
pub fn is_unit_of_measure_column(header: &str, texts: &[String]) -> bool {
    UNIT_OF_MEASURE_HEADERS.contains(&normalise(header).as_str())
        && texts.iter().filter(|t| is_unit_of_measure(t)).count() * 2 > texts.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_of_measure() {
        for t in ["kr/inv", "%", "antal", "Procent", "dagar", "Antal per 1 000 invånare", "andel (%)", "tkr"] {
            assert!(is_unit_of_measure(t), "{t}");
        }
        for t in ["Kronor per invånare", "NKI", "Antal"] {
            assert!(is_unit_of_measure(t), "{t}");
        }
        for t in ["Vård och omsorg", "Barn- och utbildningsförvaltningen", "Enhet Norr", "", "Område Somatik"] {
            assert!(!is_unit_of_measure(t), "{t}");
        }
        for t in ["Hälsocentral Norr", "Förvaltning"] {
            assert!(!is_unit_of_measure(t), "{t}");
        }
        let texts = ["%".to_owned(), "kr/inv".to_owned(), "Vård".to_owned()];
        assert!(is_unit_of_measure_column("Enhet", &texts));
        assert!(!is_unit_of_measure_column("Verksamhet", &texts));
    }

    #[test]
    fn units_in_titles() {
        assert_eq!(unit_in_text("Belopp i tkr"), Some(Unit::Tkr));
        assert_eq!(unit_in_text("Budget (mnkr)"), Some(Unit::Mnkr));
        assert_eq!(unit_in_text("Nettokostnad äldreomsorg, kr/inv"), Some(Unit::KrPerInv));
        assert_eq!(unit_in_text("Arbetslöshet, (%)"), Some(Unit::Percent));
        assert_eq!(unit_in_text("Belopp i tusental kronor"), Some(Unit::Tkr));
        assert_eq!(unit_in_text("Driftredovisning januari–augusti 2024"), None);
        assert_eq!(unit_in_text("Belopp i kr. Beslutad ram: 2,6 mkr (RS/26/2020)."), Some(Unit::Kr));
    }

    #[test]
    fn unit_lines() {
        assert!(is_unit_line("Belopp i tkr"));
        assert!(is_unit_line("(mnkr)"));
        assert!(is_unit_line("Tkr"));
        assert!(!is_unit_line("Driftredovisning (tkr)"));
    }
}
