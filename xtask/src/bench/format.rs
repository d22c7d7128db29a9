//! How figures are written in docs/benchmarks.md: seconds, megabytes, kilobytes and ratios, with
//! "–" for a figure that was not measured.

/// "1.23 s".
pub fn secs(v: Option<f64>) -> String {
    v.map_or_else(dash, |s| if s < 10.0 { format!("{s:.2} s") } else { format!("{s:.1} s") })
}

/// Milliseconds as "123 ms" or "1.23 s".
pub fn ms(v: Option<f64>) -> String {
    v.map_or_else(dash, |m| if m < 1000.0 { format!("{m:.0} ms") } else { secs(Some(m / 1000.0)) })
}

/// Bytes as "123.4 MB".
pub fn mb(v: Option<f64>) -> String {
    v.map_or_else(dash, |b| format!("{:.1} MB", b / 1e6))
}

/// Bytes as "123.4 KB" (1 KB = 1000 bytes, as the figures).
pub fn kb(v: Option<f64>) -> String {
    v.map_or_else(dash, |b| format!("{:.1} KB", b / 1e3))
}

/// `a / b` as "×1.80".
pub fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("×{:.2}", a / b),
        _ => dash(),
    }
}

/// A figure with its ratio to a baseline: "1.23 s (×1.80)".
pub fn with_ratio(shown: String, a: Option<f64>, b: Option<f64>) -> String {
    match ratio(a, b).as_str() {
        "–" => shown,
        r => format!("{shown} ({r})"),
    }
}

/// The mark for a figure not measured.
pub fn dash() -> String {
    "–".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures() {
        assert_eq!(secs(Some(1.234)), "1.23 s");
        assert_eq!(ms(Some(1234.0)), "1.23 s");
        assert_eq!(ms(Some(83.4)), "83 ms");
        assert_eq!(mb(Some(123_400_000.0)), "123.4 MB");
        assert_eq!(ratio(Some(3.0), Some(2.0)), "×1.50");
        assert_eq!(ratio(Some(3.0), None), "–");
        assert_eq!(with_ratio(secs(Some(3.0)), Some(3.0), Some(2.0)), "3.00 s (×1.50)");
    }
}
