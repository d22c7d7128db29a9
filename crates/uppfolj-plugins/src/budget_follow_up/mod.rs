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
//! is **not** added again; it is compared with the sum of the rows. Rows marked as subtotals (or
//! labelled "Delsumma" / "Summa …") are recomputed from the rows they sum, following the hierarchy
//! levels found by the import. A line without a budget is shown with its outcome and an empty
//! deviation, and listed in the diagnostics.
//!
//! ## Reconciliation with the file's sums
//! Which rows a "Delsumma" covers follows indentation, codes and bold rows. Where they leave it open
//! (all the rows above it on one level), the amounts decide: when only the last few rows above it
//! add up to its figures, in every amount column, those are its rows, and the import says so. A
//! "Delsumma regional utveckling" of −80 tkr under nine rows of which only the last three (−40,
//! −15, −25) sum to −80 covers those three; the other six stay on the top level.
//!
//! Every subtotal and total the file states is compared with the computed sum (differences of up
//! to half a unit are none). A difference is given with both numbers, the difference and the
//! likely reason, at the file's cell:
//! - **rounding** (information, not a warning) when it is at most half a unit per amount summed:
//!   "Summaraden 'Summa', Budget: filen anger −171 tkr men beräkningen ger −170 tkr (skillnad
//!   −1 tkr). Trolig orsak: avrundning; …";
//! - **a row** when it equals one line's amount: "… Trolig orsak: filens summa tar inte med raden
//!   'Gemensamma kostnader' (−15 tkr, cell A8), som beräkningen räknar med; …";
//! - otherwise it says the reason is unknown and what to check.
//!
//! The report always uses the computed sums.
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
//! ## Ledgers: grouped by unit and account
//! A ledger export (huvudbok) has many lines per unit: one per invoice or budget entry, with
//! columns such as Förvaltning, Verksamhet, Konto, Kontonamn, Projekt, Leverantör,
//! Bokföringsdatum, Period, Budget and Utfall. Such a file is **grouped**: the table has one row
//! per group with its subtotal (in the workbook a live `=SUM(..)` of the rows below it), the
//! accounts as the level below (each account's row sums the file's lines of that account in that
//! group), and the total. The chart, the sentences under "Avvikelser", the count in the summary
//! ("På nivån Förvaltning har 2 av 3 en negativ avvikelse.") and the largest negative deviations
//! are on the top level. A paragraph above the table says how the lines were grouped and that
//! every line of the file is in the workbook's input sheet ("Indata"); the Källor section names
//! the cells of every line.
//!
//! Which columns group, from the top:
//! - the parameter `group` (Gruppera efter): column headers as in the file, comma separated,
//!   compared without case and extra spaces (`förvaltning,verksamhet`, `konto`, `projekt`), or
//!   the words `organisation` (every column the import marked as organisation: Förvaltning,
//!   Verksamhet, Enhet, Ansvar, …) and `konto` (the account columns: Konto, Kontonamn). The
//!   account columns (a code and a name) make one level, "4010 Förbrukningsmaterial". Unless
//!   they are grouped already, they are the level below. A name no column has is reported and
//!   left out (when none matches, the default applies); `ingen` turns grouping off.
//! - by default (no `group`): the first two organisation columns from the left (Förvaltning and
//!   Verksamhet), when the file is a flat list (no levels or subtotals found by the import) in
//!   which some unit has several lines. Finer organisation columns (Ansvar, Kostnadsställe) would
//!   make a table nearly as long as the ledger; the paragraph above the table names them and how
//!   to take them in (`group=förvaltning,verksamhet,ansvar` or `group=organisation`). A
//!   driftredovisning with one line per unit is shown as before.
//!
//! Groups are ordered by name (account codes as numbers). A file row that is a subtotal is left
//! out when grouping (the groups sum the lines themselves), and the file's own deviation column
//! is not compared per group.
//!
//! ## Sign convention
//! Municipal driftredovisning writes costs negative and income positive; then
//! `avvikelse = utfall − budget` and a positive deviation is better than budget (costs −1 116
//! against a budget of −1 149 give +33). ERP exports often write costs positive; then
//! `avvikelse = budget − utfall`. With `sign=auto` the convention is detected from the amounts
//! (mostly negative → costs negative), and a note says what was found: "… alltså kostnader
//! negativa (avvikelse = utfall − budget). Välj Teckenkonvention om det är fel." The convention
//! used is always stated in the report. When the file's own deviation column has the opposite
//! sign on every line, a warning says so.
//!
//! ## Parameters
//! Each parameter's Swedish label (what the app shows, and what messages name) is in brackets.
//! - `sign` (Teckenkonvention) — `auto` (default), `costs-negative` or `costs-positive`.
//! - `months` (Antal månader) — months of the year covered by the outcome (1–12). Default: read
//!   from the headers or the title ("jan–aug" → 8), else, for a ledger, from its period or date
//!   column when its lines run from January to a later month of one year (2024-01 … 2024-08 →
//!   8, and the report's period "januari–augusti 2024"). Used for the förbrukningsgrad, the
//!   periodised budget (when only an annual budget is given) and the linear forecast.
//! - `forecast` (Helårsprognos) — `auto` (default: the file's forecast column if any, else linear),
//!   `given`, `linear` (utfall × 12 / months) or `profile` (utfall × last year's full-year outcome
//!   / last year's outcome for the same months).
//! - `threshold` (Tröskel för avvikelse (%)) — percent deviation from which a unit counts as
//!   deviating (default 2).
//! - `top` (Antal största avvikelser) — how many of the largest negative deviations to list
//!   (default 3).
//! - `level` (Djupaste nivå) — the deepest hierarchy level shown (default: all).
//! - `unit` (Enhet) — `input` (default: keep the file's unit), `kr`, `tkr` or `mnkr`.
//! - `group` (Gruppera efter) — the columns to group a ledger's lines by, from the top, comma
//!   separated: headers as in the file or the words `organisation` and `konto`; `ingen` for no
//!   grouping. Default: the organisation columns when some unit has several lines (see *Ledgers*).
//!
//! ## Example
//! ```text
//! uppfolj run budget-follow-up samples/driftredovisning_2024_aug.xlsx --param threshold=3
//! ```
//! For the sample file (January–August 2024, tkr, costs negative) the report shows, among others,
//! "Närsjukvårdsområde Väster: utfallet för januari–augusti är −489 318 tkr mot en budget på
//! −460 000 tkr, en negativ avvikelse på −29 318 tkr (−6,4 %)."
//!
//! The plugin declares three examples on that file (defaults; mnkr with a linear forecast and
//! the threshold 3; the convention chosen and six months), each with the key figures it must
//! produce, which the tests check: with the defaults the deviation is −182 909 tkr and the
//! forecast −8 670 800 tkr; in mnkr the linear forecast is −8 663,9 mnkr.
//!
//! Two more run on an invented ledger of 346 lines
//! (`crates/uppfolj-import/tests/fixtures/ledger/huvudbok_budget_2024_aug.xlsx`, costs positive,
//! kr): grouped by default per Förvaltning and Verksamhet with the accounts below
//! (Barn- och utbildningsförvaltningen: budget 1 869 400 kr, outcome 1 556 551,50 kr, deviation
//! +312 848,50 kr; the whole ledger +569 220 kr), and with `--param group=konto` one row per account
//! (4620 Köp av verksamhet: outcome 1 675 473,02 kr):
//! ```text
//! uppfolj run budget-follow-up crates/uppfolj-import/tests/fixtures/ledger/huvudbok_budget_2024_aug.xlsx --param group=konto
//! ```
//!
//! ## How the plugin is built
//! `read` turns the file into lines (`amounts` for their figures), `ledger` groups a ledger's
//! lines (on the crate's `grouping`), `hierarchy` settles the subtotals, `settings` resolves the parameters against the file, `checks` and `diagnostics`
//! say what the file gets wrong, `compute` derives each line's figures, and `tables`, `charts`,
//! `key_figures`, `text` and `report` present them.

