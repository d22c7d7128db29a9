//! Swedish number formatting, shared by every renderer so that the HTML view, the chart labels
//! and generated sentences write numbers the same way: "1 234,5", "−33", "12,5 %".

/// Narrow no-break space, the thousands separator in Swedish typography.
pub const THOUSANDS_SEP: char = '\u{202F}';
/// The minus sign (U+2212) used in Swedish typography instead of a hyphen.
pub const MINUS: char = '\u{2212}';

/// Formats `value` with `decimals` decimals, Swedish style: "−1 234,5".
///
/// Non-finite values are written as "–" (en dash), the usual marker for "no value".
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let rounded = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match rounded.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rounded.as_str(), None),
    };
    let mut out = String::with_capacity(rounded.len() + 4);
    // A value that rounds to zero is written without a sign.
    let is_zero = rounded.chars().all(|c| c == '0' || c == '.');
    if value < 0.0 && !is_zero {
        out.push(MINUS);
    }
    let digits = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(THOUSANDS_SEP);
        }
        out.push(ch);
    }
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Formats a percentage given in percentage points: `percent(12.49, 1)` is "12,5 %".
pub fn percent(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    format!("{}\u{00A0}%", number(value, decimals))
}

/// Formats a signed change with an explicit plus sign: "+33", "−12,5".
pub fn signed(value: f64, decimals: usize) -> String {
    let s = number(value, decimals);
    if value > 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("+{s}") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_swedish_numbers() {
        assert_eq!(number(1234.5, 1), "1\u{202F}234,5");
        assert_eq!(number(-1_116.0, 0), "\u{2212}1\u{202F}116");
        assert_eq!(number(1_441_595_890.0, 0), "1\u{202F}441\u{202F}595\u{202F}890");
        assert_eq!(number(-0.04, 1), "0,0");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(f64::NAN, 0), "–");
        assert_eq!(percent(66.666, 1), "66,7\u{00A0}%");
        assert_eq!(signed(33.0, 0), "+33");
        assert_eq!(signed(-33.0, 0), "\u{2212}33");
        assert_eq!(signed(0.0, 0), "0");
    }
}
