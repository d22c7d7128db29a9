//! Every built-in plugin's examples, run on their input through the real import: each must make
//! its report and produce the figures it declares, and each report is snapshotted.

use uppfolj_plugin_test_support::assert_example_snapshots;
use uppfolj_plugins::{
    ActionPlan, AnnualReport, BalanceRequirement, BudgetCompare, BudgetFollowUp, Comparison, EarmarkedGrants,
    InterimReport, LedgerOutcome, Scorecard,
};

#[test]
fn budget_follow_up_examples() {
    assert_example_snapshots!(BudgetFollowUp);
}

#[test]
fn balance_requirement_examples() {
    assert_example_snapshots!(BalanceRequirement);
}

#[test]
fn action_plan_examples() {
    assert_example_snapshots!(ActionPlan);
}

#[test]
fn earmarked_grants_examples() {
    assert_example_snapshots!(EarmarkedGrants);
}

#[test]
fn scorecard_examples() {
    assert_example_snapshots!(Scorecard);
}

#[test]
fn comparison_examples() {
    assert_example_snapshots!(Comparison);
}

#[test]
fn ledger_outcome_examples() {
    assert_example_snapshots!(LedgerOutcome);
}

#[test]
fn interim_report_examples() {
    assert_example_snapshots!(InterimReport);
}

#[test]
fn annual_report_examples() {
    assert_example_snapshots!(AnnualReport);
}

#[test]
fn budget_compare_examples() {
    assert_example_snapshots!(BudgetCompare);
}
