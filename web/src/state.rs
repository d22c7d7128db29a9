//! The app's state and the actions that change it (a Yew reducer).
//!
//! Every change recomputes the report from the loaded files, the chosen plugin and its
//! parameters. A failure (a bad file, a plugin that cannot run) becomes a message; what was
//! loaded and the last good report stay.

use std::rc::Rc;
use uppfolj_import::{Import, ImportOptions, Mapping, import_bytes};
use uppfolj_model::{Dataset, Report};
use uppfolj_plugin::{Inputs, Registry};
use yew::Reducible;

/// A file the user loaded (or the bundled sample).
#[derive(Debug, Clone)]
pub struct LoadedFile {
    /// File name.
    pub name: String,
    /// Size in bytes.
    pub size: usize,
    /// The bundled sample ("Exempeldata"), replaced by the first file of the user's own.
    pub is_sample: bool,
    /// The file's bytes, kept so that it can be imported again with a changed mapping.
    pub bytes: Rc<Vec<u8>>,
    /// The user's overrides of the import's decisions.
    pub mapping: Mapping,
    /// What the import produced.
    pub import: Rc<Import>,
}

/// Two loaded files are the same when they share their bytes and their import: a new import makes a
/// new `Rc`, so comparing pointers is exact, and it keeps a re-render from comparing every cell of a
/// 500 000-row dataset.
impl PartialEq for LoadedFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.size == other.size
            && self.is_sample == other.is_sample
            && Rc::ptr_eq(&self.bytes, &other.bytes)
            && self.mapping == other.mapping
            && Rc::ptr_eq(&self.import, &other.import)
    }
}

/// A message shown above the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Running number, the key for dismissing it.
    pub id: u32,
    /// Error (red) or information.
    pub is_error: bool,
    /// The text, in Swedish.
    pub text: String,
}

/// Everything the page shows.
#[derive(Debug, Clone)]
pub struct State {
    /// The plugins.
    pub registry: Rc<Registry>,
    /// Loaded files, oldest first.
    pub files: Vec<LoadedFile>,
    /// The chosen plugin.
    pub plugin_id: String,
    /// Parameters as typed, per key.
    pub params: Vec<(String, String)>,
    /// The last report computed successfully.
    pub report: Option<Rc<Report>>,
    /// Messages, newest last.
    pub messages: Vec<Message>,
    next_message: u32,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.registry, &other.registry)
            && self.files == other.files
            && self.plugin_id == other.plugin_id
            && self.params == other.params
            && self.report == other.report
            && self.messages == other.messages
    }
}

/// What can happen.
#[derive(Debug)]
pub enum Action {
    /// A file was read; it is imported here.
    FileLoaded {
        /// File name.
        name: String,
        /// Whether it is the bundled sample.
        is_sample: bool,
        /// The bytes.
        bytes: Rc<Vec<u8>>,
    },
    /// The user changed how a file is read: import it again with `mapping`.
    Remap {
        /// Index of the file.
        index: usize,
        /// The new overrides.
        mapping: Mapping,
    },
    /// A file could not be read at all.
    FileFailed(String),
    /// The user removed a file.
    RemoveFile(usize),
    /// The user chose a plugin.
    SelectPlugin(String),
    /// The user changed a parameter.
    SetParam(String, String),
    /// The user dismissed a message.
    Dismiss(u32),
    /// Show a message (export failures).
    Notify {
        /// Error or information.
        is_error: bool,
        /// The text.
        text: String,
    },
}

impl State {
    /// The initial state: no files, the first plugin chosen.
    pub fn new(registry: Registry) -> Self {
        let plugin_id = registry.iter().next().map(|p| p.meta().id.to_owned()).unwrap_or_default();
        Self {
            registry: Rc::new(registry),
            files: Vec::new(),
            plugin_id,
            params: Vec::new(),
            report: None,
            messages: Vec::new(),
            next_message: 0,
        }
    }

    /// The datasets a plugin sees: newest file first, so that a dropped file wins over older ones.
    pub fn datasets(&self) -> Vec<Dataset> {
        self.files.iter().rev().flat_map(|f| f.import.datasets.iter().cloned()).collect()
    }

    fn notify(&mut self, is_error: bool, text: String) {
        // The same message again (an export retried) replaces the older one instead of stacking.
        self.messages.retain(|m| m.is_error != is_error || m.text != text);
        self.next_message += 1;
        self.messages.push(Message { id: self.next_message, is_error, text });
        // Keep the page calm: the five newest messages.
        if self.messages.len() > 5 {
            self.messages.remove(0);
        }
    }

