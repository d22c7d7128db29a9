//! # Utfall per enhet och konto (`ledger-outcome`)
//!
//! ## What it does
//! Makes a ledger with outcome only (a huvudbok or leverantörsreskontra export without budget)
//! readable: the outcome per unit with the accounts below (each group a subtotal), the share of
//! the total of every group, the largest units, accounts and suppliers, a bar chart of the units
//! and a few generated Swedish sentences. A ledger has many lines per unit (one per invoice);
//! a controller wants the result per förvaltning and verksamhet, with the accounts underneath.
//!
//! ## Why
//! Without a budget column no budget follow-up can be made, and a report that needs other
//! figures (cost per inhabitant) fails on such a file. This report needs only the outcome and an
//! account column, so the apps choose it for an outcome-only ledger; a ledger with budget gets
//! budget-follow-up (grouped the same way) first, and this report as an alternative.
//!
//! ## Input
//! One table with an **outcome** column and an **account** column (roles `Outcome` and
//! `Account`), usually with organisation columns and a supplier. Header texts the import
//! recognises include:
//!
//! | Role | Headers |
//! |---|---|
//! | organisation | Förvaltning, Verksamhet, Enhet, Ansvar, Kostnadsställe, RN1/Förvaltning |
//! | account | Konto, Kontonamn, Kontogrupp, Kostnadsslag |
//! | outcome | Utfall, Belopp, Bokfört, Redovisat |
//! | supplier (found by its header) | Leverantör, Leverantörsnamn, Motpart |
//!
//! The months the ledger covers are read from its period or date column (Period, Månad,
//! Bokföringsdatum: "2024-03", "2024-03-15"): the report's period, "januari–augusti 2024".
//! Every line with an outcome counts; the file's total rows ("Summa", "Totalt") do not. Lines
//! with a negative outcome (credit notes, income) are summed with the others and counted in one
//! sentence.
//!
//! ## Grouping
//! The lines are grouped from the top by the first two organisation columns (each a level, in
//! the file's order: Förvaltning and Verksamhet, not the finer Ansvar), with the account columns (code and name as one level, "4010 Förbrukningsmaterial")
//! as the level below; without organisation columns, by account. The parameter `group` chooses
//! other columns, as in budget-follow-up: headers as in the file, comma separated, compared
//! without case (`verksamhet`, `konto`, `projekt`, `leverantör`), or the words `organisation`
//! and `konto`; the accounts are added as the level below unless named. On each level the
//! groups are ordered by the size of their outcome, largest first. The table has one row per
//! group with the outcome, the share of the total (%) and the number of lines; a group with
//! groups below it is their subtotal (in the workbook a live `=SUM(..)` of the outcome and
//! the count; the share is written as a value), then the total. Every line of the file is in the workbook's input sheet ("Indata").
//!
//! ## Parameters
//! Each parameter's Swedish label is in brackets.
//! - `group` (Gruppera efter) — the columns to group by, from the top, comma separated (see
//!   *Grouping*). Default: the first two organisation columns with the accounts below. A name no column
//!   has is reported and the default used; `ingen` also gives the default (the report is
//!   always grouped).
//! - `top` (Antal största) — how many of the largest accounts and suppliers to list (1–50,
//!   default 10).
//!
//! ## Example
//! ```text
//! uppfolj run ledger-outcome samples/huvudbok_utfall_2024_aug.xlsx
//! ```
//! The invented ledger of 304 invoices (January–August 2024, kr) gives a total outcome of
//! 3 899 980 kr; the largest förvaltning is Barn- och utbildningsförvaltningen with
//! 1 556 551,50 kr (39,9 %), the largest account 4620 Köp av verksamhet with 1 675 473,02 kr.
//! The plugin's examples (that file by default and per verksamhet) carry these figures, which
//! the tests check.
//!
//! ## How the plugin is built
//! `read` finds the outcome, account and supplier columns and the lines (`period` the months
//! they cover), `ranking` groups them
//! (on the crate's `grouping`, shared with budget-follow-up) with their shares, and `tables`,
//! `charts`, `text` and `report` present them.

