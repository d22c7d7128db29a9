//! # Budgetuppföljning (`budget-follow-up`)
//!
//! ## What it does
//! Compares outcome (utfall) with budget per verksamhet, område or kostnadsställe, as in a
//! driftredovisning or a monthly budget follow-up: the deviation (avvikelse) in amount and in
//! percent, the förbrukningsgrad against the share of the year elapsed, a full-year forecast
//! (helårsprognos) and its deviation from the annual budget, the largest deviations, a bar chart of
//! deviations per unit and one generated Swedish sentence for every unit that deviates (for large
//! files: the largest ones, see *Large files*).
//!
//! ## Why
//! It is the table every nämnd sees each month. Doing it by hand, the traps are the sign convention
//! (costs negative or positive), the file's own "Summa" row (counted twice when summed again), and
//! lines without a budget (silently read as zero). This plugin detects the first, recognises the
//! second and checks it against the sum of the rows, and reports the third instead of hiding it.
//!
//! ## Input
//! One table with at least a **budget** and an **outcome** column (roles `Budget` and `Outcome`).
//! Header texts the import recognises include:
//!
//! | Role | Headers |
//! |---|---|
//! | unit (row label) | Verksamhet, Område, Förvaltning, Enhet, Ansvar |
//! | annual budget | Årsbudget, Budget helår |
//! | budget for the period | Budget jan–aug, Periodens budget, Budget (the only budget column) |
//! | outcome | Utfall jan–aug, Utfall, Ack. utfall |
//! | forecast (optional) | Helårsprognos, Prognos |
//! | deviation (optional, only checked) | Avvikelse |
//! | previous year (optional, for the profile forecast) | Utfall jan–aug 2023, Bokslut 2023 |
//!
//! A row labelled "Summa" or "Totalt" (or marked as total by the import) is the file's total: it
//! is **not** added again; it is compared with the sum of the rows and a warning is given if they
//! differ. Rows marked as subtotals (or labelled "Delsumma" / "Summa …") are recomputed from the rows
//! they sum, following the hierarchy levels found by the import. A line without a budget is shown
//! with its outcome and an empty deviation, and listed in the diagnostics.
//!
//! ## Large files
//! A whole driftredovisning per konto (100 000 lines and more) gives a report a person can read,
//! while the table keeps every line (and the xlsx export all of them):
//! - The chart shows the top level of the table (every line when the file has no levels). With
//!   more than 20 such lines it shows the **20 largest deviations in amount**, largest first, and
//!   its title says so: "… : de 20 största avvikelserna (i belopp) av 120 000 rader" (or "… rader
//!   på översta nivån" when the table has levels). Lines without a budget are not charted then.
//! - The text under "Avvikelser" has one sentence per deviating line as long as there are at most
//!   10, in the table's order. With more, it has the 10 largest (by the deviation's amount, or the
//!   outcome for a line without budget), largest first, and one sentence on the rest:
//!   "Ytterligare 9 390 rader avviker med 2,0 % eller mer från budget; se tabellen."
//! - Diagnostics about single lines (no budget, no outcome, no forecast, a file deviation or a
//!   subtotal that does not add up) are given for the first 10 lines of each kind; the rest are
//!   counted in one more diagnostic ("Ytterligare 4 512 rader saknar budget …").
//!
//! Equal amounts are ordered by the larger deviation in percent, then by the table's order. A
//! file of 120 000 lines takes about a second from CSV to report (release build).
//!
//! ## Sign convention
//! Municipal driftredovisning writes costs negative and income positive; then
//! `avvikelse = utfall − budget` and a positive deviation is better than budget (costs −1 116
//! against a budget of −1 149 give +33). ERP exports often write costs positive; then
//! `avvikelse = budget − utfall`. With `sign=auto` the convention is detected from the amounts
//! (mostly negative → costs negative). The convention used is always stated in the report.
//!
//! ## Parameters
//! - `sign` — `auto` (default), `costs-negative` or `costs-positive`.
//! - `months` — months of the year covered by the outcome (1–12). Default: read from the headers or
//!   the title ("jan–aug" → 8). Used for the förbrukningsgrad, the periodised budget (when only an
//!   annual budget is given) and the linear forecast.
//! - `forecast` — `auto` (default: the file's forecast column if any, else linear), `given`,
//!   `linear` (utfall × 12 / months) or `profile` (utfall × last year's full-year outcome / last
//!   year's outcome for the same months).
//! - `threshold` — percent deviation from which a unit counts as deviating (default 2).
//! - `top` — how many of the largest negative deviations to list (default 3).
//! - `level` — the deepest hierarchy level shown (default: all).
//! - `unit` — `input` (default: keep the file's unit), `kr`, `tkr` or `mnkr`.
//!
//! ## Example
//! ```text
//! uppfolj run budget-follow-up samples/driftredovisning_2024_aug.xlsx --param threshold=3
//! ```
//! For the sample file (January–August 2024, tkr, costs negative) the report shows, among others,
//! "Närsjukvårdsområde Väster: utfallet för januari–augusti är −489 318 tkr mot en budget på
//! −460 000 tkr, en negativ avvikelse på −29 318 tkr (−6,4 %)."

use crate::common::{
    self, amount, amount_col, cell_at, diff, label_column, months_in_text, num_at, percent_col, period_text,
    provenance, signed_amount, status_col, sum_present, text_at, text_col, warn_at,
};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind, RowKind};
use uppfolj_plugin::model::format;
use uppfolj_plugin::model::report::{
    Block, Chart, ChartKind, ColumnFormula, Diagnostic, KeyFigure, Row, RowKindOut, Section, Series, Status, Table,
    TableCell, Text,
};
use uppfolj_plugin::model::unit::Unit;
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamKind, ParamSpec, ParamValue, Params, PluginMeta, ReportPlugin,
    require,
};

/// The budget follow-up plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct BudgetFollowUp;

/// Which sign costs have in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    /// Costs negative, income positive (municipal driftredovisning).
    CostsNegative,
    /// Costs positive (ERP exports).
    CostsPositive,
}

impl Sign {
    /// How much better `actual` is than `reference` (positive = better).
    fn better(self, actual: f64, reference: f64) -> f64 {
        match self {
            Sign::CostsNegative => actual - reference,
            Sign::CostsPositive => reference - actual,
        }
    }

    /// `better` as a formula over two column keys.
    fn formula(self, actual: &str, reference: &str) -> ColumnFormula {
        match self {
            Sign::CostsNegative => diff(actual, reference),
            Sign::CostsPositive => diff(reference, actual),
        }
    }

    fn statement(self) -> &'static str {
        match self {
            Sign::CostsNegative => {
                "Teckenkonvention: kostnader är negativa och intäkter positiva. Avvikelse = utfall − budget; \
                 en positiv avvikelse är bättre än budget."
            }
            Sign::CostsPositive => {
                "Teckenkonvention: kostnader är positiva. Avvikelse = budget − utfall; \
                 en positiv avvikelse är bättre än budget (lägre kostnad)."
            }
        }
    }

    fn label(self) -> &'static str {
        match self {
            Sign::CostsNegative => "kostnader negativa (avvikelse = utfall − budget)",
            Sign::CostsPositive => "kostnader positiva (avvikelse = budget − utfall)",
        }
    }
}

