//! # Balanskravsutredning (`balance-requirement`)
//!
//! ## What it does
//! Computes the balance requirement of kommunallagen 11 kap. for several years: årets resultat
//! efter balanskravsjusteringar, årets balanskravsresultat, the deficits carried from earlier years,
//! netted against later surpluses (oldest first), and the amount still to restore with the year by
//! which it must be restored (three years after the deficit arose). Follows the reserve
//! (resultatutjämningsreserv, from 2024 resultatreserv) from year to year and checks the cap of the
//! resultatreserv: at most 5 % of skatteintäkter + generella statsbidrag och utjämning. Optionally
//! checks the common financial goal "result ≥ 2 % of skatteintäkter + generella statsbidrag och
//! utjämning".
//!
//! ## Why
//! The balanskravsutredning is a required part of the förvaltningsberättelse; the carried
//! deficits and their deadlines are what auditors and the council look for, and they are easy to
//! get wrong over several years. The same goes for the reserve: its balance is the sum of every
//! earlier year's avsättning and ianspråktagande, and from 2024 it has a cap.
//!
//! ## Input
//! The table in the row layout of a Swedish annual report: row texts in the first column, one
//! column per year (headers "2021", "2022", … or "Bokslut 2023", or a row of year numbers at the
//! top of the table). The plugin is offered for a table with a row "Årets resultat" and at least one
//! year; when the only years stand over the column of row texts, they are used as they are, with a
//! warning. A year column whose header says it is a forecast ("Prognos 2024", as in an interim
//! report) is read like the others and written "2024 (prognos)" in the key figures, the text, the
//! table and the chart. Recognised rows (signs are taken from the row's meaning, so both "−3,1" and "3,1" work
//! for a deduction):
//!
//! | Row text contains | Effect |
//! |---|---|
//! | Årets resultat | start |
//! | Samtliga realisationsvinster | − |
//! | Realisationsvinster enligt undantagsmöjlighet | + |
//! | Realisationsförluster enligt undantagsmöjlighet | + |
//! | Orealiserade förluster i värdepapper | + |
//! | Återföring av orealiserade förluster i värdepapper | − |
//! | Medel till resultatutjämningsreserv / resultatreserv (RUR); avsättning, reservering | − (adds to the reserve) |
//! | Medel från resultatutjämningsreserv / resultatreserv (RUR); ianspråktagande, användning, disponering, uttag | + (takes from the reserve) |
//! | Reserve + "ingående", "vid årets början", "balanserad" ("Resultatreserv, ingående balans", "Ingående resultatutjämningsreserv", "Balanserad resultatreserv") | reserve balance at the start of the year |
//! | Reserve + "utgående", "vid årets slut", "ackumulerad" ("Ackumulerad resultatutjämningsreserv", "Resultatreserv vid årets slut") | reserve balance at the end of the year |
//! | Synnerliga skäl | in årets balanskravsresultat, or reduces the amount to restore (see below) |
//! | Skatteintäkter; Generella statsbidrag och utjämning | base of the 2 % goal and of the reserve cap |
//!
//! The file's own rows "Årets resultat efter balanskravsjusteringar", "Årets
//! balanskravsresultat" and "Balanskravsresultat att återställa" are not summed again; they are
//! checked against the computation (see Reconciliation). A missing row counts as zero and is
//! listed in the diagnostics.
//!
//! ## Synnerliga skäl: before or after årets balanskravsresultat
//! Reports place synnerliga skäl differently, and the plugin follows the order of the file's own
//! rows, counts them once and says in the report which reading it used:
//! - a "Synnerliga skäl" row **above** "Årets balanskravsresultat" is part of it: årets
//!   balanskravsresultat = resultat efter balanskravsjusteringar ± reserve + synnerliga skäl, and
//!   the row is shown in the balanskravsutredning only;
//! - a row **below** it (or in a file without that row) is counted when the deficit to restore is
//!   decided: it is shown in the table of deficits to restore only, and restores the oldest
//!   deficits first.
//!
//! For a year with årets resultat efter balanskravsjusteringar −62,0, medel från RUR 20,0 and
//! synnerliga skäl 30,0: above, årets balanskravsresultat is −12,0 and 12,0 remain to restore;
//! below, årets balanskravsresultat is −42,0, of which synnerliga skäl cover 30,0, so the same
//! 12,0 remain to restore.
//!
//! ## Reconciliation
//! Each result the file states is compared with the computation, year by year (differences up to
//! 0,05 are none). A difference is given at the file's cell with both numbers, the difference and
//! the likely reason:
//! - **rounding** (information, not a warning) when it is at most half a unit of the amounts'
//!   precision per amount summed: "Årets balanskravsresultat 2023: filen anger 40,8 mnkr men
//!   beräkningen ger 40,7 mnkr (skillnad +0,1 mnkr). Trolig orsak: avrundning; …";
//! - **a row not recognised** when it equals the amount of a row the plugin left out: "… Trolig
//!   orsak: raden 'Övriga justeringar enligt fullmäktiges beslut' (5,0 mnkr, cell A7), som inte
//!   känns igen och inte räknas med; …";
//! - **another order** when it equals synnerliga skäl, i.e. the file's figure counts them at the
//!   other place than its rows' order says: "Årets balanskravsresultat 2023: filen anger −12,0 mnkr
//!   men beräkningen ger −42,0 mnkr (skillnad +30,0 mnkr). Trolig orsak: filen räknar synnerliga
//!   skäl (30,0 mnkr) i en annan ordning än beräkningen; …".
//!
//! The report always uses the computed figures.
//!
//! ## The reserve and its cap
//! The reserve at the end of a year is its balance at the start of the year plus that year's
//! "medel till" minus its "medel från". The balance at the start of the first year comes from an
//! opening-balance row, else from the parameter `reserve_opening`; a later year starts from the
//! previous year's end (an opening-balance row for that year is checked against it). A
//! closing-balance row in the file is used as it stands (and checked against the roll-forward);
//! with a closing row alone, the opening balance is derived from it.
//!
//! For every year from 2024 the balance at year end is compared with the cap, 5 % of that year's
//! skatteintäkter + generella statsbidrag och utjämning, and shown as "Inom taket" / "Över taket";
//! a warning names the year and the amounts when the balance exceeds the cap, and also when the
//! balance is unknown but the year's avsättning alone exceeds it. A warning is also given when the
//! balance turns negative (more taken than the reserve held).
//!
//! The cap is checked only from 2024, when the resultatreserv replaced the
//! resultatutjämningsreserv (RUR). Before 2024 the law limited the RUR by other rules (on how much
//! of a year's result could be reserved), which this plugin does not check; for those years the
//! balance is shown without a cap. Whether a RUR balance carried into 2024 above the cap is allowed
//! under transitional rules is not judged either: the plugin reports the figures.
//!
//! When a year from 2024 cannot be checked, one note says what is missing (the opening balance or
//! the tax base) and which row or parameter gives it.
//!
//! ## Parameters
//! - `goal` — the result goal in percent of skatteintäkter + generella statsbidrag (e.g. `2`); off
//!   by default.
//! - `opening_deficit` — a deficit to restore carried from before the first year in the file.
//! - `reserve_opening` — the reserve's balance at the start of the first year in the file, in the
//!   file's unit, when the file has no opening- or closing-balance row for it.
//! - `tax_base` — skatteintäkter + generella statsbidrag och utjämning of the last year in the file,
//!   in the file's unit, when the file lacks those rows; used for the 2 % goal and the reserve cap.
//!
//! ## Example
//! ```text
//! uppfolj run balance-requirement samples/balanskravsutredning_2021_2024.xlsx --param goal=2
//! uppfolj run balance-requirement samples/balanskravsutredning_2021_2024.xlsx --param reserve_opening=200
//! ```
//! For the sample, 2023's balanskravsresultat of −525,5 mnkr is reduced by 2024's 7,0 mnkr, so
//! 518,5 mnkr remain to be restored by 2026. The sample has no reserve balance, so the note asks
//! for one; with `reserve_opening=200` the reserve is 350,0 mnkr at the end of 2021 (200 + 150),
//! 311,4 after 2022, 161,4 after 2023 and 2024, within the 2024 cap of 515,9 mnkr
//! (5 % of 7 402,8 + 2 915,1).

