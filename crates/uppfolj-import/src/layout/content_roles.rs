//! Roles from what the columns hold, for columns whose header named none: municipality names
//! make a region column, Kolada's wide export an indicator column, the first other text column
//! labels the rows, and numbers in a headerless table are values.

use super::draft::{Col, Draft, sample};
use crate::grid::GRow;
use crate::roles;
use uppfolj_model::ColumnRole;

/// Gives the columns without a role one from their content.
pub(super) fn assign(d: &mut Draft<'_>) {
    let data = d.data.as_slice();
    for col in d.cols.iter_mut().filter(|c| c.role.is_none() && !c.numeric && c.src.len() == 1) {
        let (municipalities, looked_further) = mostly_municipalities(data, col.src[0], d.truncated);
        d.unsure |= looked_further && d.truncated;
        if municipalities {
            col.role = Some(ColumnRole::RegionName);
            col.because = "innehåll (kommun-/regionnamn)";
        }
    }
    label(&mut d.cols);
    // Numeric columns without a role in a headerless table: values.
    let headerless = d.span.header.is_none();
    for col in &mut d.cols {
        if col.role.is_none() && col.numeric && (headerless || col.name.starts_with("Kolumn ")) {
            col.role = Some(ColumnRole::Value);
            col.because = "innehåll (tal)";
        }
    }
}

/// Whether a role names the rows of a table.
fn names_rows(r: ColumnRole) -> bool {
    matches!(
        r,
        ColumnRole::Label | ColumnRole::OrgUnit | ColumnRole::Account | ColumnRole::Measure | ColumnRole::IndicatorName
    )
}

/// The column that names the rows, unless one already does: Kolada's wide export (municipality,
/// then the indicator, then one column per year) names them by indicator, else the first text
/// column without a role is the label.
fn label(cols: &mut [Col]) {
    let wide = cols.iter().any(|c| c.period.is_some() || c.region.is_some());
    let has_region = cols.iter().any(|c| c.role == Some(ColumnRole::RegionName));
    if wide
        && has_region
        && !cols.iter().any(|c| c.role.is_some_and(names_rows))
        && let Some(col) = cols.iter_mut().find(|c| c.role.is_none() && !c.numeric && !c.measure_unit)
    {
        col.role = Some(ColumnRole::IndicatorName);
        col.because = "innehåll (nyckeltal per kommun)";
    }
    if cols.iter().any(|c| c.role.is_some_and(names_rows)) {
        return;
    }
    // Next to a KPI id ("id", "title" in Kolada's catalogue) the first text names the KPI.
    let kpis = cols.iter().any(|c| c.role == Some(ColumnRole::IndicatorId));
    if let Some(col) = cols.iter_mut().find(|c| c.role.is_none() && !c.numeric && !c.measure_unit) {
        if kpis {
            col.role = Some(ColumnRole::IndicatorName);
            col.because = "innehåll (namn bredvid nyckeltals-id)";
        } else {
            col.role = Some(ColumnRole::Label);
            col.because = "innehåll (första textkolumnen)";
        }
    }
}

/// Whether most texts in column `col` are Kolada municipality or region names: the first 60
/// texts that differ from the one above, looked for in the first rows, and in all rows when
/// those hold fewer than two (rows past `data` too, where it is `truncated`); and whether it
/// looked past the first rows.
fn mostly_municipalities(data: &[GRow], col: u32, truncated: bool) -> (bool, bool) {
    let first = sample(data);
    let (seen, hits) = municipality_names(first, col);
    let further = seen < 2 && (first.len() < data.len() || truncated);
    let (seen, hits) = if further { municipality_names(data, col) } else { (seen, hits) };
    (seen >= 2 && hits * 10 >= seen * 6, further)
}

/// How many of the first 60 texts of column `col` in `data` that differ from the one above
/// there are, and how many of them name a municipality or region.
fn municipality_names(data: &[GRow], col: u32) -> (usize, usize) {
    let mut seen = 0usize;
    let mut hits = 0usize;
    let mut last = "";
    for r in data {
        let Some(t) = r.get(col).and_then(|c| c.raw.text()) else { continue };
        let t = t.trim();
        if t == last {
            continue;
        }
        last = t;
        seen += 1;
        if roles::municipality(t).is_some() {
            hits += 1;
        }
        if seen >= 60 {
            break;
        }
    }
    (seen, hits)
}
