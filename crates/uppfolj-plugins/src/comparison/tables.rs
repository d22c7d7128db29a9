//! The tables: the chosen unit's standing per KPI and per group of KPIs, and each KPI's ranking
//! in the latest year.

use super::compute::{Bands, Outcome, Series, UNJUDGED, compared, round};
use super::groups::{GroupBy, Summary};
use super::text;
use uppfolj_plugin::kit::vocab::in_sentence;
use uppfolj_plugin::kit::{RowShape, TableBuilder, status_col, text_col};
use uppfolj_plugin::model::report::{Column, ColumnKind, Status, Table, TableCell};
use uppfolj_plugin::model::unit::Unit;

/// A column of values of `s`, in its unit with its decimals.
fn value_col(key: &str, title: &str, s: &Series) -> Column {
    let kind = match &s.unit {
        Some(Unit::Percent) => ColumnKind::Percent { decimals: s.decimals },
        Some(unit) => ColumnKind::Amount { unit: unit.clone(), decimals: s.decimals },
        None => ColumnKind::Number { decimals: s.decimals },
    };
    Column { key: key.to_owned(), title: title.to_owned(), kind, formula: None }
}

/// A column of plain numbers.
fn number_col(key: &str, title: &str, decimals: u8) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Number { decimals }, formula: None }
}

fn rank_cell(rank: Option<usize>) -> TableCell {
    TableCell::number(rank.map(|r| r as f64))
}

/// One KPI of the summary: the series, the chosen unit and its outcome.
pub(super) struct Line<'a> {
    pub series: &'a Series,
    pub place: usize,
    pub outcome: Outcome,
}

/// The chosen unit's standing per KPI: value, place, status, changes, the value the goal
/// needed, Riket, and the direction with where it came from. A KPI that is not judged (its
/// direction is not known) has no places gained: its order is by value, not better or worse.
pub(super) fn summary(lines: &[Line], bands: Bands) -> Table {
    let signed = |l: &Line, then: Option<f64>| {
        TableCell::number(l.outcome.latest.value.zip(then).map(|(a, b)| round(a - b, l.series.decimals)))
    };
    let rank_change = |l: &Line, then: Option<usize>| {
        let now = l.outcome.latest.rank.filter(|_| l.outcome.judged);
        TableCell::number(now.zip(then).map(|(a, b)| b as f64 - a as f64))
    };
    TableBuilder::new("sammanfattning", "Placering per nyckeltal, senaste året")
        .column(text_col("nyckeltal", "Nyckeltal"), |l: &Line| TableCell::Text(l.series.title()))
        .column(text_col("ar", "År"), |l| TableCell::Text(l.outcome.latest.year.to_string()))
        .column(number_col("varde", "Värde", 1), |l| TableCell::number(l.outcome.latest.value))
        .column(text_col("enhet", "Enhet"), |l| {
            TableCell::Text(l.series.unit.as_ref().map_or("", Unit::label).to_owned())
        })
        .column(number_col("plats", "Plats", 0), |l| rank_cell(l.outcome.latest.rank))
        .column(number_col("av", "Av", 0), |l| TableCell::number(Some(l.outcome.latest.of as f64)))
        .column(status_col("status", "Status"), |l| status_cell(bands, &l.outcome))
        .column(number_col("forandring_fg", "Förändring av värdet sedan föregående år", 1), |l| {
            signed(l, l.outcome.previous.and_then(|p| p.value))
        })
        .column(number_col("platser_fg", "Platser bättre än föregående år", 0), |l| {
            rank_change(l, l.outcome.previous.and_then(|p| p.rank))
        })
        .column(text_col("forsta_ar", "Första år"), |l| {
            TableCell::Text(l.outcome.first.map(|f| f.year.to_string()).unwrap_or_default())
        })
        .column(number_col("forandring_forsta", "Förändring av värdet sedan första året", 1), |l| {
            signed(l, l.outcome.first.and_then(|f| f.value))
        })
        .column(number_col("platser_forsta", "Platser bättre än första året", 0), |l| {
            rank_change(l, l.outcome.first.and_then(|f| f.rank))
        })
        .column(number_col("varde_for_malet", "Värde som krävts för målet", 1), |l| {
            TableCell::number(l.outcome.needed)
        })
        .column(number_col("riket", "Riket", 1), |l| TableCell::number(l.outcome.riket))
        .column(text_col("riktning", "Riktning"), |l| TableCell::Text(text::direction_short(l.series)))
        .build(lines.iter().map(|l| (l, RowShape::data())))
}

