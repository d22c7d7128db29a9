//! The app's state and the actions that change it (a Yew reducer).
//!
//! The loaded files, the chosen plugin and its parameters are an [`uppfolj_app::Session`], the
//! same the command line runs: the same plugins, the files in load order, a plugin chosen for
//! them until the user picks one. Every change recomputes the report from the files loaded now;
//! when the chosen report cannot be made there is no report and the reason is shown in its place,
//! so the page never shows a report of files that are no longer loaded. A file that cannot be
//! read becomes a message and changes nothing.
//!
//! The state is also what the browser keeps between visits ([`crate::saved`]): it starts
//! [`State::ready`] once the saved workspace (or, on a first visit, the sample) is in, and it
//! remembers the mapping the user gave a file for the next file of the same layout
//! ([`crate::fingerprint`]).

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::sync::Arc;
use uppfolj_app::Session;
use uppfolj_import::Mapping;
use uppfolj_model::Report;
use uppfolj_plugin::Registry;
use yew::Reducible;

pub use uppfolj_app::LoadedFile;

/// A message shown above the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Running number, the key for dismissing it.
    pub id: u32,
    /// Error (red) or information.
    pub is_error: bool,
    /// The text, in Swedish.
    pub text: String,
    /// The file it is about (or another topic: saving in the browser, exporting a report,
    /// [`export_topic`]): a newer message about it replaces it, and it goes when the file is
    /// removed or the matter is resolved ([`Action::Resolved`]).
    pub file: Option<String>,
    /// A library's own words behind an error, shown in small print after the text.
    pub detail: Option<String>,
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The plugins, the loaded files (oldest first), the chosen plugin and its parameters.
    pub session: Session,
    /// The name of the bundled sample ("Exempeldata") while it is loaded; the first file of the
    /// user's own replaces it.
    pub sample: Option<String>,
    /// The report of the files loaded now; `None` when no file is loaded or the chosen report
    /// cannot be made of them.
    pub report: Option<Rc<Report>>,
    /// Why the chosen report cannot be made of the files loaded now (Swedish), shown where the
    /// report would be.
    pub report_error: Option<String>,
    /// Messages, newest last.
    pub messages: Vec<Message>,
    next_message: u32,
    /// Whether the start is done (the saved workspace restored or the sample loaded): only then
    /// is the state saved, so that an empty page never overwrites what was saved.
    pub ready: bool,
    /// The mappings the user gave files, by the files' layout key ([`crate::fingerprint`]).
    pub layouts: BTreeMap<String, Mapping>,
    /// The layout key of each loaded file (as the automatic reading found it), by file name.
    pub layout_keys: BTreeMap<String, String>,
    /// The files read with a mapping remembered from an earlier file of the same layout.
    pub remembered: BTreeSet<String>,
    /// How many times the workspace was saved in the browser since the page opened.
    pub saves: u32,
    /// Every report, with whether the files loaded now satisfy it ([`Session::gallery`]).
    pub gallery: Rc<Vec<uppfolj_app::GalleryEntry>>,
    /// The inputs of the chosen report that several loaded files fit ([`Session::input_choices`]).
    pub input_choices: Vec<uppfolj_app::InputChoice>,
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
        bytes: Arc<Vec<u8>>,
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
    /// The user removed the file of this name.
    RemoveFile(String),
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
    /// The workspace saved in the browser was read at start: it replaces the state.
    Restore(Box<crate::saved::Restored>),
    /// Everything stored was removed ("Rensa all data"): back to the first visit.
    Reset,
    /// The user undid the mapping remembered for the file of this name: read it automatically.
    UndoRemembered(String),
    /// The workspace was saved in the browser, or why not (Swedish).
    Storage(Result<(), String>),
    /// The user chose the file for an input of the chosen report; an empty name goes back to the
    /// first file that fits.
    BindInput {
        /// The input's key.
        input: String,
        /// The file's name.
        file: String,
    },
    /// Show a message about something ([`export_topic`], or a file's name): it replaces the older
    /// messages about the same thing.
    NotifyAbout {
        /// What it is about.
        about: String,
        /// Error or information.
        is_error: bool,
        /// The text.
        text: String,
    },
    /// What was wrong with something is resolved (an export succeeded): its messages go.
    Resolved(String),
}

