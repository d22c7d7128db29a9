//! # Handlingsplan för kostnadsreduceringar (`action-plan`)
//!
//! ## What it does
//! Follows up an action plan (handlingsplan) of cost reductions: the planned effect of every
//! measure (åtgärd) per year, the effect realised so far, and the status; the sum against the
//! required reduction (kravet), so that the part of the requirement that still has no measure
//! ("ej planerat") is visible; planned effect per area (område) and year; and a chart of planned
//! vs realised vs required per year.
//!
//! ## Why
//! A board that must reduce costs by 325 mnkr and has measures worth 175 mnkr needs to see the
//! 150 mnkr gap every month, not only the measures that exist.
//!
//! ## Input
//! One table with a **measure** column and at least one **planned effect** column:
//!
//! | Role | Headers |
//! |---|---|
//! | measure | Åtgärd |
//! | area (optional) | Område, Verksamhet, Förvaltning |
//! | planned effect | Planerad effekt, Beräknad besparing — one column per year ("Planerad effekt 2024", "Planerad effekt 2025" …) or one column with a Year column ("År") |
//! | realised effect (optional) | Realiserad effekt, Realiserad effekt 2024 |
//! | status (optional) | Status (Genomförd, Enligt plan, Pågår, Försenad, Ej påbörjad, Under beredning) |
//! | responsible (optional) | Ansvarig |
//!
//! Measures whose status says "under beredning" (or "förslag", "ej beslutad") are counted apart:
//! they are shown, but not as planned. A row labelled "Summa"/"Totalt" is the file's total and is
//! not counted again; it may sum the decided measures or all of them. When it states a planned
//! effect that is neither, the difference is given with both numbers and its likely reason:
//! rounding (information only), or one measure's planned effect ("Trolig orsak: filens summa tar
//! med raden 'Bemanningsöversyn' (4,0 mnkr, cell B7) …"). The report uses the measures' sum.
//!
//! ## Parameters
//! - `required` — the required reduction, in the unit of the file: one amount for the first year
//!   (`325`) or per year (`2024=325; 2025=200`).
//! - `year` — the year the key figures are about (default: the first year with a requirement, else
//!   the first year in the file).
//!
//! ## Example
//! ```text
//! uppfolj run action-plan samples/handlingsplan_2024_2026.xlsx --param required=325
//! ```
//! With the sample (Region Västernorrland's hälso- och sjukvård, December 2023): "Kravet för 2024 är
//! 325,0 mnkr. Beslutade åtgärder beräknas ge 175,0 mnkr; 150,0 mnkr saknar ännu åtgärder."

mod charts;
mod checks;
mod compute;
mod figures;
mod read;
mod required;
mod status;
mod tables;
mod text;

use compute::Figures;
use read::{ByYear, Plan};
use uppfolj_plugin::kit::ReportBuilder;
use uppfolj_plugin::kit::{provenance, table_section};
use uppfolj_plugin::model::dataset::{ColumnRole, DatasetKind};
use uppfolj_plugin::model::report::{Block, Diagnostic, Section, Text};
use uppfolj_plugin::{ComputeResult, Example, InputSpec, Inputs, ParamSpec, Params, PluginMeta, ReportPlugin, require};

/// The action-plan plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct ActionPlan;

/// The key of the `year` parameter.
const YEAR: &str = "year";

/// The sample the examples run on.
const SAMPLE: &str = "samples/handlingsplan_2024_2026.xlsx";

