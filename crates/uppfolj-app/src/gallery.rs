//! The gallery of reports: every plugin the session offers, with whether the files loaded now
//! satisfy it and, if not, what file it needs, in Swedish, from the plugins' input declarations
//! alone ([`InputSpec`]). Serialisable, so that a page can receive it from a worker.

use serde::{Deserialize, Serialize};
use uppfolj_plugin::model::Dataset;
use uppfolj_plugin::{InputSpec, ReportPlugin};

/// One report of the gallery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GalleryEntry {
    /// The plugin's id (what [`crate::Session::pick_plugin`] takes).
    pub id: String,
    /// Its Swedish name ("Budgetuppföljning").
    pub name_sv: String,
    /// Its Swedish description.
    pub description_sv: String,
    /// Whether it is the report chosen now.
    pub chosen: bool,
    /// Whether every input it requires has a loaded file that fits.
    pub satisfied: bool,
    /// Its inputs, required ones first as declared.
    pub inputs: Vec<GalleryInput>,
}

/// One input of a report in the gallery: what it needs and which loaded files fit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GalleryInput {
    /// The input's key in the plugin ("budget").
    pub key: String,
    /// What file it needs, in Swedish: the description, and its alternatives of columns and rows
    /// when they are few enough to read ("… (kolumnen Budget och kolumnen Utfall)").
    pub needs_sv: String,
    /// Whether the report can be made without it.
    pub optional: bool,
    /// The loaded files with a table that fits, in load order.
    pub files: Vec<String>,
}

impl GalleryEntry {
    /// The required inputs no loaded file fits: what the report still needs.
    pub fn missing(&self) -> impl Iterator<Item = &GalleryInput> {
        self.inputs.iter().filter(|i| !i.optional && i.files.is_empty())
    }
}

/// Alternatives beyond this many are left out of [`GalleryInput::needs_sv`]: a composite report
/// accepts a dozen kinds of file, which its description names in words.
const READABLE_ALTERNATIVES: usize = 2;

/// The gallery entry of `plugin` for the `datasets` loaded now.
pub(crate) fn entry(plugin: &dyn ReportPlugin, datasets: &[&Dataset], chosen: bool) -> GalleryEntry {
    let meta = plugin.meta();
    let mut inputs: Vec<GalleryInput> = plugin.inputs().iter().map(|spec| input(spec, datasets)).collect();
    // Required inputs first (a stable sort keeps the declared order within each kind).
    inputs.sort_by_key(|i| i.optional);
    let satisfied = inputs.iter().all(|i| i.optional || !i.files.is_empty());
    GalleryEntry { id: meta.id, name_sv: meta.name_sv, description_sv: meta.description_sv, chosen, satisfied, inputs }
}

fn input(spec: &InputSpec, datasets: &[&Dataset]) -> GalleryInput {
    let needs_sv =
        if spec.alternatives.len() <= READABLE_ALTERNATIVES { spec.describe_sv() } else { spec.description_sv.clone() };
    GalleryInput {
        key: spec.key.clone(),
        needs_sv,
        optional: spec.optional,
        files: fitting_files(spec, datasets.iter().copied()),
    }
}

/// The files (in load order, each once) with a table `spec` accepts.
pub(crate) fn fitting_files<'a>(spec: &InputSpec, datasets: impl IntoIterator<Item = &'a Dataset>) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for d in datasets.into_iter().filter(|d| spec.accepts(d)) {
        if !files.contains(&d.source.file) {
            files.push(d.source.file.clone());
        }
    }
    files
}
