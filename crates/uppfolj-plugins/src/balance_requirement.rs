//! # Balanskravsutredning (`balance-requirement`)
//!
//! ## What it does
//! Computes the balance requirement of kommunallagen 11 kap. for several years: årets resultat
//! efter balanskravsjusteringar, årets balanskravsresultat, the deficits carried from earlier years,
//! netted against later surpluses (oldest first), and the amount still to restore with the year by
//! which it must be restored (three years after the deficit arose). Optionally checks the common
//! financial goal "result ≥ 2 % of skatteintäkter + generella statsbidrag och utjämning".
//!
//! ## Why
//! The balanskravsutredning is a required part of the förvaltningsberättelse; the carried
//! deficits and their deadlines are what auditors and the council look for, and they are easy to
//! get wrong over several years.
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
//! | Medel till resultatutjämningsreserv / resultatreserv (RUR) | − |
//! | Medel från resultatutjämningsreserv / resultatreserv (RUR) | + |
//! | Synnerliga skäl | reduces the amount to restore |
//! | Skatteintäkter; Generella statsbidrag och utjämning | base of the 2 % goal |
//!
//! The file's own rows "Årets resultat efter balanskravsjusteringar" and "Årets
//! balanskravsresultat" are not summed again; they are checked against the computation.
//! A missing row counts as zero and is listed in the diagnostics.
//!
//! ## Parameters
//! - `goal` — the result goal in percent of skatteintäkter + generella statsbidrag (e.g. `2`); off
//!   by default.
//! - `opening_deficit` — a deficit to restore carried from before the first year in the file.
//!
//! ## Example
//! ```text
//! uppfolj run balance-requirement samples/balanskravsutredning_2021_2024.xlsx --param goal=2
//! ```
//! For the sample, 2023's balanskravsresultat of −525,5 mnkr is reduced by 2024's 7,0 mnkr, so
//! 518,5 mnkr remain to be restored by 2026.

use crate::common::{self, amount, amount_col, cell_at, column_year, label_column, norm, num_at, text_at, text_col};
use uppfolj_plugin::model::dataset::{CellRef, Dataset, DatasetKind, Value};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{
    Block, Chart, ChartKind, Diagnostic, KeyFigure, ProvenanceNote, ReferenceLine, Row, RowKindOut, Section, Series,
    Status, Table, TableCell, Text,
};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamKind, ParamSpec, Params, PluginError, PluginMeta, ReportPlugin,
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
            && (t.contains("från") || t.contains("ianspråk") || t.contains("dispon") || t.contains("uttag"))
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
            id: "balance-requirement",
            name_sv: "Balanskravsutredning",
            name_en: "Balance requirement",
            description_sv: "Balanskravsutredning enligt kommunallagen för flera år: balanskravsresultat, \
                             underskott att återställa inom tre år, resultatutjämningsreserv eller resultatreserv, \
                             och om så önskas målet om resultat i procent av skatteintäkter och statsbidrag.",
            description_en: "Balance requirement under the Swedish Local Government Act over several years: \
                             balance result, deficits to restore within three years, reserves, optional 2 % goal.",
            version: env!("CARGO_PKG_VERSION"),
        }
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![InputSpec {
            description_sv: "Balanskravsutredning: radtexter och en kolumn per år",
            kind: DatasetKind::Table,
            required_roles: vec![],
            optional_roles: vec![],
            optional: false,
        }]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec {
                key: "goal",
                label_sv: "Resultatmål (% av skatteintäkter och statsbidrag)",
                help_sv: "T.ex. 2 för målet att resultatet ska vara minst 2 % av skatteintäkter och generella statsbidrag.",
                kind: ParamKind::Number { min: Some(-100.0), max: Some(100.0) },
                default: None,
            },
            ParamSpec {
                key: "opening_deficit",
                label_sv: "Underskott att återställa från tidigare år",
                help_sv: "Ett underskott från före filens första år, i filens enhet (positivt tal).",
                kind: ParamKind::Number { min: Some(0.0), max: None },
                default: None,
            },
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example { description: "Balanskravsutredning 2021–2024 med 2 %-målet", params: vec![("goal", "2")] },
            Example {
                description: "Med ett underskott från 2020 att återställa",
                params: vec![("opening_deficit", "40")],
            },
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let ds = inputs
            .datasets
            .iter()
            .find(|d| {
                let col = label_column(d, &[]);
                (0..d.rows.len()).any(|i| Line::recognise(&text_at(d, i, col)) == Some(Line::Result))
            })
            .ok_or_else(|| PluginError::MissingInput {
                plugin: self.meta().name_sv.into(),
                needed: "en balanskravsutredning med raden 'Årets resultat' och en kolumn per år".into(),
            })?;
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

    // 2 % goal.
    let goal = params.number("goal");
    let mut goal_table = None;
    let ratio = |y: &YearCalc| -> Option<f64> {
        let base = y.get(Line::Tax)? + y.get(Line::Grants).unwrap_or(0.0);
        (base != 0.0).then(|| 100.0 * y.get(Line::Result).unwrap_or(0.0) / base)
    };
    if let Some(g) = goal {
        if years.iter().all(|y| ratio(y).is_none()) {
            diags.push(Diagnostic::warning(
                "Resultatmålet kan inte prövas: filen saknar raderna 'Skatteintäkter' och 'Generella statsbidrag och utjämning'.",
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
                            TableCell::number(y.get(Line::Tax).map(|t| t + y.get(Line::Grants).unwrap_or(0.0))),
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
        assert_eq!(Line::recognise("Personalkostnader"), None);
    }
}