impl ReportPlugin for ActionPlan {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("action-plan", "Handlingsplan för kostnadsreduceringar")
            .name_en("Cost reduction action plan")
            .describe(
                "Åtgärder med planerad och realiserad effekt per år mot kravet på kostnadsreducering: \
                 hur mycket som är planerat, realiserat och ännu saknar åtgärder, per område och år.",
                "Measures with planned and realised effect per year against the required reduction: \
                 what is planned, realised and still without measures, per area and year.",
            )
            .version(env!("CARGO_PKG_VERSION"))
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("plan", "Handlingsplan med åtgärder och planerad effekt")
                .kind(DatasetKind::Table)
                .requires([ColumnRole::Measure, ColumnRole::Planned])
                .uses([
                    ColumnRole::OrgUnit,
                    ColumnRole::Realised,
                    ColumnRole::Status,
                    ColumnRole::Year,
                    ColumnRole::Responsible,
                ]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            required::param_spec(),
            ParamSpec::integer(YEAR, "År för nyckeltalen", Some(1990), Some(2100))
                .help("Förvalt: första året med krav, annars första året i filen."),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Handlingsplanen mot kravet 325 mnkr för 2024")
                .sample(SAMPLE)
                .param(required::KEY, "325")
                .expect_key_figure("Krav 2024", 325.0)
                .expect_key_figure("Ej planerat 2024", 150.0)
                .expect_cell("per-ar", "2024", "beredning", 17.0)
                .expect_text("150,0 mnkr saknar ännu åtgärder"),
            Example::new("Utan krav: bara planerat och realiserat")
                .sample(SAMPLE)
                .expect_key_figure("Planerat 2024", 175.0)
                .expect_key_figure("Realiserat 2024", 97.6)
                .expect_text("Inget krav på kostnadsreducering angivet"),
            Example::new("Krav per år, nyckeltal för 2025")
                .sample(SAMPLE)
                .param(required::KEY, "2024=325; 2025=150")
                .param(YEAR, "2025")
                .expect_key_figure("Krav 2025", 150.0)
                .expect_key_figure("Ej planerat 2025", -5.0)
                .expect_text("kravet är täckt med 5,0 mnkr att gå på"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        let mut report = ReportBuilder::for_dataset(&self.meta(), "Handlingsplan för kostnadsreduceringar", ds);
        let (plan, diagnostics) = read::read(ds);
        let years = plan.years().into_iter().flatten();
        if let (Some(first), Some(last)) = (years.clone().min(), years.max()) {
            report.period(if first == last { first.to_string() } else { format!("{first}–{last}") });
        }
        report.diagnostics(diagnostics);
        let required = match params.text(required::KEY) {
            Some(text) => required::parse(text, plan.first_year())?,
            None => {
                report.diagnostic(Diagnostic::info(text::NO_REQUIREMENT));
                ByYear::new()
            }
        };
        let figures = Figures::new(&plan, required, params.integer(YEAR));
        report.diagnostics(checks::total_rows(ds, &plan, &figures));
        report.diagnostics(checks::realised_beyond_planned(ds, &plan));

        report.section(overview(&plan, &figures));
        report.section(table_section("atgarder", "Åtgärder", tables::per_measure(&figures, &plan)));
        if let Some(table) = tables::per_area(&figures, &plan) {
            report.section(table_section("per-omrade", "Per område", table));
        }
        let rows = plan.rows();
        for &c in plan.columns.planned.iter().chain(&plan.columns.realised) {
            report.note(provenance(ds, ds.columns[c].name.clone(), Some(c), &rows));
        }
        Ok(report.finish())
    }
}

/// The overview: the key figures and sentences of the focus year, the table per year and the chart.
fn overview(plan: &Plan, figures: &Figures) -> Section {
    let focus = figures.focus_year();
    let at_risk: Vec<&str> =
        plan.measures.iter().filter(|m| status::is_at_risk(&m.status_text)).map(|m| m.label.as_str()).collect();
    let has_realised = !plan.columns.realised.is_empty();
    let mut overview = Section::new("oversikt", "Översikt");
    overview.blocks.push(Block::KeyFigures { figures: figures::key_figures(&focus, &plan.unit) });
    overview.blocks.push(Block::Text(Text {
        paragraphs: text::overview(&focus, &plan.unit, has_realised, &at_risk),
        generated: true,
    }));
    overview.blocks.push(Block::Table(tables::per_year(figures, plan)));
    overview.blocks.push(Block::Chart(charts::planned_realised_required(figures, &plan.unit)));
    overview
}
