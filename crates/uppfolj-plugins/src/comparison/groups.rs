//! KPI groups: the group each KPI belongs to (Kolada's verksamhetsområde, else its perspective),
//! read from a KPI catalogue loaded with the data or from a group column of the data file, and
//! the chosen unit's summary per group (KPIs, counts by rank band, median place).

use super::compute::{Bands, Series};
use super::kpis::is_kpi_id;
use super::tables::{Line, status_cell};
use uppfolj_plugin::kit::text_at;
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::report::{Status, TableCell};

/// Headers of a column naming a KPI's area (Kolada's catalogue writes `operating_area`).
const AREA_HEADERS: &[&str] = &[
    "operating_area",
    "verksamhetsområde",
    "verksamhetsomrade",
    "område",
    "nyckeltalsgrupp",
    "nyckeltalsområde",
    "kpi-grupp",
    "grupp",
];

/// What the KPIs are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GroupBy {
    /// Kolada's verksamhetsområde (`operating_area`): "Hälso- och sjukvård".
    Area,
    /// Kolada's perspective: "Resurser", "Volymer", "Kvalitet och resultat".
    Perspective,
}

impl GroupBy {
    /// The parameter's value: `perspective`, else the area.
    pub fn parse(text: Option<&str>) -> Self {
        if text.is_some_and(|t| t.trim().eq_ignore_ascii_case("perspective")) { Self::Perspective } else { Self::Area }
    }

    /// "verksamhetsområde", "perspektiv".
    pub fn word(self) -> &'static str {
        match self {
            Self::Area => "verksamhetsområde",
            Self::Perspective => "perspektiv",
        }
    }
}

/// One KPI of a catalogue: its id or name, and its area and perspective.
#[derive(Debug, Clone)]
struct Entry {
    id: Option<String>,
    name: Option<String>,
    area: Option<String>,
    perspective: Option<String>,
    /// The file it was read from.
    file: String,
}

/// The KPIs the files group, in the order read (a catalogue before the data files).
#[derive(Debug, Clone, Default)]
pub(super) struct Catalogue {
    entries: Vec<Entry>,
}

/// The column of a dataset that names a KPI's area, by its header.
fn area_column(ds: &Dataset) -> Option<usize> {
    let taken = [ColumnRole::RegionId, ColumnRole::IndicatorId, ColumnRole::IndicatorName, ColumnRole::Year];
    ds.columns.iter().position(|c| {
        AREA_HEADERS.contains(&c.name.trim().to_lowercase().as_str()) && !c.role.is_some_and(|r| taken.contains(&r))
    })
}

impl Catalogue {
    /// The groups of the KPIs in `datasets`: every dataset with a KPI column (id or name) and an
    /// area or perspective column, row by row.
    pub fn read(datasets: &[&Dataset]) -> Self {
        let mut entries = Vec::new();
        for ds in datasets {
            let (id_col, name_col) = (ds.column(ColumnRole::IndicatorId), ds.column(ColumnRole::IndicatorName));
            let (area_col, perspective_col) = (area_column(ds), ds.column(ColumnRole::Perspective));
            if (id_col.is_none() && name_col.is_none()) || (area_col.is_none() && perspective_col.is_none()) {
                continue;
            }
            for r in 0..ds.rows.len() {
                let some = |t: String| (!t.is_empty()).then_some(t);
                let id_text = text_at(ds, r, id_col);
                let (id, name) = if is_kpi_id(&id_text) {
                    (Some(id_text.to_uppercase()), some(text_at(ds, r, name_col)))
                } else {
                    (None, some(text_at(ds, r, name_col)).or_else(|| some(id_text)))
                };
                let (area, perspective) = (some(text_at(ds, r, area_col)), some(text_at(ds, r, perspective_col)));
                if (id.is_some() || name.is_some()) && (area.is_some() || perspective.is_some()) {
                    entries.push(Entry { id, name, area, perspective, file: ds.source.file.clone() });
                }
            }
        }
        Self { entries }
    }

    /// The entry of a KPI: by its Kolada id, else by its name (case ignored).
    fn find(&self, s: &Series) -> Option<&Entry> {
        let by_id = s.kpi_id.as_deref().and_then(|id| self.entries.iter().find(|e| e.id.as_deref() == Some(id)));
        by_id.or_else(|| {
            let name = s.name.trim().to_lowercase();
            self.entries.iter().find(|e| e.name.as_deref().is_some_and(|n| n.trim().to_lowercase() == name))
        })
    }
}

/// The group of each series, and where the grouping came from.
#[derive(Debug, Clone)]
pub(super) struct Grouping {
    /// What the KPIs are grouped by; `None`: the files name no group, all KPIs are one group.
    pub by: Option<GroupBy>,
    /// What the parameter asked for.
    pub wanted: GroupBy,
    /// The group of each series (same order); `None` for a KPI the files give no group.
    pub of: Vec<Option<String>>,
    /// The files the groups were read from.
    pub files: Vec<String>,
}

