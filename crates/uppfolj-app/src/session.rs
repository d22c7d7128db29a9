//! The [`Session`]: loaded files, the chosen plugin, its parameters, and the run.

use std::sync::Arc;
use uppfolj_import::{Import, ImportError, ImportOptions, ImportSummary, Mapping, Observer, import_bytes_observed};
use uppfolj_plugin::model::{Dataset, Report};
use uppfolj_plugin::{InputSpec, Inputs, PluginError, PluginMeta, Registry, ReportPlugin};

use crate::binding::{self, Binding, InputChoice, ReportLink};
use crate::gallery::{self, GalleryEntry};

/// A file the user loaded: its bytes, how it is read, and what the import made of it.
///
/// Cloning is cheap (the bytes and the import are shared).
#[derive(Clone)]
pub struct LoadedFile {
    /// The file's name, unique in a session; the import names it in messages and provenance.
    pub name: String,
    /// The file's bytes, kept so that it can be imported again with another mapping.
    pub bytes: Arc<Vec<u8>>,
    /// The user's overrides of the import's decisions.
    pub mapping: Mapping,
    /// What the import produced: the datasets and the summary.
    pub import: Arc<Import>,
}

impl LoadedFile {
    /// Size of the file in bytes.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    /// The tables the import found, in the file's order (shared: cloning one is cheap).
    pub fn datasets(&self) -> &[Arc<Dataset>] {
        &self.import.datasets
    }

    /// What the import found and decided, for the user.
    pub fn summary(&self) -> &ImportSummary {
        &self.import.summary
    }
}

/// Two loaded files are the same when they share their bytes and their import: a new import makes
/// a new `Arc`, so comparing pointers is exact, and it spares comparing every cell of a large
/// dataset (a web page compares its state on every change).
impl PartialEq for LoadedFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && Arc::ptr_eq(&self.bytes, &other.bytes)
            && self.mapping == other.mapping
            && Arc::ptr_eq(&self.import, &other.import)
    }
}

impl std::fmt::Debug for LoadedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedFile")
            .field("name", &self.name)
            .field("size", &self.size())
            .field("mapping", &self.mapping)
            .field("tables", &self.import.datasets.len())
            .finish()
    }
}

/// A plugin id no registered plugin has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no plugin '{id}'; available: {}", available.join(", "))]
pub struct UnknownPlugin {
    /// The id asked for.
    pub id: String,
    /// The ids there are, in registry order.
    pub available: Vec<String>,
}

/// One application session: the files the user loaded, the report plugin chosen for them and its
/// parameters.
///
/// * Files are kept in **load order**, and that is the order of the datasets a plugin sees
///   ([`Session::inputs`]): when two files fit an input, the one loaded first is used. Loading a
///   file under a name already loaded replaces that file in its place.
/// * Until the user picks a plugin ([`Session::pick_plugin`]), the session chooses one whenever
///   the files change: the plugin whose required inputs the files satisfy most closely
///   ([`Inputs::fit`]; among equals the first in registry order), else the first plugin. The choice depends on which
///   files are loaded, not on their order: files for different parts (budget, grants, action
///   plan) choose the interim report, two files for the same input (two budget files) the
///   report of that input, since a second file of the same kind meets no new need. A plugin the
///   user picked stays picked when files change.
/// * When several files fit an input of the chosen report, the first in load order feeds it
///   unless the user [`Session::bind`]s the input to another ([`Session::input_choices`]); the
///   choice offers the reports that compare such files (`budget-compare`).
/// * Each report keeps the parameters and bindings it was given: choosing another report and
///   back (the user, or the automatic choice while a file is read wrongly) brings them back.
/// * [`Session::run`] always computes from the files loaded now; the session keeps no report.
///
/// Cloning is cheap: the registry and every file's bytes and import are shared.
#[derive(Debug, Clone)]
pub struct Session {
    registry: Arc<Registry>,
    import_options: ImportOptions,
    files: Vec<LoadedFile>,
    plugin_id: Option<String>,
    picked: bool,
    params: Vec<(String, String)>,
    /// The parameters of the reports chosen before, by plugin id.
    stashed: Vec<(String, Vec<(String, String)>)>,
    bindings: Vec<Binding>,
}

