//! # Måluppföljning (styrkort) (`scorecard`)
//!
//! ## What it does
//! Follows up the goals of a balanced scorecard: each goal (under a perspective such as
//! invånare, verksamhet, medarbetare, ekonomi) is followed by indicators with target values. For
//! each indicator the report gives the status **uppnått / delvis uppnått / ej uppnått / saknar
//! värde** (or **saknar bedömning** when there is no target to judge by), the **degree of
//! achievement** (måluppfyllelse), the change since the previous year judged as better,
//! unchanged or worse, and a Swedish sentence. Per goal and perspective it counts the
//! indicators by status and gives each goal a status by a stated rule.
//!
//! ## Why
//! Goal follow-up tables are written by people: targets such as "minst 70 procent" or "ska
//! öka", outcomes such as "13,3 (14,4*)" or "Statistik saknas". The report reads them as written,
//! says how each was read and never guesses: a target it cannot read is reported at its cell.
//!
//! ## Input
//! One table with a **target** column and an **outcome** (or value) column:
//!
//! | Role | Headers |
//! |---|---|
//! | perspective (optional) | Perspektiv |
//! | goal (optional) | Mål, Målområde, Strategiskt mål, Verksamhetsmål |
//! | indicator | Indikator, Nyckeltal, Mått, Styrmått (else the first text column) |
//! | direction (optional) | Önskad riktning, Riktning ("öka"/"minska", "Högre är bättre") |
//! | target | Målvärde, Målvärde 2024, Mål 2024, Målnivå |
//! | outcome | Utfall 2023, Utfall 2024, or years as headers ("2023", "2024"), or Värde |
//! | year (long layout) | År |
//! | unit of measure (optional) | Enhet, Måttenhet, when its cells are units ("%", "kr/inv", "antal") |
//! | comment (optional) | Kommentar, Analys |
//!
//! Layouts: one row per indicator with target and outcome columns per year ("Utfall 2023",
//! "Målvärde 2024", "Utfall 2024"); or the long layout, one row per indicator and year
//! (Indikator, År, Värde, Målvärde). A perspective or goal written once over its rows holds for
//! the rows below it (also a row with only the perspective or goal filled in). A target column
//! with a year applies to that year, one without a year to every year.
//!
//! Outcomes written with a note are read as the number and the note: "13,3 (14,4*)" is 13,3 with
//! the note "(14,4*)", "72*" is 72, preliminary; "Statistik saknas", "..", "–" and empty cells are
//! missing, the note kept and shown. A column headed "Utfall …" in which such notes outnumber
//! the numbers is still read as outcomes.
//!
//! ## Rules
//! **The year judged** is the latest year with an outcome column or row (or the `year`
//! parameter); the previous year is the year before it in the file.
//!
//! **Targets** are read into a rule; the text is kept and shown as written:
//! - a level: "100", "85 %", "1 000" (a bare number: the direction decides which side is met);
//!   "≥ 30", "minst 70 procent", "lägst 30", "70 eller mer" (at least); ">40", "över 90 %", "mer
//!   än 40" (above); "≤ 5", "högst 5 %", "max 5" (at most); "<10", "under 14 dagar", "mindre än
//!   10" (below). Example: "minst 70 procent" and 72 → uppnått.
//! - an average: "i snitt > 2 %", "i genomsnitt minst 2 procent": the mean of the outcomes of the
//!   years in the file up to the year judged is compared. Example: 1, 3 and 2,6 % in 2022–2024
//!   give 2,2 % → uppnått.
//! - a change: "ska öka", "ska stärkas", "ska minska jämfört med föregående år", "ska
//!   förbättras", "oförändrat", "ska bibehållas", "ska inte minska", "ska öka jämfört med 2019":
//!   the year's outcome against the previous year's (or the year named). "ska öka" is met when
//!   the value is higher (unchanged is not an increase), "ska minska" when lower, "ska
//!   förbättras" when better by the direction, "oförändrat" when the same or (with a known
//!   direction) better. Change targets are met or not, never partly. Example: "ska öka", 10 in
//!   2023 and 11 in 2024 → uppnått.
//! - anything else ("God kvalitet", "70–80") is no rule: a warning names the cell, and the
//!   indicator gets **Saknar bedömning**. So does an indicator without a target for the year.
//!
//! **Direction** (whether higher or lower is better) comes from the `directions` parameter
//! for the indicators it names, else from the direction column, else from the target's wording ("<10", "högst", "ska minska": lower; "≥", "minst", "ska öka":
//! higher), else from a small built-in table of well-known Kolada KPIs when the indicator's
//! name carries one's id or Kolada name ("Återinskrivningar (U79092)": lower is better; the
//! same table the comparison uses), else from the `direction` parameter; otherwise it is
//! unknown and the table says
//! "Okänd". The table says where each came from. A bare-number target with an unknown direction
//! gets Saknar bedömning. When the column and the wording disagree, a warning says so; the
//! status follows the target's comparison, the trend and degree the column.
//!
//! **Status** of a level target: **uppnått** when the outcome is on the right side of the
//! target; **delvis uppnått** when it is not but the degree of achievement is at least `partial`
//! percent (default 80; `partial=100` gives no delvis uppnått); **ej uppnått** otherwise;
//! **saknar värde** when the year has no outcome. Example: target "minst 70 procent", outcome 60:
//! 60 / 70 = 85,7 % ≥ 80 % → delvis uppnått; outcome 50 (71,4 %) → ej uppnått.
//!
//! **Degree of achievement** (måluppfyllelse) = outcome / target × 100, inverted (target /
//! outcome × 100) when lower is better; shown when both are positive (100 % when equal). Example:
//! target "<10", outcome 12: 10 / 12 = 83,3 %.
//!
//! **Trend**: the change since the previous year, **bättre** when it goes the better way,
//! **sämre** when the other, **oförändrat** when there is none; no trend without a direction.
//! Example: lower is better, 13 in 2023 and 12 in 2024: −1, bättre.
//!
//! **Goal status** by `goal_rule`, over the goal's indicators that are judged (uppnått, delvis,
//! ej uppnått): `majority` (default) — uppnått when more than half are uppnått, ej uppnått when
//! more than half are ej uppnått, otherwise delvis uppnått (2 uppnått, 1 ej → uppnått; 1 and 1 →
//! delvis); `all` — uppnått when all are uppnått, ej uppnått when all are ej uppnått, otherwise
//! delvis. A goal without a judged indicator saknar värde (when none has a value) or saknar
//! bedömning. Perspectives get the counts of their indicators.
//!
//! ## Parameters
//! - `partial` — Delvis uppnått från (% av målvärdet): the degree of achievement from which a
//!   missed target counts as delvis uppnått (default 80; 100: no delvis uppnått).
//! - `goal_rule` — Regel för målets status: `majority` (default) or `all`.
//! - `direction` — Riktning när filen inte anger den: `unknown` (default: not judged), `higher`
//!   or `lower`.
//! - `directions` — Riktning per indikator: `Väntetid=minska; Besök=öka` (the indicator's name,
//!   `=`, öka or minska; before anything the file says).
//! - `year` — År att bedöma (default: the latest year with an outcome).
//!
//! ## Example
//! ```text
//! uppfolj run scorecard samples/malupfoljning_2024.csv --param partial=80
//! ```
//! For the sample (invented figures), 13 indicators under four perspectives and six goals in
//! 2024: 5 uppnådda, 3 delvis uppnådda, 3 ej uppnådda, 1 saknar värde ("Statistik saknas") and
//! 1 saknar bedömning (the target "God kvalitet", reported at its cell H9); 5 of 11 judged =
//! 45,5 % uppnådda. "Väntetid till första besök", 33 dagar against "<30", is delvis uppnått at
//! 30 / 33 = 90,9 %; with `partial=100` the three delvis uppnådda become ej uppnådda.

