//! The value axis: a "nice" range with round ticks, and Swedish number labels.

use uppfolj_model::format;
use uppfolj_model::unit::Unit;

/// A value axis range with its ticks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scale {
    /// Lowest value on the axis.
    pub lo: f64,
    /// Highest value on the axis.
    pub hi: f64,
    /// Tick values, ascending.
    pub ticks: Vec<f64>,
    /// Decimals of the tick labels.
    pub decimals: usize,
}

impl Scale {
    /// Position of `value` on the axis as a fraction of its length (0 at `lo`, 1 at `hi`).
    pub fn fraction(&self, value: f64) -> f64 {
        let span = self.hi - self.lo;
        if !(span.is_finite() && span > 0.0) {
            return 0.5;
        }
        let f = (value - self.lo) / span;
        if f.is_finite() { f.clamp(-0.05, 1.05) } else { 0.5 }
    }

    /// The label of a tick.
    pub fn tick_label(&self, value: f64) -> String {
        format::number(value, self.decimals)
    }
}

/// The smallest number of decimals that writes `step` exactly (at most 6).
fn decimals_of(step: f64) -> usize {
    (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// A range from `min` to `max` (finite values only), widened to round ticks, at most `max_ticks`
/// intervals. With `include_zero` the range always contains 0 (bars start at 0).
pub(crate) fn nice(min: f64, max: f64, include_zero: bool, max_ticks: usize) -> Scale {
    let fallback = Scale { lo: 0.0, hi: 1.0, ticks: vec![0.0, 1.0], decimals: 0 };
    if !(min.is_finite() && max.is_finite()) {
        return fallback;
    }
    let (mut lo, mut hi) = if min <= max { (min, max) } else { (max, min) };
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if hi - lo <= f64::EPSILON * hi.abs().max(lo.abs()).max(1.0) {
        let pad = if hi == 0.0 { 1.0 } else { hi.abs() * 0.1 };
        if include_zero && lo >= 0.0 {
            hi += pad;
        } else if include_zero && hi <= 0.0 {
            lo -= pad;
        } else {
            lo -= pad;
            hi += pad;
        }
    }
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return Scale { lo, hi, ticks: vec![lo, hi], decimals: 0 };
    }
    let raw = span / max_ticks.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step =
        [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw * (1.0 - 1e-9)).unwrap_or(10.0 * mag);
    let nice_lo = (lo / step).floor() * step;
    let nice_hi = (hi / step).ceil() * step;
    if !(step.is_finite() && step > 0.0 && nice_lo.is_finite() && nice_hi.is_finite()) {
        return Scale { lo, hi, ticks: vec![lo, hi], decimals: 0 };
    }
    let count = ((nice_hi - nice_lo) / step).round().clamp(1.0, 100.0) as usize;
    let ticks = (0..=count)
        .map(|k| {
            let v = nice_lo + k as f64 * step;
            // Avoid "-0" and float noise near zero.
            if v.abs() < step * 1e-9 { 0.0 } else { v }
        })
        .collect();
    Scale { lo: nice_lo, hi: nice_hi, ticks, decimals: decimals_of(step) }
}

/// How value labels are written: decimals, sign and unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ValueFormat {
    decimals: usize,
    signed: bool,
    percent: bool,
}

impl ValueFormat {
    /// A format fitting `values`: whole numbers and thousands without decimals, others with one
    /// (two below 1); an
    /// explicit "+" when the values have both signs (deviations), so that a positive and a negative
    /// bar differ in text too, not only in direction.
    pub fn for_values(values: impl Iterator<Item = f64> + Clone, unit: Option<&Unit>) -> Self {
        let finite = values.filter(|v| v.is_finite());
        let all_whole = finite.clone().all(|v| (v - v.round()).abs() < 1e-9);
        let max_abs = finite.clone().fold(0.0f64, |m, v| m.max(v.abs()));
        let has_neg = finite.clone().any(|v| v < 0.0);
        let has_pos = finite.clone().any(|v| v > 0.0);
        let percent = matches!(unit, Some(Unit::Percent));
        let decimals = if all_whole || (max_abs >= 1000.0 && !percent) {
            0
        } else if max_abs >= 1.0 || percent {
            1
        } else {
            2
        };
        Self { decimals, signed: has_neg && has_pos, percent }
    }

    /// The same format without the explicit "+" (totals, targets).
    pub fn unsigned(&self) -> Self {
        Self { signed: false, ..self.clone() }
    }

    /// The same format with an explicit "+" (waterfall steps).
    pub fn with_sign(&self) -> Self {
        Self { signed: true, ..self.clone() }
    }

    /// Writes `value`.
    pub fn write(&self, value: f64) -> String {
        let n = if self.signed { format::signed(value, self.decimals) } else { format::number(value, self.decimals) };
        if self.percent && value.is_finite() { format!("{n}\u{00A0}%") } else { n }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ranges_have_round_ticks() {
        let s = nice(-1116.0, 2600.0, true, 6);
        assert_eq!(s.lo, -2000.0);
        assert_eq!(s.hi, 3000.0);
        assert_eq!(s.ticks.len(), 6);
        assert_eq!(s.decimals, 0);
        let s = nice(0.0, 0.35, true, 5);
        assert_eq!(s.hi, 0.4);
        assert_eq!(s.decimals, 1);
    }

    #[test]
    fn degenerate_ranges_do_not_fail() {
        assert_eq!(nice(0.0, 0.0, true, 5).hi, 1.0);
        assert!(nice(f64::NAN, 1.0, true, 5).hi.is_finite());
        let huge = nice(-f64::MAX, f64::MAX, true, 5);
        assert!(!huge.ticks.is_empty());
        let s = nice(5.0, 5.0, false, 5);
        assert!(s.lo < 5.0 && s.hi > 5.0);
    }

    #[test]
    fn value_labels_are_swedish_and_signed_for_deviations() {
        let f = ValueFormat::for_values([-1200.0, 300.0].into_iter(), Some(&Unit::Tkr));
        assert_eq!(f.write(-1200.0), "\u{2212}1\u{202F}200");
        assert_eq!(f.write(300.0), "+300");
        let p = ValueFormat::for_values([12.5, 80.0].into_iter(), Some(&Unit::Percent));
        assert_eq!(p.write(12.5), "12,5\u{00A0}%");
    }
}