/// Equal sessions offer the same plugins (the same registry), hold the same files and have the
/// same plugin, pick and parameters.
impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.registry, &other.registry)
            && self.import_options == other.import_options
            && self.files == other.files
            && self.plugin_id == other.plugin_id
            && self.picked == other.picked
            && self.params == other.params
            && self.stashed == other.stashed
            && self.bindings == other.bindings
    }
}

impl Session {
    /// A session offering the plugins of `registry` (usually [`crate::registry`]), with no files
    /// and the first plugin chosen.
    pub fn new(registry: Registry) -> Self {
        Self::empty(Arc::new(registry), ImportOptions::default())
    }

    /// A session of `registry` with `import_options` and nothing else: no files, no pick, no
    /// parameters, the first plugin chosen.
    fn empty(registry: Arc<Registry>, import_options: ImportOptions) -> Self {
        let plugin_id = registry.metas().next().map(|m| m.id.clone());
        Self {
            registry,
            import_options,
            files: Vec::new(),
            plugin_id,
            picked: false,
            params: Vec::new(),
            stashed: Vec::new(),
            bindings: Vec::new(),
        }
    }

    /// A session offering the same plugins with the same import limits, and nothing else: no
    /// files, no pick, no parameters, the first plugin chosen (the web app's "Rensa all data").
    #[must_use]
    pub fn cleared(&self) -> Self {
        Self::empty(self.registry.clone(), self.import_options.clone())
    }

    /// Imports files with these limits (the mapping in `options` is ignored: each file has its
    /// own, given to [`Session::load`]).
    #[must_use]
    pub fn with_import_options(mut self, options: ImportOptions) -> Self {
        self.import_options = ImportOptions { mapping: Mapping::default(), ..options };
        self
    }

    /// The plugins offered, shared (compare with [`Arc::ptr_eq`]).
    pub fn registry(&self) -> &Arc<Registry> {
        &self.registry
    }

    // --- Files -------------------------------------------------------------------------------

    /// The loaded files, in load order.
    pub fn files(&self) -> &[LoadedFile] {
        &self.files
    }

    /// The loaded file called `name`.
    pub fn file(&self, name: &str) -> Option<&LoadedFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// Imports `bytes` as the file `name`, read with `mapping`, and adds it after the files
    /// loaded before; a file already loaded under `name` is replaced in its place. If the import
    /// fails the session is unchanged; the error (Swedish) names the file and says what to do.
    pub fn load(
        &mut self,
        name: impl Into<String>,
        bytes: Arc<Vec<u8>>,
        mapping: Mapping,
    ) -> Result<&LoadedFile, ImportError> {
        self.load_observed(name, bytes, mapping, &mut |_| {})
    }

    /// [`Session::load`], telling `observe` how far the import has come.
    pub fn load_observed(
        &mut self,
        name: impl Into<String>,
        bytes: Arc<Vec<u8>>,
        mapping: Mapping,
        observe: Observer<'_>,
    ) -> Result<&LoadedFile, ImportError> {
        let name = name.into();
        let options = ImportOptions { mapping: mapping.clone(), ..self.import_options.clone() };
        let import = Arc::new(import_bytes_observed(&name, &bytes, &options, observe)?);
        let file = LoadedFile { name, bytes, mapping, import };
        let index = match self.files.iter().position(|f| f.name == file.name) {
            Some(i) => {
                self.files[i] = file;
                i
            }
            None => {
                self.files.push(file);
                self.files.len() - 1
            }
        };
        self.files_changed();
        Ok(&self.files[index])
    }

