//! The comparison: observations grouped per KPI and gender into series, each unit's rank per
//! year (competition ranking by the KPI's better direction), and the chosen unit's standing:
//! place, change, status by rank band and the value the goal band needed. A KPI whose direction
//! is only assumed is ranked by value, highest first, but not judged: its status is neutral.

use super::kpis::{Better, DirectionSource, known, listed, unit_in_name};
use super::places::{Place, REGIONS};
use super::read::{Gender, Obs};
use std::collections::BTreeMap;
use uppfolj_plugin::model::report::Status;
use uppfolj_plugin::model::unit::Unit;

/// The rank bands of the status: places 1..=`good_to` meet the goal (grön), up to `warning_to`
/// are close (gul), the rest are not (röd).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bands {
    pub good_to: usize,
    pub warning_to: usize,
}

impl Bands {
    /// The status of place `rank`.
    pub fn status(self, rank: usize) -> Status {
        if rank <= self.good_to {
            Status::Good
        } else if rank <= self.warning_to {
            Status::Warning
        } else {
            Status::Bad
        }
    }

    /// The label of a status: "Plats 1–3", "Plats 4–7", "Plats 8 eller sämre", "Saknar värde".
    pub fn label(self, status: Status) -> String {
        match status {
            Status::Good if self.good_to == 1 => "Plats 1".to_owned(),
            Status::Good => format!("Plats 1–{}", self.good_to),
            Status::Warning if self.warning_to == self.good_to + 1 => format!("Plats {}", self.warning_to),
            Status::Warning => format!("Plats {}–{}", self.good_to + 1, self.warning_to),
            Status::Bad => format!("Plats {} eller sämre", self.warning_to + 1),
            Status::Neutral => "Saknar värde".to_owned(),
        }
    }
}

/// The status label of a unit ranked in a KPI whose direction is not known: ranked by value, not
/// judged.
pub(super) const UNJUDGED: &str = "Bedöms inte (riktning okänd)";

/// What the user chose: the parameters that shape the series.
#[derive(Debug, Clone, Default)]
pub(super) struct Choices<'a> {
    pub lower_is_better: Option<&'a str>,
    pub higher_is_better: Option<&'a str>,
    /// The gender to compare; `None`: T when there is one, else each gender the file has.
    pub gender: Option<Gender>,
}

/// One KPI for one gender: every unit's value per year.
#[derive(Debug, Clone)]
pub(super) struct Series {
    pub kpi_id: Option<String>,
    /// The KPI's name ("Nettokostnad hälso- och sjukvård (exkl. tandvård), kr/inv"), else its id.
    pub name: String,
    pub gender: Gender,
    pub unit: Option<Unit>,
    pub decimals: u8,
    pub better: Better,
    pub direction: DirectionSource,
    /// The years with a value, ascending.
    pub years: Vec<i32>,
    /// The units, in the order first read.
    pub places: Vec<Place>,
    /// Values by (place index, year).
    pub values: BTreeMap<(usize, i32), f64>,
    /// The observations read (for provenance): (dataset, row, column).
    pub cells: Vec<(usize, usize, usize)>,
}

impl Series {
    /// "N70060 Nettokostnad …" or the name alone, with the gender when it is not the total.
    pub fn title(&self) -> String {
        let base = match &self.kpi_id {
            Some(id) if *id != self.name => format!("{} ({id})", self.name),
            _ => self.name.clone(),
        };
        if self.gender == Gender::Total { base } else { format!("{base}, {}", self.gender.label()) }
    }

    /// The KPI's id, else its name, with the gender when it is not the total ("U79092, kvinnor").
    pub fn short(&self) -> String {
        let base = self.kpi_id.clone().unwrap_or_else(|| self.name.clone());
        if self.gender == Gender::Total { base } else { format!("{base}, {}", self.gender.label()) }
    }

    /// A stable id for tables and charts: the KPI id, else a slug of the name, with the gender.
    pub fn slug(&self) -> String {
        let base = self.kpi_id.clone().unwrap_or_else(|| slug(&self.name)).to_lowercase();
        if self.gender == Gender::Total { base } else { format!("{base}-{}", self.gender.letter().to_lowercase()) }
    }

    /// The value of place `p` in `year`.
    pub fn value(&self, p: usize, year: i32) -> Option<f64> {
        self.values.get(&(p, year)).copied()
    }

    /// Whether a place in this KPI is judged: its direction was set or is known. A KPI of assumed
    /// direction is ranked by value, highest first, and judged by nobody.
    pub fn judged(&self) -> bool {
        self.direction != DirectionSource::Assumed
    }

