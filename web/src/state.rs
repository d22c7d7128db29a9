//! The app's state and the actions that change it (a Yew reducer).
//!
//! The loaded files, the chosen plugin and its parameters are an [`uppfolj_app::Session`], the
//! same the command line runs: the same plugins, the files in load order, a plugin chosen for
//! them until the user picks one. Every change recomputes the report from the files loaded now;
//! when the chosen report cannot be made there is no report and the reason is shown in its place,
//! so the page never shows a report of files that are no longer loaded. A file that cannot be
//! read becomes a message and changes nothing.

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
    /// The file it is about: a newer message about the file replaces it, and it goes when the
    /// file is removed.
    pub file: Option<String>,
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
}

impl State {
    /// The initial state: no files, the first plugin chosen.
    pub fn new(registry: Registry) -> Self {
        Self {
            session: Session::new(registry),
            sample: None,
            report: None,
            report_error: None,
            messages: Vec::new(),
            next_message: 0,
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
        // The same message again (an export retried) replaces the older one instead of stacking.
        self.messages.retain(|m| m.is_error != is_error || m.text != text);
        self.next_message += 1;
        self.messages.push(Message { id: self.next_message, is_error, text, file });
        // Keep the page calm: the five newest messages.
        if self.messages.len() > 5 {
            self.messages.remove(0);
        }
    }

    /// After anything changed: the report of the files loaded now, or why there is none.
    fn refresh(&mut self) {
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
                self.report_error = Some(err.to_string());
            }
        }
    }

    fn file_loaded(&mut self, name: String, is_sample: bool, bytes: Arc<Vec<u8>>) {
        let tables = match self.session.load(name.clone(), bytes, Mapping::default()) {
            Ok(file) => file.datasets().len(),
            Err(err) => return self.notify_file(true, &name, err.to_string()),
        };
        if is_sample {
            self.sample = Some(name);
        } else {
            // The user's own file replaces the sample (unless it was loaded under the sample's name).
            if let Some(sample) = self.sample.take().filter(|s| *s != name) {
                self.session.remove(&sample);
            }
            let noun = if tables == 1 { "tabell" } else { "tabeller" };
            self.notify_file(false, &name, format!("{name} lästes in: {tables} {noun}."));
        }
        self.refresh();
    }

    fn remap(&mut self, index: usize, mapping: Mapping) {
        let Some(name) = self.session.files().get(index).map(|f| f.name.clone()) else { return };
        match self.session.remap(&name, mapping) {
            Some(Ok(_)) => {
                self.notify_file(false, &name, format!("{name} lästes in på nytt med din tolkning."));
                self.refresh();
            }
            Some(Err(err)) => {
                self.notify_file(true, &name, format!("{err} Den tidigare tolkningen gäller fortfarande."))
            }
            None => {}
        }
    }
}

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
        assert!(s.report.is_none() && s.report_error.as_deref().is_some_and(|e| e.contains("frame")));
        let s = s.reduce(Action::SetParam("frame".into(), " ".into()));
        assert!(s.report.is_some(), "{:?}", s.report_error);
        assert!(s.session.params().is_empty());
    }
}
