//! The gallery of reports: every plugin the session offers, with whether the files loaded now
//! satisfy it and, if not, what file it needs, in Swedish, from the plugins' input declarations
//! alone ([`InputSpec`]). Serialisable, so that a page can receive it from a worker.

use serde::{Deserialize, Serialize};
use uppfolj_plugin::model::Dataset;
use uppfolj_plugin::{InputSpec, Need, ReportPlugin};

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
    /// The loaded files with a table that fits, in load order; for an input that takes a file
    /// of its own (the second file of a comparison), those the inputs before it do not take.
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

/// Whether the loaded tables meet each need, found once per gallery: the same need recurs in
/// many reports (a composite repeats its parts'), and a row-text need reads every row of a table.
pub(crate) struct Needs<'a> {
    datasets: &'a [&'a Dataset],
    met: Vec<(usize, Need, bool)>,
}

impl<'a> Needs<'a> {
    pub(crate) fn new(datasets: &'a [&'a Dataset]) -> Self {
        Self { datasets, met: Vec::new() }
    }

    fn is_met(&mut self, need: &Need, index: usize) -> bool {
        if let Some((_, _, met)) = self.met.iter().find(|(i, n, _)| *i == index && n == need) {
            return *met;
        }
        let met = need.is_met_by(self.datasets[index]);
        self.met.push((index, need.clone(), met));
        met
    }

    /// [`InputSpec::accepts`] for the table at `index`, the cheap needs (column roles) first.
    fn accepts(&mut self, spec: &InputSpec, index: usize) -> bool {
        spec.alternatives.is_empty()
            || spec
                .alternatives
                .iter()
                .any(|needs| Need::cheapest_first(needs).into_iter().all(|n| self.is_met(n, index)))
    }

    /// The files (in load order, each once) with a table `spec` accepts.
    fn fitting_files(&mut self, spec: &InputSpec) -> Vec<String> {
        let mut files: Vec<String> = Vec::new();
        for index in 0..self.datasets.len() {
            let file = &self.datasets[index].source.file;
            if !files.contains(file) && self.accepts(spec, index) {
                files.push(file.clone());
            }
        }
        files
    }
}

/// The gallery entry of `plugin` for the tables loaded now.
pub(crate) fn entry(plugin: &dyn ReportPlugin, needs: &mut Needs<'_>, chosen: bool) -> GalleryEntry {
    let meta = plugin.meta();
    let mut taken: Vec<String> = Vec::new();
    let mut inputs: Vec<GalleryInput> = Vec::new();
    for spec in plugin.inputs() {
        let mut input = input(&spec, needs);
        if spec.own_file {
            input.files.retain(|f| !taken.contains(f));
        }
        if !spec.many {
            taken.extend(input.files.first().cloned());
        }
        inputs.push(input);
    }
    // Required inputs first (a stable sort keeps the declared order within each kind).
    inputs.sort_by_key(|i| i.optional);
    let satisfied = inputs.iter().all(|i| i.optional || !i.files.is_empty());
    GalleryEntry { id: meta.id, name_sv: meta.name_sv, description_sv: meta.description_sv, chosen, satisfied, inputs }
}

fn input(spec: &InputSpec, needs: &mut Needs<'_>) -> GalleryInput {
    let needs_sv =
        if spec.alternatives.len() <= READABLE_ALTERNATIVES { spec.describe_sv() } else { spec.description_sv.clone() };
    GalleryInput { key: spec.key.clone(), needs_sv, optional: spec.optional, files: needs.fitting_files(spec) }
}

/// The files (in load order, each once) with a table `spec` accepts.
pub(crate) fn fitting_files<'a>(spec: &InputSpec, datasets: impl IntoIterator<Item = &'a Dataset>) -> Vec<String> {
    let datasets: Vec<&Dataset> = datasets.into_iter().collect();
    Needs::new(&datasets).fitting_files(spec)
}