/// How the full-year forecast is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ForecastMode {
    None,
    Given,
    Linear,
    Profile,
}

/// The columns of the dataset the plugin uses.
#[derive(Debug, Default)]
struct Cols {
    label: Option<usize>,
    annual: Option<usize>,
    period_budget: Option<usize>,
    outcome: Option<usize>,
    forecast: Option<usize>,
    deviation: Option<usize>,
    prev_partial: Option<usize>,
    prev_annual: Option<usize>,
}

impl Cols {
    fn find(ds: &Dataset) -> Self {
        let name = |c: usize| ds.columns.get(c).map_or("", |m| m.name.as_str());
        let budgets = ds.columns_with(ColumnRole::Budget);
        let mut annual =
            budgets.iter().copied().find(|&c| common::is_annual_header(name(c)) && !common::is_period_header(name(c)));
        let mut period = budgets.iter().copied().find(|&c| common::is_period_header(name(c)));
        match (annual, period, budgets.as_slice()) {
            (None, None, [only]) => period = Some(*only),
            (None, None, [first, second, ..]) => {
                annual = Some(*first);
                period = Some(*second);
            }
            (Some(a), None, _) => {
                period = budgets.iter().copied().find(|&c| c != a && !common::is_annual_header(name(c)))
            }
            (None, Some(p), _) => annual = budgets.iter().copied().find(|&c| c != p),
            _ => {}
        }
        let outcomes = ds.columns_with(ColumnRole::Outcome);
        let outcome =
            outcomes.iter().copied().find(|&c| common::is_period_header(name(c))).or(outcomes.first().copied());
        let prev = ds.columns_with(ColumnRole::PreviousYear);
        let prev_partial = prev.iter().copied().find(|&c| common::is_period_header(name(c)));
        let prev_annual = prev.iter().copied().find(|&c| Some(c) != prev_partial);
        Cols {
            label: label_column(ds, &[]),
            annual,
            period_budget: period,
            outcome,
            forecast: ds.column(ColumnRole::Forecast),
            deviation: ds.column(ColumnRole::Deviation),
            prev_partial,
            prev_annual,
        }
    }
}

/// The amounts of one line, as read (or summed), already in the output unit.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Amounts {
    annual: Option<f64>,
    period_budget: Option<f64>,
    outcome: Option<f64>,
    forecast: Option<f64>,
    prev_partial: Option<f64>,
    prev_annual: Option<f64>,
}

impl Amounts {
    fn read(ds: &Dataset, row: usize, cols: &Cols, conv: &dyn Fn(f64) -> f64) -> Self {
        let get = |c: Option<usize>| num_at(ds, row, c).map(conv);
        Amounts {
            annual: get(cols.annual),
            period_budget: get(cols.period_budget),
            outcome: get(cols.outcome),
            forecast: get(cols.forecast),
            prev_partial: get(cols.prev_partial),
            prev_annual: get(cols.prev_annual),
        }
    }

    fn is_empty(&self) -> bool {
        *self == Amounts::default()
    }

    fn sum<'a>(items: impl Iterator<Item = &'a Amounts> + Clone) -> Self {
        Amounts {
            annual: sum_present(items.clone().map(|a| a.annual)),
            period_budget: sum_present(items.clone().map(|a| a.period_budget)),
            outcome: sum_present(items.clone().map(|a| a.outcome)),
            forecast: sum_present(items.clone().map(|a| a.forecast)),
            prev_partial: sum_present(items.clone().map(|a| a.prev_partial)),
            prev_annual: sum_present(items.map(|a| a.prev_annual)),
        }
    }

    /// (Swedish name, own value, value to compare with) for each amount both sides have.
    fn differences(&self, other: &Amounts, names: &Names) -> Vec<(String, f64, f64)> {
        let pairs = [
            (&names.annual, self.annual, other.annual),
            (&names.budget, self.period_budget, other.period_budget),
            (&names.outcome, self.outcome, other.outcome),
            (&names.forecast, self.forecast, other.forecast),
        ];
        pairs
            .into_iter()
            .filter_map(|(n, a, b)| match (a, b) {
                (Some(a), Some(b)) if (a - b).abs() > 0.5 => Some((n.clone(), a, b)),
                _ => None,
            })
            .collect()
    }
}

/// Column headers as written in the file.
#[derive(Debug)]
struct Names {
    label: String,
    annual: String,
    budget: String,
    outcome: String,
    forecast: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Data,
    Subtotal,
}

/// A line of the follow-up.
#[derive(Debug, Clone)]
struct Line {
    label: String,
    level: u8,
    kind: LineKind,
    /// The dataset row it came from.
    row: usize,
    /// The amounts as written in the file.
    file: Amounts,
    /// The amounts used (summed for subtotals).
    amounts: Amounts,
    children: Vec<usize>,
}

/// What is derived from a line's amounts.
#[derive(Debug, Clone, Copy, Default)]
struct Derived {
    budget: Option<f64>,
    deviation: Option<f64>,
    deviation_pct: Option<f64>,
    consumption: Option<f64>,
    forecast: Option<f64>,
    forecast_vs_annual: Option<f64>,
    forecast_error: Option<f64>,
}

/// Settings resolved from the parameters and the file.
#[derive(Debug)]
struct Ctx {
    sign: Sign,
    months: Option<u32>,
    periodise: bool,
    forecast: ForecastMode,
    threshold: f64,
    unit: Unit,
}

impl Ctx {
    fn derive(&self, a: &Amounts) -> Derived {
        let budget = match (a.period_budget, a.annual, self.periodise, self.months) {
            (Some(b), _, _, _) => Some(b),
            (None, Some(annual), true, Some(m)) => Some(annual * f64::from(m) / 12.0),
            (None, Some(annual), false, _) => Some(annual),
            _ => None,
        };
        let deviation = match (a.outcome, budget) {
            (Some(o), Some(b)) => Some(self.sign.better(o, b)),
            _ => None,
        };
        let deviation_pct = match (deviation, budget) {
            (Some(d), Some(b)) if b != 0.0 => Some(100.0 * d / b.abs()),
            _ => None,
        };
        let consumption = match (a.outcome, a.annual) {
            (Some(o), Some(y)) if y != 0.0 => Some(100.0 * o / y),
            _ => None,
        };
        let forecast = match self.forecast {
            ForecastMode::None => None,
            ForecastMode::Given => a.forecast,
            ForecastMode::Linear => match (a.outcome, self.months) {
                (Some(o), Some(m)) => Some(o * 12.0 / f64::from(m)),
                _ => None,
            },
            ForecastMode::Profile => match (a.outcome, a.prev_partial, a.prev_annual) {
                (Some(o), Some(p), Some(y)) if p != 0.0 => Some(o * y / p),
                _ => None,
            },
        };
        let forecast_vs_annual = match (forecast, a.annual) {
            (Some(f), Some(y)) if self.months != Some(12) => Some(self.sign.better(f, y)),
            _ => None,
        };
        let forecast_error = match (a.outcome, a.forecast, self.months) {
            (Some(o), Some(f), Some(12)) => Some(self.sign.better(o, f)),
            _ => None,
        };
        Derived { budget, deviation, deviation_pct, consumption, forecast, forecast_vs_annual, forecast_error }
    }

