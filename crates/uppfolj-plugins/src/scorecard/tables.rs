//! The tables: every indicator under its perspective and goal, and the goals counted by status.

use super::assess::{Assessment, Verdict};
use super::compute::Figures;
use super::goals::{Counts, Goal, Perspective};
use super::read::Indicator;
use super::target;
use uppfolj_plugin::kit::{RowShape, TableBuilder, percent_col, status_col, text_col};
use uppfolj_plugin::model::report::{Column, ColumnKind, Table, TableCell};

/// A row of the indicator table.
enum Line<'a> {
    Perspective(&'a Perspective),
    Goal(&'a Goal),
    Indicator(&'a Indicator, &'a Assessment),
}

/// A column of numbers with `decimals`.
fn number_col(key: &str, title: &str, decimals: u8) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Number { decimals }, formula: None }
}

/// A trend column.
fn trend_col(key: &str, title: &str) -> Column {
    Column { key: key.to_owned(), title: title.to_owned(), kind: ColumnKind::Trend, formula: None }
}

/// A status cell.
fn status(v: Verdict) -> TableCell {
    TableCell::Status { status: v.status(), label: v.label().to_owned() }
}

/// The direction and where it came from, in words.
fn direction_text(a: &Assessment) -> String {
    match a.direction {
        Some((d, source)) => format!("{} ({})", d.label(), source.label()),
        None => "Okänd".to_owned(),
    }
}

/// Every indicator under its perspective and goal (heading rows when the file names them).
pub(super) fn indicators(f: &Figures) -> Table {
    let (has_p, has_g) = (f.has_perspectives(), f.has_goals());
    let mut lines: Vec<(Line, RowShape)> = Vec::new();
    for p in &f.perspectives {
        if has_p {
            lines.push((Line::Perspective(p), RowShape::subtotal(0, Vec::new())));
        }
        for g in &p.goals {
            if has_g {
                lines.push((Line::Goal(g), RowShape::subtotal(u8::from(has_p), Vec::new())));
            }
            let level = u8::from(has_p) + u8::from(has_g);
            for &i in &g.indicators {
                lines.push((Line::Indicator(&f.card.indicators[i], &f.assessments[i]), RowShape::at_level(level)));
            }
        }
    }
    let year_text = f.settings.year.map_or(String::new(), |y| format!(" {y}"));
    let shown = f.shown_years();
    let any_note = f.card.indicators.iter().any(|ind| !notes(ind, &shown).is_empty());
    let any_average = f.assessments.iter().any(|a| a.averaged.is_some());
    let any_unit = f.card.indicators.iter().any(|i| !i.unit.is_empty());
    let any_comment = f.card.indicators.iter().any(|i| !i.comment.is_empty());
    let previous = f.settings.previous;
    let mut builder = TableBuilder::new("styrkort", format!("Måluppföljning{year_text} per indikator"))
        .column(text_col("indikator", "Perspektiv, mål och indikator"), |l: &Line| {
            TableCell::Text(match l {
                Line::Perspective(p) => p.name.clone(),
                Line::Goal(g) => g.name.clone(),
                Line::Indicator(ind, _) => ind.name.clone(),
            })
        })
        .column_if(any_unit, text_col("enhet", "Enhet"), |l| indicator_text(l, |ind, _| ind.unit.clone()))
        .column(text_col("riktning", "Riktning"), |l| indicator_text(l, |_, a| direction_text(a)))
        .column(text_col("malvarde", &format!("Målvärde{year_text}")), |l| {
            indicator_text(l, |_, a| a.target_text.clone())
        });
    for year in f.shown_years() {
        builder =
            builder.column(number_col(&format!("utfall_{year}"), &format!("Utfall {year}"), 1), move |l| match l {
                Line::Indicator(ind, _) => TableCell::number(ind.value_for(Some(year))),
                _ => TableCell::Empty,
            });
    }
    if f.card.years.is_empty() {
        builder = builder.column(number_col("utfall", "Utfall", 1), |l| indicator_number(l, |a| a.value));
    }
    builder
        .column_if(any_note, text_col("anmarkning", "Anmärkning till utfallet"), move |l| {
            indicator_text(l, |ind, _| notes(ind, &shown))
        })
        .column_if(any_average, number_col("bedomt", "Bedömt värde (snitt)", 1), |l| {
            indicator_number(l, |a| a.averaged.and(a.judged))
        })
        .column(percent_col("maluppfyllelse", "Måluppfyllelse", None), |l| indicator_number(l, |a| a.degree))
        .column_if(previous.is_some(), number_col("forandring", &change_title(previous), 1), |l| {
            indicator_number(l, |a| a.change)
        })
        .column_if(previous.is_some(), trend_col("trend", "Trend"), |l| match l {
            Line::Indicator(_, a) => a.trend.map_or(TableCell::Empty, TableCell::Trend),
            _ => TableCell::Empty,
        })
        .column(status_col("status", "Status"), |l| match l {
            Line::Perspective(_) => TableCell::Empty,
            Line::Goal(g) => status(g.verdict),
            Line::Indicator(_, a) => status(a.verdict),
        })
        .column(text_col("bedomning", "Bedömning"), |l| indicator_text(l, |_, a| judgement(a)))
        .column_if(any_comment, text_col("kommentar", "Kommentar"), |l| indicator_text(l, |ind, _| ind.comment.clone()))
        .build(lines.iter().map(|(l, s)| (l, s.clone())))
}