/// What the messages about exporting the report of `plugin_id` are about: a later successful
/// export of it removes them, and they go when another report is chosen.
pub fn export_topic(plugin_id: &str) -> String {
    format!("{EXPORT}{plugin_id}")
}

/// The start of [`export_topic`].
const EXPORT: &str = "\u{0}export:";

impl State {
    /// The initial state: no files, the first plugin chosen.
    pub fn new(registry: Registry) -> Self {
        let session = Session::new(registry);
        Self {
            gallery: Rc::new(session.gallery()),
            input_choices: Vec::new(),
            session,
            sample: None,
            report: None,
            report_error: None,
            messages: Vec::new(),
            next_message: 0,
            ready: false,
            layouts: BTreeMap::new(),
            layout_keys: BTreeMap::new(),
            remembered: BTreeSet::new(),
            saves: 0,
        }
    }

    /// Shows a message above the report.
    pub fn notify(&mut self, is_error: bool, text: String) {
        self.push_message(is_error, text, None);
    }

    /// Shows a message about the file `file`, replacing older messages about it (a file read
    /// again after an error clears the error).
    fn notify_file(&mut self, is_error: bool, file: &str, text: String) {
        self.messages.retain(|m| m.file.as_deref() != Some(file));
        self.push_message(is_error, text, Some(file.to_owned()));
    }

    fn push_message(&mut self, is_error: bool, text: String, file: Option<String>) {
        self.push_detailed(is_error, text, None, file);
    }

    fn push_detailed(&mut self, is_error: bool, text: String, detail: Option<String>, file: Option<String>) {
        // The same message again (an export retried) replaces the older one instead of stacking,
        // and a piece of news replaces the one before it: only errors wait to be resolved.
        self.messages.retain(|m| (m.is_error != is_error || m.text != text) && (is_error || m.is_error));
        self.next_message += 1;
        self.messages.push(Message { id: self.next_message, is_error, text, file, detail });
        // Keep the page calm: the five newest messages.
        if self.messages.len() > 5 {
            self.messages.remove(0);
        }
    }

    /// After anything changed: the report of the files loaded now, or why there is none.
    pub(crate) fn refresh(&mut self) {
        // What was said about exporting another report than the chosen one no longer applies.
        let current = export_topic(self.session.plugin_id().unwrap_or_default());
        self.messages.retain(|m| m.file.as_ref().is_none_or(|f| !f.starts_with(EXPORT) || *f == current));
        self.gallery = Rc::new(self.session.gallery());
        self.input_choices = self.session.input_choices();
        if self.session.files().is_empty() {
            self.report = None;
            self.report_error = None;
            return;
        }
        match self.session.run() {
            Ok(report) => {
                self.report = Some(Rc::new(report));
                self.report_error = None;
            }
            Err(err) => {
                self.report = None;
                self.report_error = Some(crate::explain::report_error(&err));
            }
        }
    }

    fn file_loaded(&mut self, name: String, is_sample: bool, bytes: Arc<Vec<u8>>) {
        let (tables, layout) = match self.session.load(name.clone(), bytes, Mapping::default()) {
            Ok(file) => (file.datasets().len(), crate::fingerprint::layout(file.datasets())),
            Err(err) => {
                let explained = crate::explain::import_error(&err);
                self.messages.retain(|m| m.file.as_deref() != Some(name.as_str()));
                return self.push_detailed(true, explained.text, explained.detail, Some(name));
            }
        };
        self.remembered.remove(&name);
        match layout {
            Some(key) => self.layout_keys.insert(name.clone(), key),
            None => self.layout_keys.remove(&name),
        };
        if is_sample {
            self.sample = Some(name);
            self.ready = true;
        } else {
            // The user's own file replaces the sample (unless it was loaded under the sample's name).
            if let Some(sample) = self.sample.take().filter(|s| *s != name) {
                self.session.remove(&sample);
                self.layout_keys.remove(&sample);
            }
            let noun = if tables == 1 { "tabell" } else { "tabeller" };
            let mut text = format!("{name} lästes in: {tables} {noun}.");
            text.push_str(&self.apply_remembered(&name));
            self.notify_file(false, &name, text);
        }
        self.refresh();
    }