    /// The status of place `rank`: its band when the KPI is judged, else neutral.
    pub fn status(&self, rank: usize, bands: Bands) -> Status {
        if self.judged() { bands.status(rank) } else { Status::Neutral }
    }

    /// The status label of place `rank`: its band's, or [`UNJUDGED`].
    pub fn status_label(&self, rank: usize, bands: Bands) -> String {
        if self.judged() { bands.label(bands.status(rank)) } else { UNJUDGED.to_owned() }
    }

    /// Whether `a` is better than `b` by the KPI's direction.
    pub fn is_better(&self, a: f64, b: f64) -> bool {
        match self.better {
            Better::Higher => a > b,
            Better::Lower => a < b,
        }
    }

    /// The ranked places of `year` among `compared` (not references, with a value):
    /// (place, value, rank), best first. Competition ranking: ties share a rank ("1, 2, 2, 4").
    pub fn ranking(&self, year: i32, compared: &[usize]) -> Vec<(usize, f64, usize)> {
        let mut with: Vec<(usize, f64)> =
            compared.iter().filter_map(|&p| self.value(p, year).map(|v| (p, v))).collect();
        with.sort_by(|a, b| {
            let order = a.1.total_cmp(&b.1);
            if self.better == Better::Higher { order.reverse() } else { order }
        });
        with.iter().map(|&(p, v)| (p, v, 1 + with.iter().filter(|&&(_, w)| self.is_better(w, v)).count())).collect()
    }
}

/// A lower-case id made of ASCII letters, digits and dashes ("å", "ä" become "a", "ö" "o").
fn slug(text: &str) -> String {
    let s: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    s.split('-').filter(|p| !p.is_empty()).take(6).collect::<Vec<_>>().join("-")
}

/// Groups the observations into series (one per KPI and chosen gender), in the order the KPIs
/// were read. Observations of the same KPI, unit, year and gender after the first are counted
/// in the second value returned (duplicates, ignored).
pub(super) fn series(obs: &[Obs], choices: &Choices) -> (Vec<Series>, usize) {
    let mut kpis: Vec<(Option<String>, Option<String>)> = Vec::new();
    for o in obs {
        let key = kpi_key(o);
        if !kpis.iter().any(|k| k.0.clone().or(k.1.clone()).as_ref() == Some(&key)) {
            kpis.push((o.kpi_id.clone(), o.kpi_name.clone()));
        }
    }
    let mut out = Vec::new();
    let mut duplicates = 0;
    for (id, name) in kpis {
        let key = id.clone().or(name.clone()).unwrap_or_default();
        let mine: Vec<&Obs> = obs.iter().filter(|o| kpi_key(o) == key).collect();
        let genders = genders(&mine, choices.gender);
        for g in genders {
            let (s, d) = one_series(id.clone(), name.clone(), g, &mine, choices);
            duplicates += d;
            out.push(s);
        }
    }
    (out, duplicates)
}

fn kpi_key(o: &Obs) -> String {
    o.kpi_id.clone().or(o.kpi_name.clone()).unwrap_or_default()
}

/// The genders to compare: the chosen one if the KPI has it, else T if it has it, else each it has.
fn genders(obs: &[&Obs], chosen: Option<Gender>) -> Vec<Gender> {
    let mut present: Vec<Gender> = obs.iter().map(|o| o.gender).collect();
    present.sort_unstable();
    present.dedup();
    match chosen {
        Some(g) if present.contains(&g) => vec![g],
        _ if present.contains(&Gender::Total) => vec![Gender::Total],
        _ => present,
    }
}

fn one_series(
    id: Option<String>,
    name: Option<String>,
    gender: Gender,
    obs: &[&Obs],
    choices: &Choices,
) -> (Series, usize) {
    let builtin = id.as_deref().and_then(known);
    let name = name.or(builtin.map(|k| k.name.to_owned())).or(id.clone()).unwrap_or_default();
    let (better, direction) = if listed(choices.lower_is_better, id.as_deref(), &name) {
        (Better::Lower, DirectionSource::Setting)
    } else if listed(choices.higher_is_better, id.as_deref(), &name) {
        (Better::Higher, DirectionSource::Setting)
    } else if let Some(k) = builtin {
        (k.better, DirectionSource::BuiltIn)
    } else {
        (Better::Higher, DirectionSource::Assumed)
    };
    let mut s = Series {
        unit: unit_in_name(&name).or_else(|| obs.iter().find_map(|o| o.unit.clone())),
        kpi_id: id,
        name,
        gender,
        decimals: 0,
        better,
        direction,
        years: Vec::new(),
        places: Vec::new(),
        values: BTreeMap::new(),
        cells: Vec::new(),
    };
    let mut duplicates = 0;
    for o in obs.iter().filter(|o| o.gender == gender) {
        let p = match s.places.iter().position(|p| p.key == o.place.key) {
            Some(p) => p,
            None => {
                s.places.push(o.place.clone());
                s.places.len() - 1
            }
        };
        let Some(v) = o.value else { continue };
        if s.values.contains_key(&(p, o.year)) {
            duplicates += 1;
            continue;
        }
        s.values.insert((p, o.year), v);
        s.cells.push((o.ds, o.row, o.col));
        if !s.years.contains(&o.year) {
            s.years.push(o.year);
        }
    }
    s.years.sort_unstable();
    let whole = s.values.values().all(|v| v.fract() == 0.0);
    s.decimals = u8::from(!whole);
    (s, duplicates)
}