/// The notes written with the outcomes of the years shown: "2023: (14,4*); 2024: Statistik saknas".
fn notes(ind: &Indicator, years: &[i32]) -> String {
    let notes: Vec<String> = ind
        .outcomes
        .iter()
        .filter(|o| o.year.is_none_or(|y| years.contains(&y)))
        .filter_map(|o| {
            Some(match o.year {
                Some(y) => format!("{y}: {}", o.note.as_ref()?),
                None => o.note.clone()?,
            })
        })
        .collect();
    notes.join("; ")
}

/// "Förändring sedan 2023".
fn change_title(previous: Option<i32>) -> String {
    previous.map_or("Förändring".to_owned(), |p| format!("Förändring sedan {p}"))
}

/// A text of an indicator row; empty on heading rows.
fn indicator_text(l: &Line, text: impl Fn(&Indicator, &Assessment) -> String) -> TableCell {
    match l {
        Line::Indicator(ind, a) => TableCell::Text(text(ind, a)),
        _ => TableCell::Empty,
    }
}

/// A number of an indicator row; empty on heading rows.
fn indicator_number(l: &Line, number: impl Fn(&Assessment) -> Option<f64>) -> TableCell {
    match l {
        Line::Indicator(_, a) => TableCell::number(number(a)),
        _ => TableCell::Empty,
    }
}

/// How the status was reached, in a few words: "≥ 70 %", "i snitt > 2 % (2022–2024)",
/// "ska öka jämfört med 2023", or why there is none.
pub(super) fn judgement(a: &Assessment) -> String {
    if let Some(reason) = &a.reason {
        return format!("Saknar bedömning: {reason}");
    }
    let Some(t) = &a.target else { return String::new() };
    let rule = target::describe(t, a.direction.map(|(d, _)| d));
    match a.averaged {
        Some((from, to)) if from != to => format!("{rule} ({from}–{to})"),
        _ => rule,
    }
}

/// A row of the goal table.
struct GoalLine<'a> {
    label: &'a str,
    counts: Counts,
    verdict: Option<Verdict>,
}

/// The goals counted by status, with the perspectives' sums and the total.
pub(super) fn goals(f: &Figures) -> Table {
    let has_p = f.has_perspectives();
    let mut lines: Vec<(GoalLine, RowShape)> = Vec::new();
    let mut tops = Vec::new();
    for p in &f.perspectives {
        let start = lines.len();
        if has_p {
            tops.push(start);
            lines.push((GoalLine { label: &p.name, counts: p.counts, verdict: None }, RowShape::default()));
        }
        let level = u8::from(has_p);
        for g in &p.goals {
            let label = if g.name.is_empty() { "(utan mål)" } else { g.name.as_str() };
            if !has_p {
                tops.push(lines.len());
            }
            lines.push((GoalLine { label, counts: g.counts, verdict: Some(g.verdict) }, RowShape::at_level(level)));
        }
        if has_p {
            lines[start].1 = RowShape::subtotal(0, (start + 1..lines.len()).collect());
        }
    }
    lines.push((GoalLine { label: "Totalt", counts: f.counts, verdict: None }, RowShape::total(tops)));
    let mut builder = TableBuilder::new("per-mal", "Indikatorer per mål och status")
        .column(text_col("mal", if has_p { "Perspektiv och mål" } else { "Mål" }), |l: &GoalLine| {
            TableCell::Text(l.label.to_owned())
        });
    for v in Verdict::ALL {
        builder =
            builder.column(number_col(count_key(v), v.label(), 0), move |l| TableCell::Number(l.counts.get(v) as f64));
    }
    builder
        .column(number_col("antal", "Antal indikatorer", 0), |l| TableCell::Number(l.counts.total() as f64))
        .column(status_col("status", "Målets status"), |l| l.verdict.map_or(TableCell::Empty, status))
        .build(lines.iter().map(|(l, s)| (l, s.clone())))
}

/// The key of the count column of `v`.
pub(super) fn count_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "uppnatt",
        Verdict::Partly => "delvis",
        Verdict::NotMet => "ej_uppnatt",
        Verdict::NoValue => "saknar_varde",
        Verdict::NotAssessed => "saknar_bedomning",
    }
}