    fn status(&self, d: &Derived) -> (Status, &'static str) {
        match (d.deviation, d.deviation_pct) {
            (None, _) => (Status::Neutral, "Budget saknas"),
            (Some(dev), _) if dev >= 0.0 => (Status::Good, "Inom budget"),
            (Some(_), Some(p)) if p > -self.threshold => (Status::Warning, "Mindre avvikelse"),
            _ => (Status::Bad, "Negativ avvikelse"),
        }
    }
}

/// At most this many bars in the chart: with more lines, the largest deviations are charted.
const CHART_MAX: usize = 20;
/// At most this many generated sentences on deviating lines; the rest are summed up in one sentence.
const SENTENCES_MAX: usize = 10;
/// At most this many diagnostics of one kind about single lines; the rest are counted in one.
const LINE_DIAGNOSTICS_MAX: usize = 10;

/// "1 rad", "9\u{202F}390 rader".
fn rows_text(n: usize) -> String {
    if n == 1 { "1 rad".to_owned() } else { format!("{} rader", format::number(n as f64, 0)) }
}

/// A kind of diagnostic given per line.
#[derive(Debug, Clone, Copy)]
enum LineIssue {
    SubtotalSum,
    MissingBudget,
    MissingOutcome,
    MissingForecast,
    FileDeviation,
}

impl LineIssue {
    const ALL: [LineIssue; 5] = [
        LineIssue::SubtotalSum,
        LineIssue::MissingBudget,
        LineIssue::MissingOutcome,
        LineIssue::MissingForecast,
        LineIssue::FileDeviation,
    ];

    /// The one diagnostic standing for the `n` diagnostics of this kind not given.
    fn rest(self, n: usize) -> String {
        let count = format::number(n as f64, 0);
        match self {
            LineIssue::SubtotalSum => format!(
                "Ytterligare {count} belopp i filens delsummor stämmer inte med raderna under dem. Rapporten använder \
                 radernas summor; kontrollera filen."
            ),
            LineIssue::MissingBudget => format!(
                "Ytterligare {} saknar budget och visas utan avvikelse (se tabellen). Fyll i budgeten (0 om raden ska \
                 ha noll i budget).",
                rows_text(n)
            ),
            LineIssue::MissingOutcome => {
                format!("Ytterligare {} saknar utfall och visas utan avvikelse (se tabellen).", rows_text(n))
            }
            LineIssue::MissingForecast => format!("Ytterligare {} saknar helårsprognos i filen.", rows_text(n)),
            LineIssue::FileDeviation => {
                format!("Ytterligare {count} avvikelser i filens avvikelsekolumn stämmer inte med utfall och budget.")
            }
        }
    }
}

/// Gives at most [`LINE_DIAGNOSTICS_MAX`] diagnostics of each [`LineIssue`], in the order they
/// come, and counts the rest: a large file with an issue on every line gets a readable list.
#[derive(Debug, Default)]
struct LineDiagnostics {
    given: [usize; LineIssue::ALL.len()],
    left_out: [usize; LineIssue::ALL.len()],
}

impl LineDiagnostics {
    /// Pushes the diagnostic `make` builds, unless enough of its kind were given already.
    fn push(&mut self, diags: &mut Vec<Diagnostic>, issue: LineIssue, make: impl FnOnce() -> Diagnostic) {
        let k = issue as usize;
        if self.given[k] < LINE_DIAGNOSTICS_MAX {
            self.given[k] += 1;
            diags.push(make());
        } else {
            self.left_out[k] += 1;
        }
    }

    /// One diagnostic per kind for the ones left out.
    fn finish(self, ds: &Dataset, diags: &mut Vec<Diagnostic>) {
        for issue in LineIssue::ALL {
            let n = self.left_out[issue as usize];
            if n > 0 {
                diags.push(Diagnostic::warning(issue.rest(n)).at(&ds.source, None));
            }
        }
    }
}

fn choice(values: &[(&str, &str)]) -> ParamKind {
    ParamKind::Choice { choices: values.iter().map(|(v, l)| ((*v).to_owned(), (*l).to_owned())).collect() }
}