mod assess;
mod charts;
mod compute;
mod direction;
mod figures;
mod goals;
mod read;
mod tables;
mod target;
mod text;

use assess::{Problem, Settings};
use compute::Figures;
use direction::Direction;
use goals::GoalRule;
use read::Card;
use uppfolj_plugin::kit::{ReportBuilder, provenance, warn_at};
use uppfolj_plugin::model::dataset::{ColumnRole, Dataset};
use uppfolj_plugin::model::report::{Block, Diagnostic, Section, Text};
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamSpec, ParamValue, Params, PluginMeta, ReportPlugin, require,
};

/// The scorecard plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scorecard;

/// The key of the `partial` parameter.
const PARTIAL: &str = "partial";
/// The default of `partial`, in percent.
const PARTIAL_DEFAULT: f64 = 80.0;
/// The key of the `goal_rule` parameter.
const GOAL_RULE: &str = "goal_rule";
/// The key of the `direction` parameter.
const DIRECTION: &str = "direction";
/// The key of the `directions` parameter.
const DIRECTIONS: &str = "directions";
/// The key of the `year` parameter.
const YEAR: &str = "year";
/// The sample the examples run on.
const SAMPLE: &str = "samples/malupfoljning_2024.csv";

impl ReportPlugin for Scorecard {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("scorecard", "Måluppföljning (styrkort)")
            .name_en("Goal follow-up (balanced scorecard)")
            .describe(
                "Mål och indikatorer per perspektiv: uppnått, delvis uppnått, ej uppnått eller saknar värde per \
                 indikator enligt målvärdet som det är skrivet, måluppfyllelse, trend mot föregående år och status \
                 per mål.",
                "Goals and indicators per perspective: met, partly met, not met or missing per indicator by the \
                 target as written, degree of achievement, trend against the previous year and a status per goal.",
            )
            .version(env!("CARGO_PKG_VERSION"))
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("scorecard", "Måluppföljning: indikatorer med målvärde och utfall")
                .requires([ColumnRole::Target, ColumnRole::Outcome])
                .or_requires([ColumnRole::Target, ColumnRole::Value])
                .uses([
                    ColumnRole::Perspective,
                    ColumnRole::Goal,
                    ColumnRole::IndicatorName,
                    ColumnRole::Direction,
                    ColumnRole::Year,
                    ColumnRole::Comment,
                ]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::number(PARTIAL, "Delvis uppnått från (% av målvärdet)")
                .range(Some(0.0), Some(100.0))
                .help(
                    "En indikator som inte når målvärdet räknas som delvis uppnådd när utfallet är minst så här många \
                     procent av målvärdet. 100 betyder att inget räknas som delvis uppnått.",
                )
                .default_value(ParamValue::Number(PARTIAL_DEFAULT)),
            ParamSpec::choice(
                GOAL_RULE,
                "Regel för målets status",
                &[("majority", "Majoriteten av indikatorerna"), ("all", "Alla indikatorer")],
            )
            .help("Hur ett måls status följer av dess indikatorers.")
            .default_value(ParamValue::Text("majority".into())),
            ParamSpec::choice(
                DIRECTION,
                "Riktning när filen inte anger den",
                &[("unknown", "Okänd (bedöms inte)"), ("higher", "Högre är bättre"), ("lower", "Lägre är bättre")],
            )
            .help("Gäller indikatorer där varken kolumnen Önskad riktning eller målvärdet säger vad som är bättre.")
            .default_value(ParamValue::Text("unknown".into())),
            directions_spec(),
            ParamSpec::integer(YEAR, "År att bedöma", Some(1900), Some(2200))
                .help("Året vars utfall bedöms; annars det senaste året med utfall."),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Måluppföljningen 2024 med delvis uppnått från 80 % av målvärdet")
                .sample(SAMPLE)
                .expect_key_figure("Indikatorer", 13.0)
                .expect_key_figure("Uppnått", 5.0)
                .expect_key_figure("Delvis uppnått", 3.0)
                .expect_key_figure("Ej uppnått", 3.0)
                .expect_key_figure("Saknar värde", 1.0)
                .expect_key_figure("Saknar bedömning", 1.0)
                .expect_key_figure("Andel uppnådda", 45.5)
                .expect_cell("styrkort", "Väntetid till första besök", "maluppfyllelse", 90.9)
                .expect_cell("styrkort", "Resultat i procent av skatter och generella statsbidrag", "bedomt", 2.2)
                .expect_text("kunde inte tolkas"),
            Example::new("Utan delvis uppnått (partial=100), som många kommuner redovisar")
                .sample(SAMPLE)
                .param(PARTIAL, "100")
                .expect_key_figure("Delvis uppnått", 0.0)
                .expect_key_figure("Ej uppnått", 6.0)
                .expect_cell("per-mal", "Totalt", "ej_uppnatt", 6.0),
            Example::new("En tabell i långt format med riktning från inställningen")
                .table(
                    "indikatorer_lang.csv",
                    "Indikator;År;Värde;Målvärde\nVäntetid;2023;40;30\nVäntetid;2024;33;30\n\
                     Besök;2023;100;ska öka\nBesök;2024;90;ska öka",
                )
                .param(DIRECTION, "lower")
                .expect_key_figure("Delvis uppnått", 1.0)
                .expect_key_figure("Ej uppnått", 1.0)
                .expect_cell("styrkort", "Väntetid", "forandring", -7.0),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        let card = read::read(ds);
        let (year, previous) = compute::years(&card, params.integer(YEAR).and_then(|y| i32::try_from(y).ok()));
        let per_indicator = direction::per_indicator(params.text(DIRECTIONS).unwrap_or_default())
            .map_err(|reason| directions_spec().invalid(reason))?;
        let settings = Settings {
            year,
            previous,
            per_indicator,
            partial: params.number(PARTIAL).unwrap_or(PARTIAL_DEFAULT),
            direction: match params.text(DIRECTION) {
                Some("higher") => Some(Direction::Higher),
                Some("lower") => Some(Direction::Lower),
                _ => None,
            },
        };
        let figures = Figures::new(&card, settings, GoalRule::from_key(params.text(GOAL_RULE)));
        let title = match year {
            Some(y) => format!("Måluppföljning {y}"),
            None => "Måluppföljning".to_owned(),
        };
        let mut report = ReportBuilder::for_dataset(&self.meta(), &title, ds);
        if let Some(y) = year {
            report.period(y.to_string());
        }
        report.diagnostics(diagnostics(ds, &figures));
        report.sections(sections(&figures));
        for chart in [charts::BY_STATUS, charts::BY_PERSPECTIVE] {
            report.report_mut().chart_semantics.push(charts::semantics(chart));
        }
        notes(&mut report, ds, &card);
        Ok(report.finish())
    }
}