    /// Imports the file `name` again, read with `mapping`; `None` if no such file is loaded. If
    /// the import fails the file keeps its former reading.
    pub fn remap(&mut self, name: &str, mapping: Mapping) -> Option<Result<&LoadedFile, ImportError>> {
        let bytes = self.file(name)?.bytes.clone();
        Some(self.load(name, bytes, mapping))
    }

    /// Removes the file `name`, returning it; `None` if no such file is loaded.
    pub fn remove(&mut self, name: &str) -> Option<LoadedFile> {
        let index = self.files.iter().position(|f| f.name == name)?;
        let file = self.files.remove(index);
        self.bindings.retain(|b| !binding::same_file(&b.file, name));
        self.files_changed();
        Some(file)
    }

    /// Every dataset of the loaded files: the files in load order, each file's tables in its
    /// order. The one order the plugins see.
    pub fn datasets(&self) -> impl Iterator<Item = &Dataset> {
        self.shared().map(AsRef::as_ref)
    }

    /// The files a composite report takes for its part `part` when the user has chosen none
    /// (`uppfolj_plugins::automatic_part_files`, the rule the composite reports follow).
    pub fn automatic_part_files(&self, part: &str) -> Vec<&str> {
        uppfolj_plugins::automatic_part_files(self.datasets(), part)
    }

    /// [`Session::datasets`] as the session holds them, shared.
    fn shared(&self) -> impl Iterator<Item = &Arc<Dataset>> {
        self.files.iter().flat_map(|f| f.import.datasets.iter())
    }

    /// The plugin inputs: [`Session::datasets`], shared (a plugin run copies no dataset).
    pub fn inputs(&self) -> Inputs {
        Inputs::new(self.shared().cloned())
    }

    // --- Plugin --------------------------------------------------------------------------------

    /// The plugins the loaded files fit, in registry order: those whose required inputs each
    /// have a fitting dataset, as the plugins declare them ([`Inputs::satisfy`]). The answer does
    /// not depend on the order of the files.
    pub fn fitting_plugins(&self) -> Vec<&PluginMeta> {
        let inputs = self.inputs();
        self.registry.metas().zip(self.registry.iter()).filter(|(_, p)| fits(*p, &inputs)).map(|(m, _)| m).collect()
    }

    /// Whether the loaded files fit the plugin `id` (false for an unknown id).
    pub fn plugin_fits(&self, id: &str) -> bool {
        self.registry.get(id).is_some_and(|p| fits(p, &self.inputs()))
    }

    /// The chosen plugin's id; `None` only when the registry is empty.
    pub fn plugin_id(&self) -> Option<&str> {
        self.plugin_id.as_deref()
    }

    /// The chosen plugin.
    pub fn plugin(&self) -> Option<&dyn ReportPlugin> {
        self.registry.get(self.plugin_id.as_deref()?)
    }

    /// Whether the user picked the plugin (it then stays when files change).
    pub fn is_picked(&self) -> bool {
        self.picked
    }

    /// The user picks the plugin `id`: it stays chosen, whatever files are loaded or removed.
    /// Choosing another plugin than the current one sets the parameters given to that one earlier
    /// in the session (none at first); the current plugin's are kept for when it comes back.
    pub fn pick_plugin(&mut self, id: &str) -> Result<(), UnknownPlugin> {
        if self.registry.get(id).is_none() {
            let available = self.registry.metas().map(|m| m.id.clone()).collect();
            return Err(UnknownPlugin { id: id.to_owned(), available });
        }
        self.picked = true;
        self.set_plugin(id);
        Ok(())
    }

    fn set_plugin(&mut self, id: &str) {
        if self.plugin_id.as_deref() != Some(id) {
            let params = std::mem::take(&mut self.params);
            if let Some(old) = self.plugin_id.replace(id.to_owned()) {
                self.stashed.retain(|(p, _)| *p != old);
                if !params.is_empty() {
                    self.stashed.push((old, params));
                }
            }
            if let Some(i) = self.stashed.iter().position(|(p, _)| p == id) {
                self.params = self.stashed.remove(i).1;
            }
        }
    }

