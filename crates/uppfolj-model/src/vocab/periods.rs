//! A column header that names a period, in a normal form: "2024", "2024-03", "mars" → "03",
//! "jan–aug", "T2", "Delår 2", "Q1".

use super::labels::normalise;
use super::months::{month_abbreviation, month_number_or_prefix as month};
use super::years::year;

/// The period a header stands for, normalised: "2024", "2024-03", "mars" → "03", "jan–aug",
/// "T2", "Delår 2", "Q1". `None` if the header is not a period.
pub fn period(text: &str) -> Option<String> {
    let h = normalise(text);
    let h = h.trim();
    if h.is_empty() {
        return None;
    }
    if let Some(y) = year(h) {
        return Some(y.to_string());
    }
    year_month(h).or_else(|| month_range(h)).or_else(|| part_of_year(h))
}

/// "2024-03", "2024-3", "202403" → "2024-03".
fn year_month(h: &str) -> Option<String> {
    let digits: String = h.chars().filter(|c| c.is_ascii_digit()).collect();
    if ((h.len() == 7 && h.as_bytes().get(4) == Some(&b'-')) || (h.len() == 6 && digits.len() == 6))
        && let (Some(y), Some(Ok(m))) = (digits.get(..4).and_then(year), digits.get(4..).map(str::parse::<u8>))
        && (1..=12).contains(&m)
    {
        return Some(format!("{y}-{m:02}"));
    }
    None
}

/// "mars" → "03", "mars 2024" → "2024-03", "jan–aug" → "jan–aug", "januari-augusti 2024" →
/// "jan–aug 2024".
fn month_range(h: &str) -> Option<String> {
    let words: Vec<&str> = h.split([' ', '–', '-', '—', '/']).filter(|w| !w.is_empty()).collect();
    let short = |w: &str| month(w).map(month_abbreviation);
    match words.as_slice() {
        [m] => month(m).map(|m| format!("{m:02}")),
        [m, y] if month(m).is_some() && year(y).is_some() => Some(format!("{}-{:02}", year(y)?, month(m)?)),
        [a, b] => Some(format!("{}–{}", short(a)?, short(b)?)),
        [a, b, y] if month(a).is_some() && month(b).is_some() => {
            Some(format!("{}–{} {}", short(a)?, short(b)?, year(y)?))
        }
        _ => None,
    }
}

/// Parts of the year: "T1"–"T3" (tertial), "Q1"–"Q4", "kvartal 2", "delår 2".
fn part_of_year(h: &str) -> Option<String> {
    let compact: String = h.chars().filter(|c| !c.is_whitespace()).collect();
    for (prefix, label, max) in
        [("delår", "Delår ", 3), ("tertial", "T", 3), ("kvartal", "Q", 4), ("t", "T", 3), ("q", "Q", 4)]
    {
        if let Some(rest) = compact.strip_prefix(prefix)
            && let Ok(n) = rest.parse::<u8>()
            && (1..=max).contains(&n)
        {
            return Some(format!("{label}{n}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(period("2024").as_deref(), Some("2024"));
        assert_eq!(period("2024-03").as_deref(), Some("2024-03"));
        assert_eq!(period("202403").as_deref(), Some("2024-03"));
        assert_eq!(period("mars").as_deref(), Some("03"));
        assert_eq!(period("mars 2024").as_deref(), Some("2024-03"));
        assert_eq!(period("Jan–aug").as_deref(), Some("jan–aug"));
        assert_eq!(period("januari-augusti 2024").as_deref(), Some("jan–aug 2024"));
        assert_eq!(period("T2").as_deref(), Some("T2"));
        assert_eq!(period("Delår 2").as_deref(), Some("Delår 2"));
        assert_eq!(period("kvartal 5"), None);
        assert_eq!(period("Budget"), None);
    }

    #[test]
    fn seven_characters_with_a_dash_are_no_period() {
        // "Ansv-nr" has the shape of "2024-03" but fewer than four digits.
        assert_eq!(period("Ansv-nr"), None);
        assert_eq!(period("abc-123"), None);
        assert_eq!(period("ab1234"), None);
    }
}
