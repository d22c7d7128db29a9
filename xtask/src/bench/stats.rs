//! Medians and the least-squares line through (rows, cost) points: the arithmetic of the report.

/// The median of `values` (the mean of the middle two for an even count); `None` when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) { f64::midpoint(v[mid - 1], v[mid]) } else { v[mid] })
}

/// A straight line `y = intercept + slope · x` fitted by least squares, and how well it fits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// The cost of one more x (one more row).
    pub slope: f64,
    /// The cost at x = 0 (start-up).
    pub intercept: f64,
    /// The coefficient of determination: 1 when every point lies on the line.
    pub r2: f64,
}

/// The least-squares line through `points`; `None` with fewer than two distinct x.
pub fn fit(points: &[(f64, f64)]) -> Option<Line> {
    #[allow(clippy::cast_precision_loss)]
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let syy: f64 = points.iter().map(|p| (p.1 - my).powi(2)).sum();
    if points.len() < 2 || sxx == 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let r2 = if syy == 0.0 { 1.0 } else { (sxy * sxy) / (sxx * syy) };
    Some(Line { slope, intercept: my - slope * mx, r2 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn a_line_through_points_on_it() {
        let line = fit(&[(1.0, 5.0), (2.0, 7.0), (4.0, 11.0)]).expect("line");
        assert!((line.slope - 2.0).abs() < 1e-12 && (line.intercept - 3.0).abs() < 1e-12);
        assert!((line.r2 - 1.0).abs() < 1e-12);
        assert_eq!(fit(&[(1.0, 1.0)]), None);
    }
}
