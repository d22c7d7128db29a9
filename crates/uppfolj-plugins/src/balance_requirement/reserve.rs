//! The reserve (resultatutjämningsreserv, from 2024 resultatreserv) from year to year: its
//! balance rolled forward from the opening balance with each year's avsättning and
//! ianspråktagande, checked against the file's own balances and, from 2024, against the cap of 5 %
//! of skatteintäkter + generella statsbidrag och utjämning.

use super::deficits::clean;
use super::lines::Line;
use super::read::{Sheet, Year};
use super::text::join_years;
use uppfolj_plugin::kit::amount;
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::Diagnostic;
use uppfolj_plugin::model::unit::Unit;

/// The first year of the resultatreserv, whose balance has a cap.
pub(super) const CAP_FROM: i32 = 2024;
/// The cap of the resultatreserv, in percent of skatteintäkter + generella statsbidrag och utjämning.
pub(super) const CAP_PERCENT: f64 = 5.0;

/// The reserve in one year.
#[derive(Debug, Clone, Default)]
pub(super) struct ReserveYear {
    pub year: i32,
    /// Balance at the start of the year, when known.
    pub opening: Option<f64>,
    /// Medel till reserven (avsättning), positive.
    pub to: f64,
    /// Medel från reserven (ianspråktagande), positive.
    pub from: f64,
    /// Balance at the end of the year, when known.
    pub closing: Option<f64>,
    /// Skatteintäkter + generella statsbidrag och utjämning, when known.
    pub base: Option<f64>,
    /// The cap: 5 % of `base`, for years from 2024.
    pub cap: Option<f64>,
}

impl ReserveYear {
    /// Whether the balance at year end is above the cap; `None` when either is unknown.
    pub(super) fn over_cap(&self) -> Option<bool> {
        Some(self.closing? > self.cap? + 1e-9)
    }

    /// Whether the year has a cap in law (from 2024), known or not.
    pub(super) fn is_capped(&self) -> bool {
        self.year >= CAP_FROM
    }

    /// Whether anything moves the reserve this year.
    fn moves(&self) -> bool {
        self.to != 0.0 || self.from != 0.0
    }
}

/// The reserve's name in `year`, definite form: "resultatreserven" from 2024, else
/// "resultatutjämningsreserven".
pub(super) fn reserve_in(year: i32) -> &'static str {
    if year >= CAP_FROM { "resultatreserven" } else { "resultatutjämningsreserven" }
}

/// The reserve's name in `year`, indefinite form: "resultatreserv" from 2024, else
/// "resultatutjämningsreserv".
fn reserve_indefinite(year: i32) -> &'static str {
    if year >= CAP_FROM { "resultatreserv" } else { "resultatutjämningsreserv" }
}

/// Whether the report shows the reserve: when a year has a cap, or the reserve has a balance or
/// moves.
pub(super) fn shown(reserve: &[ReserveYear]) -> bool {
    reserve.iter().any(|r| r.is_capped() || r.closing.is_some() || r.moves())
}

