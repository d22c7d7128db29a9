//! The months a ledger's lines cover, read from its period or date column ("2024-03",
//! "2024-03-15"): "januari–augusti 2024". Shared by the reports on ledgers (budget-follow-up,
//! ledger-outcome), which name their period from it when the headers and the title do not.

use uppfolj_plugin::kit::ColumnTexts;
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::vocab::month_name;

/// The first and last month of a ledger's lines, and the column they were read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Covered {
    /// (year, month) of the earliest line.
    pub first: (u32, u32),
    /// (year, month) of the latest line.
    pub last: (u32, u32),
    /// The header of the column read.
    pub column: String,
}

impl Covered {
    /// In words: "augusti 2024", "januari–augusti 2024", "november 2023–februari 2024".
    pub fn words(&self) -> String {
        words(self.first, self.last)
    }

    /// The months of the year followed up (januari–augusti: 8), when the lines start in January
    /// and end in the same year; `None` otherwise (a part of a year that does not start in
    /// January is no "period of the year").
    pub fn months_of_year(&self) -> Option<u32> {
        let ((y1, m1), (y2, m2)) = (self.first, self.last);
        (y1 == y2 && m1 == 1).then_some(m2)
    }

    /// The year of the latest line.
    pub fn year(&self) -> u32 {
        self.last.0
    }
}

/// The first and last month of the lines `rows` of `ds`, from the first period column whose
/// every filled cell starts with a year and a month; `None` when none does.
pub(crate) fn covered(ds: &Dataset, rows: &[usize]) -> Option<Covered> {
    ds.columns_with(ColumnRole::Period).into_iter().find_map(|col| {
        let months = months_in(ds, col, rows)?;
        let (first, last) = (*months.iter().min()?, *months.iter().max()?);
        let column = ds.columns.get(col).map(|c| c.name.trim().to_owned()).unwrap_or_default();
        Some(Covered { first, last, column })
    })
}

/// The months of the distinct texts of column `col` in the lines `rows` (each text read once: a
/// ledger's 200 000 lines hold a few hundred dates); `None` when a filled cell holds no month.
fn months_in(ds: &Dataset, col: usize, rows: &[usize]) -> Option<Vec<(u32, u32)>> {
    let mut texts = ColumnTexts::new(ds, col);
    for &row in rows {
        texts.id(row);
    }
    (0..texts.len()).map(|id| texts.text(id)).filter(|t| !t.is_empty()).map(year_month).collect()
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

    #[test]
    fn months_of_the_year_only_from_january_within_one_year() {
        let covered = |first, last| Covered { first, last, column: "Period".into() };
        assert_eq!(covered((2024, 1), (2024, 8)).months_of_year(), Some(8));
        assert_eq!(covered((2024, 3), (2024, 8)).months_of_year(), None);
        assert_eq!(covered((2023, 1), (2024, 2)).months_of_year(), None);
    }
}
