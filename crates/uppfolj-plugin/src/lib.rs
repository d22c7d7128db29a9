//! The plugin API of uppfolj: the one small crate a report plugin depends on.
//!
//! A plugin implements [`ReportPlugin`]: it says who it is ([`PluginMeta`]), what data it needs
//! ([`InputSpec`]), which parameters it takes ([`ParamSpec`]), gives [`Example`]s, and computes a
//! [`Report`] from [`Inputs`] and validated [`Params`]. Built-in and custom plugins are the same
//! kind of thing; both are added to a [`Registry`] by explicit registration, which works the same
//! natively and in WebAssembly.
//!
//! Everything that crosses the plugin boundary (inputs, parameters, the report) is serialisable,
//! so that a plugin can later run out of process, for example as a sandboxed WebAssembly module.
//!
//! The data model is re-exported as [`model`], so a plugin needs no other uppfolj dependency.

mod params;
mod registry;

pub use params::{ParamError, ParamKind, ParamSpec, ParamValue, Params, parse_number};
pub use registry::{Registry, RegistryError};
pub use uppfolj_model as model;

use serde::{Deserialize, Serialize};
use uppfolj_model::dataset::{ColumnRole, Dataset, DatasetKind};
use uppfolj_model::report::{Diagnostic, PluginRef, Report};

/// Who a plugin is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluginMeta {
    /// Stable id, kebab-case ("budget-follow-up"). Never changes once published.
    pub id: &'static str,
    /// Swedish name shown in the app ("Budgetuppföljning").
    pub name_sv: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Swedish one-paragraph description.
    pub description_sv: &'static str,
    /// English one-paragraph description.
    pub description_en: &'static str,
    /// The plugin's version (semver).
    pub version: &'static str,
}

impl PluginMeta {
    /// The reference a [`Report`] carries to the plugin that made it.
    pub fn report_ref(&self) -> PluginRef {
        PluginRef { id: self.id.to_owned(), version: self.version.to_owned() }
    }
}

/// A dataset a plugin needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputSpec {
    /// What the input is, in Swedish ("Driftredovisning med budget och utfall").
    pub description_sv: &'static str,
    /// The kind of dataset.
    pub kind: DatasetKind,
    /// Column roles that must be present (at least one column each).
    pub required_roles: Vec<ColumnRole>,
    /// Column roles used when present.
    pub optional_roles: Vec<ColumnRole>,
    /// Whether the plugin can run without this input.
    pub optional: bool,
}

impl InputSpec {
    /// Whether `dataset` has every required role.
    pub fn accepts(&self, dataset: &Dataset) -> bool {
        self.required_roles.iter().all(|r| dataset.column(*r).is_some())
    }
}

/// An example of running the plugin: parameters and a description of the input. The plugin's
/// tests run every example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    /// What the example shows.
    pub description: &'static str,
    /// Parameters as `key=value` strings, as on the command line.
    pub params: Vec<(&'static str, &'static str)>,
}

/// The datasets a plugin runs on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Inputs {
    /// All datasets the user loaded, in load order.
    pub datasets: Vec<Dataset>,
}

impl Inputs {
    /// Inputs from datasets.
    pub fn new(datasets: Vec<Dataset>) -> Self {
        Self { datasets }
    }

    /// The datasets `spec` accepts, in load order.
    pub fn matching<'a>(&'a self, spec: &'a InputSpec) -> impl Iterator<Item = &'a Dataset> + 'a {
        self.datasets.iter().filter(move |d| spec.accepts(d))
    }
}

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

    /// The datasets it needs.
    fn inputs(&self) -> Vec<InputSpec>;

    /// The parameters it takes.
    fn params(&self) -> Vec<ParamSpec> {
        Vec::new()
    }

    /// Examples; each is run by the plugin's tests.
    fn examples(&self) -> Vec<Example> {
        Vec::new()
    }

    /// Computes the report. `params` has been validated against [`ReportPlugin::params`].
    fn compute(&self, inputs: &Inputs, params: &Params) -> ComputeResult;
}

/// Finds the first dataset for each required input spec, or says which one is missing.
pub fn require<'a>(
    plugin: &dyn ReportPlugin,
    inputs: &'a Inputs,
    spec: &'a InputSpec,
) -> Result<&'a Dataset, PluginError> {
    inputs.matching(spec).next().ok_or_else(|| PluginError::MissingInput {
        plugin: plugin.meta().name_sv.to_owned(),
        needed: format!(
            "{} (kolumner: {})",
            spec.description_sv,
            spec.required_roles.iter().map(|r| r.label_sv()).collect::<Vec<_>>().join(", ")
        ),
    })
}

/// Runs `plugin` on `inputs` with parameters given as `key=value` strings: validates the
/// parameters, computes, and records the parameters and inputs in the report.
pub fn run(plugin: &dyn ReportPlugin, inputs: &Inputs, raw_params: &[(String, String)]) -> ComputeResult {
    let specs = plugin.params();
    let params = Params::parse(&specs, raw_params)?;
    let mut report = plugin.compute(inputs, &params)?;
    if report.parameters.is_empty() {
        report.parameters = params.display(&specs);
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
