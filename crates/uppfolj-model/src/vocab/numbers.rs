//! Numbers as Swedes write them: in a cell of a spreadsheet or text file ([`parse_cell`]), and
//! typed as a parameter ([`parse_number`]).
//!
//! Cells: "1 234,5" (space, no-break or thin space for thousands, decimal comma), "−12" (U+2212),
//! "(123)" for negatives, "12 %", accounting text such as " -1 362 250 " and " -   " for zero,
//! "201001*" for a preliminary value, and the missing markers "..", ".", "-", "–".

/// What a piece of text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// A number.
    Number {
        /// The value (a percentage is kept in percentage points: "12 %" → 12).
        value: f64,
        /// Written with a trailing "*" (preliminary).
        preliminary: bool,
        /// Written with a "%" sign.
        percent: bool,
    },
    /// A missing-value marker ("..", ".", "-", "–", "x") or nothing at all.
    Missing(Option<String>),
    /// Looks like a number but is not finite ("NaN", "1e999", "inf").
    NotFinite,
    /// Ordinary text.
    Text,
}

/// The markers statistics producers use for a missing or not applicable value.
const MISSING_MARKERS: &[&str] =
    &["..", ".", "-", "–", "—", "−", "x", "X", "…", "n/a", "N/A", "saknas", "uppgift saknas"];

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' | '\u{200b}')
}

/// Parses the text of a cell as a Swedish or Nordic number, a missing marker, or text.
pub fn parse_cell(text: &str) -> Parsed {
    let t = text.trim_matches(is_space);
    if t.is_empty() {
        return Parsed::Missing(None);
    }
    // Accounting format writes zero as a lone dash padded with spaces: " -   ".
    if t == "-" && text.starts_with(is_space) && text.ends_with(is_space) && text.chars().count() >= 4 {
        return Parsed::Number { value: 0.0, preliminary: false, percent: false };
    }
    if MISSING_MARKERS.contains(&t) {
        return Parsed::Missing(Some(t.to_string()));
    }
    // Compared without regard to case, and without a lower-case copy: this runs for every cell.
    const NOT_FINITE: [&str; 7] = ["nan", "inf", "-inf", "+inf", "infinity", "-infinity", "#num!"];
    if NOT_FINITE.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        return Parsed::NotFinite;
    }
    cell_number(t).unwrap_or(Parsed::Text)
}

/// A cell text without its surrounding spaces read as a number, if it is one.
fn cell_number(t: &str) -> Option<Parsed> {
    let first = t.chars().next()?;
    // Cheap rejection: a number starts with a digit, a sign, a parenthesis or a decimal separator.
    if !(first.is_ascii_digit() || matches!(first, '-' | '+' | '−' | '(' | ',' | '.' | '–')) {
        return None;
    }
    let mut s = t;
    let mut negative = false;
    let mut preliminary = false;
    let mut percent = false;
    if let Some(inner) = s.strip_suffix('*') {
        preliminary = true;
        s = inner.trim_end_matches(is_space);
    }
    if let Some(inner) = s.strip_suffix('%') {
        percent = true;
        s = inner.trim_end_matches(is_space);
    }
    if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        negative = true;
        s = inner.trim_matches(is_space);
    }
    if let Some(rest) = s.strip_prefix(['-', '−', '–']) {
        negative = !negative;
        s = rest.trim_start_matches(is_space);
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.trim_start_matches(is_space);
    }
    // A trailing minus, as some ERP exports write it: "1 234-".
    if let Some(rest) = s.strip_suffix(['-', '−']) {
        negative = !negative;
        s = rest.trim_end_matches(is_space);
    }
    if s.is_empty() {
        return None;
    }
    let mut digits = String::with_capacity(s.len());
    let mut commas = 0usize;
    let mut dots = 0usize;
    let mut last_comma = None;
    let mut last_dot = None;
    let mut exponent = false;
    let mut group_spaces = false;
    for (i, c) in s.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            ',' => {
                commas += 1;
                last_comma = Some(digits.len());
                digits.push(',');
            }
            '.' => {
                dots += 1;
                last_dot = Some(digits.len());
                digits.push('.');
            }
            'e' | 'E' if i > 0 && !exponent => {
                exponent = true;
                digits.push('e');
            }
            '-' | '+' if exponent && digits.ends_with('e') => digits.push(c),
            c if is_space(c) || c == '\'' => group_spaces = true,
            _ => return None,
        }
    }
    if !digits.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let _ = group_spaces;
    // Decide which separator is the decimal one.
    let normalised: String = match (commas, dots) {
        (0, 0) => digits,
        (0, 1) => digits,
        (0, _) => digits.replace('.', ""), // 1.234.567: dots group thousands
        (1, 0) => digits.replace(',', "."),
        (_, 0) => digits.replace(',', ""), // 1,234,567
        _ => {
            // Both: the last one is the decimal separator.
            if last_comma > last_dot { digits.replace('.', "").replace(',', ".") } else { digits.replace(',', "") }
        }
    };
    let value: f64 = normalised.parse().ok()?;
    if !value.is_finite() {
        return Some(Parsed::NotFinite);
    }
    let value = if negative { -value } else { value };
    Some(Parsed::Number { value, preliminary, percent })
}