/// The `directions` parameter.
fn directions_spec() -> ParamSpec {
    ParamSpec::text(DIRECTIONS, "Riktning per indikator").help(
        "Indikatorns namn, likhetstecken och öka eller minska, med semikolon emellan: \"Väntetid=minska; \
         Besök=öka\". Gäller före filens riktning.",
    )
}

/// The sections: the overview, the indicators, the goals, the sentences per indicator.
fn sections(f: &Figures) -> Vec<Section> {
    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures { figures: figures::key_figures(f) });
    overview.blocks.push(Block::Text(Text { paragraphs: text::overview(f), generated: true }));
    overview.blocks.push(Block::Chart(charts::by_status(f)));
    let mut indicators = Section::new("indikatorer", "Indikatorer");
    indicators.blocks.push(Block::Table(tables::indicators(f)));
    indicators.blocks.push(Block::Text(Text { paragraphs: text::rules(f), generated: true }));
    let mut out = vec![overview, indicators];
    if f.has_goals() || f.has_perspectives() {
        let mut goals = Section::new("mal", "Per mål och perspektiv");
        goals.blocks.push(Block::Table(tables::goals(f)));
        if f.has_perspectives() {
            goals.blocks.push(Block::Chart(charts::by_perspective(f)));
        }
        out.push(goals);
    }
    let (year, previous) = (f.settings.year, f.settings.previous);
    let sentences: Vec<String> =
        f.card.indicators.iter().zip(&f.assessments).map(|(ind, a)| text::indicator(ind, a, year, previous)).collect();
    if !sentences.is_empty() {
        let mut analysis = Section::new("analys", "Analys per indikator");
        analysis.blocks.push(Block::Text(Text { paragraphs: sentences, generated: true }));
        out.push(analysis);
    }
    out
}

