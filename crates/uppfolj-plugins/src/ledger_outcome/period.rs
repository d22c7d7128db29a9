//! The months a ledger covers, read from its period or date columns ("2024-03",
//! "2024-03-15"): "januari–augusti 2024".

use uppfolj_plugin::kit::text_at;
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::vocab::month_name;

/// The first and last month of the lines `rows` of `ds`, in words, from the first period column
/// whose every filled cell starts with a year and a month; `None` when none does.
pub(super) fn covered(ds: &Dataset, rows: &[usize]) -> Option<String> {
    ds.columns_with(ColumnRole::Period).into_iter().find_map(|col| {
        let mut months = Vec::new();
        for &row in rows {
            let text = text_at(ds, row, Some(col));
            if text.is_empty() {
                continue;
            }
            months.push(year_month(&text)?);
        }
        let (first, last) = (months.iter().min()?, months.iter().max()?);
        Some(words(*first, *last))
    })
}

/// "2024-03" or "2024-03-15" as (2024, 3).
fn year_month(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.trim().splitn(3, '-');
    let (year, month) = (parts.next()?, parts.next()?);
    let month = month.get(..2).unwrap_or(month);
    let (year, month): (u32, u32) = (year.parse().ok()?, month.parse().ok()?);
    ((1900..=2200).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}

/// "augusti 2024", "januari–augusti 2024", "november 2023–februari 2024".
fn words((y1, m1): (u32, u32), (y2, m2): (u32, u32)) -> String {
    match (y1 == y2, m1 == m2) {
        (true, true) => format!("{} {y1}", month_name(m1)),
        (true, false) => format!("{}–{} {y1}", month_name(m1), month_name(m2)),
        _ => format!("{} {y1}–{} {y2}", month_name(m1), month_name(m2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_dates_read_as_year_and_month() {
        assert_eq!(year_month("2024-03"), Some((2024, 3)));
        assert_eq!(year_month("2024-08-27"), Some((2024, 8)));
        assert_eq!(year_month("2024-13"), None);
        assert_eq!(year_month("P1001"), None);
        assert_eq!(words((2024, 1), (2024, 8)), "januari–augusti 2024");
        assert_eq!(words((2023, 11), (2024, 2)), "november 2023–februari 2024");
        assert_eq!(words((2016, 3), (2016, 3)), "mars 2016");
    }
}
