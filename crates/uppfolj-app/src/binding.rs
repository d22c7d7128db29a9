//! Which loaded file feeds which input of a report: the user's [`Binding`]s, the
//! [`InputChoice`]s a page shows, and the inputs a bound report runs on.
//!
//! A report takes, for an input of one table, the first table that fits in load order
//! ([`uppfolj_plugin::require`]). When several files fit (two budget files for budget
//! follow-up), the user can bind the input to one of them: its tables come first for that input,
//! so the report is made of it. Bindings are kept per report, so that choosing another report and
//! back keeps them. A file is named as the composite reports' `<part>.file` parameter names it:
//! by its name alone, ignoring case and a path.

use serde::{Deserialize, Serialize};
use std::sync::Arc;
use uppfolj_plugin::InputSpec;
use uppfolj_plugin::model::Dataset;

/// The user's choice of file for one input of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Binding {
    /// The report's plugin id ("budget-follow-up").
    pub plugin: String,
    /// The input's key in the plugin ("budget").
    pub input: String,
    /// The file's name.
    pub file: String,
}

/// An input of the chosen report that several loaded files fit: which one is used, and which
/// could be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputChoice {
    /// The input's key (what [`crate::Session::bind`] takes).
    pub key: String,
    /// What the input is, in Swedish ("Driftredovisning eller budgetuppföljning …").
    pub description_sv: String,
    /// The loaded files with a table that fits, in load order.
    pub files: Vec<String>,
    /// The file the report is made of now.
    pub used: String,
    /// The file the report would be made of if the user did not choose: the first that fits,
    /// in load order (what the page's "Automatiskt" says).
    pub automatic: String,
    /// Whether the user chose it (else it is the first that fits in load order).
    pub chosen: bool,
    /// The other reports the loaded files make that take two or more of these files, each of
    /// its own (a comparison of two budget files): offered beside the choice.
    pub compare: Vec<ReportLink>,
}

/// A report offered by its id and Swedish name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLink {
    /// The plugin's id (what [`crate::Session::pick_plugin`] takes).
    pub id: String,
    /// Its Swedish name ("Jämförelse av budgetfiler").
    pub name_sv: String,
}

/// Whether the file name `name` is the one the user named (`file`), ignoring case and a path.
pub(crate) fn same_file(name: &str, file: &str) -> bool {
    let base = |s: &str| s.rsplit(['/', '\\']).next().unwrap_or(s).to_lowercase();
    base(name) == base(file)
}

/// Whether an input can be bound to one file: it takes one table, and it is the report's own
/// (a composite report's parts are chosen with its `<part>.file` parameter instead).
pub(crate) fn is_bindable(spec: &InputSpec) -> bool {
    !spec.many && !spec.key.contains('.')
}

/// `datasets` in the order a report with these bound inputs sees them: for each bound input (the
/// first input last, so that it wins), the bound file's tables that the input accepts move to the
/// front; the rest keep load order.
pub(crate) fn bound_order<'a>(
    mut datasets: Vec<&'a Arc<Dataset>>,
    bound: &[(&InputSpec, &str)],
) -> Vec<&'a Arc<Dataset>> {
    for (spec, file) in bound.iter().rev() {
        // A stable sort: the bound file's fitting tables first, each group in its order.
        datasets.sort_by_cached_key(|d| !(same_file(&d.source.file, file) && spec.accepts(d)));
    }
    datasets
}

/// The table each bindable input of `specs` is made of, in the plugins' way (the first in
/// `order` the input accepts; for an [`InputSpec::own_file`] input, of a file the inputs before
/// it do not take: [`uppfolj_plugin::require_another`]), with the input's spec.
pub(crate) fn used<'s, 'd>(specs: &'s [InputSpec], order: &[&'d Dataset]) -> Vec<(&'s InputSpec, &'d Dataset)> {
    let mut taken: Vec<&Dataset> = Vec::new();
    let mut used = Vec::new();
    for spec in specs.iter().filter(|s| !s.many) {
        let free = |d: &&&Dataset| !spec.own_file || taken.iter().all(|t| t.source.file != d.source.file);
        if let Some(d) = order.iter().filter(|d| spec.accepts(d)).find(free) {
            taken.push(d);
            if is_bindable(spec) {
                used.push((spec, *d));
            }
        }
    }
    used
}

/// Whether two inputs cannot share a file: one of them takes a file of its own.
pub(crate) fn exclusive(a: &InputSpec, b: &InputSpec) -> bool {
    a.key != b.key && (a.own_file || b.own_file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_named_by_its_name_alone() {
        assert!(same_file("Drift 2024.xlsx", "drift 2024.XLSX"));
        assert!(same_file("drift.xlsx", "C:\\Users\\a\\drift.xlsx"));
        assert!(!same_file("drift.xlsx", "drift2.xlsx"));
    }
}