    /// Reads the file `name` with the mapping the user gave an earlier file of the same layout,
    /// if there is one; returns what to tell the user (empty when nothing was applied).
    fn apply_remembered(&mut self, name: &str) -> String {
        let Some(mapping) = self.layout_keys.get(name).and_then(|key| self.layouts.get(key)).cloned() else {
            return String::new();
        };
        match self.session.remap(name, mapping) {
            Some(Ok(_)) => {
                self.remembered.insert(name.to_owned());
                " Tolkningen du sparade för en fil med samma kolumner användes; du kan ångra det under filen."
                    .to_owned()
            }
            Some(Err(err)) => format!(
                " Tolkningen du sparade för en fil med samma kolumner passade inte ({err}), så filen lästes automatiskt."
            ),
            None => String::new(),
        }
    }

    fn remap(&mut self, index: usize, mapping: Mapping) {
        let Some(name) = self.session.files().get(index).map(|f| f.name.clone()) else { return };
        match self.session.remap(&name, mapping.clone()) {
            Some(Ok(_)) => {
                // Remembered for the next file of the same layout; an automatic reading forgets it.
                if let Some(key) = self.layout_keys.get(&name).cloned() {
                    if mapping.is_empty() {
                        self.layouts.remove(&key);
                    } else {
                        self.layouts.insert(key, mapping);
                    }
                }
                self.remembered.remove(&name);
                self.notify_file(false, &name, format!("{name} lästes in på nytt med din tolkning."));
                self.refresh();
            }
            Some(Err(err)) => {
                let explained = crate::explain::import_error(&err);
                let text = format!("{} Den tidigare tolkningen gäller fortfarande.", explained.text);
                self.messages.retain(|m| m.file.as_deref() != Some(name.as_str()));
                self.push_detailed(true, text, explained.detail, Some(name));
            }
            None => {}
        }
    }

    /// Reads the file `name` automatically instead of with the remembered mapping (which stays
    /// remembered for other files).
    fn undo_remembered(&mut self, name: &str) {
        if !self.remembered.remove(name) {
            return;
        }
        match self.session.remap(name, Mapping::default()) {
            Some(Ok(_)) => {
                self.notify_file(false, name, format!("{name} lästes in på nytt med den automatiska tolkningen."))
            }
            Some(Err(err)) => self.notify_file(true, name, err.to_string()),
            None => {}
        }
        self.refresh();
    }

    /// Counts a save, or shows why saving in the browser failed: one such message at most, gone
    /// once saving works again.
    fn storage(&mut self, saved: Result<(), String>) {
        self.messages.retain(|m| m.file.as_deref() != Some(STORAGE));
        match saved {
            Ok(()) => self.saves = self.saves.wrapping_add(1),
            Err(text) => self.push_message(true, text, Some(STORAGE.to_owned())),
        }
    }
}