impl ReportPlugin for BudgetFollowUp {
    fn meta(&self) -> PluginMeta {
        PluginMeta {
            id: "budget-follow-up".into(),
            name_sv: "Budgetuppföljning".into(),
            name_en: "Budget follow-up".into(),
            description_sv: "Budget mot utfall per verksamhet: avvikelse i belopp och procent, förbrukningsgrad, \
                             helårsprognos, största avvikelser, diagram och kommentarer. Teckenkonventionen upptäcks \
                             och redovisas; filens summarad räknas inte två gånger."
                .into(),
            description_en: "Budget vs outcome per unit: deviation in amount and percent, consumption rate, \
                             full-year forecast, largest deviations, a chart and generated comments. The sign \
                             convention is detected and stated; the file's total row is not counted twice."
                .into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("budget", "Driftredovisning eller budgetuppföljning med budget och utfall per verksamhet")
                .kind(DatasetKind::Budget)
                .requires([ColumnRole::Budget, ColumnRole::Outcome])
                .uses([
                    ColumnRole::OrgUnit,
                    ColumnRole::Label,
                    ColumnRole::Forecast,
                    ColumnRole::Deviation,
                    ColumnRole::PreviousYear,
                ]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec {
                key: "sign".into(),
                label_sv: "Teckenkonvention".into(),
                help_sv: "Hur kostnader är tecknade i filen. 'auto' avgör det från beloppen.".into(),
                kind: choice(&[
                    ("auto", "Upptäck automatiskt"),
                    ("costs-negative", "Kostnader negativa (kommunal driftredovisning)"),
                    ("costs-positive", "Kostnader positiva (ekonomisystemets export)"),
                ]),
                default: Some(ParamValue::Text("auto".into())),
            },
            ParamSpec {
                key: "months".into(),
                label_sv: "Antal månader".into(),
                help_sv:
                    "Hur många månader av året utfallet avser (8 för januari–augusti). Läses annars ur rubrikerna."
                        .into(),
                kind: ParamKind::Integer { min: Some(1), max: Some(12) },
                default: None,
            },
            ParamSpec {
                key: "forecast".into(),
                label_sv: "Helårsprognos".into(),
                help_sv: "Filens prognoskolumn, linjär framskrivning eller förra årets månadsprofil.".into(),
                kind: choice(&[
                    ("auto", "Filens prognos, annars linjär"),
                    ("given", "Enligt verksamheten (filens prognoskolumn)"),
                    ("linear", "Linjär (utfall × 12 / månader)"),
                    ("profile", "Enligt förra årets profil"),
                ]),
                default: Some(ParamValue::Text("auto".into())),
            },
            ParamSpec {
                key: "threshold".into(),
                label_sv: "Tröskel för avvikelse (%)".into(),
                help_sv: "En verksamhet räknas som avvikande från denna avvikelse i procent av budget.".into(),
                kind: ParamKind::Number { min: Some(0.0), max: Some(100.0) },
                default: Some(ParamValue::Number(2.0)),
            },
            ParamSpec {
                key: "top".into(),
                label_sv: "Antal största avvikelser".into(),
                help_sv: "Hur många av de största negativa avvikelserna som listas.".into(),
                kind: ParamKind::Integer { min: Some(1), max: Some(50) },
                default: Some(ParamValue::Integer(3)),
            },
            ParamSpec {
                key: "level".into(),
                label_sv: "Djupaste nivå".into(),
                help_sv: "Den djupaste nivån i hierarkin som visas (0 = översta). Tomt visar alla.".into(),
                kind: ParamKind::Integer { min: Some(0), max: Some(9) },
                default: None,
            },
            ParamSpec {
                key: "unit".into(),
                label_sv: "Enhet".into(),
                help_sv: "Enhet för beloppen i rapporten. 'input' behåller filens enhet.".into(),
                kind: choice(&[("input", "Som i filen"), ("kr", "kr"), ("tkr", "tkr"), ("mnkr", "mnkr")]),
                default: Some(ParamValue::Text("input".into())),
            },
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Driftredovisning januari–augusti med standardinställningar")
                .sample("samples/driftredovisning_2024_aug.xlsx"),
            Example::new("Samma fil i mnkr, med linjär prognos och tröskeln 3 %")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .param("unit", "mnkr")
                .param("forecast", "linear")
                .param("threshold", "3"),
            Example::new("Teckenkonventionen angiven och perioden januari–juni")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .param("sign", "costs-negative")
                .param("months", "6"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        compute(self, ds, params)
    }
}

fn compute(plugin: &BudgetFollowUp, ds: &Dataset, params: &Params) -> ComputeResult {
    let mut report = common::new_report(&plugin.meta(), "Budgetuppföljning", ds);
    let mut diags: Vec<Diagnostic> = Vec::new();
    let cols = Cols::find(ds);
    let header = |c: Option<usize>, fallback: &str| {
        c.and_then(|c| ds.columns.get(c)).map_or_else(|| fallback.to_owned(), |m| m.name.trim().to_owned())
    };

    // Unit.
    let in_unit = common::unit_of(ds, cols.outcome.or(cols.period_budget));
    let wanted = params.text("unit").unwrap_or("input");
    let unit = match (wanted, &in_unit) {
        ("input", Some(u)) => u.clone(),
        ("input", None) => {
            diags.push(Diagnostic::warning(
                "Filen anger ingen enhet för beloppen (t.ex. 'Belopp i tkr' eller 'Utfall, tkr'); beloppen visas som de står. \
                 Skriv enheten i rubriken eller ovanför tabellen.",
            ).at(&ds.source, None));
            Unit::Other("enhet okänd".into())
        }
        (other, from) => {
            let to = Unit::parse(other).unwrap_or(Unit::Tkr);
            match from {
                Some(f) if f.is_currency() => to,
                _ => {
                    diags.push(Diagnostic::warning(format!(
                        "Beloppen kan inte räknas om till {other}: filens enhet är okänd. Beloppen visas som de står."
                    )));
                    from.clone().unwrap_or(Unit::Other("enhet okänd".into()))
                }
            }
        }
    };
    let from_unit = in_unit.clone();
    let to_unit = unit.clone();
    let conv = move |v: f64| match &from_unit {
        Some(f) => common::convert(v, f, &to_unit),
        None => v,
    };

    // Months.
    let detected_months = [cols.outcome, cols.period_budget]
        .into_iter()
        .flatten()
        .filter_map(|c| ds.columns.get(c))
        .find_map(|m| months_in_text(&m.name).map(|n| (n, format!("rubriken '{}'", m.name.trim()))))
        .or_else(|| months_in_text(&ds.title).map(|n| (n, format!("rubriken '{}'", ds.title.trim()))));
    let (months, months_source) = match params.integer("months") {
        Some(m) => (Some(m.clamp(1, 12) as u32), "parameter".to_owned()),
        None => match detected_months {
            Some((m, src)) => (Some(m), src),
            None => (None, String::new()),
        },
    };

    // Lines.
    let names = Names {
        label: header(cols.label, "Verksamhet"),
        annual: header(cols.annual, "Årsbudget"),
        budget: header(cols.period_budget, "Budget"),
        outcome: header(cols.outcome, "Utfall"),
        forecast: header(cols.forecast, "Helårsprognos"),
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut file_totals: Vec<(usize, String, Amounts)> = Vec::new();
    for (i, row) in ds.rows.iter().enumerate() {
        let mut label = text_at(ds, i, cols.label);
        let amounts = Amounts::read(ds, i, &cols, &conv);
        if label.is_empty() && amounts.is_empty() {
            continue;
        }
        if label.is_empty() {
            label = format!("Rad {}", row.source_row + 1);
        }
        if common::row_is_total(ds, i, &label) {
            file_totals.push((i, label, amounts));
            continue;
        }
        let kind = if row.kind == RowKind::Subtotal || common::is_subtotal_label(&label) {
            LineKind::Subtotal
        } else {
            LineKind::Data
        };
        lines.push(Line { label, level: row.level, kind, row: i, file: amounts, amounts, children: Vec::new() });
    }
    // A heading row without amounts, followed by deeper rows, sums them.
    for i in 0..lines.len() {
        let deeper_follows = lines.get(i + 1).is_some_and(|n| n.level > lines[i].level);
        if lines[i].kind == LineKind::Data && lines[i].file.is_empty() && deeper_follows {
            lines[i].kind = LineKind::Subtotal;
        }
    }
    assign_children(&mut lines);
    let mut covered = vec![false; lines.len()];
    for l in &lines {
        for &c in &l.children {
            covered[c] = true;
        }
    }
    // Subtotals: recompute from their children, deepest first, and check the file's figures.
    let mut order: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kind == LineKind::Subtotal).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(lines[i].level));
    for _ in 0..2 {
        // Twice, so that subtotals of subtotals on the same level settle (flat files).
        for &s in &order {
            if lines[s].children.is_empty() {
                continue;
            }
            let summed = Amounts::sum(lines[s].children.iter().map(|&c| &lines[c].amounts));
            lines[s].amounts = summed;
        }
    }
    let mut line_diags = LineDiagnostics::default();
    for &s in &order {
        let l = &lines[s];
        if l.children.is_empty() {
            continue;
        }
        for (what, file_v, sum_v) in l.file.differences(&l.amounts, &names) {
            line_diags.push(&mut diags, LineIssue::SubtotalSum, || {
                warn_at(
                    ds,
                    cell_at(ds, l.row, cols.label),
                    format!(
                        "Delsumman '{}' anger {what} {} men raderna under den summerar till {} (skillnad {}). \
                         Rapporten använder radernas summa; kontrollera filen.",
                        l.label,
                        amount(file_v, &unit),
                        amount(sum_v, &unit),
                        signed_amount(file_v - sum_v, &unit)
                    ),
                )
            });
        }
    }
    let top_lines: Vec<usize> = (0..lines.len()).filter(|&i| !covered[i]).collect();
    let total = Amounts::sum(top_lines.iter().map(|&i| &lines[i].amounts));

    // The file's total row: recognised, not added, checked.
    match file_totals.as_slice() {
        [] => diags.push(Diagnostic::info(
            "Filen har ingen summarad ('Summa' eller 'Totalt'); rapportens summa är summan av raderna.",
        )),
        totals => {
            for (row, label, file_amounts) in totals {
                let diffs = file_amounts.differences(&total, &names);
                let at = cell_at(ds, *row, cols.label);
                if diffs.is_empty() {
                    diags.push(
                        Diagnostic::info(format!(
                            "Filens summarad '{label}' stämmer med summan av raderna och räknas inte två gånger."
                        ))
                        .at(&ds.source, at),
                    );
                }
                for (what, file_v, sum_v) in diffs {
                    diags.push(warn_at(
                        ds,
                        at,
                        format!(
                            "Summaraden '{label}' anger {what} {} men raderna summerar till {} (skillnad {}). \
                             Rapporten använder radernas summa; kontrollera filens summarad.",
                            amount(file_v, &unit),
                            amount(sum_v, &unit),
                            signed_amount(file_v - sum_v, &unit)
                        ),
                    ));
                }
            }
        }
    }

    // Sign convention.
    let sign = match params.text("sign").unwrap_or("auto") {
        "costs-negative" => Sign::CostsNegative,
        "costs-positive" => Sign::CostsPositive,
        _ => {
            let values: Vec<f64> = lines
                .iter()
                .filter(|l| l.kind == LineKind::Data)
                .flat_map(|l| [l.file.annual, l.file.period_budget, l.file.outcome])
                .flatten()
                .filter(|v| *v != 0.0)
                .collect();
            let negative = values.iter().filter(|v| **v < 0.0).count();
            let sign = if negative * 2 > values.len() { Sign::CostsNegative } else { Sign::CostsPositive };
            diags.push(Diagnostic::info(format!(
                "Teckenkonventionen upptäcktes från beloppen: {} av {} budget- och utfallsbelopp är negativa, \
                 alltså {}. Ange parametern sign om det är fel.",
                format::number(negative as f64, 0),
                format::number(values.len() as f64, 0),
                sign.label()
            )));
            sign
        }
    };

    // Forecast mode.
    let requested = params.text("forecast").unwrap_or("auto");
    let forecast = match requested {
        "given" if cols.forecast.is_some() => ForecastMode::Given,
        "given" => {
            diags.push(Diagnostic::warning(
                "Parametern forecast=given kräver en prognoskolumn ('Helårsprognos' eller 'Prognos'); filen har ingen. \
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
                "Linjär prognos kräver antalet månader: ange parametern months (t.ex. months=8).",
            ));
            ForecastMode::None
        }
        _ => ForecastMode::None,
    };
    let periodise = cols.period_budget.is_none() && cols.annual.is_some() && months.is_some_and(|m| m < 12);
    if cols.period_budget.is_none() && cols.annual.is_some() {
        if periodise {
            diags.push(Diagnostic::info(format!(
                "Filen har bara årsbudget; utfallet jämförs med årsbudgeten periodiserad linjärt ({} av 12 månader).",
                months.unwrap_or(12)
            )));
        } else if months.is_none() {
            diags.push(Diagnostic::info(
                "Filen har bara årsbudget och perioden framgår inte; utfallet jämförs med hela årsbudgeten. \
                 Ange parametern months om utfallet avser en del av året.",
            ));
        }
    }
    let ctx = Ctx {
        sign,
        months,
        periodise,
        forecast,
        threshold: params.number("threshold").unwrap_or(2.0),
        unit: unit.clone(),
    };

    // Missing figures per line.
    for l in lines.iter().filter(|l| l.kind == LineKind::Data) {
        let d = ctx.derive(&l.amounts);
        let at = cell_at(ds, l.row, cols.period_budget.or(cols.annual));
        if d.budget.is_none() && l.amounts.outcome.is_some() {
            line_diags.push(&mut diags, LineIssue::MissingBudget, || {
                warn_at(
                    ds,
                    at,
                    format!(
                        "'{}' saknar budget. Raden visas med sitt utfall men utan avvikelse; i summan räknas hela \
                         utfallet som avvikelse mot budget. Fyll i budgeten (0 om raden ska ha noll i budget).",
                        l.label
                    ),
                )
            });
        } else if l.amounts.outcome.is_none() && d.budget.is_some() {
            line_diags.push(&mut diags, LineIssue::MissingOutcome, || {
                warn_at(
                    ds,
                    cell_at(ds, l.row, cols.outcome),
                    format!("'{}' saknar utfall. Raden visas med sin budget men utan avvikelse.", l.label),
                )
            });
        }
        if ctx.forecast == ForecastMode::Given && l.amounts.forecast.is_none() && l.amounts.outcome.is_some() {
            line_diags.push(&mut diags, LineIssue::MissingForecast, || {
                warn_at(ds, cell_at(ds, l.row, cols.forecast), format!("'{}' saknar helårsprognos i filen.", l.label))
            });
        }
    }
    check_file_deviation(ds, &cols, &lines, &ctx, &conv, &mut diags, &mut line_diags);
    line_diags.finish(ds, &mut diags);

    // Shown rows.
    let max_level = params.integer("level").map(|l| l.clamp(0, 255) as u8);
    let shown: Vec<usize> = (0..lines.len()).filter(|&i| max_level.is_none_or(|m| lines[i].level <= m)).collect();
    // Where each line is in the table (a lookup, not a search: files have 100 000+ lines).
    let mut out_positions: Vec<Option<usize>> = vec![None; lines.len()];
    for (k, &i) in shown.iter().enumerate() {
        out_positions[i] = Some(k);
    }
    let out_index = |line: usize| out_positions.get(line).copied().flatten();

    // Table.
    let has_annual = cols.annual.is_some();
    let has_forecast = ctx.forecast != ForecastMode::None;
    let has_forecast_error = ctx.months == Some(12) && cols.forecast.is_some();
    let period = period_text(months);
    let budget_title = if periodise { format!("Budget {period} (periodiserad)") } else { names.budget.clone() };
    let mut columns = vec![text_col("verksamhet", &names.label)];
    if has_annual {
        columns.push(amount_col("arsbudget", &names.annual, &unit, None));
    }
    columns.push(amount_col("budget", &budget_title, &unit, None));
    columns.push(amount_col("utfall", &names.outcome, &unit, None));
    columns.push(amount_col("avvikelse", "Avvikelse", &unit, Some(sign.formula("utfall", "budget"))));
    columns.push(percent_col(
        "avvikelse_pct",
        "Avvikelse, %",
        Some(ColumnFormula::PercentOfAbs { a: "avvikelse".into(), b: "budget".into() }),
    ));
    if has_annual && ctx.months != Some(12) {
        columns.push(percent_col(
            "forbrukningsgrad",
            "Förbrukningsgrad, %",
            Some(ColumnFormula::Percent { a: "utfall".into(), b: "arsbudget".into() }),
        ));
    }
    if has_forecast {
        let title = match ctx.forecast {
            ForecastMode::Linear => "Helårsprognos (linjär)".to_owned(),
            ForecastMode::Profile => "Helårsprognos (förra årets profil)".to_owned(),
            _ => names.forecast.clone(),
        };
        columns.push(amount_col("prognos", &title, &unit, None));
        if has_annual && ctx.months != Some(12) {
            columns.push(amount_col(
                "prognos_mot_budget",
                "Prognos mot årsbudget",
                &unit,
                Some(sign.formula("prognos", "arsbudget")),
            ));
        }
    }
    if has_forecast_error {
        columns.push(amount_col(
            "prognosavvikelse",
            "Prognosavvikelse (utfall mot prognos)",
            &unit,
            Some(sign.formula("utfall", "prognos")),
        ));
    }
    columns.push(status_col("status", "Status"));
    let has_consumption_col = columns.iter().any(|c| c.key == "forbrukningsgrad");
    let has_vs_budget_col = columns.iter().any(|c| c.key == "prognos_mot_budget");

    let make_cells = |label: &str, a: &Amounts, d: &Derived| -> Vec<TableCell> {
        let mut cells = vec![TableCell::Text(label.to_owned())];
        if has_annual {
            cells.push(TableCell::number(a.annual));
        }
        cells.push(TableCell::number(d.budget));
        cells.push(TableCell::number(a.outcome));
        cells.push(TableCell::number(d.deviation));
        cells.push(TableCell::number(d.deviation_pct));
        if has_consumption_col {
            cells.push(TableCell::number(d.consumption));
        }
        if has_forecast {
            cells.push(TableCell::number(d.forecast));
            if has_vs_budget_col {
                cells.push(TableCell::number(d.forecast_vs_annual));
            }
        }
        if has_forecast_error {
            cells.push(TableCell::number(d.forecast_error));
        }
        let (status, text) = ctx.status(d);
        cells.push(TableCell::Status { status, label: text.to_owned() });
        cells
    };

    let derived: Vec<Derived> = lines.iter().map(|l| ctx.derive(&l.amounts)).collect();
    // The total's forecast is the sum of the lines' forecasts (they may be made differently).
    let mut total_derived = ctx.derive(&total);
    total_derived.forecast = sum_present(top_lines.iter().map(|&i| derived[i].forecast));
    total_derived.forecast_vs_annual = match (total_derived.forecast, total.annual) {
        (Some(f), Some(y)) if ctx.months != Some(12) => Some(sign.better(f, y)),
        _ => None,
    };

    let mut rows: Vec<Row> = Vec::new();
    for &i in &shown {
        let l = &lines[i];
        let sum_of: Vec<usize> = if l.kind == LineKind::Subtotal && !l.children.is_empty() {
            let mapped: Vec<Option<usize>> = l.children.iter().map(|&c| out_index(c)).collect();
            if mapped.iter().all(Option::is_some) { mapped.into_iter().flatten().collect() } else { Vec::new() }
        } else {
            Vec::new()
        };
        rows.push(Row {
            cells: make_cells(&l.label, &l.amounts, &derived[i]),
            level: l.level,
            kind: if l.kind == LineKind::Subtotal { RowKindOut::Subtotal } else { RowKindOut::Data },
            sum_of,
        });
    }
    let total_sum_of: Vec<usize> = {
        let mapped: Vec<Option<usize>> = top_lines.iter().map(|&c| out_index(c)).collect();
        if mapped.iter().all(Option::is_some) { mapped.into_iter().flatten().collect() } else { Vec::new() }
    };
    rows.push(Row {
        cells: make_cells("Summa", &total, &total_derived),
        level: 0,
        kind: RowKindOut::Total,
        sum_of: total_sum_of,
    });
    let table = Table {
        id: "per-verksamhet".into(),
        title: format!("Budget och utfall {period}, {}", unit.label()),
        columns,
        rows,
    };

    // Chart of deviations per unit (the top level shown); with more than CHART_MAX lines, the
    // CHART_MAX largest deviations by amount, largest first.
    let chart_lines: Vec<usize> = top_lines.iter().copied().filter(|&i| out_index(i).is_some()).collect();
    let chart_title = format!("Avvikelse mot budget per {} ({period}), {}", names.label.to_lowercase(), unit.label());
    let (chart_lines, chart_title) = if chart_lines.len() <= CHART_MAX {
        (chart_lines, chart_title)
    } else {
        let of = chart_lines.len();
        let mut largest: Vec<usize> = chart_lines.into_iter().filter(|&i| derived[i].deviation.is_some()).collect();
        // Largest amount first; equal amounts by the larger percentage, then in the table's order.
        largest.sort_by(|&a, &b| larger_first(&derived[a], &derived[b]));
        largest.truncate(CHART_MAX);
        let of_what = if top_lines.len() == lines.len() {
            rows_text(of)
        } else {
            format!("{} på översta nivån", rows_text(of))
        };
        let title = format!("{chart_title}: de {} största avvikelserna (i belopp) av {of_what}", largest.len());
        (largest, title)
    };
    let chart = Chart {
        id: "avvikelse-per-verksamhet".into(),
        title: chart_title,
        kind: ChartKind::Bar,
        categories: chart_lines.iter().map(|&i| lines[i].label.clone()).collect(),
        series: vec![Series {
            name: "Avvikelse".into(),
            values: chart_lines.iter().map(|&i| derived[i].deviation).collect(),
            statuses: chart_lines.iter().map(|&i| derived[i].deviation.map(|_| ctx.status(&derived[i]).0)).collect(),
        }],
        unit: Some(unit.clone()),
        value_label: format!("Avvikelse, {}", unit.label()),
        reference_lines: Vec::new(),
        horizontal: true,
    };

    // Key figures.
    let dec = common::decimals_for(&unit);
    let (total_status, _) = ctx.status(&total_derived);
    let mut figures = vec![
        KeyFigure {
            label: format!("Budget {period}"),
            value: total_derived.budget,
            unit: Some(unit.clone()),
            decimals: dec,
            change: None,
            status: None,
            note: None,
        },
        KeyFigure {
            label: format!("Utfall {period}"),
            value: total.outcome,
            unit: Some(unit.clone()),
            decimals: dec,
            change: None,
            status: None,
            note: None,
        },
        KeyFigure {
            label: "Avvikelse mot budget".into(),
            value: total_derived.deviation,
            unit: Some(unit.clone()),
            decimals: dec,
            change: None,
            status: total_derived.deviation.map(|_| total_status),
            note: total_derived.deviation_pct.map(|p| format!("{} av budget", format::percent(p, 1))),
        },
    ];
    if let (Some(c), Some(m)) = (total_derived.consumption, months.filter(|m| *m < 12)) {
        let elapsed = 100.0 * f64::from(m) / 12.0;
        let over = c - elapsed;
        // For net costs a higher consumption than the elapsed share is a risk.
        let status = if over <= 0.0 {
            Status::Good
        } else if over <= ctx.threshold {
            Status::Warning
        } else {
            Status::Bad
        };
        figures.push(KeyFigure {
            label: "Förbrukningsgrad".into(),
            value: Some(c),
            unit: Some(Unit::Percent),
            decimals: 1,
            change: None,
            status: Some(status),
            note: Some(format!("av årsbudget; {} av året har gått ({m} av 12 månader)", format::percent(elapsed, 1))),
        });
    }
    if let Some(f) = total_derived.forecast {
        figures.push(KeyFigure {
            label: "Helårsprognos".into(),
            value: Some(f),
            unit: Some(unit.clone()),
            decimals: dec,
            change: None,
            status: None,
            note: Some(forecast_note(ctx.forecast).into()),
        });
    }
    if let Some(v) = total_derived.forecast_vs_annual {
        figures.push(KeyFigure {
            label: "Prognos mot årsbudget".into(),
            value: Some(v),
            unit: Some(unit.clone()),
            decimals: dec,
            change: None,
            status: Some(if v >= 0.0 { Status::Good } else { Status::Bad }),
            note: None,
        });
    }

    // Sentences.
    let mut summary = Vec::new();
    if let (Some(o), Some(b), Some(d)) = (total.outcome, total_derived.budget, total_derived.deviation) {
        let negatives = lines
            .iter()
            .zip(&derived)
            .filter(|(l, d)| l.kind == LineKind::Data && d.deviation.is_some_and(|v| v < 0.0))
            .count();
        let data_count = lines.iter().filter(|l| l.kind == LineKind::Data).count();
        summary.push(format!(
            "Utfallet för {period} är totalt {} mot en budget på {}, {} ({}). {} av {} rader har en negativ avvikelse.",
            amount(o, &unit),
            amount(b, &unit),
            deviation_words(d, &unit),
            total_derived.deviation_pct.map_or_else(|| "–".to_owned(), signed_percent),
            format::number(negatives as f64, 0),
            format::number(data_count as f64, 0),
        ));
    }
    if let (Some(f), Some(v)) = (total_derived.forecast, total_derived.forecast_vs_annual) {
        summary.push(format!(
            "Helårsprognosen ({}) är {}, vilket är {} mot årsbudgeten.",
            forecast_note(ctx.forecast),
            amount(f, &unit),
            deviation_words(v, &unit)
        ));
    }
    // One sentence per shown line that deviates (or lacks a budget), in the table's order; with
    // more than SENTENCES_MAX such lines, the largest (by amount) first and one sentence on the rest.
    let commented: Vec<(usize, f64)> = (0..lines.len())
        .filter(|&i| out_index(i).is_some())
        .filter_map(|i| comment_weight(&lines[i], &derived[i], ctx.threshold).map(|w| (i, w)))
        .collect();
    let comment = |i: usize| -> String {
        let (l, d) = (&lines[i], &derived[i]);
        match (l.amounts.outcome, d.budget, d.deviation) {
            (Some(o), None, _) => format!(
                "{}: utfallet för {period} är {} men raden saknar budget i filen, så ingen avvikelse har beräknats.",
                l.label,
                amount(o, &unit)
            ),
            (Some(o), Some(b), Some(dev)) => {
                let mut s = format!(
                    "{}: utfallet för {period} är {} mot en budget på {}, {}{}.",
                    l.label,
                    amount(o, &unit),
                    amount(b, &unit),
                    deviation_words(dev, &unit),
                    d.deviation_pct.map_or_else(String::new, |p| format!(" ({})", signed_percent(p)))
                );
                if let (Some(f), Some(fv)) = (d.forecast, d.forecast_vs_annual) {
                    s.push_str(&format!(
                        " Helårsprognosen {} ger {} mot årsbudgeten.",
                        amount(f, &unit),
                        deviation_words(fv, &unit)
                    ));
                }
                s
            }
            _ => String::new(),
        }
    };
    let threshold_text = format::percent(ctx.threshold, 1);
    let mut comments: Vec<String> = if commented.len() <= SENTENCES_MAX {
        commented.iter().map(|&(i, _)| comment(i)).collect()
    } else {
        let mut largest = commented;
        // Largest amount first; equal amounts by the larger percentage, then in the table's order.
        largest.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| larger_first(&derived[a.0], &derived[b.0])));
        let (first, rest) = largest.split_at(SENTENCES_MAX);
        let mut out: Vec<String> = first.iter().map(|&(i, _)| comment(i)).collect();
        let without_budget = rest.iter().filter(|&&(i, _)| derived[i].budget.is_none()).count();
        let deviating = rest.len() - without_budget;
        let mut parts = Vec::new();
        if deviating > 0 {
            parts.push(format!("{} avviker med {threshold_text} eller mer från budget", rows_text(deviating)));
        }
        if without_budget > 0 {
            parts.push(format!("{} saknar budget", rows_text(without_budget)));
        }
        out.push(format!("Ytterligare {}; se tabellen.", parts.join(" och ")));
        out
    };
    if comments.is_empty() {
        comments.push(format!("Ingen rad avviker med {threshold_text} eller mer från budget."));
    }