/// `v` rounded to `decimals` decimals (a change of values given with one decimal has one).
pub(super) fn round(v: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(i32::from(decimals));
    (v * f).round() / f
}

/// Whether a place is one of the 21 regions.
pub(super) fn is_region(place: &Place) -> bool {
    place.key != super::places::RIKET && REGIONS.iter().any(|(id, _)| *id == place.key)
}

/// The places compared (ranked) in `s`: not references, and of the same kind as the chosen unit
/// (regions with regions, municipalities with municipalities) when there is one.
pub(super) fn compared(s: &Series, chosen: Option<usize>) -> Vec<usize> {
    let kind = chosen.map(|c| is_region(&s.places[c]));
    (0..s.places.len())
        .filter(|&p| !s.places[p].reference && kind.is_none_or(|k| is_region(&s.places[p]) == k))
        .collect()
}

/// A unit's place in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Standing {
    pub year: i32,
    pub value: Option<f64>,
    /// `None` when the unit has no value that year, or is a reference.
    pub rank: Option<usize>,
    /// How many units were ranked that year.
    pub of: usize,
}

/// The standing of place `p` in `year`.
pub(super) fn standing(s: &Series, p: usize, year: i32, compared: &[usize]) -> Standing {
    let ranking = s.ranking(year, compared);
    let rank = ranking.iter().find(|r| r.0 == p).map(|r| r.2);
    Standing { year, value: s.value(p, year), rank, of: ranking.len() }
}

/// The chosen unit's result for one KPI.
#[derive(Debug, Clone)]
pub(super) struct Outcome {
    pub latest: Standing,
    /// The year before the latest in the series.
    pub previous: Option<Standing>,
    /// The first year the unit has a value, if earlier than the latest.
    pub first: Option<Standing>,
    /// The status by rank band; `Neutral` when the unit has no rank or the KPI is not judged.
    pub status: Status,
    /// Whether the KPI is judged ([`Series::judged`]).
    pub judged: bool,
    /// The value the unit needed for the goal band, when it was outside it (judged KPIs only).
    pub needed: Option<f64>,
    /// Riket's value in the latest year.
    pub riket: Option<f64>,
}

/// The outcome of place `p` in `s`.
pub(super) fn outcome(s: &Series, p: usize, compared: &[usize], bands: Bands) -> Option<Outcome> {
    let &latest_year = s.years.last()?;
    let latest = standing(s, p, latest_year, compared);
    let previous = s.years.iter().rev().nth(1).map(|&y| standing(s, p, y, compared));
    let first =
        s.years.iter().find(|&&y| y < latest_year && s.value(p, y).is_some()).map(|&y| standing(s, p, y, compared));
    let status = latest.rank.map_or(Status::Neutral, |r| s.status(r, bands));
    let needed = latest
        .rank
        .filter(|&r| s.judged() && r > bands.good_to)
        .and_then(|_| needed(s, p, latest_year, compared, bands));
    let riket = s.places.iter().position(|q| q.key == super::places::RIKET).and_then(|q| s.value(q, latest_year));
    Some(Outcome { latest, previous, first, status, judged: s.judged(), needed, riket })
}

impl Outcome {
    /// Whether the unit has a place among others that is not judged (the KPI's direction is not
    /// known): neither "Saknar värde" nor "Ingen jämförelse".
    pub fn unjudged(&self) -> bool {
        !self.judged && self.latest.rank.is_some() && self.latest.of > 1
    }
}

