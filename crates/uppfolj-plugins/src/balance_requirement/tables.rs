//! The report's tables: the balanskravsutredning and the deficits to restore (one column per
//! year), the reserve against its cap and the result goal (one row per year).

use super::deficits::{YearFigures, clean};
use super::goal::{Goal, GoalYear};
use super::lines::Line;
use super::reserve::{CAP_PERCENT, ReserveYear};
use super::text::capitalised;
use uppfolj_plugin::kit::{RowShape, TableBuilder, amount_col, diff, percent_col, status_col, text_col};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{ColumnFormula, Status, Table, TableCell};
use uppfolj_plugin::model::unit::Unit;

/// A row of the balanskravsutredning.
#[derive(Debug, Clone, Copy)]
enum BalanceRow {
    /// A line of the file, with the sign it enters the sum with.
    Line(Line, f64),
    AfterAdjustments,
    BalanceResult,
}

impl BalanceRow {
    fn title(self, reserve_name: &str) -> String {
        match self {
            BalanceRow::Line(line, _) => line.title(reserve_name),
            BalanceRow::AfterAdjustments => Line::AfterAdjustments.title(reserve_name),
            BalanceRow::BalanceResult => Line::BalanceResult.title(reserve_name),
        }
    }

    fn value(self, y: &YearFigures<'_>) -> f64 {
        match self {
            BalanceRow::Line(line, sign) => y.read.signed(line, sign),
            BalanceRow::AfterAdjustments => y.after_adjustments,
            BalanceRow::BalanceResult => y.balance_result,
        }
    }
}

/// A row of the table of deficits to restore.
#[derive(Debug, Clone, Copy)]
enum RestoreRow {
    Opening,
    BalanceResult,
    Special,
    Restored,
    Closing,
}

impl RestoreRow {
    fn title(self) -> &'static str {
        match self {
            RestoreRow::Opening => "Att återställa vid årets början",
            RestoreRow::BalanceResult => "Årets balanskravsresultat",
            RestoreRow::Special => "Synnerliga skäl",
            RestoreRow::Restored => "Återställt under året",
            RestoreRow::Closing => "Balanskravsresultat att återställa",
        }
    }

    fn value(self, y: &YearFigures<'_>) -> f64 {
        match self {
            RestoreRow::Opening => y.opening,
            RestoreRow::BalanceResult => y.balance_result,
            RestoreRow::Special => y.special,
            RestoreRow::Restored => y.restored,
            RestoreRow::Closing => y.closing,
        }
    }
}

/// The balanskravsutredning: the adjustments summed into årets resultat efter
/// balanskravsjusteringar, then the reserve transfers (and synnerliga skäl, when the file counts
/// them there: `special_in_result`) into årets balanskravsresultat.
pub(super) fn balance(years: &[YearFigures<'_>], reserve_name: &str, unit: &Unit, special_in_result: bool) -> Table {
    let adjustments = Line::ADJUSTMENTS.len();
    let special: &[(Line, f64)] = if special_in_result { &[(Line::Special, 1.0)] } else { &[] };
    let to_result = Line::RESERVES.len() + special.len();
    let rows: Vec<(BalanceRow, RowShape)> = Line::ADJUSTMENTS
        .iter()
        .map(|&(line, sign)| (BalanceRow::Line(line, sign), RowShape::at_level(1)))
        .chain([(BalanceRow::AfterAdjustments, RowShape::subtotal(0, (0..adjustments).collect()))])
        .chain(
            Line::RESERVES
                .iter()
                .chain(special)
                .map(|&(line, sign)| (BalanceRow::Line(line, sign), RowShape::at_level(1))),
        )
        .chain([(BalanceRow::BalanceResult, RowShape::total((adjustments..=adjustments + to_result).collect()))])
        .collect();
    let title = format!("Balanskravsutredning, {}", unit.label());
    by_year(
        "balanskravsutredning",
        &title,
        years,
        unit,
        move |row: &BalanceRow| row.title(reserve_name),
        |row, y| row.value(y),
    )
    .build(rows.iter().map(|(row, shape)| (row, shape.clone())))
}

/// The deficits to restore: at the start of the year, the year's result, synnerliga skäl (unless
/// `special_in_result` already shows them in the balanskravsutredning), what was restored, and
/// what remains.
pub(super) fn restore(years: &[YearFigures<'_>], unit: &Unit, special_in_result: bool) -> Table {
    let rows: Vec<(RestoreRow, RowShape)> =
        [RestoreRow::Opening, RestoreRow::BalanceResult, RestoreRow::Special, RestoreRow::Restored]
            .into_iter()
            .filter(|row| !(special_in_result && matches!(row, RestoreRow::Special)))
            .map(|row| (row, RowShape::at_level(1)))
            .chain([(RestoreRow::Closing, RowShape::total(vec![]))])
            .collect();
    let title = format!("Balanskravsresultat att återställa, {}", unit.label());
    by_year("att-aterstalla", &title, years, unit, |row: &RestoreRow| row.title().to_owned(), |row, y| row.value(y))
        .build(rows.iter().map(|(row, shape)| (row, shape.clone())))
}

/// A table with the row's title, then one amount column per year holding `value(row, year)`.
fn by_year<'a, R>(
    id: &str,
    title: &str,
    years: &'a [YearFigures<'_>],
    unit: &Unit,
    row_title: impl Fn(&R) -> String + 'a,
    value: impl Fn(&R, &YearFigures<'_>) -> f64 + Copy + 'a,
) -> TableBuilder<'a, R> {
    let builder = TableBuilder::new(id, title)
        .column(text_col("post", "Balanskravsutredning"), move |row| TableCell::Text(row_title(row)));
    years.iter().fold(builder, |builder, y| {
        builder.column(amount_col(&format!("ar_{}", y.year()), &y.label(), unit, None), move |row: &R| {
            TableCell::number(Some(value(row, y)))
        })
    })
}