    // Largest negative deviations.
    let top_n = params.integer("top").unwrap_or(3).max(1) as usize;
    let mut worst: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == LineKind::Data && derived[i].deviation.is_some_and(|d| d < 0.0))
        .collect();
    worst.sort_by(|&a, &b| {
        let da = derived[a].deviation.unwrap_or(0.0);
        let db = derived[b].deviation.unwrap_or(0.0);
        da.total_cmp(&db)
    });
    worst.truncate(top_n);
    let worst_table = Table {
        id: "storsta-avvikelser".into(),
        title: format!("Största negativa avvikelser ({period})"),
        columns: vec![
            text_col("verksamhet", &names.label),
            amount_col("budget", &budget_title, &unit, None),
            amount_col("utfall", &names.outcome, &unit, None),
            amount_col("avvikelse", "Avvikelse", &unit, Some(sign.formula("utfall", "budget"))),
            percent_col(
                "avvikelse_pct",
                "Avvikelse, %",
                Some(ColumnFormula::PercentOfAbs { a: "avvikelse".into(), b: "budget".into() }),
            ),
        ],
        rows: worst
            .iter()
            .map(|&i| Row {
                cells: vec![
                    TableCell::Text(lines[i].label.clone()),
                    TableCell::number(derived[i].budget),
                    TableCell::number(lines[i].amounts.outcome),
                    TableCell::number(derived[i].deviation),
                    TableCell::number(derived[i].deviation_pct),
                ],
                level: 0,
                kind: RowKindOut::Data,
                sum_of: Vec::new(),
            })
            .collect(),
    };

    // Provenance.
    let all_rows: Vec<usize> = lines.iter().map(|l| l.row).chain(file_totals.iter().map(|(r, _, _)| *r)).collect();
    let notes: Vec<_> = [
        (cols.annual, &names.annual),
        (cols.period_budget, &names.budget),
        (cols.outcome, &names.outcome),
        (cols.forecast, &names.forecast),
    ]
    .into_iter()
    .filter_map(|(c, n)| provenance(ds, n.clone(), c, &all_rows))
    .collect();

    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures { figures });
    overview.blocks.push(Block::Text(Text { paragraphs: summary, generated: true }));
    overview.blocks.push(Block::Text(Text { paragraphs: vec![sign.statement().to_owned()], generated: false }));
    let mut per_unit = Section::new("per-verksamhet", format!("Per {}", names.label.to_lowercase()));
    per_unit.blocks.push(Block::Table(table));
    per_unit.blocks.push(Block::Chart(chart));
    let mut deviations = Section::new("avvikelser", "Avvikelser");
    deviations.blocks.push(Block::Text(Text { paragraphs: comments, generated: true }));
    if !worst_table.rows.is_empty() {
        deviations.blocks.push(Block::Table(worst_table));
    }

    let mut shown_params = params.display(&plugin.params());
    shown_params.push(("Använd teckenkonvention".into(), sign.label().into()));
    if let Some(m) = months {
        shown_params.push(("Period".into(), format!("{period} ({m} månader, från {months_source})")));
    }
    shown_params.push(("Enhet i rapporten".into(), unit.label().to_owned()));
    report.parameters = shown_params;
    common::finish(&mut report, vec![overview, per_unit, deviations], notes, diags);
    Ok(report)
}

