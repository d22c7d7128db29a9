//! # Riktade statsbidrag och stimulansmedel (`earmarked-grants`)
//!
//! ## What it does
//! Follows up earmarked state grants (riktade statsbidrag, stimulansmedel) per project or
//! activity: allocated (beviljat) against used (förbrukat), the remaining amount, the share used,
//! whether the project must be reported back (återredovisas), and a warning for every project
//! whose use exceeds its allocation. Optionally checks the sum of the allocations against the
//! frame decided for the grant.
//!
//! ## Why
//! Grants that are not used must often be paid back, and use beyond the allocation falls on the
//! ordinary budget. The board wants both in one table, with the projects that must report back.
//!
//! ## Input
//! One table with an **allocated** column; the used amount is optional (without it only the
//! allocation is shown):
//!
//! | Role | Headers |
//! |---|---|
//! | project (row label) | the first text column: Projekt/aktivitet, Benämning, Åtgärd |
//! | allocated | Beviljat, Tilldelat, Fördelat, Anslag |
//! | used (optional) | Förbrukat, Nyttjat, Använt |
//! | report back (optional) | Återredovisas, Återrapportering ("Ja", "Nej", a date or to whom) |
//! | responsible (optional) | Ansvarig |
//!
//! A row labelled "Summa"/"Totalt" is the file's total: not added again, checked against the sum.
//! A difference of more than half a unit is given with both numbers and its likely reason:
//! rounding (half a unit per grant summed; information only), or one grant's amount ("Trolig
//! orsak: filens summa tar inte med raden 'Projekt X' (120 000 kr, cell A9) …"). The report uses
//! the grants' sum.
//!
//! ## Parameters
//! - `frame` — the total decided for the grant, in the unit of the file (e.g. `2600000` kr); the
//!   sum of the allocations is compared with it.
//! - `low_use` — percent used below which a project is flagged as slow (default 25).
//!
//! ## Example
//! ```text
//! uppfolj run earmarked-grants samples/riktade_statsbidrag_2020.xlsx --param frame=2600000
//! ```
//! For the sample (Region Jämtland Härjedalen's stimulansmedel 2020) the report warns that
//! "1. Levande biblioteket" has used 236 500 kr of 210 000 kr, and that the allocations (3 110 000 kr)
//! exceed the decided frame of 2 600 000 kr.

mod charts;
mod checks;
mod compute;
mod figures;
mod read;
mod tables;
mod text;

use compute::Figures;
use read::Grants;
use uppfolj_plugin::kit::ReportBuilder;
use uppfolj_plugin::kit::provenance;
use uppfolj_plugin::kit::vocab::year_in;
use uppfolj_plugin::model::dataset::{ColumnRole, DatasetKind};
use uppfolj_plugin::model::report::{Block, Section, Text};
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamSpec, ParamValue, Params, PluginMeta, ReportPlugin, require,
};

/// The earmarked-grants plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct EarmarkedGrants;

/// The key of the `frame` parameter.
const FRAME: &str = "frame";

/// The key of the `low_use` parameter.
const LOW_USE: &str = "low_use";

/// The default of `low_use`, in percent.
const LOW_USE_DEFAULT: f64 = 25.0;

/// The sample the examples run on.
const SAMPLE: &str = "samples/riktade_statsbidrag_2020.xlsx";

impl ReportPlugin for EarmarkedGrants {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("earmarked-grants", "Riktade statsbidrag och stimulansmedel")
            .name_en("Earmarked state grants")
            .describe(
                "Beviljat mot förbrukat per projekt eller aktivitet: kvar, förbrukningsgrad, \
                 återredovisning och varning där förbrukningen överstiger det beviljade.",
                "Allocated vs used per project or activity: remaining, share used, report-back \
                 duty, and a warning where use exceeds the allocation.",
            )
            .version(env!("CARGO_PKG_VERSION"))
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("grants", "Lista över projekt eller aktiviteter med beviljade medel")
                .kind(DatasetKind::Table)
                .requires([ColumnRole::Allocated])
                .uses([ColumnRole::Used, ColumnRole::ReportBack, ColumnRole::Responsible, ColumnRole::OrgUnit]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::number(FRAME, "Beslutad ram")
                .range(Some(0.0), None)
                .help("Hela det beslutade beloppet i filens enhet; summan av det beviljade jämförs med den."),
            ParamSpec::number(LOW_USE, "Låg förbrukning under (%)")
                .range(Some(0.0), Some(100.0))
                .help("Projekt som förbrukat mindre än så av det beviljade markeras.")
                .default_value(ParamValue::Number(LOW_USE_DEFAULT)),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Stimulansmedlen mot den beslutade ramen 2,6 mkr")
                .sample(SAMPLE)
                .param(FRAME, "2600000")
                .expect_key_figure("Beviljat", 3_110_000.0)
                .expect_key_figure("Projekt över beviljat", 1.0)
                .expect_cell("per-projekt", "Summa", "kvar", 796_250.0)
                .expect_text("överstiger den beslutade ramen"),
            Example::new("Utan ram, låg förbrukning under 50 %")
                .sample(SAMPLE)
                .param(LOW_USE, "50")
                .expect_key_figure("Kvar", 796_250.0)
                .expect_key_figure("Förbrukat av beviljat", 74.4)
                .expect_text("4. Lokal arbetsgrupp inom psykiatri; 5c. Lokal arbetsgrupp ortopedi"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        let mut report = ReportBuilder::for_dataset(&self.meta(), "Riktade statsbidrag och stimulansmedel", ds);
        if let Some(year) = year_in(&ds.title) {
            report.period(year.to_string());
        }
        let (grants, diagnostics) = read::read(ds);
        report.diagnostics(diagnostics);
        let frame = params.number(FRAME);
        let figures = Figures::new(&grants, params.number(LOW_USE).unwrap_or(LOW_USE_DEFAULT));
        report.diagnostics(checks::total_rows(ds, &grants, &figures));
        report.diagnostics(checks::overdrawn(ds, &grants, &figures));
        report.diagnostics(checks::frame(frame, &grants, &figures));

        report.section(overview(&grants, &figures, frame));
        report.section(per_project(&grants, &figures));
        report.chart_reading(charts::reading());
        let rows = grants.rows();
        for c in [grants.columns.allocated, grants.columns.used].into_iter().flatten() {
            report.note(provenance(ds, ds.columns[c].name.clone(), Some(c), &rows));
        }
        Ok(report.finish())
    }
}

/// The overview: the key figures and the sentences.
fn overview(grants: &Grants, figures: &Figures, frame: Option<f64>) -> Section {
    let mut overview = Section::new("oversikt", "Översikt");
    let key_figures = figures::key_figures(figures, &grants.unit, grants.has_used(), frame);
    let has_report_back = grants.columns.report_back.is_some();
    let paragraphs = text::overview(figures, &grants.unit, has_report_back);
    overview.blocks.push(Block::KeyFigures { figures: key_figures });
    overview.blocks.push(Block::Text(Text { paragraphs, generated: true }));
    overview
}

/// The projects: the table and the chart.
fn per_project(grants: &Grants, figures: &Figures) -> Section {
    let mut projects = Section::new("per-projekt", "Per projekt");
    projects.blocks.push(Block::Table(tables::per_project(grants, figures)));
    projects.blocks.push(Block::Chart(charts::allocated_used(grants, figures)));
    projects
}