/// The reserve per year: balances, movements, the cap and the room under it.
pub(super) fn reserve(reserve: &[ReserveYear], reserve_name: &str, unit: &Unit) -> Table {
    let cap_title = format!("Tak, {}", format::percent(CAP_PERCENT, 0));
    TableBuilder::new("reserv", format!("{} vid årets slut och taket, {}", capitalised(reserve_name), unit.label()))
        .column(text_col("ar", "År"), |r: &ReserveYear| TableCell::Text(r.year.to_string()))
        .column(amount_col("ingaende", "Vid årets början", unit, None), |r| TableCell::number(r.opening))
        .column(amount_col("avsattning", "Avsättning", unit, None), |r| TableCell::number(Some(r.to)))
        .column(amount_col("ianspraktagande", "Ianspråktagande", unit, None), |r| {
            TableCell::number(Some(if r.from == 0.0 { 0.0 } else { -r.from }))
        })
        .column(amount_col("utgaende", "Vid årets slut", unit, None), |r| TableCell::number(r.closing))
        .column(amount_col("skatter_bidrag", "Skatteintäkter och generella statsbidrag", unit, None), |r| {
            TableCell::number(r.base)
        })
        .column(amount_col("tak", &cap_title, unit, None), |r| TableCell::number(r.cap))
        .column(amount_col("utrymme", "Utrymme under taket", unit, Some(diff("tak", "utgaende"))), |r| {
            TableCell::number(r.cap.zip(r.closing).map(|(cap, c)| clean(cap - c)))
        })
        .column(status_col("status", "Tak"), cap_status)
        .build(reserve.iter().map(|r| (r, RowShape::data())))
}

/// "Inom taket", "Över taket", or "Kan inte prövas" for a year with a cap but a figure missing.
fn cap_status(r: &ReserveYear) -> TableCell {
    let status = |status, label: &str| TableCell::Status { status, label: label.into() };
    match r.over_cap() {
        Some(false) => status(Status::Good, "Inom taket"),
        Some(true) => status(Status::Bad, "Över taket"),
        None if r.is_capped() => status(Status::Neutral, "Kan inte prövas"),
        None => TableCell::Empty,
    }
}

/// The result in percent of skatteintäkter and generella statsbidrag per year, against the goal.
pub(super) fn goal(goal: &Goal, unit: &Unit) -> Table {
    let percent = goal.percent;
    let title =
        format!("Resultat i procent av skatteintäkter och generella statsbidrag (mål {})", format::percent(percent, 1));
    let share = ColumnFormula::Percent { a: "resultat".into(), b: "skatter_bidrag".into() };
    TableBuilder::new("resultatmal", title)
        .column(text_col("ar", "År"), |y: &GoalYear| TableCell::Text(y.year.to_string()))
        .column(amount_col("resultat", "Årets resultat", unit, None), |y| TableCell::number(y.result))
        .column(amount_col("skatter_bidrag", "Skatteintäkter och generella statsbidrag", unit, None), |y| {
            TableCell::number(y.base)
        })
        .column(percent_col("andel", "Resultat, %", Some(share)), |y| TableCell::number(y.ratio))
        .column(status_col("status", "Mål"), move |y| {
            y.status(percent)
                .map_or(TableCell::Empty, |(status, label)| TableCell::Status { status, label: label.into() })
        })
        .build(goal.years.iter().map(|y| (y, RowShape::data())))
}