/// Assigns the rows each subtotal sums: by hierarchy level when the import found levels, else the
/// rows since the previous subtotal for a "Summa …" row written below its rows.
fn assign_children(lines: &mut [Line]) {
    let n = lines.len();
    for s in 0..n {
        if lines[s].kind != LineKind::Subtotal {
            continue;
        }
        let level = lines[s].level;
        let after: Vec<usize> = (s + 1..n).take_while(|&j| lines[j].level > level).collect();
        let before: Vec<usize> = (0..s).rev().take_while(|&j| lines[j].level > level).collect();
        let below_style = common::is_subtotal_label(&lines[s].label);
        let range = match (below_style, after.is_empty(), before.is_empty()) {
            (true, _, false) => before,
            (false, false, _) => after,
            (_, false, true) => after,
            (_, true, false) => before,
            (_, true, true) if below_style => {
                (0..s).rev().take_while(|&j| lines[j].kind == LineKind::Data && lines[j].level == level).collect()
            }
            _ => Vec::new(),
        };
        let direct_level = range.iter().map(|&j| lines[j].level).min();
        let mut children: Vec<usize> = range.into_iter().filter(|&j| Some(lines[j].level) == direct_level).collect();
        children.sort_unstable();
        lines[s].children = children;
    }
}

/// Compares the file's own deviation column with the computed one.
fn check_file_deviation(
    ds: &Dataset,
    cols: &Cols,
    lines: &[Line],
    ctx: &Ctx,
    conv: &dyn Fn(f64) -> f64,
    diags: &mut Vec<Diagnostic>,
    line_diags: &mut LineDiagnostics,
) {
    let Some(dev_col) = cols.deviation else { return };
    let mut same = 0;
    let mut reversed = 0;
    let mut other = Vec::new();
    for l in lines.iter().filter(|l| l.kind == LineKind::Data) {
        let (Some(file_dev), Some(dev)) =
            (num_at(ds, l.row, Some(dev_col)).map(conv), ctx.derive(&l.amounts).deviation)
        else {
            continue;
        };
        if (file_dev - dev).abs() <= 0.5 {
            same += 1;
        } else if (file_dev + dev).abs() <= 0.5 {
            reversed += 1;
        } else {
            other.push((l, file_dev, dev));
        }
    }
    if reversed > 0 && same == 0 {
        diags.push(
            Diagnostic::warning(format!(
                "Filens avvikelsekolumn har motsatt tecken mot rapportens ({reversed} rader). Rapporten räknar med {}; \
             ange parametern sign om filen använder den andra konventionen.",
                ctx.sign.label()
            ))
            .at(&ds.source, None),
        );
    }
    for (l, file_dev, dev) in other {
        line_diags.push(diags, LineIssue::FileDeviation, || {
            warn_at(
                ds,
                cell_at(ds, l.row, Some(dev_col)),
                format!(
                    "'{}': filens avvikelse {} stämmer inte med utfall och budget ({}).",
                    l.label,
                    amount(file_dev, &ctx.unit),
                    amount(dev, &ctx.unit)
                ),
            )
        });
    }
}

