//! Roles the values decide in indicator and Kolada tables, where the header word alone
//! misleads: "geo" holding county codes ("0", "01", "13") is a region id, not a name; "kpi" holding KPI names ("Invånare med tillgång till …") is the indicator's name,
//! not its id; a column without a header role holding "N70060" is a KPI id and one holding
//! "0013" a region id (Kolada's catalogues head them "id"); "Enhet" holding "kr/inv", "%",
//! "antal" is the unit of measure, not an organisational unit.

use super::cell_text::raw_to_text;
use super::draft::{Col, Draft, sample};
use crate::grid::{GRow, Raw};
use crate::roles;
use uppfolj_model::ColumnRole;
use uppfolj_model::vocab::{self, Parsed};

/// The most distinct texts looked at per column.
const SAMPLE: usize = 200;

/// Corrects or finds the roles of single columns from what they hold.
pub(super) fn assign(d: &mut Draft<'_>) {
    let data = d.data.as_slice();
    let sample = sample(data);
    let has = |cols: &[Col], role| cols.iter().any(|c| c.role == Some(role));
    let mut has_id = has(&d.cols, ColumnRole::IndicatorId);
    let has_name = has(&d.cols, ColumnRole::IndicatorName);
    for col in d.cols.iter_mut().filter(|c| c.src.len() == 1) {
        // Decided from the first rows; a column empty there is looked at in all of them (which
        // a streamed table's first rows cannot show: then the draft is unsure).
        let (mut cells, mut texts) = texts(sample, col.src[0]);
        if texts.is_empty() && (sample.len() < data.len() || d.truncated) {
            d.unsure |= d.truncated;
            (cells, texts) = self::texts(data, col.src[0]);
        }
        if texts.is_empty() {
            continue;
        }
        // Finding a role where the header named none takes more than one cell.
        let found = match col.role {
            Some(ColumnRole::RegionName) if texts.iter().all(|t| is_region_code(t)) => {
                Some((ColumnRole::RegionId, "innehåll (kommun-/regionkoder)"))
            }
            Some(ColumnRole::IndicatorId) if !has_name && !most(&texts, roles::is_kpi_id) => {
                Some((ColumnRole::IndicatorName, "innehåll (nyckeltalsnamn)"))
            }
            None if cells > 1 && !has_id && most(&texts, roles::is_kpi_id) => {
                has_id = true;
                Some((ColumnRole::IndicatorId, "innehåll (nyckeltals-id)"))
            }
            None if cells > 1 && are_kolada_ids(&texts) => {
                Some((ColumnRole::RegionId, "innehåll (kommun-/regionkoder)"))
            }
            _ => None,
        };
        if let Some((role, because)) = found {
            col.role = Some(role);
            col.because = because;
        } else if matches!(col.role, None | Some(ColumnRole::OrgUnit)) && holds_units(col, &texts) {
            col.role = None;
            col.measure_unit = true;
            col.because = "innehåll (måttenheter)";
        }
    }
}

/// The number of filled cells of source column `col` in `data`, and its distinct texts (at
/// most [`SAMPLE`]); missing markers ("..", "-") are neither.
fn texts(data: &[GRow], col: u32) -> (usize, Vec<String>) {
    let mut cells = 0;
    let mut out: Vec<String> = Vec::new();
    for cell in data.iter().filter_map(|r| r.get(col)) {
        // Texts are read where they lie; only the sample is copied.
        let owned;
        let t = match &cell.raw {
            Raw::Text(t) => t.trim(),
            raw => {
                owned = raw_to_text(raw);
                owned.trim()
            }
        };
        if t.is_empty() || matches!(vocab::parse_cell(t), Parsed::Missing(_)) {
            continue;
        }
        cells += 1;
        if out.len() < SAMPLE && !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    }
    (cells, out)
}

/// Whether nine in ten texts satisfy `f`.
fn most(texts: &[String], f: impl Fn(&str) -> bool) -> bool {
    texts.iter().filter(|t| f(t)).count() * 10 >= texts.len() * 9
}

/// A region or municipality code as written: one to four digits ("0" Riket, "01", "13", "0013",
/// "1440").
fn is_region_code(t: &str) -> bool {
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the texts are Kolada municipality or region ids ("0000", "0013", "1440"): nine in ten
/// in Kolada's list, and not mostly years (Kolada ids 2021–2085 look like years).
fn are_kolada_ids(texts: &[String]) -> bool {
    let ids = |t: &str| t.len() == 4 && roles::municipality(t).is_some_and(|m| m.id == t);
    most(texts, ids) && texts.iter().filter(|t| vocab::year(t).is_some()).count() * 2 < texts.len()
}

/// Whether a column headed "Enhet" (or "Måttenhet") holds units of measure in most cells.
fn holds_units(col: &Col, texts: &[String]) -> bool {
    vocab::is_unit_of_measure_column(col.header.as_deref().unwrap_or_default(), texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert!(is_region_code("0") && is_region_code("01") && is_region_code("0013"));
        assert!(!is_region_code("Region Halland") && !is_region_code("01234"));
        let t = |v: &[&str]| v.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        assert!(are_kolada_ids(&t(&["0000", "0001", "0003", "0013", "1440"])));
        assert!(!are_kolada_ids(&t(&["2021", "2022", "2023", "2026"])), "years, not Vansbro and Gagnef");
        assert!(!are_kolada_ids(&t(&["4010", "5410", "6110"])), "accounts");
    }
}