mod charts;
mod deficits;
mod goal;
mod key_figures;
mod lines;
mod order;
mod read;
mod reconcile;
mod reserve;
mod sections;
mod tables;
mod tax_base;
mod text;

use uppfolj_plugin::kit::ReportBuilder;
use uppfolj_plugin::model::dataset::{Dataset, DatasetKind};
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, Need, ParamSpec, Params, PluginMeta, ReportPlugin, require,
};

/// The balance-requirement plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct BalanceRequirement;

/// The sample every example runs on.
const SAMPLE: &str = "samples/balanskravsutredning_2021_2024.xlsx";

impl ReportPlugin for BalanceRequirement {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("balance-requirement", "Balanskravsutredning")
            .name_en("Balance requirement")
            .describe(
                "Balanskravsutredning enligt kommunallagen för flera år: balanskravsresultat, underskott att \
                 återställa inom tre år, resultatutjämningsreserv eller resultatreserv, och om så önskas målet om \
                 resultat i procent av skatteintäkter och statsbidrag.",
                "Balance requirement under the Swedish Local Government Act over several years: balance result, \
                 deficits to restore within three years, reserves, optional 2 % goal.",
            )
            .version(env!("CARGO_PKG_VERSION"))
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("balance", "Balanskravsutredning: radtexter och en kolumn per år")
                .kind(DatasetKind::Table)
                .requires([Need::RowText("årets resultat".into()), Need::YearColumns(1)]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::number("goal", "Resultatmål (% av skatteintäkter och statsbidrag)")
                .range(Some(-100.0), Some(100.0))
                .help(
                    "T.ex. 2 för målet att resultatet ska vara minst 2 % av skatteintäkter och generella statsbidrag.",
                ),
            ParamSpec::number("opening_deficit", "Underskott att återställa från tidigare år")
                .range(Some(0.0), None)
                .help("Ett underskott från före filens första år, i filens enhet (positivt tal)."),
            ParamSpec::number("reserve_opening", "Resultatreserv (RUR) vid första årets början")
                .range(Some(0.0), None)
                .help(
                    "Reservens ingående balans vid början av filens första år, i filens enhet. Behövs när filen \
                     saknar en rad som 'Resultatreserv, ingående balans' eller 'Ackumulerad resultatutjämningsreserv'.",
                ),
            ParamSpec::number("tax_base", "Skatteintäkter och generella statsbidrag, sista året")
                .range(Some(0.0), None)
                .help(
                    "Skatteintäkter + generella statsbidrag och utjämning för filens sista år, i filens enhet. \
                     Behövs för resultatmålet och resultatreservens tak (5 %) när filen saknar de raderna.",
                ),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Balanskravsutredning 2021–2024 med 2 %-målet")
                .sample(SAMPLE)
                .param("goal", "2")
                .expect_key_figure("Att återställa efter 2024", 518.5)
                .expect_key_figure("Resultat i % av skatter och bidrag 2024", 0.9)
                .expect_cell("att-aterstalla", "Balanskravsresultat att återställa", "ar_2023", 525.5)
                .expect_text("Underskottet från 2023, 518,5 mnkr kvar, ska återställas senast 2026."),
            Example::new("Med ett underskott från 2020 att återställa")
                .sample(SAMPLE)
                .param("opening_deficit", "40")
                .expect_cell("att-aterstalla", "Att återställa vid årets början", "ar_2021", 40.0)
                .expect_cell("att-aterstalla", "Återställt under året", "ar_2021", 40.0)
                .expect_key_figure("Att återställa efter 2024", 518.5)
                .expect_text("40,0 mnkr av tidigare underskott återställs."),
            Example::new("Med resultatreservens ingående balans 2021, så att taket på 5 % kan prövas för 2024")
                .sample(SAMPLE)
                .param("reserve_opening", "200")
                .expect_cell("reserv", "2021", "utgaende", 350.0)
                .expect_cell("reserv", "2022", "utgaende", 311.4)
                .expect_key_figure("Resultatreserv vid årets slut 2024", 161.4)
                .expect_text("2024: resultatreserven uppgår till 161,4 mnkr vid årets slut, inom taket 515,9 mnkr"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        compute(self, ds, params)
    }
}

/// The report on `ds`: read, compute the years, the reserve and the goal, then present them.
fn compute(plugin: &BalanceRequirement, ds: &Dataset, params: &Params) -> ComputeResult {
    let mut diags = Vec::new();
    let sheet = read::read(ds, &mut diags)?;
    let reading = order::reading(&sheet);
    let restoring = deficits::restore(&sheet, reading, params.number("opening_deficit"), &mut diags);
    let bases = tax_base::bases(&sheet, params.number("tax_base"), &mut diags);
    let reserve = reserve::follow(&sheet, &bases, params.number("reserve_opening"), &mut diags);
    let goal = goal::check(params.number("goal"), &restoring.years, &bases, &mut diags);
    let computed = sections::Computed { sheet: &sheet, restoring, reserve, goal };

    let mut report = ReportBuilder::for_dataset(&plugin.meta(), "Balanskravsutredning", ds);
    let (first, last) = sheet.first_and_last_year();
    report.period(if first == last { first.to_string() } else { format!("{first}–{last}") });
    report.sections(sections::sections(&computed));
    report.chart_reading(charts::reading());
    for note in sheet.provenance() {
        report.note(note);
    }
    report.diagnostics(diags);
    Ok(report.finish())
}