mod amounts;
mod charts;
mod checks;
mod compute;
mod diagnostics;
mod hierarchy;
mod key_figures;
mod ledger;
mod read;
mod report;
mod settings;
mod tables;
mod text;

use crate::grouping::{self, Grouping};
use amounts::Amounts;
use checks::Checks;
use compute::Derived;
use diagnostics::Diagnostics;
use hierarchy::Hierarchy;
use ledger::Ledger;
use read::{Cols, FileTotal, Line, Names};
use settings::{OutputUnit, Period, Settings};
use tables::Shown;
use uppfolj_plugin::kit::{ReportBuilder, SignConvention};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset, DatasetKind};
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamSpec, ParamValue, Params, PluginMeta, ReportPlugin, require,
};

/// The invented ledger of the examples (budget and outcome per line).
const LEDGER: &str = "crates/uppfolj-import/tests/fixtures/ledger/huvudbok_budget_2024_aug.xlsx";

/// The budget follow-up plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct BudgetFollowUp;

impl ReportPlugin for BudgetFollowUp {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("budget-follow-up", "Budgetuppföljning")
            .name_en("Budget follow-up")
            .describe(
                "Budget mot utfall per verksamhet: avvikelse i belopp och procent, förbrukningsgrad, helårsprognos, \
                 största avvikelser, diagram och kommentarer. Teckenkonventionen upptäcks och redovisas; filens \
                 summarad räknas inte två gånger.",
                "Budget vs outcome per unit: deviation in amount and percent, consumption rate, full-year forecast, \
                 largest deviations, a chart and generated comments. The sign convention is detected and stated; \
                 the file's total row is not counted twice.",
            )
            .version(env!("CARGO_PKG_VERSION"))
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
        let auto = || ParamValue::Text("auto".into());
        vec![
            ParamSpec::choice(
                SignConvention::PARAM,
                "Teckenkonvention",
                &[
                    ("auto", "Upptäck automatiskt"),
                    ("costs-negative", "Kostnader negativa (kommunal driftredovisning)"),
                    ("costs-positive", "Kostnader positiva (ekonomisystemets export)"),
                ],
            )
            .help("Hur kostnader är tecknade i filen. 'Upptäck automatiskt' avgör det från beloppen.")
            .default_value(auto()),
            ParamSpec::integer("months", "Antal månader", Some(1), Some(12))
                .help("Hur många månader av året utfallet avser (8 för januari–augusti). Läses annars ur rubrikerna."),
            ParamSpec::choice(
                "forecast",
                "Helårsprognos",
                &[
                    ("auto", "Filens prognos, annars linjär"),
                    ("given", "Enligt verksamheten (filens prognoskolumn)"),
                    ("linear", "Linjär (utfall × 12 / månader)"),
                    ("profile", "Enligt förra årets profil"),
                ],
            )
            .help("Filens prognoskolumn, linjär framskrivning eller förra årets månadsprofil.")
            .default_value(auto()),
            ParamSpec::number("threshold", "Tröskel för avvikelse (%)")
                .range(Some(0.0), Some(100.0))
                .help("En verksamhet räknas som avvikande från denna avvikelse i procent av budget.")
                .default_value(ParamValue::Number(2.0)),
            ParamSpec::integer("top", "Antal största avvikelser", Some(1), Some(50))
                .help("Hur många av de största negativa avvikelserna som listas.")
                .default_value(ParamValue::Integer(3)),
            ParamSpec::integer("level", "Djupaste nivå", Some(0), Some(9))
                .help("Den djupaste nivån i hierarkin som visas (0 = översta). Tomt visar alla."),
            ParamSpec::choice(
                "unit",
                "Enhet",
                &[("input", "Som i filen"), ("kr", "kr"), ("tkr", "tkr"), ("mnkr", "mnkr")],
            )
            .help("Enhet för beloppen i rapporten. 'Som i filen' behåller filens enhet.")
            .default_value(ParamValue::Text("input".into())),
            grouping::param_spec(),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Driftredovisning januari–augusti med standardinställningar")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .expect_key_figure("Avvikelse mot budget", -182_909.0)
                .expect_key_figure("Helårsprognos", -8_670_800.0)
                .expect_cell("per-verksamhet", "Närsjukvårdsområde Väster", "avvikelse", -29_318.0)
                .expect_text("5 av 9 rader har en negativ avvikelse.")
                .expect_text("stämmer med summan av raderna"),
            Example::new("Samma fil i mnkr, med linjär prognos och tröskeln 3 %")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .param("unit", "mnkr")
                .param("forecast", "linear")
                .param("threshold", "3")
                .expect_key_figure("Avvikelse mot budget", -182.9)
                .expect_key_figure("Helårsprognos", -8_663.9)
                .expect_cell("per-verksamhet", "Summa", "prognos_mot_budget", -274.4)
                .expect_text("Helårsprognosen (linjär framskrivning av utfallet)"),
            Example::new("Teckenkonventionen angiven och perioden januari–juni")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .param("sign", "costs-negative")
                .param("months", "6")
                .expect_key_figure("Utfall januari–juni", -5_775_909.0)
                .expect_key_figure("Förbrukningsgrad", 68.85)
                .expect_text("50,0\u{00A0}% av året har gått (6 av 12 månader)"),
            Example::new(
                "En påhittad huvudbok med budget och utfall per rad, grupperad per förvaltning och verksamhet",
            )
            .sample(LEDGER)
            .expect_key_figure("Avvikelse mot budget", 569_220.0)
            .expect_cell("per-verksamhet", "Barn- och utbildningsförvaltningen", "avvikelse", 312_848.5)
            .expect_cell("per-verksamhet", "Förskola", "utfall", 629_985.71)
            .expect_text("Filens 346 rader är grupperade per Förvaltning och Verksamhet, med Konto"),
            Example::new("Samma huvudbok per konto")
                .sample(LEDGER)
                .param("group", "konto")
                .expect_cell("per-verksamhet", "4620 Köp av verksamhet", "utfall", 1_675_473.02)
                .expect_text("Filens 346 rader är grupperade per Konto."),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        let mut diags = Diagnostics::default();
        let follow_up = FollowUp::read(ds, params, &mut diags);
        let mut builder = ReportBuilder::for_dataset(&self.meta(), "Budgetuppföljning", ds);
        if let Some(period) = follow_up.settings.period_of_year(ds) {
            builder.period(period);
        }
        let top = params.integer("top").unwrap_or(3).max(1) as usize;
        report::present(&mut builder, &follow_up, top);
        builder.diagnostics(diags.finish(ds));
        builder.report_mut().parameters = report::parameters(&follow_up, params, &self.params());
        Ok(builder.finish())
    }
}

