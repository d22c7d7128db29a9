//! # Balanskravsutredning (`balance-requirement`)
//!
//! ## What it does
//! Computes the balance requirement of kommunallagen 11 kap. for several years: årets resultat
//! efter balanskravsjusteringar, årets balanskravsresultat, the deficits carried from earlier years,
//! netted against later surpluses (oldest first), and the amount still to restore with the year by
//! which it must be restored (three years after the deficit arose). Follows the reserve
//! (resultatutjämningsreserv, from 2024 resultatreserv) from year to year and checks the cap of the
//! resultatreserv: at most 5 % of skatteintäkter + generella statsbidrag och utjämning. Optionally
//! checks the common financial goal "result ≥ 2 % of skatteintäkter + generella statsbidrag och
//! utjämning".
//!
//! ## Why
//! The balanskravsutredning is a required part of the förvaltningsberättelse; the carried
//! deficits and their deadlines are what auditors and the council look for, and they are easy to
//! get wrong over several years. The same goes for the reserve: its balance is the sum of every
//! earlier year's avsättning and ianspråktagande, and from 2024 it has a cap.
//!
//! ## Input
//! The table in the row layout of a Swedish annual report: row texts in the first column, one
//! column per year (headers "2021", "2022", … or "Bokslut 2023"). Recognised rows (signs are taken
//! from the row's meaning, so both "−3,1" and "3,1" work for a deduction):
//!
//! | Row text contains | Effect |
//! |---|---|
//! | Årets resultat | start |
//! | Samtliga realisationsvinster | − |
//! | Realisationsvinster enligt undantagsmöjlighet | + |
//! | Realisationsförluster enligt undantagsmöjlighet | + |
//! | Orealiserade förluster i värdepapper | + |
//! | Återföring av orealiserade förluster i värdepapper | − |
//! | Medel till resultatutjämningsreserv / resultatreserv (RUR); avsättning, reservering | − (adds to the reserve) |
//! | Medel från resultatutjämningsreserv / resultatreserv (RUR); ianspråktagande, användning, disponering, uttag | + (takes from the reserve) |
//! | Reserve + "ingående", "vid årets början", "balanserad" ("Resultatreserv, ingående balans", "Ingående resultatutjämningsreserv", "Balanserad resultatreserv") | reserve balance at the start of the year |
//! | Reserve + "utgående", "vid årets slut", "ackumulerad" ("Ackumulerad resultatutjämningsreserv", "Resultatreserv vid årets slut") | reserve balance at the end of the year |
//! | Synnerliga skäl | reduces the amount to restore |
//! | Skatteintäkter; Generella statsbidrag och utjämning | base of the 2 % goal and of the reserve cap |
//!
//! The file's own rows "Årets resultat efter balanskravsjusteringar" and "Årets
//! balanskravsresultat" are not summed again; they are checked against the computation.
//! A missing row counts as zero and is listed in the diagnostics.
//!
//! ## The reserve and its cap
//! The reserve at the end of a year is its balance at the start of the year plus that year's
//! "medel till" minus its "medel från". The balance at the start of the first year comes from an
//! opening-balance row, else from the parameter `reserve_opening`; a later year starts from the
//! previous year's end (an opening-balance row for that year is checked against it). A
//! closing-balance row in the file is used as it stands (and checked against the roll-forward);
//! with a closing row alone, the opening balance is derived from it.
//!
//! For every year from 2024 the balance at year end is compared with the cap, 5 % of that year's
//! skatteintäkter + generella statsbidrag och utjämning, and shown as "Inom taket" / "Över taket";
//! a warning names the year and the amounts when the balance exceeds the cap, and also when the
//! balance is unknown but the year's avsättning alone exceeds it. A warning is also given when the
//! balance turns negative (more taken than the reserve held).
//!
//! The cap is checked only from 2024, when the resultatreserv replaced the
//! resultatutjämningsreserv (RUR). Before 2024 the law limited the RUR by other rules (on how much
//! of a year's result could be reserved), which this plugin does not check; for those years the
//! balance is shown without a cap. Whether a RUR balance carried into 2024 above the cap is allowed
//! under transitional rules is not judged either: the plugin reports the figures.
//!
//! When a year from 2024 cannot be checked, one note says what is missing (the opening balance or
//! the tax base) and which row or parameter gives it.
//!
//! ## Parameters
//! - `goal` — the result goal in percent of skatteintäkter + generella statsbidrag (e.g. `2`); off
//!   by default.
//! - `opening_deficit` — a deficit to restore carried from before the first year in the file.
//! - `reserve_opening` — the reserve's balance at the start of the first year in the file, in the
//!   file's unit, when the file has no opening- or closing-balance row for it.
//! - `tax_base` — skatteintäkter + generella statsbidrag och utjämning of the last year in the file,
//!   in the file's unit, when the file lacks those rows; used for the 2 % goal and the reserve cap.
//!
//! ## Example
//! ```text
//! uppfolj run balance-requirement samples/balanskravsutredning_2021_2024.xlsx --param goal=2
//! uppfolj run balance-requirement samples/balanskravsutredning_2021_2024.xlsx --param reserve_opening=200
//! ```
//! For the sample, 2023's balanskravsresultat of −525,5 mnkr is reduced by 2024's 7,0 mnkr, so
//! 518,5 mnkr remain to be restored by 2026. The sample has no reserve balance, so the note asks
//! for one; with `reserve_opening=200` the reserve is 350,0 mnkr at the end of 2021 (200 + 150),
//! 311,4 after 2022, 161,4 after 2023 and 2024, within the 2024 cap of 515,9 mnkr
//! (5 % of 7 402,8 + 2 915,1).

use crate::common::{self, amount, amount_col, cell_at, column_year, label_column, norm, num_at, text_at, text_col};
use uppfolj_plugin::model::dataset::{CellRef, Dataset, DatasetKind, Value};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{
    Block, Chart, ChartKind, Diagnostic, KeyFigure, ProvenanceNote, ReferenceLine, Row, RowKindOut, Section, Series,
    Status, Table, TableCell, Text,
};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, Need, ParamKind, ParamSpec, Params, PluginError, PluginMeta,
    ReportPlugin, require,
};