mod charts;
mod ranking;
mod read;
mod report;
mod tables;
mod text;

use crate::grouping::{self, Grouping};
use read::Ledger;
use uppfolj_plugin::kit::ReportBuilder;
use uppfolj_plugin::model::dataset::{ColumnRole, DatasetKind};
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamSpec, ParamValue, Params, PluginError, PluginMeta, ReportPlugin,
    require,
};

/// The invented outcome-only ledger of the examples.
const LEDGER: &str = "samples/huvudbok_utfall_2024_aug.xlsx";

/// The outcome-only ledger plugin. See the module documentation.
#[derive(Debug, Clone, Copy, Default)]
pub struct LedgerOutcome;

impl ReportPlugin for LedgerOutcome {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("ledger-outcome", "Utfall per enhet och konto")
            .name_en("Outcome per unit and account")
            .describe(
                "En huvudbok eller leverantörsreskontra med utfall (utan budget) grupperad per enhet med konton under: \
                 delsummor, andel av utfallet, största enheter, konton och leverantörer, diagram och kommentarer.",
                "A ledger with outcome only (no budget) grouped per unit with the accounts below: subtotals, shares \
                 of the total, the largest units, accounts and suppliers, a chart and generated comments.",
            )
            .version(env!("CARGO_PKG_VERSION"))
    }

    fn inputs(&self) -> Vec<InputSpec> {
        vec![
            InputSpec::new("ledger", "Huvudbok eller leverantörsreskontra med utfall per rad och konto")
                .kind(DatasetKind::Budget)
                .requires([ColumnRole::Outcome, ColumnRole::Account])
                .uses([ColumnRole::OrgUnit, ColumnRole::Label]),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            grouping::param_spec(),
            ParamSpec::integer("top", "Antal största", Some(1), Some(50))
                .help("Hur många av de största kontona och leverantörerna som listas.")
                .default_value(ParamValue::Integer(10)),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new(
                "En påhittad leverantörsreskontra (utfall utan budget), grupperad per förvaltning och verksamhet",
            )
            .sample(LEDGER)
            .expect_key_figure("Utfall totalt", 3_899_980.0)
            .expect_key_figure("Antal rader", 304.0)
            .expect_cell("per-enhet", "Barn- och utbildningsförvaltningen", "utfall", 1_556_551.5)
            .expect_cell("storsta-konton", "4620 Köp av verksamhet", "utfall", 1_675_473.02)
            .expect_text("Störst på nivån Förvaltning är Barn- och utbildningsförvaltningen"),
            Example::new("Samma fil per verksamhet, de fem största kontona och leverantörerna")
                .sample(LEDGER)
                .param("group", "verksamhet")
                .param("top", "5")
                .expect_cell("per-enhet", "Förskola", "utfall", 629_985.71)
                .expect_text("Filens 304 rader är grupperade per Verksamhet, med Konto på nivån under"),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let ds = require(self, inputs, &specs[0])?;
        let mut diags = Vec::new();
        let ledger = Ledger::read(ds, &mut diags)
            .ok_or_else(|| PluginError::Other("Filen saknar en kolumn med utfall.".to_owned()))?;
        let grouping =
            Grouping::resolve(ds, params, &mut diags).or_else(|| Grouping::units_and_accounts(ds)).ok_or_else(
                || PluginError::Other("Filen saknar kolumner med enhet eller konto att gruppera efter.".into()),
            )?;
        let mut builder = ReportBuilder::for_dataset(&self.meta(), "Utfall per enhet och konto", ds);
        if let Some(period) = &ledger.period {
            builder.period(period.clone());
        }
        let top = params.integer("top").unwrap_or(10).clamp(1, 50) as usize;
        report::present(&mut builder, &ledger, &grouping, top);
        builder.diagnostics(diags.into_iter().map(|d| d.at(&ds.source, None)));
        let mut parameters = params.display(&self.params());
        parameters.push(("Gruppering".into(), grouping.title(ds)));
        builder.report_mut().parameters = parameters;
        Ok(builder.finish())
    }
}