/// A follow-up read from the file and computed: what the tables, the chart and the sentences
/// present.
#[derive(Debug)]
struct FollowUp<'a> {
    ds: &'a Dataset,
    cols: Cols,
    names: Names,
    settings: Settings,
    lines: Vec<Line>,
    file_totals: Vec<FileTotal>,
    /// The lines at the top of the hierarchy (what the total sums).
    top: Vec<usize>,
    /// The figures of each line.
    derived: Vec<Derived>,
    /// The sum of the top lines.
    total: Amounts,
    /// When the file is a ledger grouped into units and accounts: how.
    ledger: Option<Ledger>,
    total_derived: Derived,
    shown: Shown,
}

impl<'a> FollowUp<'a> {
    /// Reads `ds`, settles its hierarchy, resolves the settings and computes every line's
    /// figures; the problems found go to `diags`, in this order.
    fn read(ds: &'a Dataset, params: &Params, diags: &mut Diagnostics) -> Self {
        let cols = Cols::find(ds);
        let mut names = Names::of(ds, &cols);
        let unit = OutputUnit::resolve(ds, &cols, params, diags);
        let period = Period::resolve(ds, &cols, params);
        let mut found = Vec::new();
        let grouping = Grouping::resolve(ds, params, &mut found);
        found.into_iter().for_each(|d| diags.push(d.at(&ds.source, None)));
        let (mut lines, file_totals, ledger) = match grouping {
            Some(g) => {
                let (rows, file_totals) = ledger::rows(ds, &cols, &unit);
                let (grouped, ledger) = ledger::group(ds, g, rows, &|r| Amounts::read(ds, r, &cols, &unit));
                names.label.clone_from(&ledger.top_name);
                (grouped, file_totals, Some(ledger))
            }
            None => {
                let (lines, file_totals) = read::lines(ds, &cols, &unit);
                (lines, file_totals, None)
            }
        };
        let Hierarchy { top, subtotals } =
            if ledger.is_some() { hierarchy::sum_up(&mut lines) } else { hierarchy::settle(&mut lines) };
        let total = Amounts::sum(top.iter().map(|&i| &lines[i].amounts));
        let checks = Checks { ds, cols: &cols, names: &names, unit: &unit };
        checks.subtotals(&lines, &subtotals, diags);
        checks.file_totals(&file_totals, &total, &lines, &top, diags);
        let settings = Settings::resolve(params, &cols, &lines, period, unit.unit.clone(), diags);
        let derived: Vec<Derived> = lines.iter().map(|l| settings.derive(&l.amounts)).collect();
        checks.missing_figures(&lines, &derived, &settings, diags);
        if ledger.is_none() {
            // A group's deviation is not in the file (its lines' deviations are).
            checks.file_deviation(&lines, &derived, &settings, diags);
        }
        let total_derived = settings.derive_total(&total, &top, &derived);
        let shown = Shown::new(&lines, params.integer("level").map(|l| l.clamp(0, 255) as u8));
        FollowUp { ds, cols, names, settings, lines, file_totals, top, derived, total, ledger, total_derived, shown }
    }

    /// The lines counted in the summary and among the largest deviations: the top groups of a
    /// grouped ledger, else every line that is not a subtotal.
    fn counted(&self) -> Vec<usize> {
        if self.ledger.is_some() {
            self.top.clone()
        } else {
            (0..self.lines.len()).filter(|&i| self.lines[i].kind == read::LineKind::Data).collect()
        }
    }
}
