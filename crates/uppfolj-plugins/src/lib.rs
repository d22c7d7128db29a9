//! The built-in report plugins of uppfolj, one folder each; each folder's `mod.rs` doc comment is
//! the plugin's user documentation (what it does, the input it expects, its parameters, examples)
//! and holds the `ReportPlugin` impl, with modules for reading the data, computing the figures,
//! presenting tables and charts, and the Swedish sentences. They are written on the plugin
//! author's kit (`uppfolj_plugin::kit`) like any other plugin. The two composite reports share
//! one engine, `composite/` (not a plugin of its own): it runs the other plugins as the parts of
//! one document.
//!
//! | id | plugin |
//! |---|---|
//! | `budget-follow-up` | [`BudgetFollowUp`]: budget vs outcome per unit (driftredovisning) |
//! | `earmarked-grants` | [`EarmarkedGrants`]: riktade statsbidrag, allocated vs used per project |
//! | `balance-requirement` | [`BalanceRequirement`]: balanskravsutredning over several years |
//! | `action-plan` | [`ActionPlan`]: cost-reduction measures, planned vs realised vs required |
//! | `scorecard` | [`Scorecard`]: måluppföljning (styrkort), indicators judged against their targets |
//! | `comparison` | [`Comparison`]: a region's or municipality's rank among the others per Kolada KPI |
//! | `ledger-outcome` | [`LedgerOutcome`]: a ledger with outcome only, per unit and account, largest units, accounts, suppliers |
//! | `interim-report` | [`InterimReport`]: the delårsrapport, composed of the reports above from several files |
//! | `annual-report` | [`AnnualReport`]: the årsrapport, composed the same way |
//! | `budget-compare` | [`BudgetCompare`]: two budget files line by line (two years, two versions) |
//!
//! Applications add them with [`register_builtins`] (or take a ready [`registry`]) and add custom
//! plugins to the same [`Registry`] the same way: see `docs/plugins.md`.

pub mod action_plan;
pub mod annual_report;
pub mod balance_requirement;
pub mod budget_compare;
pub mod budget_follow_up;
pub mod comparison;
mod composite;
pub mod earmarked_grants;
mod grouping;
pub mod interim_report;
mod ledger_months;
pub mod ledger_outcome;
pub mod scorecard;

pub use action_plan::ActionPlan;
pub use annual_report::AnnualReport;
pub use balance_requirement::BalanceRequirement;
pub use budget_compare::BudgetCompare;
pub use budget_follow_up::BudgetFollowUp;
pub use comparison::Comparison;
pub use composite::automatic_part_files;
pub use earmarked_grants::EarmarkedGrants;
pub use interim_report::InterimReport;
pub use ledger_outcome::LedgerOutcome;
pub use scorecard::Scorecard;

use uppfolj_plugin::{Registry, RegistryError};

/// Adds every built-in plugin to `registry`. Fails if one of their ids is already taken.
pub fn register_builtins(registry: &mut Registry) -> Result<(), RegistryError> {
    registry.register(BudgetFollowUp)?;
    registry.register(BalanceRequirement)?;
    registry.register(ActionPlan)?;
    registry.register(EarmarkedGrants)?;
    registry.register(Scorecard)?;
    registry.register(Comparison)?;
    registry.register(LedgerOutcome)?;
    registry.register(InterimReport)?;
    registry.register(AnnualReport)?;
    registry.register(BudgetCompare)?;
    Ok(())
}

/// A registry holding the built-in plugins.
pub fn registry() -> Registry {
    let mut registry = Registry::new();
    // The built-in ids are distinct constants (tested), so registering them into an empty
    // registry cannot fail.
    if let Err(e) = register_builtins(&mut registry) {
        unreachable!("built-in plugin ids must be unique: {e}");
    }
    registry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registers_every_builtin_once() {
        let registry = registry();
        let ids: Vec<&str> = registry.metas().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "budget-follow-up",
                "balance-requirement",
                "action-plan",
                "earmarked-grants",
                "scorecard",
                "comparison",
                "ledger-outcome",
                "interim-report",
                "annual-report",
                "budget-compare"
            ]
        );
        let mut again = registry;
        assert_eq!(
            register_builtins(&mut again),
            Err(RegistryError::DuplicateId("budget-follow-up".into())),
            "a second registration is refused, not a silent override"
        );
    }

    #[test]
    fn every_builtin_documents_its_inputs_params_and_examples() {
        for plugin in registry().iter() {
            let meta = plugin.meta();
            assert!(!meta.description_sv.is_empty() && !meta.description_en.is_empty(), "{}", meta.id);
            assert!(!plugin.inputs().is_empty(), "{}", meta.id);
            assert!(!plugin.examples().is_empty(), "{}", meta.id);
            for spec in plugin.params() {
                assert!(!spec.help_sv.is_empty(), "{}: {}", meta.id, spec.key);
            }
        }
    }
}
