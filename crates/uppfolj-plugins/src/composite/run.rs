//! Running each part on the tables that feed it, with its own parameters.

use super::assign::{Feed, assign};
use super::parts::{PARTS, Part};
use std::sync::Arc;
use uppfolj_plugin::model::{Dataset, Report};
use uppfolj_plugin::{Inputs, ParamError, Params, PluginError, run_with};

/// What became of one part.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// The part's report.
    Report(Box<Report>),
    /// No loaded file fits the part.
    NoData,
    /// The part could not be made; the reason, in Swedish.
    Failed(String),
}

/// One part with the tables it got and what became of it.
pub(crate) struct PartRun<'a> {
    /// The part.
    pub part: &'static Part,
    /// The tables that fed it.
    pub feed: Feed<'a>,
    /// Its report, or why there is none.
    pub outcome: Outcome,
}

impl PartRun<'_> {
    /// The part's report, if it was made.
    pub fn report(&self) -> Option<&Report> {
        match &self.outcome {
            Outcome::Report(r) => Some(r),
            _ => None,
        }
    }
}

/// Every part of [`PARTS`], run on the tables of `datasets` that feed it.
pub(crate) fn run_parts<'a>(datasets: &'a [Arc<Dataset>], params: &Params) -> Vec<PartRun<'a>> {
    PARTS
        .iter()
        .zip(assign(datasets, params))
        .map(|(part, feed)| {
            let outcome = run_part(part, &feed, params);
            PartRun { part, feed, outcome }
        })
        .collect()
}

/// Runs `part` on `tables` with its scoped parameters.
pub(crate) fn run_on(part: &Part, tables: Vec<Dataset>, params: &Params) -> Result<Report, String> {
    run_inputs(part, &Inputs::new(tables), params)
}

/// The plugin inputs made of `tables` (shared, not copied).
fn inputs_of(tables: &[&Arc<Dataset>]) -> Inputs {
    Inputs::new(tables.iter().map(|d| Arc::clone(d)))
}

fn run_inputs(part: &Part, inputs: &Inputs, params: &Params) -> Result<Report, String> {
    run_with(part.plugin, inputs, &params.scope(part.id)).map_err(|e| explain(part, e))
}

fn run_part(part: &Part, feed: &Feed<'_>, params: &Params) -> Outcome {
    let inputs = inputs_of(&feed.tables);
    if inputs.satisfy(&part.inputs()) {
        return match run_inputs(part, &inputs, params) {
            Ok(report) => Outcome::Report(Box::new(report)),
            Err(reason) => Outcome::Failed(reason),
        };
    }
    match &feed.chosen {
        None => Outcome::NoData,
        Some(file) if feed.tables.is_empty() => Outcome::Failed(format!(
            "Filen '{file}', vald för {}, är inte inläst. Läs in den, eller töm inställningen '{}: Fil' så väljs \
             filen som passar bäst.",
            part.name.to_lowercase(),
            part.name
        )),
        Some(file) => Outcome::Failed(format!(
            "Filen '{file}', vald för {}, passar inte: avsnittet behöver {}. Välj en annan fil i inställningen \
             '{}: Fil'.",
            part.name.to_lowercase(),
            needs(part),
            part.name
        )),
    }
}

/// What the part needs, in words.
fn needs(part: &Part) -> String {
    part.inputs().iter().filter(|s| !s.optional).map(|s| s.describe_sv()).collect::<Vec<_>>().join(" och ")
}

/// The part's error in the composite's words: a parameter is named as the composite offers it.
fn explain(part: &Part, error: PluginError) -> String {
    match error {
        PluginError::Param(ParamError::Invalid { key, label, reason }) => {
            format!("Inställningen {}: {label} ({}.{key}): {reason}", part.name, part.id)
        }
        other => other.to_string(),
    }
}