    /// After the loaded data changed: chooses a plugin the data fits, then recomputes. The
    /// datasets are gathered (cloned) once for both.
    fn data_changed(&mut self) {
        let inputs = Inputs::new(self.datasets());
        self.pick_plugin_for(&inputs);
        self.compute(&inputs);
    }

    /// After the plugin or a parameter changed.
    fn recompute(&mut self) {
        let inputs = Inputs::new(self.datasets());
        self.compute(&inputs);
    }

    /// Chooses the first plugin whose required inputs the loaded data satisfies, if the current
    /// one is not satisfied.
    fn pick_plugin_for(&mut self, inputs: &Inputs) {
        let fits = |id: &str| {
            self.registry.get(id).is_some_and(|p| {
                p.inputs().iter().filter(|s| !s.optional).all(|spec| inputs.matching(spec).next().is_some())
            })
        };
        if fits(&self.plugin_id) {
            return;
        }
        if let Some(id) = self.registry.iter().map(|p| p.meta().id).find(|id| fits(id)) {
            self.plugin_id = id.to_owned();
            self.params.clear();
        }
    }

    fn compute(&mut self, inputs: &Inputs) {
        if self.files.is_empty() {
            self.report = None;
            return;
        }
        let Some(plugin) = self.registry.get(&self.plugin_id) else {
            return;
        };
        let params: Vec<(String, String)> = self.params.iter().filter(|(_, v)| !v.trim().is_empty()).cloned().collect();
        match uppfolj_plugin::run(plugin, inputs, &params) {
            Ok(report) => self.report = Some(Rc::new(report)),
            Err(err) => {
                let shown = if self.report.is_some() { " Den förra rapporten visas fortfarande." } else { "" };
                self.notify(true, format!("Rapporten kunde inte tas fram: {err}{shown}"));
            }
        }
    }
}

/// Imports `bytes` with the user's `mapping`; the error is the import's Swedish message.
fn import(name: &str, bytes: &[u8], mapping: &Mapping) -> Result<Import, String> {
    let options = ImportOptions { mapping: mapping.clone(), ..ImportOptions::default() };
    import_bytes(name, bytes, &options).map_err(|e| e.to_string())
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::FileLoaded { name, is_sample, bytes } => {
                let mapping = Mapping::default();
                match import(&name, &bytes, &mapping) {
                    Ok(import) => {
                        if !is_sample {
                            s.files.retain(|f| !f.is_sample && f.name != name);
                        }
                        let tables = import.datasets.len();
                        let size = bytes.len();
                        s.files.push(LoadedFile {
                            name: name.clone(),
                            size,
                            is_sample,
                            bytes,
                            mapping,
                            import: Rc::new(import),
                        });
                        if !is_sample {
                            let noun = if tables == 1 { "tabell" } else { "tabeller" };
                            s.notify(false, format!("{name} lästes in: {tables} {noun}."));
                        }
                        s.data_changed();
                    }
                    Err(message) => s.notify(true, message),
                }
            }
            Action::Remap { index, mapping } => {
                if let Some(file) = s.files.get(index) {
                    match import(&file.name, &file.bytes, &mapping) {
                        Ok(import) => {
                            let name = file.name.clone();
                            if let Some(f) = s.files.get_mut(index) {
                                f.import = Rc::new(import);
                                f.mapping = mapping;
                            }
                            s.notify(false, format!("{name} lästes in på nytt med din tolkning."));
                            s.data_changed();
                        }
                        Err(message) => {
                            s.notify(true, format!("{message} Den tidigare tolkningen gäller fortfarande."))
                        }
                    }
                }
            }
            Action::FileFailed(message) => s.notify(true, message),
            Action::RemoveFile(index) => {
                if index < s.files.len() {
                    s.files.remove(index);
                    s.data_changed();
                }
            }
            Action::SelectPlugin(id) => {
                if s.plugin_id != id {
                    s.plugin_id = id;
                    s.params.clear();
                    s.recompute();
                }
            }
            Action::SetParam(key, value) => {
                match s.params.iter_mut().find(|(k, _)| *k == key) {
                    Some(entry) => entry.1 = value,
                    None => s.params.push((key, value)),
                }
                s.recompute();
            }
            Action::Dismiss(id) => s.messages.retain(|m| m.id != id),
            Action::Notify { is_error, text } => s.notify(is_error, text),
        }
        Rc::new(s)
    }
}