/// The name of the group of KPIs the files give no group.
pub(super) const UNGROUPED: &str = "Utan grupp i filerna";

/// The name of the one group when the files name none.
pub(super) const ALL: &str = "Alla nyckeltal";

/// Groups `series` by `wanted`, or by the other when the files give no KPI the wanted kind.
pub(super) fn grouping(series: &[Series], catalogue: &Catalogue, wanted: GroupBy) -> Grouping {
    let entries: Vec<Option<&Entry>> = series.iter().map(|s| catalogue.find(s)).collect();
    let group = |by: GroupBy| -> Vec<Option<String>> {
        entries
            .iter()
            .map(|e| {
                e.and_then(|e| match by {
                    GroupBy::Area => e.area.clone(),
                    GroupBy::Perspective => e.perspective.clone(),
                })
            })
            .collect()
    };
    let other = if wanted == GroupBy::Area { GroupBy::Perspective } else { GroupBy::Area };
    let (by, of) = [wanted, other]
        .into_iter()
        .map(|by| (by, group(by)))
        .find(|(_, of)| of.iter().any(Option::is_some))
        .map_or((None, vec![None; series.len()]), |(by, of)| (Some(by), of));
    let mut files: Vec<String> = Vec::new();
    for e in entries.iter().zip(&of).filter(|(_, g)| g.is_some()).filter_map(|(e, _)| *e) {
        if !files.contains(&e.file) {
            files.push(e.file.clone());
        }
    }
    Grouping { by, wanted, of, files }
}

/// One group's summary for the chosen unit.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Summary {
    pub name: String,
    /// The KPIs compared (a KPI compared per gender counts once per gender).
    pub kpis: usize,
    pub good: usize,
    pub warning: usize,
    pub bad: usize,
    /// KPIs with a place that is not judged: their direction is not known.
    pub unjudged: usize,
    /// KPIs without a place: no value, or no other unit to compare with.
    pub unplaced: usize,
    /// The median of the places the unit has in the group's judged KPIs.
    pub median: Option<f64>,
}

/// The median of `places`: the middle one, or the mean of the two middle ones.
pub(super) fn median(places: &mut [usize]) -> Option<f64> {
    places.sort_unstable();
    let n = places.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(places[n / 2] as f64),
        _ => Some((places[n / 2 - 1] + places[n / 2]) as f64 / 2.0),
    }
}

/// The summary of the lines in one group. A KPI that is not judged is counted apart and has no
/// place in the median: its place is an order by value, not better or worse.
fn summary(name: String, lines: &[&Line], bands: Bands) -> Summary {
    let mut s =
        Summary { name, kpis: lines.len(), good: 0, warning: 0, bad: 0, unjudged: 0, unplaced: 0, median: None };
    let mut places = Vec::new();
    for l in lines {
        let status = match status_cell(bands, &l.outcome) {
            TableCell::Status { status, .. } => status,
            _ => Status::Neutral,
        };
        match status {
            Status::Good => s.good += 1,
            Status::Warning => s.warning += 1,
            Status::Bad => s.bad += 1,
            Status::Neutral if l.outcome.unjudged() => s.unjudged += 1,
            Status::Neutral => s.unplaced += 1,
        }
        if status != Status::Neutral {
            places.extend(l.outcome.latest.rank);
        }
    }
    s.median = median(&mut places);
    s
}

/// The summaries per group (`group_of`: the group of each line), in the order the groups first
/// occur (the KPIs without a group last), and the summary of all KPIs.
pub(super) fn summaries(
    lines: &[Line],
    group_of: &[Option<String>],
    by: Option<GroupBy>,
    bands: Bands,
) -> (Vec<Summary>, Summary) {
    let mut names: Vec<Option<&String>> = Vec::new();
    for g in group_of {
        if !names.contains(&g.as_ref()) {
            names.push(g.as_ref());
        }
    }
    names.sort_by_key(Option::is_none);
    let groups = names
        .into_iter()
        .map(|name| {
            let mine: Vec<&Line> =
                lines.iter().zip(group_of).filter(|(_, g)| g.as_ref() == name).map(|(l, _)| l).collect();
            let label = name.cloned().unwrap_or_else(|| if by.is_some() { UNGROUPED } else { ALL }.to_owned());
            summary(label, &mine, bands)
        })
        .collect();
    let all: Vec<&Line> = lines.iter().collect();
    (groups, summary(ALL.to_owned(), &all, bands))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_place_or_the_mean_of_the_two() {
        assert_eq!(median(&mut [13]), Some(13.0));
        assert_eq!(median(&mut [15, 13]), Some(14.0));
        assert_eq!(median(&mut [8, 1, 3]), Some(3.0));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn the_parameter_chooses_the_perspective_or_else_the_area() {
        assert_eq!(GroupBy::parse(Some("perspective")), GroupBy::Perspective);
        assert_eq!(GroupBy::parse(Some("area")), GroupBy::Area);
        assert_eq!(GroupBy::parse(None), GroupBy::Area);
    }
}