/// The chosen unit per group of KPIs: the KPIs, how many are in each rank band (the band's
/// words and colour in the header, so the count never relies on colour; no yellow column when
/// that band is empty), how many are not judged (only when some are) and the median place; with
/// more than one group, all KPIs last.
pub(super) fn groups(summaries: &[Summary], all: &Summary, by: Option<GroupBy>, bands: Bands) -> Table {
    let group_title = match by {
        Some(GroupBy::Area) => "Verksamhetsområde",
        Some(GroupBy::Perspective) => "Perspektiv",
        None => "Grupp",
    };
    let band = |status: Status, colour: &str| format!("{} ({colour})", bands.label(status));
    let whole = summaries.iter().chain([all]).all(|s| s.median.is_none_or(|m| m.fract() == 0.0));
    let count = |n: usize| TableCell::Number(n as f64);
    let mut rows: Vec<(&Summary, RowShape)> = summaries.iter().map(|s| (s, RowShape::data())).collect();
    if summaries.len() > 1 {
        rows.push((all, RowShape::total(Vec::new())));
    }
    TableBuilder::new("grupper", format!("Placering per {}", in_sentence(group_title)))
        .column(text_col("grupp", group_title), |s: &Summary| TableCell::Text(s.name.clone()))
        .column(number_col("antal", "Antal nyckeltal", 0), |s| count(s.kpis))
        .column(number_col("malet", &band(Status::Good, "grön"), 0), |s| count(s.good))
        .column_if(bands.warning_to > bands.good_to, number_col("nara", &band(Status::Warning, "gul"), 0), |s| {
            count(s.warning)
        })
        .column(number_col("utanfor", &band(Status::Bad, "röd"), 0), |s| count(s.bad))
        .column_if(all.unjudged > 0, number_col("bedoms_inte", UNJUDGED, 0), |s| count(s.unjudged))
        .column(number_col("utan_plats", "Utan placering", 0), |s| count(s.unplaced))
        .column(number_col("medianplats", "Medianplats", u8::from(!whole)), |s| TableCell::number(s.median))
        .build(rows.iter().map(|(s, shape)| (*s, shape.clone())))
}

/// The status cell of an outcome: the band, or "Saknar värde" / "Ingen jämförelse" / "Bedöms
/// inte (riktning okänd)".
pub(super) fn status_cell(bands: Bands, o: &Outcome) -> TableCell {
    let label = if o.latest.rank.is_some() && o.latest.of < 2 {
        "Ingen jämförelse".to_owned()
    } else if o.unjudged() {
        UNJUDGED.to_owned()
    } else {
        bands.label(o.status)
    };
    let status = if o.latest.of < 2 { Status::Neutral } else { o.status };
    TableCell::Status { status, label }
}

/// The title of a ranking's place column: "Plats", or "Plats (högst värde först)" when the KPI
/// is ranked by value and not judged.
fn place_title(s: &Series) -> &'static str {
    if s.judged() { "Plats" } else { "Plats (högst värde först)" }
}

/// A row of a ranking: a unit with its value and place this year and the year before.
struct Ranked<'a> {
    name: &'a str,
    value: Option<f64>,
    rank: Option<usize>,
    previous_value: Option<f64>,
    previous_rank: Option<usize>,
    note: &'static str,
}

/// The ranking of `s` in its latest year: the compared units best first (highest value first,
/// not judged, when the direction is not known), then those without a value, then the
/// references (Riket, group averages), which are never ranked.
pub(super) fn ranking(s: &Series, chosen: Option<usize>, bands: Bands) -> Option<Table> {
    let &year = s.years.last()?;
    let previous = s.years.iter().rev().nth(1).copied();
    let compared_ = compared(s, chosen);
    let ranked = s.ranking(year, &compared_);
    let prev_ranked = previous.map(|y| s.ranking(y, &compared_)).unwrap_or_default();
    let prev_rank = |p: usize| prev_ranked.iter().find(|r| r.0 == p).map(|r| r.2);
    let line = |p: usize, rank: Option<usize>, note: &'static str| Ranked {
        name: &s.places[p].name,
        value: s.value(p, year),
        rank,
        previous_value: previous.and_then(|y| s.value(p, y)),
        previous_rank: prev_rank(p),
        note: if Some(p) == chosen && note.is_empty() { "Vald" } else { note },
    };
    let mut rows: Vec<Ranked> = ranked.iter().map(|r| line(r.0, Some(r.2), "")).collect();
    rows.extend(compared_.iter().filter(|&&p| s.value(p, year).is_none()).map(|&p| line(p, None, "Saknar värde")));
    rows.extend(
        (0..s.places.len())
            .filter(|&p| {
                s.places[p].reference && (s.value(p, year).is_some() || previous.and_then(|y| s.value(p, y)).is_some())
            })
            .map(|p| line(p, None, "Referens, rangordnas inte")),
    );
    let of = ranked.len();
    let prev_title = previous.map_or_else(String::new, |y| y.to_string());
    let table = TableBuilder::new(format!("rangordning-{}", s.slug()), format!("{}, {year}", s.title()))
        .column(text_col("enhet", "Region/kommun"), |r: &Ranked| TableCell::Text(r.name.to_owned()))
        .column(number_col("plats", place_title(s), 0), |r| rank_cell(r.rank))
        .column(value_col("varde", &format!("Värde {year}"), s), |r| TableCell::number(r.value))
        .column(status_col("status", "Status"), move |r| match r.rank {
            Some(rank) if of > 1 => {
                TableCell::Status { status: s.status(rank, bands), label: s.status_label(rank, bands) }
            }
            _ => TableCell::Empty,
        })
        .column_if(previous.is_some(), number_col("plats_fg", &format!("Plats {prev_title}"), 0), |r| {
            rank_cell(r.previous_rank)
        })
        .column_if(previous.is_some(), value_col("varde_fg", &format!("Värde {prev_title}"), s), |r| {
            TableCell::number(r.previous_value)
        })
        .column(text_col("anmarkning", "Anmärkning"), |r| TableCell::Text(r.note.to_owned()))
        .build(rows.iter().map(|r| (r, RowShape::data())));
    Some(table)
}
