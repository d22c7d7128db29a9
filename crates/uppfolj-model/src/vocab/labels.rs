//! Labels made comparable: lower case and single spaces, so that "  Summa  TOTALT:" and
//! "summa totalt" compare equal.

/// Lower-cases and collapses white space (also no-break spaces) to single spaces, so
/// "  Utfall  jan–aug " → "utfall jan–aug".
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// A column's or heading's name as a word inside a sentence: each word's capital initial lower-cased
/// ("Förvaltning" → "förvaltning" in "Per förvaltning"), but a word written in capitals or with
/// a capital after its first letter kept as written, as an acronym or a code is ("RN1/Förvaltning"
/// → "RN1/förvaltning", "KPI" → "KPI").
pub fn in_sentence(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        let lower = word_start && c.is_uppercase() && chars.peek().is_some_and(|n| n.is_lowercase());
        if lower {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        word_start = !c.is_alphanumeric();
    }
    out
}

/// A normalised row label: [`normalise`]d and without a trailing colon ("Totalt:" → "totalt").
pub fn norm(text: &str) -> String {
    normalise(text).trim_end_matches(':').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_spaces_and_case() {
        assert_eq!(normalise("  Utfall \u{a0} JAN–aug "), "utfall jan–aug");
        assert_eq!(normalise(""), "");
        assert_eq!(norm("Summa  TOTALT:"), "summa totalt");
        assert_eq!(norm("Totalt::"), "totalt");
        assert_eq!(normalise("Totalt:"), "totalt:");
    }

    #[test]
    fn names_in_a_sentence_keep_their_acronyms() {
        assert_eq!(in_sentence("Förvaltning"), "förvaltning");
        assert_eq!(in_sentence("RN1/Förvaltning"), "RN1/förvaltning");
        assert_eq!(in_sentence("Förvaltning, Verksamhet"), "förvaltning, verksamhet");
        assert_eq!(in_sentence("KPI-namn"), "KPI-namn");
        assert_eq!(in_sentence("Ansvar (kod)"), "ansvar (kod)");
        assert_eq!(in_sentence("ÅR"), "ÅR");
        assert_eq!(in_sentence("A"), "A");
        assert_eq!(in_sentence(""), "");
    }
}