/// The topic of messages about saving in the browser (in place of a file name).
const STORAGE: &str = "\u{0}lagring";

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::FileLoaded { name, is_sample, bytes } => s.file_loaded(name, is_sample, bytes),
            Action::Remap { index, mapping } => s.remap(index, mapping),
            Action::FileFailed(message) => s.notify(true, message),
            Action::RemoveFile(name) => {
                if s.session.remove(&name).is_some() {
                    // What was said about the file goes with it.
                    s.messages.retain(|m| m.file.as_deref() != Some(name.as_str()));
                    if s.sample.as_ref() == Some(&name) {
                        s.sample = None;
                    }
                    s.layout_keys.remove(&name);
                    s.remembered.remove(&name);
                    s.refresh();
                }
            }
            Action::SelectPlugin(id) => {
                if s.session.pick_plugin(&id).is_ok() {
                    s.refresh();
                }
            }
            Action::SetParam(key, value) => {
                // A cleared field is a parameter not given: its default applies.
                if value.trim().is_empty() {
                    s.session.clear_param(&key);
                } else {
                    s.session.set_param(key, value);
                }
                s.refresh();
            }
            Action::Dismiss(id) => s.messages.retain(|m| m.id != id),
            Action::Notify { is_error, text } => s.notify(is_error, text),
            Action::Restore(restored) => s.restore(*restored),
            Action::Reset => {
                s = State { session: s.session.cleared(), ..State::new(uppfolj_plugin::Registry::new()) };
                s.refresh();
            }
            Action::UndoRemembered(name) => s.undo_remembered(&name),
            Action::Storage(saved) => s.storage(saved),
            Action::BindInput { input, file } => {
                if file.is_empty() {
                    s.session.unbind(&input);
                } else {
                    s.session.bind(&input, &file);
                }
                s.refresh();
            }
            Action::NotifyAbout { about, is_error, text } => s.notify_file(is_error, &about, text),
            Action::Resolved(about) => s.messages.retain(|m| m.file.as_deref() != Some(about.as_str())),
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;

    const SAMPLE: &str = "Exempel.csv";
    const BUDGET: &str = "Verksamhet;Budget;Utfall\nSkola;-100;-110\nVård;-200;-190\n";
    const GRANTS: &str = "Projekt;Beviljat;Förbrukat\nLäsfrämjande;100;40\nSimskola;50;50\n";

    fn start() -> Rc<State> {
        let state = Rc::new(State::new(uppfolj_app::registry().expect("distinct ids")));
        load(state, SAMPLE, true, BUDGET)
    }

    fn load(state: Rc<State>, name: &str, is_sample: bool, text: &str) -> Rc<State> {
        let bytes = Arc::new(text.as_bytes().to_vec());
        state.reduce(Action::FileLoaded { name: name.to_owned(), is_sample, bytes })
    }

    fn names(state: &State) -> Vec<&str> {
        state.session.files().iter().map(|f| f.name.as_str()).collect()
    }

    #[test]
    fn the_first_own_file_replaces_the_sample_and_files_stay_in_load_order() {
        let s = start();
        assert_eq!(s.sample.as_deref(), Some(SAMPLE));
        assert!(s.report.is_some() && s.report_error.is_none());
        let s = load(s, "bidrag.csv", false, GRANTS);
        assert_eq!(names(&s), ["bidrag.csv"]);
        assert_eq!(s.sample, None);
        assert_eq!(s.session.plugin_id(), Some("earmarked-grants"));
        let s = load(s, "drift.csv", false, BUDGET);
        assert_eq!(names(&s), ["bidrag.csv", "drift.csv"]);
        assert_eq!(s.session.plugin_id(), Some("interim-report"), "files for two parts: the composite report");
        let refused = load(s.clone(), "trasig.xlsx", false, "%PDF-1.7");
        assert_eq!(refused.session, s.session, "a refused file changes nothing");
        assert_eq!(refused.report, s.report);
        assert!(refused.messages.last().is_some_and(|m| m.is_error && m.text.contains("trasig.xlsx")));
    }

    #[test]
    fn a_report_that_cannot_be_made_of_the_files_loaded_now_is_not_shown() {
        let s = load(start(), "bidrag.csv", false, GRANTS);
        let s = load(s, "drift.csv", false, BUDGET);
        let s = s.reduce(Action::SelectPlugin("earmarked-grants".into()));
        assert_eq!(s.report.as_ref().map(|r| r.plugin.id.as_str()), Some("earmarked-grants"));
        let s = s.reduce(Action::RemoveFile("bidrag.csv".into()));
        assert_eq!(s.session.plugin_id(), Some("earmarked-grants"), "the user's pick stays");
        assert_eq!(s.report, None, "no report of a file that is gone");
        assert!(s.report_error.as_deref().is_some_and(|e| e.contains("inget inläst dataset passar")), "{s:?}");
        let s = s.reduce(Action::RemoveFile("drift.csv".into()));
        assert_eq!((s.report.clone(), s.report_error.clone()), (None, None), "no files, no report, no error");
    }

    #[test]
    fn messages_about_a_file_are_replaced_by_newer_ones_and_go_with_the_file() {
        let s = load(start(), "drift.csv", false, "inte;en;tabell\n");
        let s = load(s, "drift.csv", false, BUDGET);
        let about: Vec<_> = s.messages.iter().filter(|m| m.file.as_deref() == Some("drift.csv")).collect();
        assert_eq!(about.len(), 1, "one message per file: {:?}", s.messages);
        assert!(!about[0].is_error && about[0].text.contains("lästes in"), "{:?}", about[0]);
        let s = load(s, "bidrag.csv", false, GRANTS);
        let s = s.reduce(Action::RemoveFile("drift.csv".into()));
        assert!(s.messages.iter().all(|m| m.file.as_deref() != Some("drift.csv")), "{:?}", s.messages);
        assert!(s.messages.iter().any(|m| m.file.as_deref() == Some("bidrag.csv")), "{:?}", s.messages);
    }

    #[test]
    fn a_cleared_parameter_is_not_given() {
        let s = load(start(), "bidrag.csv", false, GRANTS);
        let s = s.reduce(Action::SetParam("frame".into(), "abc".into()));
        assert!(s.report.is_none() && s.report_error.as_deref().is_some_and(|e| e.contains("”Beslutad ram”")));
        assert!(!s.report_error.as_deref().is_some_and(|e| e.contains("frame")), "the label, not the key");
        let s = s.reduce(Action::SetParam("frame".into(), " ".into()));
        assert!(s.report.is_some(), "{:?}", s.report_error);
        assert!(s.session.params().is_empty());
    }

    #[test]
    fn an_export_error_is_cleared_by_a_later_export_and_goes_with_its_report() {
        let s = load(start(), "bidrag.csv", false, GRANTS);
        let about = export_topic("earmarked-grants");
        let failed = |s: Rc<State>| {
            s.reduce(Action::NotifyAbout {
                about: about.clone(),
                is_error: true,
                text: "Exporten misslyckades.".into(),
            })
        };
        let s = failed(failed(s));
        assert_eq!(s.messages.iter().filter(|m| m.is_error).count(), 1, "replaced, not stacked: {:?}", s.messages);
        let ok = s.clone().reduce(Action::Resolved(about.clone()));
        assert!(ok.messages.iter().all(|m| !m.is_error), "{:?}", ok.messages);
        assert!(ok.messages.iter().any(|m| m.text.contains("bidrag.csv lästes in")), "other news stays");
        let other = s.reduce(Action::SelectPlugin("budget-follow-up".into()));
        assert!(other.messages.iter().all(|m| !m.is_error), "another report: {:?}", other.messages);
    }

    #[test]
    fn the_gallery_and_the_choice_of_file_follow_the_files() {
        let s = start();
        let budget = s.gallery.iter().find(|e| e.id == "budget-follow-up").expect("listed");
        assert!(budget.satisfied && budget.chosen);
        assert!(s.input_choices.is_empty(), "one file: nothing to choose");
        let s = load(s, "drift.csv", false, BUDGET);
        let s = load(s, "drift2.csv", false, "Verksamhet;Budget;Utfall\nBibliotek;-10;-30\n");
        // Two files fit the composite report more closely; the user picks the budget report.
        let s = s.reduce(Action::SelectPlugin("budget-follow-up".into()));
        assert_eq!(s.input_choices.len(), 1);
        assert_eq!(s.input_choices[0].used, "drift.csv");
        let rows = |s: &State| serde_json::to_string(&s.report.as_ref().expect("a report").sections).expect("json");
        assert!(rows(&s).contains("Skola") && !rows(&s).contains("Bibliotek"));
        let s = s.reduce(Action::BindInput { input: "budget".into(), file: "drift2.csv".into() });
        assert_eq!(s.input_choices[0].used, "drift2.csv");
        assert!(rows(&s).contains("Bibliotek") && !rows(&s).contains("Skola"), "the report of the chosen file");
        let s = s.reduce(Action::BindInput { input: "budget".into(), file: String::new() });
        assert_eq!(s.input_choices[0].used, "drift.csv", "back to the first that fits");
    }

    #[test]
    fn fixing_a_wrong_header_row_brings_back_the_report_and_its_parameters() {
        let s = load(start(), "bidrag.csv", false, GRANTS);
        let s = s.reduce(Action::SetParam("low_use".into(), "30".into()));
        assert_eq!(s.session.plugin_id(), Some("earmarked-grants"));
        let wrong = Mapping { header_row: Some(2), ..Mapping::default() };
        let s = s.reduce(Action::Remap { index: 0, mapping: wrong });
        assert_ne!(s.session.plugin_id(), Some("earmarked-grants"), "read wrongly, the file fits no report");
        let s = s.reduce(Action::Remap { index: 0, mapping: Mapping::default() });
        assert_eq!(s.session.plugin_id(), Some("earmarked-grants"));
        assert_eq!(s.session.params(), [("low_use".to_owned(), "30".to_owned())]);
        assert!(s.report.is_some(), "{:?}", s.report_error);
    }
}
