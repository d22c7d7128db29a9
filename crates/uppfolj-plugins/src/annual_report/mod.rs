//! # Årsrapport (`annual-report`)
//!
//! ## What it does
//! Makes the annual report (årsrapport, verksamhetsberättelse, the förvaltningsberättelse's
//! follow-up chapters) from **all the files loaded at once**, in the order of RKR R15: a summary
//! of the year, Ekonomi (result against budget per unit), Balanskrav och god ekonomisk hushållning
//! (the balanskravsutredning with deficits to restore, the financial goals and the result goal
//! assessed), Måluppfyllelse per perspective and goal, Jämförelse med andra, Handlingsplaner och
//! riktade statsbidrag, and Underlag with every file, sheet and range. It is the same document as
//! the [interim report](crate::interim_report), made for the whole year: read that report's
//! documentation for the chapters, the input, the parameters (`months`; `<part>.<parameter>`,
//! e.g. `scorecard.partial`, `comparison.region`, `<part>.file`) and the rules.
//!
//! ## The period
//! An annual report covers the financial year. When the driftredovisning covers part of the year
//! only ("januari–augusti"), the report says so in a warning: its Ekonomi chapter then shows the
//! period's figures, and the interim report is the one to choose.
//!
//! ```text
//! uppfolj run annual-report budget.xlsx balanskrav.xlsx mal.csv kolada.csv \
//!     --param comparison.region=Halland
//! ```
//!
//! ## Not yet
//! Resultaträkning, balansräkning, kassaflödesanalys, the five-year overview and the
//! investeringsredovisning are not computed: no sample or part reads them.

use crate::composite::{self, Kind};
use uppfolj_plugin::{ComputeResult, Example, InputSpec, Inputs, ParamSpec, Params, PluginMeta, ReportPlugin};

/// The annual report. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnnualReport;

impl ReportPlugin for AnnualReport {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("annual-report", "Årsrapport")
            .name_en("Annual report")
            .describe(
                "Årsrapporten från alla inlästa filer: sammanfattning, ekonomi, balanskrav och god ekonomisk \
                 hushållning, måluppfyllelse, jämförelse, handlingsplaner och riktade statsbidrag, och underlaget.",
                "The annual report from every loaded file: summary, economy, balance requirement and sound financial \
                 management, goals, comparison, action plans and earmarked grants, and the sources.",
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
            composite::all_samples(Example::new("Årsrapport av alla exempelfiler, med periodens längd angiven"))
                .param("months", "12")
                .expect_key_figure("Balanskravsresultat 2024", 7.0)
                .expect_key_figure("Mål uppnådda", 1.0)
                .expect_text("Årsrapport för räkenskapsåret"),
            Example::new("Bara en måluppföljning: måluppfyllelsen och de finansiella målen, övrigt saknar underlag")
                .sample("samples/malupfoljning_2024.csv")
                .expect_key_figure("Uppnått", 5.0)
                .expect_text("Finansiella mål: av"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        composite::compute(Kind::Annual, &self.meta(), inputs, params)
    }
}
