//! Years: a cell or header that is a year ("2024", "2024*", 2024.0), and a year written somewhere
//! in a text ("Bokslut 2023").

/// A year written on its own: 1900–2100, possibly marked preliminary ("2024", " 2024* ").
pub fn year(text: &str) -> Option<i32> {
    let t = text.trim().trim_end_matches('*').trim();
    if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = t.parse().ok()?;
        return (1900..=2100).contains(&y).then_some(y);
    }
    None
}

/// A year as a cell number: a whole number 1900–2100.
pub fn year_number(v: f64) -> Option<i32> {
    (v.fract() == 0.0 && (1900.0..=2100.0).contains(&v)).then_some(v as i32)
}

/// The first year (1990–2100) written in a header or a cell text ("2024", "Bokslut 2023",
/// "Planerad effekt 2025").
pub fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// Whether a number is a year of the span [`year_in`] reads (a whole number 1990–2100), as in a
/// year row of a table ("Balanskravsutredning | 2021 | 2022").
pub fn is_year_number(value: f64) -> bool {
    value.fract() == 0.0 && (1990.0..=2100.0).contains(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_alone_and_in_text() {
        assert_eq!(year("2024"), Some(2024));
        assert_eq!(year(" 2024* "), Some(2024));
        assert_eq!(year("20245"), None);
        assert_eq!(year("1800"), None);
        assert_eq!(year_number(2023.0), Some(2023));
        assert_eq!(year_number(2023.5), None);
        assert_eq!(year_in("Bokslut 2023"), Some(2023));
        assert_eq!(year_in("Konto 1234"), None);
        assert_eq!(year_in("Budget"), None);
    }
}
