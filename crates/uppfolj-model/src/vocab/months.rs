//! Months: Swedish month names, full and abbreviated, and texts about a part of the year
//! ("Utfall jan–aug", "januari–augusti", "Årsbudget", "helåret").

/// Swedish month names, full and abbreviated, January first.
const MONTHS: [(&str, &str); 12] = [
    ("januari", "jan"),
    ("februari", "feb"),
    ("mars", "mar"),
    ("april", "apr"),
    ("maj", "maj"),
    ("juni", "jun"),
    ("juli", "jul"),
    ("augusti", "aug"),
    ("september", "sep"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("december", "dec"),
];

/// The full Swedish name of month `m` (1–12; below is January, above December).
pub fn month_name(m: u32) -> &'static str {
    MONTHS.get((m.clamp(1, 12) - 1) as usize).map_or("december", |(full, _)| full)
}

/// The abbreviated Swedish name of month `m` ("jan", "maj", "sep"); empty outside 1–12.
pub fn month_abbreviation(m: u32) -> &'static str {
    m.checked_sub(1).and_then(|i| MONTHS.get(i as usize)).map_or("", |(_, abbr)| abbr)
}

/// The month a lower-case word names exactly: the full name, the abbreviation, "sept", each
/// with or without a trailing dot ("aug." → 8). `None` for other words.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    MONTHS
        .iter()
        .position(|(full, abbr)| w == *full || w == *abbr || (*abbr == "sep" && w == "sept"))
        .map(|i| i as u32 + 1)
}

/// The month a lower-case header word names, also by a beginning of three letters or more of
/// the full name ("sept", "okto"); trailing dots are ignored. Wider than [`month_number`]: a
/// column header is short and a cut month name is still a month.
pub fn month_number_or_prefix(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|(full, abbr)| w == *full || w == *abbr || (w.len() >= 3 && full.starts_with(w)))
        .map(|i| i as u32 + 1)
}

/// "januari–augusti" for 8 months, "januari" for 1, "helåret" for 12, "perioden" for `None`.
pub fn period_text(months: Option<u32>) -> String {
    match months {
        Some(12) => "helåret".to_owned(),
        Some(1) => "januari".to_owned(),
        Some(m) => format!("januari–{}", month_name(m)),
        None => "perioden".to_owned(),
    }
}

/// The last month named in `text` ("Utfall jan–aug" → 8, "januari–augusti 2024" → 8,
/// "Bokslut 2023" / "helår" → 12). `None` when no month is named.
pub fn months_in_text(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let last = lower.split(|c: char| !c.is_alphabetic()).rev().find_map(month_number);
    if last.is_none() && (lower.contains("helår") || lower.contains("bokslut") || lower.contains("årsbudget")) {
        return Some(12);
    }
    last
}

/// Whether a header names a part of the year ("Budget jan–aug", "Ack. utfall", "Utfall perioden").
pub fn is_period_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    let named_month = months_in_text(&lower)
        .is_some_and(|_| !lower.contains("helår") && !lower.contains("årsbudget") && !lower.contains("bokslut"));
    named_month || lower.contains("ack") || lower.contains("period") || lower.contains("hittills")
}

/// Whether a header names the whole year ("Årsbudget", "Helårsbudget", "Budget helår").
pub fn is_annual_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("årsbudget") || lower.contains("helår") || lower.contains("bokslut") || lower.contains("år ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_months_in_swedish_period_texts() {
        assert_eq!(months_in_text("Utfall jan–aug"), Some(8));
        assert_eq!(months_in_text("driftredovisning januari–augusti 2024"), Some(8));
        assert_eq!(months_in_text("Ack utfall mars"), Some(3));
        assert_eq!(months_in_text("Utfall sept"), Some(9));
        assert_eq!(months_in_text("Budget helår"), Some(12));
        assert_eq!(months_in_text("Budget"), None);
        assert!(is_period_header("Budget jan–aug"));
        assert!(!is_period_header("Årsbudget"));
        assert!(is_annual_header("Årsbudget"));
        assert_eq!(period_text(Some(8)), "januari–augusti");
        assert_eq!(period_text(None), "perioden");
    }

    #[test]
    fn names_and_numbers() {
        assert_eq!(month_name(3), "mars");
        assert_eq!(month_name(0), "januari");
        assert_eq!(month_name(13), "december");
        assert_eq!(month_abbreviation(9), "sep");
        assert_eq!(month_abbreviation(0), "");
        assert_eq!(month_number("aug."), Some(8));
        assert_eq!(month_number("augu"), None);
        assert_eq!(month_number_or_prefix("augu"), Some(8));
        assert_eq!(month_number_or_prefix("ma"), None);
        assert_eq!(month_number_or_prefix("mars"), Some(3));
    }
}