/// How much a line's sentence matters (its deviation, or its outcome when it has no budget, by
/// amount), or `None` when the line gets no sentence: it is within the threshold or has no outcome.
fn comment_weight(line: &Line, d: &Derived, threshold: f64) -> Option<f64> {
    match (line.amounts.outcome, d.budget, d.deviation) {
        (Some(o), None, _) => Some(o.abs()),
        (Some(_), Some(_), Some(dev)) if d.deviation_pct.is_none_or(|p| p.abs() >= threshold) => Some(dev.abs()),
        _ => None,
    }
}

/// Orders lines by their deviation in amount, largest first, then by their deviation in percent.
fn larger_first(a: &Derived, b: &Derived) -> std::cmp::Ordering {
    let size = |d: &Derived| d.deviation.map_or(0.0, f64::abs);
    let pct = |d: &Derived| d.deviation_pct.map_or(0.0, f64::abs);
    size(b).total_cmp(&size(a)).then_with(|| pct(b).total_cmp(&pct(a)))
}

fn forecast_note(mode: ForecastMode) -> &'static str {
    match mode {
        ForecastMode::Given => "enligt verksamheternas prognos",
        ForecastMode::Linear => "linjär framskrivning av utfallet",
        ForecastMode::Profile => "framskriven med förra årets månadsprofil",
        ForecastMode::None => "ingen prognos",
    }
}

/// "en negativ avvikelse på −29 318 tkr" / "en positiv avvikelse på +8 638 tkr" / "ingen avvikelse".
fn deviation_words(value: f64, unit: &Unit) -> String {
    let shown = format::number(value, common::decimals_for(unit) as usize);
    if shown.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        "ingen avvikelse".to_owned()
    } else if value < 0.0 {
        format!("en negativ avvikelse på {}", signed_amount(value, unit))
    } else {
        format!("en positiv avvikelse på {}", signed_amount(value, unit))
    }
}

fn signed_percent(p: f64) -> String {
    format!("{}\u{00A0}%", format::signed(p, 1))
}