/// The balance-requirement plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct BalanceRequirement;

/// The lines of a balanskravsutredning, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Result,
    GainsAll,
    GainsException,
    LossesException,
    UnrealisedLoss,
    UnrealisedReversal,
    AfterAdjustments,
    ToReserve,
    FromReserve,
    ReserveOpening,
    ReserveClosing,
    BalanceResult,
    Special,
    ToRestore,
    Tax,
    Grants,
}

impl Line {
    /// Lines summed into "årets resultat efter balanskravsjusteringar", with their sign.
    const ADJUSTMENTS: [(Line, f64); 6] = [
        (Line::Result, 0.0),
        (Line::GainsAll, -1.0),
        (Line::GainsException, 1.0),
        (Line::LossesException, 1.0),
        (Line::UnrealisedLoss, 1.0),
        (Line::UnrealisedReversal, -1.0),
    ];

    /// Reserve transfers added to the adjusted result to give the balanskravsresultat, with their
    /// sign.
    const RESERVES: [(Line, f64); 2] = [(Line::ToReserve, -1.0), (Line::FromReserve, 1.0)];

    fn title(self, reserve: &str) -> String {
        match self {
            Line::Result => "Årets resultat".into(),
            Line::GainsAll => "Samtliga realisationsvinster".into(),
            Line::GainsException => "Realisationsvinster enligt undantagsmöjlighet".into(),
            Line::LossesException => "Realisationsförluster enligt undantagsmöjlighet".into(),
            Line::UnrealisedLoss => "Orealiserade förluster i värdepapper".into(),
            Line::UnrealisedReversal => "Återföring av orealiserade förluster i värdepapper".into(),
            Line::AfterAdjustments => "Årets resultat efter balanskravsjusteringar".into(),
            Line::ToReserve => format!("Medel till {reserve}"),
            Line::FromReserve => format!("Medel från {reserve}"),
            Line::ReserveOpening => format!("Ingående {reserve}"),
            Line::ReserveClosing => format!("Utgående {reserve}"),
            Line::BalanceResult => "Årets balanskravsresultat".into(),
            Line::Special => "Synnerliga skäl".into(),
            Line::ToRestore => "Balanskravsresultat att återställa".into(),
            Line::Tax => "Skatteintäkter".into(),
            Line::Grants => "Generella statsbidrag och utjämning".into(),
        }
    }

    /// The line a row text stands for.
    fn recognise(label: &str) -> Option<Line> {
        let t = norm(label);
        let reserve = t.contains("resultatutjämningsreserv") || has_word(&t, "rur") || t.contains("resultatreserv");
        let line = if t.contains("efter balanskravsjustering") {
            Line::AfterAdjustments
        } else if t.contains("återställa") {
            Line::ToRestore
        } else if t.contains("synnerliga skäl") {
            Line::Special
        } else if t.contains("balanskravsresultat") {
            Line::BalanceResult
        } else if reserve
            && (t.contains("ingående")
                || t.contains("vid årets början")
                || t.contains("balanserad")
                || has_word(&t, "ib"))
        {
            Line::ReserveOpening
        } else if reserve
            && (t.contains("utgående")
                || t.contains("vid årets slut")
                || t.contains("vid årsskiftet")
                || t.contains("ackumulerad")
                || has_word(&t, "ub"))
        {
            Line::ReserveClosing
        } else if reserve
            && (t.contains("från")
                || t.contains("ianspråk")
                || t.contains("dispon")
                || t.contains("uttag")
                || t.contains("användning"))
        {
            Line::FromReserve
        } else if reserve && (t.contains("till") || t.contains("avsättning") || t.contains("reservering")) {
            Line::ToReserve
        } else if t.contains("orealiserade") && t.contains("återföring") {
            Line::UnrealisedReversal
        } else if t.contains("orealiserade förlust") {
            Line::UnrealisedLoss
        } else if t.contains("realisationsvinst") && t.contains("undantag") {
            Line::GainsException
        } else if t.contains("realisationsförlust") && t.contains("undantag") {
            Line::LossesException
        } else if t.contains("realisationsvinst") {
            Line::GainsAll
        } else if t.starts_with("årets resultat") || t == "resultat" {
            Line::Result
        } else if t.starts_with("skatteintäkter") {
            Line::Tax
        } else if t.starts_with("generella statsbidrag") {
            Line::Grants
        } else {
            return None;
        };
        Some(line)
    }
}

/// One year of the computation.
#[derive(Debug, Clone, Default)]
struct YearCalc {
    year: i32,
    /// Amount per line as read, before signs; `None` when the row is missing or empty.
    values: Vec<(Line, Option<f64>, Option<CellRef>)>,
    after_adjustments: f64,
    balance_result: f64,
    opening: f64,
    restored: f64,
    special: f64,
    closing: f64,
}

impl YearCalc {
    fn get(&self, line: Line) -> Option<f64> {
        self.values.iter().filter(|(l, _, _)| *l == line).filter_map(|(_, v, _)| *v).reduce(|a, b| a + b)
    }

    fn signed(&self, line: Line, sign: f64) -> f64 {
        self.get(line).map_or(0.0, |v| if sign == 0.0 { v } else { sign * v.abs() })
    }
}

