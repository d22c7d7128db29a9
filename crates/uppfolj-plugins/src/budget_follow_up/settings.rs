//! The settings of one run, resolved from the parameters and the file: the report's unit, the
//! months the outcome covers, the sign convention, how the forecast is made, whether the budget
//! is periodised, and the threshold. What cannot be resolved as asked is said in a diagnostic.

use super::diagnostics::Diagnostics;
use super::read::{Cols, Line, LineKind};
use crate::ledger_months::Covered;
use uppfolj_plugin::Params;
use uppfolj_plugin::kit::SignConvention;
use uppfolj_plugin::kit::vocab::{months_in_text, period_text, year_in};
use uppfolj_plugin::kit::{convert, unit_of};
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::Diagnostic;
use uppfolj_plugin::model::unit::Unit;

/// The unit of the report's amounts and the file's unit they are converted from.
#[derive(Debug)]
pub(super) struct OutputUnit {
    /// The unit the report shows.
    pub unit: Unit,
    /// The file's unit, when known.
    from: Option<Unit>,
}

impl OutputUnit {
    /// The unit asked for with `unit` (`input`: the file's), or the file's when it cannot be
    /// converted into the one asked for.
    pub fn resolve(ds: &Dataset, cols: &Cols, params: &Params, diags: &mut Diagnostics) -> Self {
        let from = unit_of(ds, cols.outcome.or(cols.period_budget));
        let wanted = params.text("unit").unwrap_or("input");
        let unit = match (wanted, &from) {
            ("input", Some(u)) => u.clone(),
            ("input", None) => {
                diags.push(Diagnostic::warning(
                    "Filen anger ingen enhet för beloppen (t.ex. 'Belopp i tkr' eller 'Utfall, tkr'); beloppen visas som de står. \
                     Skriv enheten i rubriken eller ovanför tabellen.",
                ).at(&ds.source, None));
                Unit::unknown()
            }
            (other, known) => {
                let to = Unit::parse(other).unwrap_or(Unit::Tkr);
                match known {
                    Some(f) if f.is_currency() => to,
                    _ => {
                        diags.push(Diagnostic::warning(format!(
                            "Beloppen kan inte räknas om till {other}: filens enhet är okänd. Beloppen visas som de står."
                        )));
                        known.clone().unwrap_or(Unit::unknown())
                    }
                }
            }
        };
        OutputUnit { unit, from }
    }

    /// `value`, written in the file's unit, in the report's.
    pub fn convert(&self, value: f64) -> f64 {
        match &self.from {
            Some(f) => convert(value, f, &self.unit),
            None => value,
        }
    }
}

/// The months of the year the outcome covers, and where that was read.
#[derive(Debug)]
pub(super) struct Period {
    pub months: Option<u32>,
    /// "parameter", "rubriken '…'" or "kolumnen '…'"; empty when the months are unknown.
    pub source: String,
    /// The year of a ledger's lines, when read from its period column.
    pub year: Option<u32>,
}

impl Period {
    /// The `months` parameter, else the months named in the outcome's or the budget's header,
    /// else in the title, else those a ledger's period column covers (januari–augusti 2024).
    pub fn resolve(ds: &Dataset, cols: &Cols, params: &Params) -> Self {
        let covered = crate::ledger_months::covered(ds, &(0..ds.rows.len()).collect::<Vec<_>>());
        let year = covered.as_ref().map(Covered::year);
        if let Some(m) = params.integer("months") {
            return Period { months: Some(m.clamp(1, 12) as u32), source: "parameter".to_owned(), year };
        }
        let detected = [cols.outcome, cols.period_budget]
            .into_iter()
            .flatten()
            .filter_map(|c| ds.columns.get(c))
            .find_map(|m| months_in_text(&m.name).map(|n| (n, format!("rubriken '{}'", m.name.trim()))))
            .or_else(|| months_in_text(&ds.title).map(|n| (n, format!("rubriken '{}'", ds.title.trim()))));
        let from_ledger = || {
            let c = covered.as_ref()?;
            Some((c.months_of_year()?, format!("kolumnen '{}' ({})", c.column, c.words())))
        };
        match detected.or_else(from_ledger) {
            Some((m, source)) => Period { months: Some(m), source, year },
            None => Period { months: None, source: String::new(), year },
        }
    }
}

/// How the full-year forecast is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ForecastMode {
    None,
    Given,
    Linear,
    Profile,
}

/// Settings resolved from the parameters and the file.
#[derive(Debug)]
pub(super) struct Settings {
    pub sign: SignConvention,
    pub months: Option<u32>,
    /// Where the months were read ("parameter", "rubriken '…'").
    pub months_source: String,
    /// The months in words ("januari–augusti").
    pub period: String,
    /// The year of a ledger's lines, when read from its period column.
    pub year: Option<u32>,
    /// Whether the budget for the period is the annual budget × months / 12.
    pub periodise: bool,
    pub forecast: ForecastMode,
    /// Percent deviation from which a line counts as deviating.
    pub threshold: f64,
    pub unit: Unit,
}

