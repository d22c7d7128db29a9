//! A raw cell written as text: numbers without a needless ".0", Swedish booleans, Excel serial
//! dates as ISO dates.

use crate::grid::Raw;

/// The text of a raw cell, as a header, label or text value shows it.
pub(super) fn raw_to_text(raw: &Raw) -> String {
    match raw {
        Raw::Empty => String::new(),
        Raw::Number(v) => format_plain(*v),
        Raw::Text(t) => t.to_string(),
        Raw::Bool(b) => if *b { "SANT" } else { "FALSKT" }.to_string(),
        Raw::Date(serial) => serial_to_iso(*serial),
        Raw::Error(e) => e.to_string(),
    }
}

fn format_plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}

/// An Excel serial date as "YYYY-MM-DD" (1900 system; serials before 1900-03-01 are rare).
pub fn serial_to_iso(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    // Days from 1970-01-01: serial 25569 is 1970-01-01.
    let days = serial.floor() as i64 - 25_569;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(serial_to_iso(45_383.0), "2024-04-01");
        assert_eq!(serial_to_iso(25_569.0), "1970-01-01");
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(raw_to_text(&Raw::Number(2024.0)), "2024");
        assert_eq!(raw_to_text(&Raw::Number(2.5)), "2.5");
        assert_eq!(raw_to_text(&Raw::Bool(true)), "SANT");
    }
}