/// The warnings: targets and directions that cannot be read, directions that disagree, targets
/// that need a direction nobody gave, a year without outcomes, no indicators.
fn diagnostics(ds: &Dataset, f: &Figures) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let card = f.card;
    if card.indicators.is_empty() {
        out.push(Diagnostic::warning(text::NO_INDICATORS));
    }
    if let Some(y) = f.settings.year
        && !card.years.is_empty()
        && !card.years.contains(&y)
    {
        out.push(Diagnostic::warning(text::year_without_outcomes(y, &card.years)));
    }
    for (name, _) in &f.settings.per_indicator {
        if !card.indicators.iter().any(|i| i.name.to_lowercase() == *name) {
            out.push(Diagnostic::warning(text::unknown_indicator(name)));
        }
    }
    let mut unknown = Vec::new();
    for (ind, a) in card.indicators.iter().zip(&f.assessments) {
        for problem in &a.problems {
            out.push(match problem {
                Problem::Target => {
                    let at = ind.target_for(f.settings.year).and_then(|t| t.at);
                    let cell = at.map_or(String::new(), |c| c.to_string());
                    warn_at(ds, at, text::unreadable_target(&ind.name, &a.target_text, &cell))
                }
                Problem::Direction => {
                    let (written, at) = ind.direction.clone().unwrap_or_default();
                    let cell = at.map_or(String::new(), |c| c.to_string());
                    warn_at(ds, at, text::unreadable_direction(&ind.name, &written, &cell))
                }
                Problem::Conflict(column, target) => {
                    let at = ind.direction.as_ref().and_then(|(_, at)| *at);
                    warn_at(ds, at, text::conflicting_direction(&ind.name, *column, *target, &a.target_text))
                }
            });
        }
        if a.reason.as_deref().is_some_and(|r| r.starts_with("riktning okänd")) {
            unknown.push(ind.name.as_str());
        }
    }
    if !unknown.is_empty() {
        out.push(Diagnostic::warning(text::unknown_direction(&unknown)));
    }
    out
}

/// The cells of the targets and outcomes, for Källor.
fn notes(report: &mut ReportBuilder, ds: &Dataset, card: &Card) {
    let rows: Vec<usize> = card.indicators.iter().flat_map(|i| i.rows.iter().copied()).collect();
    for &c in card.columns.targets.iter().chain(&card.columns.outcomes) {
        report.note(provenance(ds, ds.columns[c].name.clone(), Some(c), &rows));
    }
}
