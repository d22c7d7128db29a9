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
    let rounded = rounded_like_excel(value.abs(), decimals);
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

/// `abs` (not negative) with `decimals` decimals as Excel shows it, so that the page and the
/// exported workbook agree: rounded first to 15 significant digits, then half away from zero
/// (6,25 → "6,3"; 2,675 → "2,68"). Rust's own formatting rounds the exact binary value, half to
/// even ("6,2", "2,67"). Values beyond `u128` after scaling fall back to it.
fn rounded_like_excel(abs: f64, decimals: usize) -> String {
    match scaled_like_excel(abs, decimals) {
        Some(n) => with_decimal_point(n, decimals),
        None => format!("{abs:.decimals$}"),
    }
}

/// `abs` × 10^`decimals`, rounded as [`rounded_like_excel`] says, as an integer.
fn scaled_like_excel(abs: f64, decimals: usize) -> Option<u128> {
    // "6.25000000000000e0": the 15 significant digits and the power of ten of the first.
    let scientific = format!("{abs:.14e}");
    let (mantissa, exponent) = scientific.split_once('e')?;
    let digits: u128 = mantissa.replace('.', "").parse().ok()?;
    let shift = exponent.parse::<i32>().ok()? - 14 + i32::try_from(decimals).ok()?;
    if shift >= 0 {
        return digits.checked_mul(10u128.checked_pow(shift.unsigned_abs())?);
    }
    let Some(divisor) = 10u128.checked_pow(shift.unsigned_abs()) else { return Some(0) };
    let (whole, rest) = (digits / divisor, digits % divisor);
    Some(if rest * 2 >= divisor { whole + 1 } else { whole })
}

/// `n` / 10^`decimals` written with a decimal point: (625, 2) → "6.25".
fn with_decimal_point(n: u128, decimals: usize) -> String {
    let digits = format!("{n:0width$}", width = decimals + 1);
    let (int_part, frac_part) = digits.split_at(digits.len() - decimals);
    if decimals == 0 { int_part.to_owned() } else { format!("{int_part}.{frac_part}") }
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

    #[test]
    fn rounds_as_excel_shows_it() {
        // Half away from zero, on the decimal value Excel shows (15 significant digits).
        assert_eq!(percent(6.25, 1), "6,3\u{00A0}%");
        assert_eq!(number(2.675, 2), "2,68");
        assert_eq!(number(1.005, 2), "1,01");
        assert_eq!(number(-0.5, 0), "\u{2212}1");
        assert_eq!(number(2.5, 0), "3");
        assert_eq!(number(0.45, 1), "0,5");
        assert_eq!(number(0.449_999, 1), "0,4");
        assert_eq!(number(-0.04, 1), "0,0");
        assert_eq!(number(0.0, 2), "0,00");
        assert_eq!(number(9.96, 1), "10,0");
        assert_eq!(number(999_999.5, 0), "1\u{202F}000\u{202F}000");
        assert_eq!(number(1e-300, 1), "0,0");
        assert_eq!(number(0.000_5, 3), "0,001");
        assert_eq!(number(123_456_789.123_456_7, 2), "123\u{202F}456\u{202F}789,12");
        // Beyond u128 once scaled: Rust's formatting, which is exact there anyway.
        assert_eq!(number(1e30, 0).chars().filter(char::is_ascii_digit).count(), 31);
    }
}
