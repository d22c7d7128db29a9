//! # Delårsrapport (`interim-report`)
//!
//! ## What it does
//! Makes the interim report a nämnd or the council receives (januari–mars, januari–augusti) from
//! **all the files loaded at once**: the driftredovisning, the balanskravsutredning, the goal
//! follow-up, Kolada data, the action plan and the earmarked grants. Each chapter is computed by
//! the built-in report for that part, exactly as that report alone would compute it, and the
//! document follows the order of a Swedish delårsrapport (RKR R17, LKBR 13 kap.):
//!
//! 1. **Sammanfattning**: the key figures on one page (budget deviation, full-year forecast and
//!    its deviation, årets resultat, balanskravsresultat, deficit to restore, result goal,
//!    indicators and goals met, places among the regions, action plan and grants), the lead
//!    sentence of every part, the largest budget deviations, and which chapters lack data.
//! 2. **Ekonomi**: result against budget per unit with the full-year forecast
//!    ([`budget-follow-up`](crate::budget_follow_up)).
//! 3. **Balanskrav och god ekonomisk hushållning**: the balance requirement
//!    ([`balance-requirement`](crate::balance_requirement)), then the financial goals: the
//!    scorecard run on the goal follow-up's perspective *Ekonomi* alone, the result goal, and the
//!    assessment (see *Rules*).
//! 4. **Måluppfyllelse** per perspective and goal ([`scorecard`](crate::scorecard)).
//! 5. **Jämförelse med andra** regions or municipalities ([`comparison`](crate::comparison)).
//! 6. **Handlingsplaner och riktade statsbidrag** ([`action-plan`](crate::action_plan),
//!    [`earmarked-grants`](crate::earmarked_grants)).
//! 7. **Underlag**: every file, sheet and range, the part it fed, and the tables that fit a part
//!    but were not used; then **Källor** with the cells behind every figure.
//!
//! A chapter whose data is not loaded keeps its place and says which file would fill it; a part
//! that fails says why, and the rest of the report is still made.
//!
//! ## Input
//! Any of the files the six reports read, several at once (at least one). Each table goes to the
//! part it fits most closely: the one whose declared needs it meets most of (a table with budget
//! and outcome goes to Ekonomi, one with target and outcome to Måluppfyllelse, one with region,
//! year and value to Jämförelse). When two files fit the same part, the one loaded first is used
//! and Underlag says the other fits too; choose with the part's `file` parameter.
//!
//! ## Parameters
//! - `months`: the period's last month (8 for januari–augusti), when the files do not say it.
//! - For each part, `<part>.file`: the file name to use for it when several fit, e.g.
//!   `budget-follow-up.file=drift_aug.xlsx`.
//! - Every parameter of the parts, under the part's id (`<part>.<parameter>`): `budget-follow-up.sign`,
//!   `balance-requirement.goal`, `scorecard.partial`, `comparison.region`,
//!   `action-plan.required`, `earmarked-grants.frame`, and so on (see each report's
//!   documentation). The app shows them under the part's name ("Måluppfyllelse: Delvis uppnått
//!   från (% av målvärdet)").
//!
//! ```text
//! uppfolj run interim-report drift.xlsx balanskrav.xlsx mal.csv kolada.csv \
//!     --param comparison.region=Halland --param scorecard.partial=90
//! ```
//!
//! ## Rules
//! - **Kind of report.** The period's last month comes from `months`, else from the first part
//!   whose period names months (the driftredovisning's "januari–augusti 2024"). Januari–juni to
//!   januari–augusti (at least half and at most two thirds of the year) is the interim report the
//!   law requires; januari–mars is an extra report; any other period gives a warning, and a whole
//!   year says to choose the annual report.
//! - **God ekonomisk hushållning.** The financial goals are the goal follow-up's rows in the
//!   perspective Ekonomi (a perspective written once holds for the rows below it), judged by the
//!   scorecard with the same parameters as the chapter Måluppfyllelse. With the result goal of
//!   the balance requirement, when it could be judged: all judged met → "god ekonomisk
//!   hushållning uppnås"; none met → "uppnås inte"; otherwise "delvis". Indicators without a value
//!   or an assessment do not count. Example: 2 financial indicators, 1 met and 1 partly met, and a
//!   result goal not met → "delvis uppnås".
//! - **Figures.** Every figure, status and sentence of a chapter is the part's own: the same files
//!   and parameters give the same figures in the single report and in the composite (tested). A
//!   Kolada KPI whose better direction is not known keeps the comparison's neutral status
//!   "Bedöms inte (riktning okänd)" on the summary page too: its place is an order by value, and
//!   nothing in the report counts it as a goal met or missed.
//! - **Sources and messages.** The parts' diagnostics are listed once, each starting with the
//!   part's name ("Ekonomi: …"); "Källa: Kolada" is credited only when the comparison used Kolada
//!   data.
//!
//! - **Forecast of the balanskravsresultat.** A balanskravsutredning column headed with a
//!   forecast ("Prognos 2024") is the year's forecast: its figures read "Balanskravsresultat 2024
//!   (prognos)" in the chapter and on the summary page. Without such a column the report says
//!   that the interim report's forecast of the balanskravsresultat is missing.
//!
//! ## Not yet
//! The forecast of the balanskravsresultat is taken from the balanskravsutredning's forecast
//! column; it is not derived from the driftredovisning's full-year forecast. Resultaträkning,
//! balansräkning and the nettokostnadsutveckling are not computed: no sample or part reads them.

use crate::composite::{self, Kind};
use uppfolj_plugin::{ComputeResult, Example, InputSpec, Inputs, ParamSpec, Params, PluginMeta, ReportPlugin};

/// The interim report. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct InterimReport;

impl ReportPlugin for InterimReport {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("interim-report", "Delårsrapport")
            .name_en("Interim report")
            .describe(
                "Delårsrapporten från alla inlästa filer: sammanfattning, ekonomi med helårsprognos, balanskrav och \
                 god ekonomisk hushållning, måluppfyllelse, jämförelse, handlingsplaner och riktade statsbidrag, \
                 och underlaget. Prövar att perioden är en delårsperiod enligt lagen.",
                "The interim report from every loaded file: summary, economy with the full-year forecast, balance \
                 requirement and sound financial management, goals, comparison, action plans and earmarked grants, \
                 and the sources. Checks the period against the law.",
            )
            .version(env!("CARGO_PKG_VERSION"))
    }

    fn inputs(&self) -> Vec<InputSpec> {
        composite::inputs()
    }

    fn params(&self) -> Vec<ParamSpec> {
        composite::params()
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            composite::all_samples(Example::new(
                "Delårsrapport januari–augusti av alla exempelfiler: driftredovisning, balanskrav, måluppföljning, \
                 Kolada, handlingsplan och riktade statsbidrag",
            ))
            .expect_key_figure("Avvikelse mot budget", -182_909.0)
            .expect_key_figure("Balanskravsresultat 2024", 7.0)
            .expect_key_figure("Uppnått", 5.0)
            .expect_text("den delårsrapport lagen kräver"),
            Example::new("Bara en driftredovisning: övriga avsnitt säger vilken fil som fyller dem")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .expect_key_figure("Avvikelse mot budget", -182_909.0)
                .expect_text("Underlag saknas för balanskrav, måluppfyllelse"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        composite::compute(Kind::Interim, &self.meta(), inputs, params)
    }
}
