//! The parts a composite report is made of: each an existing plugin, the chapter it fills, what
//! it contributes to the summary, and the file it needs, in words.

use crate::{ActionPlan, BalanceRequirement, BudgetFollowUp, Comparison, EarmarkedGrants, Scorecard};
use uppfolj_plugin::{InputSpec, ReportPlugin};

/// One part: a plugin run inside the composite on the files that fit it.
pub(crate) struct Part {
    /// The plugin's id; also the scope of its parameters (`scorecard.partial`, `budget-follow-up.file`).
    pub id: &'static str,
    /// The part's name in the report and in parameter labels ("Ekonomi").
    pub name: &'static str,
    /// The plugin.
    pub plugin: &'static dyn ReportPlugin,
    /// The labels (beginnings) of the part's key figures that go on the summary page.
    pub summary_figures: &'static [&'static str],
    /// Which paragraph of the part's first text goes into the summary.
    pub lead: Lead,
    /// Ids of the part's sections whose tables also go on the summary page.
    pub summary_tables: &'static [&'static str],
    /// The file that would fill the part, for the sentence shown when none is loaded.
    pub wants: &'static str,
}

/// Which paragraphs of a part's overview text lead its summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lead {
    /// The first (the total).
    First,
    /// The last `n` (the latest year and what follows from it, where a text goes year by year).
    Last(usize),
}

impl Part {
    /// The part's input declarations.
    pub fn inputs(&self) -> Vec<InputSpec> {
        self.plugin.inputs()
    }
}

/// The parts, in the order of the report's chapters.
pub(crate) static PARTS: [Part; 6] = [
    Part {
        id: "budget-follow-up",
        name: "Ekonomi",
        plugin: &BudgetFollowUp,
        summary_figures: &["Avvikelse mot budget", "Helårsprognos", "Prognos mot årsbudget"],
        lead: Lead::First,
        summary_tables: &["avvikelser"],
        wants: "en driftredovisning med budget och utfall per verksamhet, t.ex. samples/driftredovisning_2024_aug.xlsx",
    },
    Part {
        id: "balance-requirement",
        name: "Balanskrav",
        plugin: &BalanceRequirement,
        summary_figures: &["Årets resultat", "Balanskravsresultat", "Att återställa", "Resultat i % av"],
        lead: Lead::Last(2),
        summary_tables: &[],
        wants: "en balanskravsutredning med raden 'Årets resultat' och en kolumn per år, t.ex. \
                samples/balanskravsutredning_2021_2024.xlsx",
    },
    Part {
        id: "scorecard",
        name: "Måluppfyllelse",
        plugin: &Scorecard,
        summary_figures: &["Uppnått", "Delvis uppnått", "Ej uppnått", "Mål uppnådda"],
        lead: Lead::First,
        summary_tables: &[],
        wants: "en måluppföljning med indikatorer, målvärden och utfall, t.ex. samples/malupfoljning_2024.csv",
    },
    Part {
        id: "comparison",
        name: "Jämförelse",
        plugin: &Comparison,
        summary_figures: &["Plats"],
        lead: Lead::First,
        summary_tables: &[],
        wants: "nyckeltal per region eller kommun och år från Kolada, t.ex. \
                samples/kolada_u79092_aterinskrivning_2018_2022.csv",
    },
    Part {
        id: "action-plan",
        name: "Handlingsplan",
        plugin: &ActionPlan,
        summary_figures: &["Ej planerat", "Realiserat"],
        lead: Lead::First,
        summary_tables: &[],
        wants: "en handlingsplan med åtgärder och planerad effekt per år, t.ex. samples/handlingsplan_2024_2026.xlsx",
    },
    Part {
        id: "earmarked-grants",
        name: "Riktade statsbidrag",
        plugin: &EarmarkedGrants,
        summary_figures: &["Förbrukat av beviljat", "Projekt över beviljat"],
        lead: Lead::First,
        summary_tables: &[],
        wants: "en sammanställning av riktade statsbidrag med beviljat och förbrukat per projekt, t.ex. \
                samples/riktade_statsbidrag_2020.xlsx",
    },
];

/// The part with id `id`.
pub(crate) fn part(id: &str) -> Option<&'static Part> {
    PARTS.iter().find(|p| p.id == id)
}