    /// After files were loaded or removed: unless the user picked a plugin, chooses the one the
    /// files fit most closely ([`Inputs::fit`]: the most needs met; the first in registry order
    /// among equals), else the first one.
    fn files_changed(&mut self) {
        if self.picked {
            return;
        }
        let inputs = self.inputs();
        let closest = self.registry.iter().filter_map(|p| inputs.fit(&p.inputs()).map(|fit| (fit, p))).fold(
            None,
            |best: Option<(usize, &dyn ReportPlugin)>, (fit, p)| match best {
                Some((b, _)) if b >= fit => best,
                _ => Some((fit, p)),
            },
        );
        let choice = closest.map(|(_, p)| p).or_else(|| self.registry.iter().next());
        if let Some(id) = choice.map(|p| p.meta().id) {
            self.set_plugin(&id);
        }
    }

    // --- Parameters ----------------------------------------------------------------------------

    /// The parameters as the user gave them, `(key, text)`, in the order first given.
    pub fn params(&self) -> &[(String, String)] {
        &self.params
    }

    /// Sets the parameter `key` to `value`, as typed.
    pub fn set_param(&mut self, key: impl Into<String>, value: impl Into<String>) {
        let (key, value) = (key.into(), value.into());
        match self.params.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.params.push((key, value)),
        }
    }

    /// Leaves the parameter `key` out: its default applies.
    pub fn clear_param(&mut self, key: &str) {
        self.params.retain(|(k, _)| k != key);
    }

    /// Replaces every parameter.
    pub fn set_params(&mut self, params: Vec<(String, String)>) {
        self.params = params;
    }

    // --- Files for inputs ----------------------------------------------------------------------

    /// The user chooses the loaded file `file` for the input `input_key` of the chosen report
    /// (see [`Session::input_choices`]); it replaces an earlier choice for that input. A file
    /// that does not fit the input, or is not loaded, changes nothing in the report. When another
    /// input that cannot share a file with this one ([`InputSpec::own_file`]: file A and file B
    /// of a comparison) is made of `file` now, the two swap: it gets this input's file.
    pub fn bind(&mut self, input_key: &str, file: &str) {
        let Some(plugin) = self.plugin_id.clone() else { return };
        let swap = self.swapped(input_key, file);
        self.unbind(input_key);
        self.bindings.push(Binding { plugin: plugin.clone(), input: input_key.to_owned(), file: file.to_owned() });
        if let Some((other, file)) = swap {
            self.unbind(&other);
            self.bindings.push(Binding { plugin, input: other, file });
        }
    }

    /// The input that must give up `file` when `input_key` takes it, and the file it gets
    /// instead (the one `input_key` is made of now).
    fn swapped(&self, input_key: &str, file: &str) -> Option<(String, String)> {
        let specs = self.plugin()?.inputs();
        let used = self.used_now(&specs);
        let (spec, mine) = used.iter().find(|(s, _)| s.key == input_key)?;
        let (other, _) =
            used.iter().find(|(o, d)| binding::exclusive(spec, o) && binding::same_file(&d.source.file, file))?;
        let mine = mine.source.file.clone();
        (!binding::same_file(&mine, file)).then(|| (other.key.clone(), mine))
    }

    /// The table each bindable input among `specs` (the chosen report's) is made of now.
    fn used_now<'s>(&'s self, specs: &'s [InputSpec]) -> Vec<(&'s InputSpec, &'s Dataset)> {
        let order: Vec<&Dataset> = self.bound_order(specs).into_iter().map(AsRef::as_ref).collect();
        binding::used(specs, &order)
    }

    /// [`Session::datasets`] (shared) with the bound files' tables first for their inputs among
    /// `specs`: the order the chosen report runs on.
    fn bound_order<'s>(&'s self, specs: &'s [InputSpec]) -> Vec<&'s Arc<Dataset>> {
        binding::bound_order(self.shared().collect(), &self.bound(specs))
    }

    /// Forgets the file chosen for the input `input_key` of the chosen report: the first file
    /// that fits in load order feeds it again.
    pub fn unbind(&mut self, input_key: &str) {
        let plugin = self.plugin_id.as_deref();
        self.bindings.retain(|b| Some(b.plugin.as_str()) != plugin || b.input != input_key);
    }

    /// Every file the user chose for an input, of every report.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Replaces every binding (a saved workspace restored).
    pub fn set_bindings(&mut self, bindings: Vec<Binding>) {
        self.bindings = bindings;
    }

    /// The inputs of the chosen report that several loaded files fit, with the file used now:
    /// what a page shows so that the user sees which file feeds which input and can choose, and
    /// the reports that would compare those files.
    pub fn input_choices(&self) -> Vec<InputChoice> {
        let Some(plugin) = self.plugin() else { return Vec::new() };
        let specs = plugin.inputs();
        self.used_now(&specs)
            .into_iter()
            .filter_map(|(spec, used)| {
                let files = gallery::fitting_files(spec, self.datasets());
                let used = used.source.file.clone();
                let chosen = self.bound_file(spec).is_some_and(|f| binding::same_file(&used, f));
                (files.len() > 1).then(|| InputChoice {
                    key: spec.key.clone(),
                    description_sv: spec.description_sv.clone(),
                    compare: self.comparisons(&files),
                    automatic: self.automatic_file(&specs, spec).unwrap_or_else(|| used.clone()),
                    files,
                    used,
                    chosen,
                })
            })
            .collect()
    }

    /// The file `spec` of the chosen report is made of when the user has not chosen one for it
    /// (the files chosen for its other inputs kept).
    fn automatic_file(&self, specs: &[InputSpec], spec: &InputSpec) -> Option<String> {
        let others: Vec<(&InputSpec, &str)> =
            self.bound(specs).into_iter().filter(|(s, _)| s.key != spec.key).collect();
        let order: Vec<&Dataset> =
            binding::bound_order(self.shared().collect(), &others).into_iter().map(AsRef::as_ref).collect();
        let used = binding::used(specs, &order);
        used.into_iter().find(|(s, _)| s.key == spec.key).map(|(_, d)| d.source.file.clone())
    }

    /// The reports other than the chosen one that the loaded files make and that take two of
    /// `files`, each of its own (an input declared [`InputSpec::own_file`] that one of them fits).
    fn comparisons(&self, files: &[String]) -> Vec<ReportLink> {
        let inputs = self.inputs();
        let of_files = |spec: &InputSpec| self.datasets().any(|d| files.contains(&d.source.file) && spec.accepts(d));
        self.registry
            .iter()
            .filter(|p| self.plugin_id.as_deref() != Some(p.meta().id.as_str()))
            .filter(|p| p.inputs().iter().any(|s| s.own_file && !s.optional && of_files(s)) && fits(*p, &inputs))
            .map(|p| {
                let meta = p.meta();
                ReportLink { id: meta.id, name_sv: meta.name_sv }
            })
            .collect()
    }

    /// The file bound to `spec` of the chosen report, if any.
    fn bound_file(&self, spec: &InputSpec) -> Option<&str> {
        let plugin = self.plugin_id.as_deref()?;
        self.bindings.iter().find(|b| b.plugin == plugin && b.input == spec.key).map(|b| b.file.as_str())
    }

    /// The inputs `plugin` (the chosen one) runs on: [`Session::inputs`] with the bound files'
    /// tables first for their inputs.
    fn bound_inputs(&self, plugin: &dyn ReportPlugin) -> Inputs {
        Inputs::new(self.bound_order(&plugin.inputs()).into_iter().cloned())
    }

    /// The inputs among `specs` the user bound to a file, with the file.
    fn bound<'a>(&'a self, specs: &'a [InputSpec]) -> Vec<(&'a InputSpec, &'a str)> {
        specs.iter().filter(|s| binding::is_bindable(s)).filter_map(|s| self.bound_file(s).map(|f| (s, f))).collect()
    }

    // --- Gallery -------------------------------------------------------------------------------

    /// Every report offered, in registry order, with whether the files loaded now satisfy it
    /// and, if not, what file it needs.
    pub fn gallery(&self) -> Vec<GalleryEntry> {
        let datasets: Vec<&Dataset> = self.datasets().collect();
        let mut needs = gallery::Needs::new(&datasets);
        self.registry
            .metas()
            .zip(self.registry.iter())
            .map(|(meta, p)| gallery::entry(p, &mut needs, self.plugin_id.as_deref() == Some(meta.id.as_str())))
            .collect()
    }

    // --- Run -----------------------------------------------------------------------------------

    /// Runs the chosen plugin on the files loaded now with the parameters given: validates the
    /// parameters, computes, and records parameters and inputs in the report.
    pub fn run(&self) -> Result<Report, PluginError> {
        let plugin =
            self.plugin().ok_or_else(|| PluginError::Other("Det finns ingen rapport att välja.".to_owned()))?;
        uppfolj_plugin::run(plugin, &self.bound_inputs(plugin), &self.params)
    }
}