/// The value place `p` needed in `year` to reach place `good_to`: the `good_to`-th best value of
/// the other units (equal to it shares that place). `None` when fewer others have a value.
fn needed(s: &Series, p: usize, year: i32, compared: &[usize], bands: Bands) -> Option<f64> {
    let others: Vec<usize> = compared.iter().copied().filter(|&q| q != p).collect();
    s.ranking(year, &others).get(bands.good_to - 1).map(|r| r.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comparison::places::place;

    fn series(better: Better, values: &[(&str, Option<f64>)]) -> Series {
        series_from(better, DirectionSource::Setting, values)
    }

    fn series_from(better: Better, direction: DirectionSource, values: &[(&str, Option<f64>)]) -> Series {
        let places: Vec<Place> = values.iter().map(|(n, _)| place("", n, false).expect("place")).collect();
        let mut map = BTreeMap::new();
        for (i, (_, v)) in values.iter().enumerate() {
            if let Some(v) = v {
                map.insert((i, 2024), *v);
            }
        }
        Series {
            kpi_id: None,
            name: "KPI".into(),
            gender: Gender::Total,
            unit: None,
            decimals: 1,
            better,
            direction,
            years: vec![2024],
            places,
            values: map,
            cells: Vec::new(),
        }
    }

    #[test]
    fn ties_share_a_rank_and_missing_values_are_not_ranked() {
        let s = series(
            Better::Higher,
            &[("A", Some(5.0)), ("B", Some(7.0)), ("C", Some(7.0)), ("D", None), ("E", Some(9.0))],
        );
        let all = compared(&s, None);
        let ranks: Vec<(String, usize)> =
            s.ranking(2024, &all).iter().map(|r| (s.places[r.0].name.clone(), r.2)).collect();
        assert_eq!(ranks, [("E".into(), 1), ("B".into(), 2), ("C".into(), 2), ("A".into(), 4)]);
        assert_eq!(standing(&s, 3, 2024, &all).rank, None);
        assert_eq!(standing(&s, 0, 2024, &all).of, 4);
    }

    #[test]
    fn lower_is_better_ranks_the_lowest_first_and_riket_is_never_ranked() {
        let s = series(Better::Lower, &[("Riket", Some(1.0)), ("A", Some(5.0)), ("B", Some(3.0))]);
        let all = compared(&s, None);
        assert_eq!(all, [1, 2]);
        let bands = Bands { good_to: 1, warning_to: 1 };
        let o = outcome(&s, 1, &all, bands).expect("outcome");
        assert_eq!((o.latest.rank, o.latest.of), (Some(2), 2));
        assert_eq!(o.status, Status::Bad);
        assert_eq!(o.needed, Some(3.0), "B's 3,0 would have shared place 1");
        assert_eq!(o.riket, Some(1.0));
    }

    #[test]
    fn an_assumed_direction_ranks_by_value_but_judges_nothing() {
        let values = [("Riket", Some(10.0)), ("A", Some(14.8)), ("B", Some(9.0)), ("C", Some(7.0)), ("D", Some(5.0))];
        let s = series_from(Better::Higher, DirectionSource::Assumed, &values);
        let all = compared(&s, None);
        let bands = Bands { good_to: 1, warning_to: 2 };
        let top = outcome(&s, 1, &all, bands).expect("outcome");
        assert_eq!((top.latest.rank, top.latest.of), (Some(1), 4), "the highest value first, as before");
        assert_eq!(top.status, Status::Neutral, "place 1 is not green");
        assert!(top.unjudged() && !top.judged);
        let last = outcome(&s, 4, &all, bands).expect("outcome");
        assert_eq!((last.latest.rank, last.status), (Some(4), Status::Neutral), "place 4 is not red");
        assert_eq!(last.needed, None, "no value is needed for a goal that is not judged");
        assert_eq!(s.status(4, bands), Status::Neutral);
        assert_eq!(s.status_label(1, bands), "Bedöms inte (riktning okänd)");

        // The same values with the direction set are judged as before.
        let set = series_from(Better::Higher, DirectionSource::Setting, &values);
        let last = outcome(&set, 4, &all, bands).expect("outcome");
        assert_eq!((last.status, last.needed), (Status::Bad, Some(14.8)));
        assert!(!last.unjudged());
        assert_eq!(outcome(&set, 1, &all, bands).map(|o| o.status), Some(Status::Good));
    }

    #[test]
    fn bands_have_labels() {
        let b = Bands { good_to: 3, warning_to: 7 };
        assert_eq!(
            [1, 3, 4, 7, 8].map(|r| b.status(r)),
            [Status::Good, Status::Good, Status::Warning, Status::Warning, Status::Bad]
        );
        assert_eq!(b.label(Status::Good), "Plats 1–3");
        assert_eq!(b.label(Status::Warning), "Plats 4–7");
        assert_eq!(b.label(Status::Bad), "Plats 8 eller sämre");
    }
}