impl ReportPlugin for BalanceRequirement {
    fn meta(&self) -> PluginMeta {
        PluginMeta {
            id: "balance-requirement".into(),
            name_sv: "Balanskravsutredning".into(),
            name_en: "Balance requirement".into(),
            description_sv: "Balanskravsutredning enligt kommunallagen för flera år: balanskravsresultat, \
                             underskott att återställa inom tre år, resultatutjämningsreserv eller resultatreserv, \
                             och om så önskas målet om resultat i procent av skatteintäkter och statsbidrag."
                .into(),
            description_en: "Balance requirement under the Swedish Local Government Act over several years: \
                             balance result, deficits to restore within three years, reserves, optional 2 % goal."
                .into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("balance", "Balanskravsutredning: radtexter och en kolumn per år")
                .kind(DatasetKind::Table)
                .requires([Need::RowText("årets resultat".into()), Need::YearColumns(1)]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec {
                key: "goal".into(),
                label_sv: "Resultatmål (% av skatteintäkter och statsbidrag)".into(),
                help_sv: "T.ex. 2 för målet att resultatet ska vara minst 2 % av skatteintäkter och generella statsbidrag.".into(),
                kind: ParamKind::Number { min: Some(-100.0), max: Some(100.0) },
                default: None,
            },
            ParamSpec {
                key: "opening_deficit".into(),
                label_sv: "Underskott att återställa från tidigare år".into(),
                help_sv: "Ett underskott från före filens första år, i filens enhet (positivt tal).".into(),
                kind: ParamKind::Number { min: Some(0.0), max: None },
                default: None,
            },
            ParamSpec {
                key: "reserve_opening".into(),
                label_sv: "Resultatreserv (RUR) vid första årets början".into(),
                help_sv: "Reservens ingående balans vid början av filens första år, i filens enhet. Behövs när filen \
                          saknar en rad som 'Resultatreserv, ingående balans' eller 'Ackumulerad resultatutjämningsreserv'.".into(),
                kind: ParamKind::Number { min: Some(0.0), max: None },
                default: None,
            },
            ParamSpec {
                key: "tax_base".into(),
                label_sv: "Skatteintäkter och generella statsbidrag, sista året".into(),
                help_sv: "Skatteintäkter + generella statsbidrag och utjämning för filens sista år, i filens enhet. \
                          Behövs för resultatmålet och resultatreservens tak (5 %) när filen saknar de raderna.".into(),
                kind: ParamKind::Number { min: Some(0.0), max: None },
                default: None,
            },
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Balanskravsutredning 2021–2024 med 2 %-målet")
                .sample("samples/balanskravsutredning_2021_2024.xlsx")
                .param("goal", "2"),
            Example::new("Med ett underskott från 2020 att återställa")
                .sample("samples/balanskravsutredning_2021_2024.xlsx")
                .param("opening_deficit", "40"),
            Example::new("Med resultatreservens ingående balans 2021, så att taket på 5 % kan prövas för 2024")
                .sample("samples/balanskravsutredning_2021_2024.xlsx")
                .param("reserve_opening", "200"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        compute(self, ds, params)
    }
}

/// Whether `text` has `word` as a whole word ("medel till RUR").
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w == word)
}

/// `v` rounded to 9 decimals, so that float dust does not create a deficit of 0,000000000001.
fn clean(v: f64) -> f64 {
    let r = (v * 1e9).round() / 1e9;
    if r == 0.0 { 0.0 } else { r }
}

/// The first year of the resultatreserv, whose balance has a cap.
const CAP_FROM: i32 = 2024;
/// The cap of the resultatreserv, in percent of skatteintäkter + generella statsbidrag och utjämning.
const CAP_PERCENT: f64 = 5.0;

/// The reserve in one year.
#[derive(Debug, Clone, Default)]
struct ReserveYear {
    year: i32,
    /// Balance at the start of the year, when known.
    opening: Option<f64>,
    /// Medel till reserven (avsättning), positive.
    to: f64,
    /// Medel från reserven (ianspråktagande), positive.
    from: f64,
    /// Balance at the end of the year, when known.
    closing: Option<f64>,
    /// Skatteintäkter + generella statsbidrag och utjämning, when known.
    base: Option<f64>,
    /// The cap: 5 % of `base`, for years from 2024.
    cap: Option<f64>,
}

impl ReserveYear {
    /// Whether the balance at year end is above the cap; `None` when either is unknown.
    fn over_cap(&self) -> Option<bool> {
        Some(self.closing? > self.cap? + 1e-9)
    }
}

/// The reserve's name in `year`, definite form: "resultatreserven" from 2024, else
/// "resultatutjämningsreserven".
fn reserve_in(year: i32) -> &'static str {
    if year >= CAP_FROM { "resultatreserven" } else { "resultatutjämningsreserven" }
}

/// The reserve's name in `year`, indefinite form: "resultatreserv" from 2024, else
/// "resultatutjämningsreserv".
fn reserve_indefinite(year: i32) -> &'static str {
    if year >= CAP_FROM { "resultatreserv" } else { "resultatutjämningsreserv" }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// "2024", "2024 och 2025", "2023, 2024 och 2025".