/// Whether `inputs` satisfy `plugin`'s declared required inputs.
fn fits(plugin: &dyn ReportPlugin, inputs: &Inputs) -> bool {
    inputs.satisfy(&plugin.inputs())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;

    const BUDGET: &str = "Verksamhet;Budget;Utfall\nSkola;-100;-110\nVård;-200;-190\n";
    const GRANTS: &str = "Projekt;Beviljat;Förbrukat\nLäsfrämjande;100;40\nSimskola;50;50\n";
    const BUDGET_2023: &str = "Verksamhet;Budget;Utfall\nSkola;-90;-95\nVård;-210;-200\nKultur;-5;-6\n";

    fn session() -> Session {
        Session::new(crate::registry().expect("distinct ids"))
    }

    fn load(session: &mut Session, name: &str, text: &str) {
        session.load(name, Arc::new(text.as_bytes().to_vec()), Mapping::default()).expect("imports");
    }

    fn names(session: &Session) -> Vec<&str> {
        session.files().iter().map(|f| f.name.as_str()).collect()
    }

    #[test]
    fn files_stay_in_load_order_and_a_file_loaded_again_keeps_its_place() {
        let mut s = session();
        load(&mut s, "a.csv", BUDGET);
        load(&mut s, "b.csv", GRANTS);
        let before = s.file("a.csv").expect("loaded").import.clone();
        load(&mut s, "a.csv", BUDGET);
        assert_eq!(names(&s), ["a.csv", "b.csv"]);
        assert!(!Arc::ptr_eq(&before, &s.file("a.csv").expect("loaded").import), "imported anew");
        let sources: Vec<&str> = s.datasets().map(|d| d.source.file.as_str()).collect();
        assert_eq!(sources, ["a.csv", "b.csv"], "the plugins see the files in load order");
        assert!(s.remove("a.csv").is_some());
        assert!(s.remove("a.csv").is_none());
        assert_eq!(names(&s), ["b.csv"]);
    }

    #[test]
    fn a_run_shares_the_loaded_datasets_and_its_inputs_serialise_as_plain_datasets() {
        let mut s = session();
        load(&mut s, "a.csv", BUDGET);
        let inputs = s.inputs();
        let loaded = &s.file("a.csv").expect("loaded").datasets()[0];
        assert!(Arc::ptr_eq(&inputs.datasets[0], loaded), "shared, not copied");
        let json = serde_json::to_value(&inputs).expect("serialise");
        let plain: Vec<&Dataset> = s.datasets().collect();
        assert_eq!(json["datasets"], serde_json::to_value(&plain).expect("serialise"));
        let back: Inputs = serde_json::from_value(json).expect("deserialise");
        assert_eq!(back, inputs);
    }

    #[test]
    fn a_refused_file_leaves_the_session_as_it_was() {
        let mut s = session();
        load(&mut s, "a.csv", BUDGET);
        let before = s.clone();
        assert!(s.load("a.csv", Arc::new(Vec::new()), Mapping::default()).is_err());
        assert!(s.remap("a.csv", Mapping { header_row: Some(99), ..Mapping::default() }).is_some());
        assert_eq!(s.file("a.csv"), before.file("a.csv"));
        assert!(s.remap("none.csv", Mapping::default()).is_none());
    }

    #[test]
    fn the_choice_is_the_closest_fitting_plugin_whatever_the_order_of_the_files() {
        let mut s = session();
        assert_eq!(s.plugin_id(), Some("budget-follow-up"), "with no files, the first plugin");
        load(&mut s, "grants.csv", GRANTS);
        assert_eq!(s.plugin_id(), Some("earmarked-grants"), "one file: its own report before the composites");
        assert!(s.plugin_fits("earmarked-grants") && !s.plugin_fits("budget-follow-up"));
        load(&mut s, "budget.csv", BUDGET);
        assert_eq!(s.plugin_id(), Some("interim-report"), "files for two parts: the first composite");
        let mut t = session();
        load(&mut t, "budget.csv", BUDGET);
        load(&mut t, "grants.csv", GRANTS);
        assert_eq!(t.plugin_id(), s.plugin_id());
        let ids = |s: &Session| s.fitting_plugins().into_iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(&s),
            ["budget-follow-up", "earmarked-grants", "interim-report", "annual-report", "cost-per-inhabitant"]
        );
        assert_eq!(ids(&s), ids(&t));
        s.remove("grants.csv");
        assert_eq!(s.plugin_id(), Some("budget-follow-up"), "one file again: its own report");
        s.remove("budget.csv");
        assert_eq!(s.plugin_id(), Some("budget-follow-up"), "nothing fits: the first plugin");
    }

    #[test]
    fn a_picked_plugin_stays_and_runs_on_the_files_loaded_now() {
        let mut s = session();
        load(&mut s, "grants.csv", GRANTS);
        load(&mut s, "budget.csv", BUDGET);
        s.pick_plugin("earmarked-grants").expect("registered");
        assert!(s.is_picked());
        let report = s.run().expect("runs");
        assert_eq!(report.plugin.id, "earmarked-grants");
        s.remove("grants.csv");
        assert_eq!(s.plugin_id(), Some("earmarked-grants"), "the pick stays when files change");
        assert!(matches!(s.run(), Err(PluginError::MissingInput { .. })), "no report of a file that is gone");
        let err = s.pick_plugin("nope").expect_err("unknown");
        assert!(err.to_string().starts_with("no plugin 'nope'; available: budget-follow-up, "), "{err}");
    }

    #[test]
    fn parameters_are_validated_as_given_and_cleared_with_another_plugin() {
        let mut s = session();
        load(&mut s, "grants.csv", GRANTS);
        s.set_param("low_use", "30");
        s.set_param("frame", "abc");
        assert!(matches!(s.run(), Err(PluginError::Param(_))), "a parameter given is validated");
        s.set_param("frame", "");
        assert!(matches!(s.run(), Err(PluginError::Param(_))), "a blank value is a value");
        s.clear_param("frame");
        assert!(s.run().is_ok());
        assert_eq!(s.params(), [("low_use".to_owned(), "30".to_owned())]);
        s.pick_plugin("earmarked-grants").expect("registered");
        assert_eq!(s.params().len(), 1, "the same plugin keeps its parameters");
        s.pick_plugin("budget-follow-up").expect("registered");
        assert!(s.params().is_empty());
    }

    #[test]
    fn a_cleared_session_keeps_only_the_plugins() {
        let mut s = session();
        load(&mut s, "grants.csv", GRANTS);
        s.pick_plugin("earmarked-grants").expect("registered");
        s.set_param("low_use", "30");
        let cleared = s.cleared();
        assert!(Arc::ptr_eq(cleared.registry(), s.registry()));
        assert_eq!(cleared, Session { registry: s.registry().clone(), ..session() });
    }

    fn choice_of(s: &Session, key: &str) -> InputChoice {
        s.input_choices().into_iter().find(|c| c.key == key).expect("a choice")
    }

    #[test]
    fn two_budget_files_choose_the_budget_report_whatever_their_order_and_offer_to_compare_them() {
        for order in [["2023.csv", "2024.csv"], ["2024.csv", "2023.csv"]] {
            let mut s = session();
            for name in order {
                load(&mut s, name, if name == "2023.csv" { BUDGET_2023 } else { BUDGET });
            }
            assert_eq!(s.plugin_id(), Some("budget-follow-up"), "two files for one input: its report ({order:?})");
            let choice = choice_of(&s, "budget");
            assert_eq!((choice.files, choice.used.as_str()), (order.map(String::from).to_vec(), order[0]));
            assert_eq!((choice.automatic.as_str(), choice.chosen), (order[0], false), "the first, unless chosen");
            let compare: Vec<&str> = choice.compare.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(compare, ["budget-compare"], "the comparison is offered beside the choice");
            s.bind("budget", order[1]);
            let choice = choice_of(&s, "budget");
            assert_eq!(
                (choice.used.as_str(), choice.automatic.as_str()),
                (order[1], order[0]),
                "chosen; automatic still the first"
            );
            assert!(
                s.run().expect("runs").inputs.iter().all(|i| i.file == order[1]),
                "the report is of the file chosen"
            );
        }
    }

    #[test]
    fn files_for_different_parts_still_choose_the_interim_report() {
        let mut s = session();
        load(&mut s, "2023.csv", BUDGET_2023);
        load(&mut s, "2024.csv", BUDGET);
        load(&mut s, "grants.csv", GRANTS);
        assert_eq!(s.plugin_id(), Some("interim-report"), "budget and grants feed two parts");
    }

    #[test]
    fn a_comparison_takes_two_files_and_choosing_one_for_b_swaps_them() {
        let mut s = session();
        load(&mut s, "2023.csv", BUDGET_2023);
        let entry = |s: &Session| s.gallery().into_iter().find(|e| e.id == "budget-compare").expect("in the gallery");
        let one = entry(&s);
        assert!(!one.satisfied, "one budget file is not a comparison");
        assert_eq!(one.missing().map(|i| i.key.as_str()).collect::<Vec<_>>(), ["b"]);
        assert!(!s.plugin_fits("budget-compare"));
        load(&mut s, "2024.csv", BUDGET);
        assert!(entry(&s).satisfied && s.plugin_fits("budget-compare"));
        s.pick_plugin("budget-compare").expect("registered");
        let used = |s: &Session| ["a", "b"].map(|k| choice_of(s, k).used);
        assert_eq!(used(&s), ["2023.csv", "2024.csv"], "A the first file, B the other");
        assert!(choice_of(&s, "a").compare.is_empty(), "no offer to compare from the comparison itself");
        let report = s.run().expect("runs");
        assert_eq!(report.inputs.iter().map(|i| i.file.as_str()).collect::<Vec<_>>(), ["2023.csv", "2024.csv"]);
        s.bind("b", "2023.csv");
        assert_eq!(used(&s), ["2024.csv", "2023.csv"], "choosing A's file for B swaps the two");
        assert!(choice_of(&s, "b").chosen && choice_of(&s, "a").chosen);
        let report = s.run().expect("runs");
        assert_eq!(report.inputs.iter().map(|i| i.file.as_str()).collect::<Vec<_>>(), ["2024.csv", "2023.csv"]);
        s.bind("a", "2023.csv");
        assert_eq!(used(&s), ["2023.csv", "2024.csv"], "and back");
    }
}
