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
}