/// Rolls the reserve forward over the years of `sheet`: opening balance (a row of the file, else
/// the previous year's closing, else `opening_param` for the first year), plus avsättning, minus
/// ianspråktagande; a closing-balance row of the file wins over the roll-forward. Checks the cap
/// from 2024 against `bases` (one per year) and pushes the warnings and the one note on missing
/// figures to `diags`.
pub(super) fn follow(
    sheet: &Sheet<'_>,
    bases: &[Option<f64>],
    opening_param: Option<f64>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ReserveYear> {
    let mut out: Vec<ReserveYear> = Vec::with_capacity(sheet.years.len());
    for (i, y) in sheet.years.iter().enumerate() {
        let carried = if i == 0 { opening_param } else { out.last().and_then(|r| r.closing) };
        let base = bases.get(i).copied().flatten();
        let reserve = roll(y, Carried { balance: carried, from_param: i == 0 }, base, sheet, diags);
        check(&reserve, y, sheet, diags);
        out.push(reserve);
    }
    diags.extend(missing_note(&out, sheet));
    out
}

/// The balance carried into a year: the previous year's closing, or the parameter for the first
/// year.
#[derive(Debug, Clone, Copy)]
struct Carried {
    balance: Option<f64>,
    from_param: bool,
}

/// The reserve in year `y`, from the balance `carried` into it and the file's rows; warns where
/// the file's opening or closing balance disagrees with the roll-forward (the file wins).
fn roll(y: &Year, carried: Carried, base: Option<f64>, sheet: &Sheet<'_>, diags: &mut Vec<Diagnostic>) -> ReserveYear {
    let (unit, plain) = (&sheet.unit, reserve_indefinite(y.year));
    let to = clean(y.signed(Line::ToReserve, 1.0));
    let from = clean(y.signed(Line::FromReserve, 1.0));
    let file_opening = y.get(Line::ReserveOpening).map(f64::abs);
    let file_closing = y.get(Line::ReserveClosing).map(f64::abs);
    if let (Some(f), Some(c)) = (file_opening, carried.balance)
        && (f - c).abs() > 0.05
    {
        let message = if carried.from_param {
            format!(
                "Inställningen 'Resultatreserv (RUR) vid första årets början' ({}) används inte: filen anger ingående {plain} {} för {}.",
                amount(c, unit),
                amount(f, unit),
                y.year
            )
        } else {
            format!(
                "{}: filen anger ingående {plain} {} men föregående års utgående balans är {}. \
                 Rapporten använder filens värde.",
                y.year,
                amount(f, unit),
                amount(c, unit)
            )
        };
        diags.push(Diagnostic::warning(message).at(&sheet.ds.source, y.cell(Line::ReserveOpening)));
    }
    let mut opening = file_opening.or(carried.balance);
    let rolled = opening.map(|o| clean(o + to - from));
    if let (Some(f), Some(r), Some(o)) = (file_closing, rolled, opening)
        && (f - r).abs() > 0.05
    {
        diags.push(
            Diagnostic::warning(format!(
                "{}: filen anger utgående {plain} {} men ingående balans {}, avsättning {} och \
                 ianspråktagande {} ger {}. Rapporten använder filens värde.",
                y.year,
                amount(f, unit),
                amount(o, unit),
                amount(to, unit),
                amount(from, unit),
                amount(r, unit)
            ))
            .at(&sheet.ds.source, y.cell(Line::ReserveClosing)),
        );
    }
    let closing = file_closing.or(rolled);
    if opening.is_none()
        && let Some(c) = file_closing
    {
        opening = Some(clean(c - to + from));
    }
    let cap = base.filter(|_| y.year >= CAP_FROM).map(|b| clean(b * CAP_PERCENT / 100.0));
    ReserveYear { year: y.year, opening, to, from, closing, base, cap }
}

/// Warnings when the reserve turns negative, and when it (or, with its balance unknown, the
/// year's avsättning alone) exceeds the cap.
fn check(r: &ReserveYear, y: &Year, sheet: &Sheet<'_>, diags: &mut Vec<Diagnostic>) {
    let (unit, name, source) = (&sheet.unit, reserve_in(r.year), &sheet.ds.source);
    let at = y.cell(Line::ReserveClosing).or_else(|| y.cell(Line::ToReserve));
    if let Some(c) = r.closing.filter(|c| *c < -0.05) {
        diags.push(
            Diagnostic::warning(format!(
                "{}: {name} blir negativ vid årets slut ({}): mer har tagits i anspråk än reserven innehöll. \
                 Kontrollera ingående balans (raden 'Ingående {}' eller inställningen 'Resultatreserv (RUR) vid första årets början') och \
                 raderna för medel till och från reserven.",
                r.year,
                amount(c, unit),
                reserve_indefinite(r.year)
            ))
            .at(source, at),
        );
    }
    let share = format::percent(CAP_PERCENT, 0);
    match (r.closing, r.cap, r.base) {
        (Some(c), Some(cap), Some(b)) if c > cap + 1e-9 => diags.push(
            Diagnostic::warning(format!(
                "{}: {name} vid årets slut, {}, överstiger taket {} ({share} av skatteintäkter och generella \
                 statsbidrag och utjämning, {}) med {}.",
                r.year,
                amount(c, unit),
                amount(cap, unit),
                amount(b, unit),
                amount(c - cap, unit)
            ))
            .at(source, at),
        ),
        (None, Some(cap), Some(b)) if r.to > cap + 1e-9 => diags.push(
            Diagnostic::warning(format!(
                "{}: avsättningen till {name}, {}, överstiger ensam taket {} ({share} av skatteintäkter och \
                 generella statsbidrag och utjämning, {}).",
                r.year,
                amount(r.to, unit),
                amount(cap, unit),
                amount(b, unit)
            ))
            .at(source, y.cell(Line::ToReserve)),
        ),
        _ => {}
    }
}

/// One note on what is missing to check the cap (or to show the balance), and how to give it.
fn missing_note(reserve: &[ReserveYear], sheet: &Sheet<'_>) -> Option<Diagnostic> {
    let (first, last) = sheet.first_and_last_year();
    let how_opening = how_to_give_opening(first, &sheet.unit);
    let unchecked: Vec<&ReserveYear> =
        reserve.iter().filter(|r| r.is_capped() && (r.closing.is_none() || r.cap.is_none())).collect();
    if unchecked.is_empty() {
        let unknown: Vec<i32> = reserve.iter().filter(|r| r.closing.is_none()).map(|r| r.year).collect();
        let moves = reserve.iter().any(ReserveYear::moves);
        return (moves && !unknown.is_empty()).then(|| {
            Diagnostic::info(format!(
                "Reservens balans kan inte visas för {}: ingående balans saknas – {how_opening}.",
                join_years(&unknown)
            ))
        });
    }
    let mut missing = Vec::new();
    if unchecked.iter().any(|r| r.closing.is_none()) {
        missing.push(format!("reservens balans saknas – {how_opening}"));
    }
    if unchecked.iter().any(|r| r.cap.is_none()) {
        missing.push(format!(
            "skatteintäkter och generella statsbidrag saknas – lägg till raderna 'Skatteintäkter' och \
             'Generella statsbidrag och utjämning' eller ange inställningen 'Skatteintäkter och generella statsbidrag, sista året' (summan för {last}, i {})",
            sheet.unit.label()
        ));
    }
    Some(Diagnostic::info(format!(
        "Resultatreservens tak ({} av skatteintäkter och generella statsbidrag och utjämning) kan inte prövas \
         för {}: {}.",
        format::percent(CAP_PERCENT, 0),
        join_years(&unchecked.iter().map(|r| r.year).collect::<Vec<_>>()),
        missing.join("; ")
    )))
}

/// How to give the reserve's opening balance for the first year `first`.
fn how_to_give_opening(first: i32, unit: &Unit) -> String {
    format!(
        "lägg till raden 'Resultatreserv, ingående balans' (eller 'Ingående resultatutjämningsreserv') för {first} \
         eller en rad med reservens balans vid årets slut ('Ackumulerad resultatutjämningsreserv'), eller ange \
         inställningen 'Resultatreserv (RUR) vid första årets början' (reservens balans vid början av {first}, i {})",
        unit.label()
    )
}