/// Parses a cell text the way [`parse_cell`] does and returns the number, if it is one.
pub fn parse_cell_f64(text: &str) -> Option<f64> {
    match parse_cell(text) {
        Parsed::Number { value, .. } => Some(value),
        _ => None,
    }
}

/// Parses a number as a Swedish user types it in a parameter: decimal comma or point, spaces
/// (also no-break and narrow no-break) as thousands separators, the minus sign `−` as well as
/// `-` ("1 234,5", "−12", "2.5"). `None` for anything else, and for infinities and NaN.
///
/// Stricter than [`parse_cell`] on purpose: a parameter is one number a person typed, so
/// "(12)", "12 %", "1,234.5" or "1 234-" are refused rather than read by a spreadsheet
/// convention.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}'))
        .map(|c| match c {
            ',' => '.',
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(t: &str) -> Option<f64> {
        parse_cell_f64(t)
    }

    #[test]
    fn swedish_forms() {
        assert_eq!(num("1 234,5"), Some(1234.5));
        assert_eq!(num("1\u{a0}234,5"), Some(1234.5));
        assert_eq!(num("1\u{2009}234\u{202f}567"), Some(1_234_567.0));
        assert_eq!(num("−12"), Some(-12.0));
        assert_eq!(num("(123)"), Some(-123.0));
        assert_eq!(num("12 %"), Some(12.0));
        assert_eq!(num(" -1 362 250 "), Some(-1_362_250.0));
        assert_eq!(num(" -   "), Some(0.0));
        assert_eq!(num("1.234.567"), Some(1_234_567.0));
        assert_eq!(num("1.234,5"), Some(1234.5));
        assert_eq!(num("1,234.5"), Some(1234.5));
        assert_eq!(num("57.9"), Some(57.9));
        assert_eq!(num("+3,0"), Some(3.0));
        assert_eq!(num("1 234-"), Some(-1234.0));
        assert_eq!(num("2,5e3"), Some(2500.0));
    }

    #[test]
    fn flags() {
        assert_eq!(parse_cell("201001*"), Parsed::Number { value: 201001.0, preliminary: true, percent: false });
        assert_eq!(parse_cell("12,5 %"), Parsed::Number { value: 12.5, preliminary: false, percent: true });
    }

    #[test]
    fn missing_markers_and_text() {
        assert_eq!(parse_cell(".."), Parsed::Missing(Some("..".into())));
        assert_eq!(parse_cell("-"), Parsed::Missing(Some("-".into())));
        assert_eq!(parse_cell("–"), Parsed::Missing(Some("–".into())));
        assert_eq!(parse_cell("   "), Parsed::Missing(None));
        assert_eq!(parse_cell("Summa"), Parsed::Text);
        assert_eq!(parse_cell("46362 Köp medicinskt"), Parsed::Text);
        assert_eq!(parse_cell("2024-03"), Parsed::Text);
        assert_eq!(parse_cell("57.9 - 66.7  *"), Parsed::Text);
    }

    #[test]
    fn not_finite() {
        assert_eq!(parse_cell("NaN"), Parsed::NotFinite);
        assert_eq!(parse_cell("1e999"), Parsed::NotFinite);
        assert_eq!(parse_cell("-inf"), Parsed::NotFinite);
    }

    #[test]
    fn parses_numbers_as_swedes_write_them() {
        assert_eq!(parse_number("1 234,5"), Some(1234.5));
        assert_eq!(parse_number("\u{2212}12"), Some(-12.0));
        assert_eq!(parse_number(" 2.5 "), Some(2.5));
        assert_eq!(parse_number("1\u{00A0}000"), Some(1000.0));
        assert_eq!(parse_number("tolv"), None);
        assert_eq!(parse_number("inf"), None);
    }

    #[test]
    fn parameters_are_read_more_strictly_than_cells() {
        for text in ["(12)", "12 %", "1,234.5", "1 234-"] {
            assert_eq!(parse_number(text), None, "{text}");
            assert!(parse_cell_f64(text).is_some(), "{text}");
        }
    }
}