impl Settings {
    /// The period followed up, with the year the file's title or headers name ("januari–augusti
    /// 2024"); the months alone when no year is named, the year alone when no month is, and
    /// `None` when the file says neither (the report then states no period).
    pub fn period_of_year(&self, ds: &Dataset) -> Option<String> {
        let year = year_in(&ds.title).or_else(|| ds.columns.iter().find_map(|c| year_in(&c.name)));
        let year = year.or_else(|| self.year.and_then(|y| i32::try_from(y).ok()));
        match (self.months, year) {
            (Some(_), Some(y)) => Some(format!("{} {y}", self.period)),
            (Some(_), None) => Some(self.period.clone()),
            (None, Some(y)) => Some(y.to_string()),
            (None, None) => None,
        }
    }

    /// The settings for `lines` of a file with the columns `cols`.
    pub fn resolve(
        params: &Params,
        cols: &Cols,
        lines: &[Line],
        period: Period,
        unit: Unit,
        diags: &mut Diagnostics,
    ) -> Self {
        let sign = sign_convention(params, lines, diags);
        let forecast = forecast_mode(params, cols, period.months, diags);
        let periodise = periodise(cols, period.months, diags);
        Settings {
            sign,
            months: period.months,
            months_source: period.source,
            period: period_text(period.months),
            year: period.year,
            periodise,
            forecast,
            threshold: params.number("threshold").unwrap_or(2.0),
            unit,
        }
    }
}

/// The convention chosen with `sign`, else detected from the lines' budgets and outcomes (with
/// a note saying what was detected).
fn sign_convention(params: &Params, lines: &[Line], diags: &mut Diagnostics) -> SignConvention {
    let amounts = lines
        .iter()
        .filter(|l| l.kind == LineKind::Data)
        .flat_map(|l| [l.file.annual, l.file.period_budget, l.file.outcome])
        .flatten();
    let (sign, note) = SignConvention::from_params_or_detect(params, amounts);
    if let Some(note) = note {
        diags.push(note);
    }
    sign
}

/// The forecast asked for with `forecast`, if the file allows it (`auto`: the file's forecast
/// column, else linear when the months are known and fewer than 12).
fn forecast_mode(params: &Params, cols: &Cols, months: Option<u32>, diags: &mut Diagnostics) -> ForecastMode {
    let requested = params.text("forecast").unwrap_or("auto");
    match requested {
        "given" if cols.forecast.is_some() => ForecastMode::Given,
        "given" => {
            diags.push(Diagnostic::warning(
                "Helårsprognos enligt verksamheten kräver en prognoskolumn ('Helårsprognos' eller 'Prognos'); filen har ingen. \
                 Ingen helårsprognos visas.",
            ));
            ForecastMode::None
        }
        "linear" if months.is_some() => ForecastMode::Linear,
        "profile" if cols.prev_partial.is_some() && cols.prev_annual.is_some() => ForecastMode::Profile,
        "profile" => {
            diags.push(Diagnostic::warning(
                "Prognos enligt förra årets profil kräver två kolumner för föregående år: utfallet för samma period \
                 (t.ex. 'Utfall jan–aug 2023') och helårsutfallet (t.ex. 'Bokslut 2023'). Ingen helårsprognos visas.",
            ));
            ForecastMode::None
        }
        _ if cols.forecast.is_some() && requested == "auto" => ForecastMode::Given,
        _ if months.is_some_and(|m| m < 12) => ForecastMode::Linear,
        "linear" => {
            diags.push(Diagnostic::warning(
                "Linjär prognos kräver antalet månader: ange Antal månader (t.ex. 8 för januari–augusti).",
            ));
            ForecastMode::None
        }
        _ => ForecastMode::None,
    }
}

/// Whether only an annual budget is given and the outcome covers part of the year: then the
/// outcome is compared with the annual budget × months / 12.
fn periodise(cols: &Cols, months: Option<u32>, diags: &mut Diagnostics) -> bool {
    let only_annual = cols.period_budget.is_none() && cols.annual.is_some();
    let periodise = only_annual && months.is_some_and(|m| m < 12);
    if only_annual {
        if periodise {
            diags.push(Diagnostic::info(format!(
                "Filen har bara årsbudget; utfallet jämförs med årsbudgeten periodiserad linjärt ({} av 12 månader).",
                months.unwrap_or(12)
            )));
        } else if months.is_none() {
            diags.push(Diagnostic::info(
                "Filen har bara årsbudget och perioden framgår inte; utfallet jämförs med hela årsbudgeten. \
                 Ange Antal månader om utfallet avser en del av året.",
            ));
        }
    }
    periodise
}
