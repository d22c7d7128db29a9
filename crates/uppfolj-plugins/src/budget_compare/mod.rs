//! # Jämförelse av budgetfiler (`budget-compare`)
//!
//! ## What it does
//! Compares two budget files line by line: this year's driftredovisning with last year's, or two
//! versions of a budget. For every line it gives the amount in file A, the amount in file B, the
//! difference B − A and the change in percent of A; lines found in only one file are listed as
//! such ("Bara i A", "Bara i B" in the column Finns i) and count as zero in the other, so that the
//! differences of the lines add up to the difference of the totals; their change in percent is
//! left empty (it would only say −100 % or +100 %), and the overview says why. Key figures give both totals and the change, a
//! chart the largest changes (the 20 largest when there are more lines).
//!
//! ## Why
//! Two versions of a budget, or two years, are compared by hand by putting the files side by
//! side: lines that were renamed, added or removed are easy to miss, and a file's own "Summa"
//! row may not be the sum of its lines. This report matches the lines, lists what is only in one
//! file, and checks each file's "Summa" row.
//!
//! ## Input
//! Two files, each with a table with a **budget** column (role `Budget`; the headers Årsbudget,
//! Budget, Budget jan–aug …): **A** is the first loaded file that fits, **B** the first of another
//! file. In the web app the files are chosen under "Filer till rapporten"; when two budget files
//! are loaded, the budget follow-up offers this comparison beside the choice of file.
//!
//! Lines are matched by their text (Verksamhet, Område …), and by the organisation (Förvaltning)
//! and account (Konto) columns when the file has them, ignoring case and extra spaces. A key
//! found twice in a file is matched in order. The file's total row ("Summa", "Totalt") and
//! subtotals are not lines. The amounts are compared as the files write them (costs negative in
//! a driftredovisning); B's amounts are converted to A's unit when the units differ ("Belopp i
//! tkr" against kronor).
//!
//! ## Reconciliation with the file's sums
//! Each file's own "Summa" row is compared with the sum of its lines (the kit's `reconcile`): a
//! difference is reported with both numbers, the difference and the likely reason (rounding, or
//! one line's amount), at the file's cell. The comparison always uses the sum of the lines.
//!
//! ## Parameters
//! - `amount` (Belopp att jämföra) — `budget` (default: the first budget column of each file,
//!   Årsbudget in a driftredovisning), `outcome` (the first outcome column, Utfall) or `forecast`
//!   (Helårsprognos).
//!
//! ## Example
//! ```text
//! uppfolj run budget-compare samples/driftredovisning_2023_aug.xlsx samples/driftredovisning_2024_aug.xlsx
//! ```
//! compares the annual budgets of 2023 (A) and 2024 (B) of one nämnd: −8 078 700 tkr and
//! −8 389 500 tkr, a change of −310 800 tkr (−3,8 %); "Område Kvalitet och utbildning" is only in
//! A and "Område Patientsäkerhet, utbildning och forskning" only in B.

mod checks;
mod compare;
mod read;
mod report;
mod text;

use read::Amount;
use uppfolj_plugin::kit::ReportBuilder;
use uppfolj_plugin::model::dataset::{ColumnRole, DatasetKind};
use uppfolj_plugin::{
    ComputeResult, Example, InputSpec, Inputs, ParamSpec, ParamValue, Params, PluginMeta, ReportPlugin, require,
    require_another,
};

/// The parameter choosing the amount compared.
const AMOUNT: &str = "amount";

/// The budget-compare plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct BudgetCompare;

impl ReportPlugin for BudgetCompare {
    fn meta(&self) -> PluginMeta {
        PluginMeta::new("budget-compare", "Jämförelse av budgetfiler")
            .name_en("Budget files compared")
            .describe(
                "Två budgetfiler rad för rad (två år, eller två versioner av en budget): belopp i A och i B, \
                 skillnad, förändring i procent och rader som bara finns i den ena filen.",
                "Two budget files line by line (two years, or two versions of a budget): amount in A and in B, \
                 difference, change in percent, and lines found in only one of them.",
            )
            .version(env!("CARGO_PKG_VERSION"))
    }

    fn inputs(&self) -> Vec<InputSpec> {
        let budget = |key: &str, description: &str| {
            InputSpec::new(key, description).kind(DatasetKind::Budget).requires([ColumnRole::Budget]).uses([
                ColumnRole::OrgUnit,
                ColumnRole::Account,
                ColumnRole::Label,
                ColumnRole::Outcome,
            ])
        };
        vec![
            budget("a", "Budgetfil A (den som jämförs från, t.ex. förra årets)"),
            budget("b", "Budgetfil B (den som jämförs med A, t.ex. årets), en annan fil än A").own_file(),
        ]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            ParamSpec::choice(
                AMOUNT,
                "Belopp att jämföra",
                &[("budget", "Budget"), ("outcome", "Utfall"), ("forecast", "Prognos")],
            )
            .help("Vilken kolumn som jämförs: den första budget-, utfalls- eller prognoskolumnen i varje fil.")
            .default_value(ParamValue::Text("budget".into())),
        ]
    }

    fn examples(&self) -> Vec<Example> {
        vec![
            Example::new("Årsbudgeten 2023 (A) mot 2024 (B) i en nämnds driftredovisningar")
                .sample("samples/driftredovisning_2023_aug.xlsx")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .expect_key_figure("Summa A", -8_078_700.0)
                .expect_key_figure("Summa B", -8_389_500.0)
                .expect_key_figure("Förändring B − A", -310_800.0)
                .expect_cell(report::TABLE, "Länssjukvårdsområde Somatik", "skillnad", -165_000.0)
                .expect_text("Bara i A (1 rad): Område Kvalitet och utbildning."),
            Example::new("Utfallet januari–augusti 2023 mot 2024")
                .sample("samples/driftredovisning_2023_aug.xlsx")
                .sample("samples/driftredovisning_2024_aug.xlsx")
                .param(AMOUNT, "outcome")
                .expect_cell(report::TABLE, "Folktandvården", "a", -29_840.0),
        ]
    }

    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult {
        let specs = self.inputs();
        let first = require(self, inputs, &specs[0])?;
        let second = require_another(self, inputs, &specs[1], &[first])?;
        let amount = Amount::from_param(params.text(AMOUNT));
        let (a, b) = (read::side(first, amount)?, read::side(second, amount)?);
        let lines = compare::compare(&a, &b);
        let meta = self.meta();
        let mut builder = ReportBuilder::for_dataset(&meta, "Jämförelse av budgetfiler", first);
        builder.input(second).subtitle(format!("A: {} – B: {}", a.file(), b.file()));
        builder.section(report::section(&a, &b, &lines, amount.word()));
        for (side, name) in [(&a, "A"), (&b, "B")] {
            let rows: Vec<usize> = side.lines.iter().map(|l| l.row).collect();
            let what = format!("{name}: {}", side.column_name());
            builder.note(uppfolj_plugin::kit::provenance(side.ds, what, Some(side.col), &rows));
            builder.diagnostics(checks::total_row(side, name));
        }
        Ok(builder.finish())
    }
}