fn join_years(years: &[i32]) -> String {
    let texts: Vec<String> = years.iter().map(i32::to_string).collect();
    match texts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} och {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// Rolls the reserve forward over `years`: opening balance (a row of the file, else the previous
/// year's closing, else `opening_param` for the first year), plus avsättning, minus
/// ianspråktagande; a closing-balance row of the file wins over the roll-forward. Checks the cap
/// from 2024 against `bases` (one per year) and pushes the warnings and the one note on missing
/// figures to `diags`.
fn follow_reserve(
    years: &[YearCalc],
    bases: &[Option<f64>],
    opening_param: Option<f64>,
    ds: &Dataset,
    unit: &Unit,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ReserveYear> {
    let mut out: Vec<ReserveYear> = Vec::with_capacity(years.len());
    let mut previous: Option<f64> = None;
    for (i, y) in years.iter().enumerate() {
        let cell = |line: Line| y.values.iter().find(|(l, v, _)| *l == line && v.is_some()).and_then(|(_, _, at)| *at);
        let name = reserve_in(y.year);
        let plain = reserve_indefinite(y.year);
        let to = clean(y.signed(Line::ToReserve, 1.0));
        let from = clean(y.signed(Line::FromReserve, 1.0));
        let file_opening = y.get(Line::ReserveOpening).map(f64::abs);
        let file_closing = y.get(Line::ReserveClosing).map(f64::abs);
        let carried = if i == 0 { opening_param } else { previous };
        if let (Some(f), Some(c)) = (file_opening, carried)
            && (f - c).abs() > 0.05
        {
            let message = if i == 0 {
                format!(
                    "Parametern reserve_opening ({}) används inte: filen anger ingående {plain} {} för {}.",
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
            diags.push(Diagnostic::warning(message).at(&ds.source, cell(Line::ReserveOpening)));
        }
        let mut opening = file_opening.or(carried);
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
                .at(&ds.source, cell(Line::ReserveClosing)),
            );
        }
        let closing = file_closing.or(rolled);
        if opening.is_none()
            && let Some(c) = file_closing
        {
            opening = Some(clean(c - to + from));
        }
        let base = bases.get(i).copied().flatten();
        let cap = base.filter(|_| y.year >= CAP_FROM).map(|b| clean(b * CAP_PERCENT / 100.0));
        let at = cell(Line::ReserveClosing).or_else(|| cell(Line::ToReserve));
        if let Some(c) = closing.filter(|c| *c < -0.05) {
            diags.push(
                Diagnostic::warning(format!(
                    "{}: {name} blir negativ vid årets slut ({}): mer har tagits i anspråk än reserven innehöll. \
                     Kontrollera ingående balans (raden 'Ingående {plain}' eller parametern reserve_opening) och \
                     raderna för medel till och från reserven.",
                    y.year,
                    amount(c, unit)
                ))
                .at(&ds.source, at),
            );
        }
        match (closing, cap, base) {
            (Some(c), Some(cap), Some(b)) if c > cap + 1e-9 => diags.push(
                Diagnostic::warning(format!(
                    "{}: {name} vid årets slut, {}, överstiger taket {} ({} av skatteintäkter och generella \
                     statsbidrag och utjämning, {}) med {}.",
                    y.year,
                    amount(c, unit),
                    amount(cap, unit),
                    format::percent(CAP_PERCENT, 0),
                    amount(b, unit),
                    amount(c - cap, unit)
                ))
                .at(&ds.source, at),
            ),
            (None, Some(cap), Some(b)) if to > cap + 1e-9 => diags.push(
                Diagnostic::warning(format!(
                    "{}: avsättningen till {name}, {}, överstiger ensam taket {} ({} av skatteintäkter och \
                     generella statsbidrag och utjämning, {}).",
                    y.year,
                    amount(to, unit),
                    amount(cap, unit),
                    format::percent(CAP_PERCENT, 0),
                    amount(b, unit)
                ))
                .at(&ds.source, cell(Line::ToReserve)),
            ),
            _ => {}
        }
        previous = closing;
        out.push(ReserveYear { year: y.year, opening, to, from, closing, base, cap });
    }

    // One note on what is missing, and how to give it.
    let first = years.first().map_or(0, |y| y.year);
    let last = years.last().map_or(0, |y| y.year);
    let how_opening = format!(
        "lägg till raden 'Resultatreserv, ingående balans' (eller 'Ingående resultatutjämningsreserv') för {first} \
         eller en rad med reservens balans vid årets slut ('Ackumulerad resultatutjämningsreserv'), eller ange \
         parametern reserve_opening (reservens balans vid början av {first}, i {})",
        unit.label()
    );
    let unchecked: Vec<&ReserveYear> =
        out.iter().filter(|r| r.year >= CAP_FROM && (r.closing.is_none() || r.cap.is_none())).collect();
    if !unchecked.is_empty() {
        let mut missing = Vec::new();
        if unchecked.iter().any(|r| r.closing.is_none()) {
            missing.push(format!("reservens balans saknas – {how_opening}"));
        }
        if unchecked.iter().any(|r| r.cap.is_none()) {
            missing.push(format!(
                "skatteintäkter och generella statsbidrag saknas – lägg till raderna 'Skatteintäkter' och \
                 'Generella statsbidrag och utjämning' eller ange parametern tax_base (summan för {last}, i {})",
                unit.label()
            ));
        }
        diags.push(Diagnostic::info(format!(
            "Resultatreservens tak ({} av skatteintäkter och generella statsbidrag och utjämning) kan inte prövas \
             för {}: {}.",
            format::percent(CAP_PERCENT, 0),
            join_years(&unchecked.iter().map(|r| r.year).collect::<Vec<_>>()),
            missing.join("; ")
        )));
    } else {
        let moves = out.iter().any(|r| r.to != 0.0 || r.from != 0.0);
        let unknown: Vec<i32> = out.iter().filter(|r| r.closing.is_none()).map(|r| r.year).collect();
        if moves && !unknown.is_empty() {
            diags.push(Diagnostic::info(format!(
                "Reservens balans kan inte visas för {}: ingående balans saknas – {how_opening}.",
                join_years(&unknown)
            )));
        }
    }
    out
}

/// The section on the reserve: one row per year with the balance, the cap and the status.
fn reserve_section(reserve: &[ReserveYear], reserve_name: &str, unit: &Unit) -> Section {
    let cap_title = format!("Tak, {}", format::percent(CAP_PERCENT, 0));
    let rows = reserve
        .iter()
        .map(|r| {
            let status = match r.over_cap() {
                Some(false) => TableCell::Status { status: Status::Good, label: "Inom taket".into() },
                Some(true) => TableCell::Status { status: Status::Bad, label: "Över taket".into() },
                None if r.year >= CAP_FROM => {
                    TableCell::Status { status: Status::Neutral, label: "Kan inte prövas".into() }
                }
                None => TableCell::Empty,
            };
            Row {
                cells: vec![
                    TableCell::Text(r.year.to_string()),
                    TableCell::number(r.opening),
                    TableCell::number(Some(r.to)),
                    TableCell::number(Some(if r.from == 0.0 { 0.0 } else { -r.from })),
                    TableCell::number(r.closing),
                    TableCell::number(r.base),
                    TableCell::number(r.cap),
                    TableCell::number(r.cap.zip(r.closing).map(|(cap, c)| clean(cap - c))),
                    status,
                ],
                level: 0,
                kind: RowKindOut::Data,
                sum_of: vec![],
            }
        })
        .collect();
    let table = Table {
        id: "reserv".into(),
        title: format!("{} vid årets slut och taket, {}", capitalised(reserve_name), unit.label()),
        columns: vec![
            text_col("ar", "År"),
            amount_col("ingaende", "Vid årets början", unit, None),
            amount_col("avsattning", "Avsättning", unit, None),
            amount_col("ianspraktagande", "Ianspråktagande", unit, None),
            amount_col("utgaende", "Vid årets slut", unit, None),
            amount_col("skatter_bidrag", "Skatteintäkter och generella statsbidrag", unit, None),
            amount_col("tak", &cap_title, unit, None),
            amount_col("utrymme", "Utrymme under taket", unit, Some(common::diff("tak", "utgaende"))),
            common::status_col("status", "Tak"),
        ],
        rows,
    };
    let mut section = Section::new("reserv", capitalised(reserve_name));
    section.blocks.push(Block::Text(Text {
        paragraphs: vec![format!(
            "Från {CAP_FROM} ersätts resultatutjämningsreserven av en resultatreserv, som får uppgå till högst {} av \
             skatteintäkter och generella statsbidrag och utjämning (kommunallagen 11 kap.). Reserven vid årets slut \
             är ingående balans plus avsättning minus ianspråktagande. För åren före {CAP_FROM} prövas inget tak här.",
            format::percent(CAP_PERCENT, 0)
        )],
        generated: false,
    }));
    section.blocks.push(Block::Table(table));
    section
}

fn compute(plugin: &BalanceRequirement, ds: &Dataset, params: &Params) -> ComputeResult {
    let mut report = common::new_report(&plugin.meta(), "Balanskravsutredning", ds);
    let mut diags: Vec<Diagnostic> = Vec::new();
    let label_col = label_column(ds, &[]);
    let mut year_cols: Vec<(i32, usize)> = (0..ds.columns.len())
        .filter(|&c| Some(c) != label_col)
        .filter_map(|c| column_year(ds, c).map(|y| (y, c)))
        .filter(|&(_, c)| (0..ds.rows.len()).any(|r| matches!(ds.value(r, c), Some(Value::Number { .. }))))
        .collect();
    // Years written as numbers in a row the import took for data ("Balanskravsutredning | 2021 | 2022").
    let mut year_row = None;
    if year_cols.is_empty() {
        let is_year = |v: f64| v.fract() == 0.0 && (1990.0..=2100.0).contains(&v);
        for r in 0..ds.rows.len().min(6) {
            let found: Vec<(i32, usize)> = (0..ds.columns.len())
                .filter(|&c| Some(c) != label_col)
                .filter_map(|c| num_at(ds, r, Some(c)).filter(|v| is_year(*v)).map(|v| (v as i32, c)))
                .collect();
            if found.len() >= 2 {
                year_cols = found;
                year_row = Some(r);
                break;
            }
        }
    }
    year_cols.sort();
    year_cols.dedup_by_key(|(y, _)| *y);
    if year_cols.is_empty() {
        return Err(PluginError::Other(format!(
            "{}: hittar inga årskolumner. Rubrikerna ska vara årtal ('2023', '2024' eller 'Bokslut 2024').",
            ds.source
        )));
    }
    let unit = common::unit_of(ds, year_cols.first().map(|(_, c)| *c)).unwrap_or_else(|| {
        diags.push(Diagnostic::warning("Filen anger ingen enhet (t.ex. 'Belopp i mnkr'); beloppen visas som de står."));
        Unit::Other("enhet okänd".into())
    });

    // Recognised rows.
    let mut recognised: Vec<(Line, usize)> = Vec::new();
    for i in 0..ds.rows.len() {
        if year_row.is_some_and(|h| i <= h) {
            continue;
        }
        let label = text_at(ds, i, label_col);
        if let Some(line) = Line::recognise(&label) {
            recognised.push((line, i));
        } else if !label.is_empty() && year_cols.iter().any(|(_, c)| num_at(ds, i, Some(*c)).is_some_and(|v| v != 0.0))
        {
            diags.push(
                Diagnostic::warning(format!(
                    "Raden '{label}' känns inte igen som en rad i balanskravsutredningen och räknas inte med. \
                     Skriv om radtexten (se pluginets dokumentation) om den ska ingå."
                ))
                .at(&ds.source, cell_at(ds, i, label_col)),
            );
        }
    }
    let uses_new_reserve = (0..ds.rows.len()).any(|i| norm(&text_at(ds, i, label_col)).contains("resultatreserv"));
    let uses_rur = (0..ds.rows.len()).any(|i| {
        let t = norm(&text_at(ds, i, label_col));
        t.contains("resultatutjämningsreserv") || has_word(&t, "rur")
    });
    let reserve_name = match (uses_rur, uses_new_reserve) {
        (true, true) => "resultatutjämningsreserv/resultatreserv",
        (false, true) => "resultatreserv",
        _ => "resultatutjämningsreserv (RUR)",
    };

    // Per year.
    let mut years: Vec<YearCalc> = year_cols
        .iter()
        .map(|&(year, col)| YearCalc {
            year,
            values: recognised
                .iter()
                .map(|&(line, row)| (line, num_at(ds, row, Some(col)), cell_at(ds, row, Some(col))))
                .collect(),
            ..YearCalc::default()
        })
        .collect();
    for (line, _) in Line::ADJUSTMENTS.iter().chain(&Line::RESERVES) {
        if !recognised.iter().any(|(l, _)| l == line) {
            diags.push(Diagnostic::info(format!(
                "Raden '{}' finns inte i filen och räknas som 0.",
                line.title(reserve_name)
            )));
        }
    }
    // Deficits to restore: (year of origin, remaining), oldest first.
    let mut deficits: Vec<(Option<i32>, f64)> = Vec::new();
    if let Some(d) = params.number("opening_deficit").filter(|d| *d > 0.0) {
        deficits.push((None, d));
    }
    for yc in &mut years {
        yc.after_adjustments = Line::ADJUSTMENTS.iter().map(|(l, s)| yc.signed(*l, *s)).sum();
        yc.balance_result = Line::RESERVES.iter().fold(yc.after_adjustments, |acc, (l, s)| acc + yc.signed(*l, *s));
        // Sums of one-decimal amounts: 0,1 + 0,2 is not 0,3 in binary; round off the dust.
        yc.after_adjustments = clean(yc.after_adjustments);
        yc.balance_result = clean(yc.balance_result);
        yc.opening = deficits.iter().map(|(_, d)| d).sum();
        yc.special = yc.get(Line::Special).map_or(0.0, f64::abs);
        let mut surplus = yc.balance_result.max(0.0) + yc.special;
        for (_, d) in deficits.iter_mut() {
            let take = surplus.min(*d);
            *d -= take;
            surplus -= take;
            yc.restored += take;
        }
        deficits.retain(|(_, d)| *d > 1e-6);
        if yc.balance_result < 0.0 {
            let new = (-yc.balance_result - surplus).max(0.0);
            if new > 1e-6 {
                deficits.push((Some(yc.year), new));
            }
        }
        yc.closing = clean(deficits.iter().map(|(_, d)| d).sum());
        // Checks against the file's own sums.
        for (line, computed) in
            [(Line::AfterAdjustments, yc.after_adjustments), (Line::BalanceResult, yc.balance_result)]
        {
            if let Some((_, Some(v), at)) = yc.values.iter().find(|(l, v, _)| *l == line && v.is_some())
                && (v - computed).abs() > 0.05
            {
                diags.push(
                    Diagnostic::warning(format!(
                        "{}: filen anger {} {} men raderna ger {}. Rapporten använder den beräknade summan.",
                        yc.year,
                        line.title(reserve_name).to_lowercase(),
                        amount(*v, &unit),
                        amount(computed, &unit)
                    ))
                    .at(&ds.source, *at),
                );
            }
        }
        if let Some((_, Some(v), at)) = yc.values.iter().find(|(l, v, _)| *l == Line::ToRestore && v.is_some())
            && (v.abs() - yc.closing).abs() > 0.05
        {
            diags.push(
                Diagnostic::warning(format!(
                    "{}: filen anger balanskravsresultat att återställa {} men beräkningen ger {}.",
                    yc.year,
                    amount(v.abs(), &unit),
                    amount(yc.closing, &unit)
                ))
                .at(&ds.source, *at),
            );
        }
        // Deadlines.
        for (origin, d) in &deficits {
            if let Some(o) = origin.filter(|o| yc.year >= o + 3) {
                diags.push(Diagnostic::warning(format!(
                    "Underskottet från {o} ({} kvar) skulle ha återställts senast {}; det är inte återställt {}.",
                    amount(*d, &unit),
                    o + 3,
                    yc.year
                )));
            }
        }
    }

    // The balanskravsutredning table: rows = lines, columns = years.
    let year_key = |y: i32| format!("ar_{y}");
    let mut columns = vec![text_col("post", "Balanskravsutredning")];
    columns.extend(years.iter().map(|y| amount_col(&year_key(y.year), &y.year.to_string(), &unit, None)));
    let line_row = |title: String, values: Vec<f64>, kind: RowKindOut, sum_of: Vec<usize>| Row {
        cells: std::iter::once(TableCell::Text(title))
            .chain(values.into_iter().map(|v| TableCell::number(Some(v))))
            .collect(),
        level: if kind == RowKindOut::Data { 1 } else { 0 },
        kind,
        sum_of,
    };
    let signed_row = |line: Line, sign: f64| {
        line_row(
            line.title(reserve_name),
            years.iter().map(|y| y.signed(line, sign)).collect(),
            RowKindOut::Data,
            vec![],
        )
    };
    let mut rows: Vec<Row> = Line::ADJUSTMENTS.into_iter().map(|(line, sign)| signed_row(line, sign)).collect();
    rows.push(line_row(
        Line::AfterAdjustments.title(reserve_name),
        years.iter().map(|y| y.after_adjustments).collect(),
        RowKindOut::Subtotal,
        (0..6).collect(),
    ));
    rows.extend(Line::RESERVES.into_iter().map(|(line, sign)| signed_row(line, sign)));
    rows.push(line_row(
        Line::BalanceResult.title(reserve_name),
        years.iter().map(|y| y.balance_result).collect(),
        RowKindOut::Total,
        vec![6, 7, 8],
    ));
    let main_table = Table {
        id: "balanskravsutredning".into(),
        title: format!("Balanskravsutredning, {}", unit.label()),
        columns: columns.clone(),
        rows,
    };
    let restore_rows = vec![
        line_row(
            "Att återställa vid årets början".into(),
            years.iter().map(|y| y.opening).collect(),
            RowKindOut::Data,
            vec![],
        ),
        line_row(
            "Årets balanskravsresultat".into(),
            years.iter().map(|y| y.balance_result).collect(),
            RowKindOut::Data,
            vec![],
        ),
        line_row("Synnerliga skäl".into(), years.iter().map(|y| y.special).collect(), RowKindOut::Data, vec![]),
        line_row("Återställt under året".into(), years.iter().map(|y| y.restored).collect(), RowKindOut::Data, vec![]),
        line_row(
            "Balanskravsresultat att återställa".into(),
            years.iter().map(|y| y.closing).collect(),
            RowKindOut::Total,
            vec![],
        ),
    ];
    let restore_table = Table {
        id: "att-aterstalla".into(),
        title: format!("Balanskravsresultat att återställa, {}", unit.label()),
        columns,
        rows: restore_rows,
    };

    // Skatteintäkter + generella statsbidrag och utjämning per year: the file's rows, else the
    // parameter for the last year. The base of the 2 % goal and of the reserve cap.
    let tax_base_param = params.number("tax_base").filter(|b| *b > 0.0);
    let last_year = years.last().map(|y| y.year);
    let bases: Vec<Option<f64>> = years
        .iter()
        .map(|y| match y.get(Line::Tax) {
            Some(t) => Some(clean(t + y.get(Line::Grants).unwrap_or(0.0))),
            None => tax_base_param.filter(|_| Some(y.year) == last_year),
        })
        .map(|b| b.filter(|b| *b != 0.0))
        .collect();
    if let (Some(p), Some(last)) = (tax_base_param, years.last())
        && let Some(t) = last.get(Line::Tax)
    {
        let file = t + last.get(Line::Grants).unwrap_or(0.0);
        if (file - p).abs() > 0.05 {
            diags.push(Diagnostic::warning(format!(
                "Parametern tax_base ({}) används inte: filen anger skatteintäkter och generella statsbidrag {} för {}.",
                amount(p, &unit),
                amount(file, &unit),
                last.year
            )));
        }
    }
    let base_of = |y: &YearCalc| years.iter().position(|x| x.year == y.year).and_then(|i| bases[i]);

    // The reserve and its cap.
    let reserve = follow_reserve(&years, &bases, params.number("reserve_opening"), ds, &unit, &mut diags);
    let show_reserve = years.iter().any(|y| y.year >= CAP_FROM)
        || reserve.iter().any(|r| r.closing.is_some() || r.to != 0.0 || r.from != 0.0);

    // 2 % goal.
    let goal = params.number("goal");
    let mut goal_table = None;
    let ratio =
        |y: &YearCalc| -> Option<f64> { base_of(y).map(|base| 100.0 * y.get(Line::Result).unwrap_or(0.0) / base) };
    if let Some(g) = goal {
        if years.iter().all(|y| ratio(y).is_none()) {
            diags.push(Diagnostic::warning(
                "Resultatmålet kan inte prövas: filen saknar raderna 'Skatteintäkter' och 'Generella statsbidrag och \
                 utjämning'. Lägg till raderna eller ange parametern tax_base (det sista årets summa).",
            ));
        } else {
            let rows = years
                .iter()
                .map(|y| {
                    let r = ratio(y);
                    let status =
                        r.map(|r| if r >= g { (Status::Good, "Uppnått") } else { (Status::Bad, "Ej uppnått") });
                    Row {
                        cells: vec![
                            TableCell::Text(y.year.to_string()),
                            TableCell::number(y.get(Line::Result)),
                            TableCell::number(base_of(y)),
                            TableCell::number(r),
                            status.map_or(TableCell::Empty, |(s, l)| TableCell::Status { status: s, label: l.into() }),
                        ],
                        level: 0,
                        kind: RowKindOut::Data,
                        sum_of: vec![],
                    }
                })
                .collect();
            goal_table = Some(Table {
                id: "resultatmal".into(),
                title: format!(
                    "Resultat i procent av skatteintäkter och generella statsbidrag (mål {})",
                    format::percent(g, 1)
                ),
                columns: vec![
                    text_col("ar", "År"),
                    amount_col("resultat", "Årets resultat", &unit, None),
                    amount_col("skatter_bidrag", "Skatteintäkter och generella statsbidrag", &unit, None),
                    common::percent_col(
                        "andel",
                        "Resultat, %",
                        Some(uppfolj_plugin::model::report::ColumnFormula::Percent {
                            a: "resultat".into(),
                            b: "skatter_bidrag".into(),
                        }),
                    ),
                    common::status_col("status", "Mål"),
                ],
                rows,
            });
        }
    }

    // Key figures and sentences for the last year.
    let mut figures = Vec::new();
    let mut sentences = Vec::new();
    if let Some(last) = years.last() {
        let dec = common::decimals_for(&unit);
        let fig = |label: String, value: f64, status: Option<Status>, note: Option<String>| KeyFigure {
            label,
            value: Some(value),
            unit: Some(unit.clone()),
            decimals: dec,
            change: None,
            status,
            note,
        };
        let y = last.year;
        figures.push(fig(format!("Årets resultat {y}"), last.get(Line::Result).unwrap_or(0.0), None, None));
        figures.push(fig(
            format!("Balanskravsresultat {y}"),
            last.balance_result,
            Some(if last.balance_result >= 0.0 { Status::Good } else { Status::Bad }),
            None,
        ));
        figures.push(fig(
            format!("Att återställa efter {y}"),
            last.closing,
            Some(if last.closing <= 0.0 { Status::Good } else { Status::Bad }),
            deficits.first().and_then(|(o, _)| o.map(|o| format!("äldsta underskottet från {o}, senast {}", o + 3))),
        ));
        if let (Some(g), Some(r)) = (goal, ratio(last)) {
            figures.push(KeyFigure {
                label: format!("Resultat i % av skatter och bidrag {y}"),
                value: Some(r),
                unit: Some(Unit::Percent),
                decimals: 1,
                change: None,
                status: Some(if r >= g { Status::Good } else { Status::Bad }),
                note: Some(format!("mål {}", format::percent(g, 1))),
            });
        }
    }
    if let Some(r) = reserve.last().filter(|_| show_reserve) {
        let capped = r.year >= CAP_FROM;
        let note = match (r.closing, r.cap) {
            (Some(_), Some(c)) => format!(
                "tak {} ({} av skatteintäkter och generella statsbidrag)",
                amount(c, &unit),
                format::percent(CAP_PERCENT, 0)
            ),
            (None, _) => "kan inte beräknas: ingående balans saknas, se meddelandena".to_owned(),
            (Some(_), None) if capped => {
                "taket kan inte beräknas: skatteintäkter och statsbidrag saknas, se meddelandena".to_owned()
            }
            (Some(_), None) => format!("inget tak före {CAP_FROM}"),
        };
        figures.push(KeyFigure {
            label: format!(
                "{} vid årets slut {}",
                if capped { "Resultatreserv" } else { "Resultatutjämningsreserv" },
                r.year
            ),
            value: r.closing,
            unit: Some(unit.clone()),
            decimals: common::decimals_for(&unit),
            change: None,
            status: match r.over_cap() {
                Some(over) => Some(if over { Status::Bad } else { Status::Good }),
                None => capped.then_some(Status::Neutral),
            },
            note: Some(note),
        });
    }
    for y in &years {
        let mut s = format!(
            "{}: årets resultat efter balanskravsjusteringar är {} och årets balanskravsresultat {}.",
            y.year,
            amount(y.after_adjustments, &unit),
            amount(y.balance_result, &unit)
        );
        if y.restored > 0.0 {
            s.push_str(&format!(" {} av tidigare underskott återställs.", amount(y.restored, &unit)));
        }
        if y.closing > 0.0 {
            s.push_str(&format!(" Att återställa vid årets slut: {}.", amount(y.closing, &unit)));
        }
        sentences.push(s);
    }
    for (origin, d) in &deficits {
        match origin {
            Some(o) => sentences.push(format!(
                "Underskottet från {o}, {} kvar, ska återställas senast {}.",
                amount(*d, &unit),
                o + 3
            )),
            None => {
                sentences.push(format!("Underskott från tidigare år, {} kvar, ska återställas.", amount(*d, &unit)))
            }
        }
    }
    if deficits.is_empty() {
        sentences.push("Det finns inget balanskravsresultat att återställa.".into());
    }
    for r in &reserve {
        let is_last = Some(r.year) == last_year;
        match (r.closing, r.cap) {
            (Some(c), Some(cap)) => sentences.push(format!(
                "{}: {} uppgår till {} vid årets slut, {} taket {} ({} av skatteintäkter och generella statsbidrag \
                 och utjämning).",
                r.year,
                reserve_in(r.year),
                amount(c, &unit),
                if c > cap + 1e-9 { "över" } else { "inom" },
                amount(cap, &unit),
                format::percent(CAP_PERCENT, 0)
            )),
            (Some(c), None) if is_last => sentences.push(format!(
                "{}: {} uppgår till {} vid årets slut.",
                r.year,
                reserve_in(r.year),
                amount(c, &unit)
            )),
            _ => {}
        }
    }

    let chart = Chart {
        id: "balanskravsresultat".into(),
        title: format!("Årets resultat och balanskravsresultat per år, {}", unit.label()),
        kind: ChartKind::GroupedBar,
        categories: years.iter().map(|y| y.year.to_string()).collect(),
        series: vec![
            Series {
                name: "Årets resultat".into(),
                values: years.iter().map(|y| y.get(Line::Result)).collect(),
                statuses: Vec::new(),
            },
            Series {
                name: "Balanskravsresultat".into(),
                values: years.iter().map(|y| Some(y.balance_result)).collect(),
                statuses: years
                    .iter()
                    .map(|y| Some(if y.balance_result >= 0.0 { Status::Good } else { Status::Bad }))
                    .collect(),
            },
            Series {
                name: "Att återställa".into(),
                values: years.iter().map(|y| Some(-y.closing)).collect(),
                statuses: Vec::new(),
            },
        ],
        unit: Some(unit.clone()),
        value_label: format!("Belopp, {}", unit.label()),
        reference_lines: vec![ReferenceLine { label: "Balanskravet".into(), value: 0.0 }],
        horizontal: false,
    };

    let notes = recognised
        .iter()
        .map(|&(line, row)| ProvenanceNote {
            what: line.title(reserve_name),
            source: ds.source.clone(),
            cells: year_cols.iter().filter_map(|(_, c)| cell_at(ds, row, Some(*c))).collect(),
        })
        .collect();

    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures { figures });
    overview.blocks.push(Block::Text(Text { paragraphs: sentences, generated: true }));
    overview.blocks.push(Block::Chart(chart));
    let mut main = Section::new("balanskravsutredning", "Balanskravsutredning");
    main.blocks.push(Block::Table(main_table));
    main.blocks.push(Block::Text(Text {
        paragraphs: vec![
            "Ett negativt balanskravsresultat ska återställas inom de tre närmast följande åren (kommunallagen 11 kap.). \
             Underskott återställs i den ordning de uppstått."
                .into(),
        ],
        generated: false,
    }));
    main.blocks.push(Block::Table(restore_table));
    let mut sections = vec![overview, main];
    if show_reserve {
        sections.push(reserve_section(&reserve, reserve_name, &unit));
    }
    sections.extend(goal_table.map(|t| common::table_section("resultatmal", "Resultatmål", t)));
    common::finish(&mut report, sections, notes, diags);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_annual_report_row_texts() {
        assert_eq!(Line::recognise("Årets resultat"), Some(Line::Result));
        assert_eq!(Line::recognise("Reducering av samtliga realisationsvinster"), Some(Line::GainsAll));
        assert_eq!(Line::recognise("Vissa realisationsvinster enligt undantagsmöjlighet"), Some(Line::GainsException));
        assert_eq!(
            Line::recognise("Vissa realisationsförluster enligt undantagsmöjlighet"),
            Some(Line::LossesException)
        );
        assert_eq!(Line::recognise("Orealiserade förluster i värdepapper"), Some(Line::UnrealisedLoss));
        assert_eq!(
            Line::recognise("Återföring av orealiserade förluster i värdepapper"),
            Some(Line::UnrealisedReversal)
        );
        assert_eq!(Line::recognise("Årets resultat efter balanskravsjusteringar"), Some(Line::AfterAdjustments));
        assert_eq!(Line::recognise("Medel till resultatutjämningsreserv"), Some(Line::ToReserve));
        assert_eq!(Line::recognise("Medel från resultatutjämningsreserv"), Some(Line::FromReserve));
        assert_eq!(Line::recognise("Avsättning till resultatreserv"), Some(Line::ToReserve));
        assert_eq!(Line::recognise("Ianspråktagande av resultatreserv"), Some(Line::FromReserve));
        assert_eq!(Line::recognise("Årets balanskravsresultat"), Some(Line::BalanceResult));
        assert_eq!(Line::recognise("Balanskravsresultat att återställa"), Some(Line::ToRestore));
        assert_eq!(Line::recognise("Synnerliga skäl"), Some(Line::Special));
        assert_eq!(Line::recognise("Resultatreserv, ingående balans"), Some(Line::ReserveOpening));
        assert_eq!(Line::recognise("Ingående resultatutjämningsreserv"), Some(Line::ReserveOpening));
        assert_eq!(Line::recognise("Balanserad resultatreserv"), Some(Line::ReserveOpening));
        assert_eq!(Line::recognise("Resultatreserv vid årets början"), Some(Line::ReserveOpening));
        assert_eq!(Line::recognise("Ackumulerad resultatutjämningsreserv"), Some(Line::ReserveClosing));
        assert_eq!(Line::recognise("Utgående resultatreserv"), Some(Line::ReserveClosing));
        assert_eq!(Line::recognise("Resultatreserv vid årets slut"), Some(Line::ReserveClosing));
        assert_eq!(
            Line::recognise("Avgår reservering av medel till resultatutjämningsreserv (RUR)"),
            Some(Line::ToReserve)
        );
        assert_eq!(Line::recognise("Användning av medel från resultatutjämningsreserv (RUR)"), Some(Line::FromReserve));
        assert_eq!(Line::recognise("Personalkostnader"), None);
    }

    #[test]
    fn joins_years_the_swedish_way() {
        assert_eq!(join_years(&[2024]), "2024");
        assert_eq!(join_years(&[2024, 2025]), "2024 och 2025");
        assert_eq!(join_years(&[2024, 2025, 2026]), "2024, 2025 och 2026");
    }
}
