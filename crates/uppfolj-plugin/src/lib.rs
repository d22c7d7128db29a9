//! The plugin API of uppfolj: the one small crate a report plugin depends on.
//!
//! A plugin implements [`ReportPlugin`]: it says who it is ([`PluginMeta`]), what data it needs
//! ([`InputSpec`]), which parameters it takes ([`ParamSpec`]), gives [`Example`]s, and computes a
//! [`Report`] from [`Inputs`] and validated [`Params`]. Built-in and custom plugins are the same
//! kind of thing; both are added to a [`Registry`] by explicit registration, which works the same
//! natively and in WebAssembly.
//!
//! Everything that crosses the plugin boundary (metadata, input declarations, parameters,
//! examples, inputs, the report) is owned and serialisable, so that a plugin can later run out of
//! process, for example as a sandboxed WebAssembly module.
//!
//! The [`kit`] holds what a report needs beyond the trait (a report builder that adds the
//! "Källor" section, tables declared column by column, amounts, signs, labels and totals, the
//! Swedish vocabulary); the built-in plugins are written on it. The data model is re-exported as
//! [`model`], so a plugin needs no other uppfolj dependency.

mod example;
mod inputs;
pub mod kit;
mod meta;
mod params;
mod registry;

pub use example::{Example, ExampleInput, Expect};
pub use inputs::{InputSpec, Inputs, Need};
pub use meta::PluginMeta;
pub use params::{ParamError, ParamKind, ParamSpec, ParamValue, Params, parse_number};
pub use registry::{Registry, RegistryError};
pub use uppfolj_model as model;

use uppfolj_model::dataset::Dataset;
use uppfolj_model::report::{Diagnostic, Report};

/// Why a plugin could not produce a report at all. Problems with parts of the data are
/// [`Diagnostic`]s in the report instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PluginError {
    /// No loaded dataset has what the plugin needs.
    #[error(
        "{plugin}: inget inläst dataset passar – {needed}. Läs in en fil med de kolumnerna, eller ange kolumnernas roller i importen."
    )]
    MissingInput {
        /// Plugin id.
        plugin: String,
        /// What is needed, in words.
        needed: String,
    },
    /// The parameters are invalid.
    #[error(transparent)]
    Param(#[from] ParamError),
    /// Any other reason, in words a user can act on.
    #[error("{0}")]
    Other(String),
}

/// The result of a compute step: the report, with diagnostics inside it.
pub type ComputeResult = Result<Report, PluginError>;

/// A report plugin.
///
/// Implementations must be deterministic: the same inputs and parameters give the same report.
pub trait ReportPlugin: Send + Sync {
    /// Who the plugin is.
    fn meta(&self) -> PluginMeta;

    /// The datasets it needs. The applications offer the plugin for loaded files from these
    /// declarations alone, so `compute` must not ask for more than they say.
    fn inputs(&self) -> Vec<InputSpec>;

    /// The parameters it takes.
    fn params(&self) -> Vec<ParamSpec> {
        Vec::new()
    }

    /// Examples, with their input and the figures they must produce; each is run by the
    /// plugin's tests (`uppfolj_plugin_test_support::run_examples`).
    fn examples(&self) -> Vec<Example> {
        Vec::new()
    }

    /// Computes the report. `params` has been validated against [`ReportPlugin::params`].
    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult;
}

/// The first dataset `spec` accepts, or the error saying which input is missing.
pub fn require<'a>(
    plugin: &dyn ReportPlugin,
    inputs: &'a Inputs,
    spec: &'a InputSpec,
) -> Result<&'a Dataset, PluginError> {
    inputs.matching(spec).next().ok_or_else(|| missing_input(plugin, spec))
}

/// The first dataset `spec` accepts whose file is none of the files of `taken` (the tables the
/// plugin's earlier inputs took), or the error saying which input is missing: for an input
/// declared [`InputSpec::own_file`], such as the second of two budget files compared.
pub fn require_another<'a>(
    plugin: &dyn ReportPlugin,
    inputs: &'a Inputs,
    spec: &'a InputSpec,
    taken: &[&Dataset],
) -> Result<&'a Dataset, PluginError> {
    inputs
        .matching(spec)
        .find(|d| taken.iter().all(|t| t.source.file != d.source.file))
        .ok_or_else(|| missing_input(plugin, spec))
}

/// Every dataset `spec` accepts, in load order, or the error saying none does (for an input
/// declared [`InputSpec::many`]).
pub fn require_all<'a>(
    plugin: &dyn ReportPlugin,
    inputs: &'a Inputs,
    spec: &'a InputSpec,
) -> Result<Vec<&'a Dataset>, PluginError> {
    let found: Vec<&Dataset> = inputs.matching(spec).collect();
    if found.is_empty() { Err(missing_input(plugin, spec)) } else { Ok(found) }
}

/// The error saying no loaded dataset fits `spec`.
pub fn missing_input(plugin: &dyn ReportPlugin, spec: &InputSpec) -> PluginError {
    PluginError::MissingInput { plugin: plugin.meta().name_sv, needed: spec.describe_sv() }
}

/// Runs `plugin` on `inputs` with parameters given as `key=value` strings: validates the
/// parameters, then [`run_with`].
pub fn run(plugin: &dyn ReportPlugin, inputs: &Inputs, raw_params: &[(String, String)]) -> ComputeResult {
    let params = Params::parse(&plugin.params(), raw_params)?;
    run_with(plugin, inputs, &params)
}

/// Runs `plugin` on `inputs` with validated `params`: computes, and records the parameters and
/// the inputs in the report where the plugin did not.
pub fn run_with(plugin: &dyn ReportPlugin, inputs: &Inputs, params: &Params) -> ComputeResult {
    let mut report = plugin.compute(inputs, params)?;
    if report.parameters.is_empty() {
        report.parameters = params.display(&plugin.params());
    }
    if report.inputs.is_empty() {
        let mut seen = Vec::new();
        for d in &inputs.datasets {
            if !seen.contains(&d.source) {
                seen.push(d.source.clone());
            }
        }
        report.inputs = seen;
    }
    Ok(report)
}

/// Adds `diagnostic` to `report` unless an identical one is already there.
pub fn push_diagnostic(report: &mut Report, diagnostic: Diagnostic) {
    if !report.diagnostics.contains(&diagnostic) {
        report.diagnostics.push(diagnostic);
    }
}
