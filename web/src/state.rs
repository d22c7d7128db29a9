//! The page's state and the actions that change it (a Yew reducer).
//!
//! The session itself (the loaded files, the chosen report, its parameters, the report) lives in
//! the session worker ([`uppfolj_web::session_host`]); the page holds the last
//! [`SessionView`] it sent and renders only that. The worker recomputes the report after every
//! command and sends no report when the chosen one cannot be made, but the reason in its place, so
//! the page never shows a report of files that are no longer loaded. Here is what is the page's
//! own: the messages (one per file, newer news replacing older), the bytes of the loaded files
//! (kept for the browser's store and to make the workspace again after a cancel), the progress
//! of the command running, and whether the start is done.
//!
//! The state is also what the browser keeps between visits ([`crate::saved`]): it starts
//! [`State::ready`] once the saved workspace (or, on a first visit, the sample) is in.

use crate::i18n::{Text, counted};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use uppfolj_model::Report;
use uppfolj_web::session_protocol::{Answer, Outcome, Remembered, ReportNews, SessionView, Working};
use yew::Reducible;

pub use uppfolj_web::session_protocol::FileView;

/// A message shown above the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Running number, the key for dismissing it.
    pub id: u32,
    /// Error (red) or information.
    pub is_error: bool,
    /// The text, shown in the page's language (the import's words stay Swedish).
    pub text: Text,
    /// The file it is about (or another topic: saving in the browser, exporting a report,
    /// [`export_topic`]): a newer message about it replaces it, and it goes when the file is
    /// removed or the matter is resolved ([`Action::Resolved`]).
    pub file: Option<String>,
    /// A library's own words behind an error, shown in small print after the text.
    pub detail: Option<String>,
}

/// The command the session worker is running, for the progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Busy {
    /// What it is about ("budget.xlsx"), when the user should see it: a file being read. Quick
    /// commands (a report picked, a parameter) show no bar.
    pub label: Option<String>,
    /// How far it has come.
    pub working: Option<Working>,
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The session as the worker last sent it, but its report.
    pub view: Rc<SessionView>,
    /// The report of the files loaded now; `None` when no file is loaded or the chosen report
    /// cannot be made of them.
    pub report: Option<Rc<Report>>,
    /// The bytes of the loaded files, by name.
    pub bytes: BTreeMap<String, Arc<Vec<u8>>>,
    /// Messages, newest last.
    pub messages: Vec<Message>,
    next_message: u32,
    /// Whether the start is done (the saved workspace restored or the sample loaded): only then
    /// is the state saved, so that an empty page never overwrites what was saved.
    pub ready: bool,
    /// The command the worker is running, if any.
    pub busy: Option<Busy>,
    /// The files the user removed whose removal the worker has not confirmed yet: the page no
    /// longer lists them.
    pub removing: Vec<String>,
    /// How many times the workspace was saved in the browser since the page opened.
    pub saves: u32,
}

/// What can happen.
#[derive(Debug)]
pub enum Action {
    /// The session worker answered a command.
    Answered {
        /// What it did and the session after it.
        answer: Box<Answer>,
        /// The bytes sent with the command, by file name.
        sent: Vec<(String, Arc<Vec<u8>>)>,
        /// Whether the command made the workspace again after a cancel (nothing to tell then).
        replay: bool,
        /// What became of the report (a new one comes as [`Action::Report`]).
        report: ReportNews,
    },
    /// The new report an answer announced, decoded.
    Report(Rc<Report>),
    /// The worker started a command (`Some`) or has none left (`None`).
    Busy(Option<Busy>),
    /// How far the command running has come.
    Progress(Working),
    /// The command about `label` was cancelled (or the worker stopped, `reason`): the worker
    /// makes the workspace again without it.
    Cancelled {
        /// What was cancelled ("budget.xlsx").
        label: Option<String>,
        /// Why, when the worker stopped by itself.
        reason: Option<Text>,
    },
    /// The user removed the file of this name (the worker is told): it leaves the list at once.
    Removing(String),
    /// The user dismissed a message.
    Dismiss(u32),
    /// Show a message (a file that could not be read, export failures).
    Notify {
        /// Error or information.
        is_error: bool,
        /// The text.
        text: Text,
    },
    /// Everything stored was removed ("Rensa all data"): back to the first visit.
    Reset,
    /// The workspace was saved in the browser, or why not.
    Storage(Result<(), Text>),
    /// Show a message about something ([`export_topic`], or a file's name): it replaces the older
    /// messages about the same thing.
    NotifyAbout {
        /// What it is about.
        about: String,
        /// Error or information.
        is_error: bool,
        /// The text.
        text: Text,
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
    /// Shows a message above the report.
    pub fn notify(&mut self, is_error: bool, text: Text) {
        self.push_message(is_error, text, None);
    }

    /// Shows a message about the file `file`, replacing older messages about it (a file read
    /// again after an error clears the error).
    fn notify_file(&mut self, is_error: bool, file: &str, text: Text, detail: Option<String>) {
        self.messages.retain(|m| m.file.as_deref() != Some(file));
        self.push_detailed(is_error, text, detail, Some(file.to_owned()));
    }

    fn push_message(&mut self, is_error: bool, text: Text, file: Option<String>) {
        self.push_detailed(is_error, text, None, file);
    }

    fn push_detailed(&mut self, is_error: bool, text: Text, detail: Option<String>, file: Option<String>) {
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

    /// The worker's answer: the new view, the bytes of the files it holds now, and what to tell.
    /// The report drawn before stays while a new one is on its way (the same, and the same `Rc`,
    /// when it did not change: nothing is drawn again).
    fn answered(&mut self, answer: Answer, sent: Vec<(String, Arc<Vec<u8>>)>, replay: bool, report: ReportNews) {
        let Answer { outcome, view } = answer;
        if report == ReportNews::Gone {
            self.report = None;
        }
        let fresh = |name: &str| match &outcome {
            Outcome::Loaded { name: loaded, .. } => loaded == name,
            Outcome::Restored { .. } => true,
            _ => false,
        };
        for (name, bytes) in sent {
            if fresh(&name) {
                self.bytes.insert(name, bytes);
            }
        }
        self.bytes.retain(|name, _| view.file(name).is_some());
        // What was said about exporting another report than the chosen one no longer applies.
        let current = export_topic(view.plugin.as_deref().unwrap_or_default());
        self.messages.retain(|m| m.file.as_ref().is_none_or(|f| !f.starts_with(EXPORT) || *f == current));
        self.removing.retain(|name| view.file(name).is_some());
        self.view = Rc::new(view);
        self.tell(outcome, replay);
    }

    /// The message a command's outcome calls for.
    fn tell(&mut self, outcome: Outcome, replay: bool) {
        match outcome {
            Outcome::Loaded { name, is_sample: true, .. } if self.view.sample() == Some(name.as_str()) => {
                self.ready = true;
            }
            Outcome::Loaded { name, tables, remembered, .. } => {
                let text = Text::key("msg.loaded")
                    .with("name", name.as_str())
                    .with("tables", counted(tables, "unit.table_one", "unit.table_other"));
                let text = match remembered {
                    Remembered::None => text,
                    Remembered::Applied => Text::key("msg.remembered_loaded").with("loaded", text),
                    Remembered::Unfit(err) => {
                        Text::key("msg.remembered_unfit").with("loaded", text).with("reason", err)
                    }
                };
                self.notify_file(false, &name, text, None);
            }
            Outcome::NotLoaded { name, error } => self.notify_file(true, &name, error.text.into(), error.detail),
            Outcome::Remapped { name, undo } => {
                let key = if undo { "msg.remapped_auto" } else { "msg.remapped" };
                self.notify_file(false, &name, Text::key(key).with("name", name.as_str()), None);
            }
            Outcome::NotRemapped { name, error } => {
                let text = Text::key("msg.not_remapped").with("error", error.text);
                self.notify_file(true, &name, text, error.detail);
            }
            // What was said about the file goes with it.
            Outcome::Removed { name } => self.messages.retain(|m| m.file.as_deref() != Some(name.as_str())),
            Outcome::Restored { lost } => self.after_restore(&lost, replay),
            Outcome::Reset | Outcome::Changed => {}
        }
    }

    /// After the workspace was made again: at start, what came back.
    fn after_restore(&mut self, lost: &[String], replay: bool) {
        self.ready = true;
        if replay {
            return;
        }
        if !lost.is_empty() {
            self.notify(true, Text::key("msg.lost").with("names", lost.join(", ")));
        }
        let count = self.view.files.len();
        if count > 0 && self.view.sample().is_none() {
            let files = counted(count, "unit.file_one", "unit.file_other");
            self.notify(false, Text::key("msg.restored").with("files", files));
        }
    }

    fn cancelled(&mut self, label: Option<String>, reason: Option<Text>) {
        self.busy = None;
        let what = label.map_or_else(|| Text::key("msg.computing"), |l| Text::key("msg.reading_of").with("name", l));
        match reason {
            Some(reason) => self.notify(true, Text::key("msg.stopped").with("reason", reason).with("what", what)),
            None => self.notify(false, Text::key("msg.cancelled").with("what", what)),
        }
    }

    /// Counts a save, or shows why saving in the browser failed: one such message at most, gone
    /// once saving works again.
    fn storage(&mut self, saved: Result<(), Text>) {
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
            Action::Answered { answer, sent, replay, report } => s.answered(*answer, sent, replay, report),
            Action::Report(report) => s.report = Some(report),
            Action::Busy(busy) => s.busy = busy,
            Action::Progress(working) => {
                if let Some(busy) = &mut s.busy {
                    busy.working = Some(working);
                }
            }
            Action::Cancelled { label, reason } => s.cancelled(label, reason),
            Action::Removing(name) => s.removing.push(name),
            Action::Dismiss(id) => s.messages.retain(|m| m.id != id),
            Action::Notify { is_error, text } => s.notify(is_error, text),
            Action::Reset => s = State { busy: s.busy.clone(), saves: s.saves, ..State::default() },
            Action::Storage(saved) => s.storage(saved),
            Action::NotifyAbout { about, is_error, text } => s.notify_file(is_error, &about, text, None),
            Action::Resolved(about) => s.messages.retain(|m| m.file.as_deref() != Some(about.as_str())),
        }
        Rc::new(s)
    }
}

/// The page and the session host in one process, for tests: a command runs on the host and its
/// answer goes through the reducer, as the worker and the page do in the browser.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use uppfolj_web::session_host::Host;
    use uppfolj_web::session_protocol::{self, Command};

    /// A host with the app's plugins and an empty page.
    pub fn start() -> (Host, Rc<State>) {
        #[allow(clippy::expect_used)]
        let host = Host::new(uppfolj_app::registry().expect("distinct ids"));
        (host, Rc::new(State::default()))
    }

    /// Runs `command` with `files` (name, bytes) on `host` and gives the answer to `state`.
    pub fn run(host: &mut Host, state: Rc<State>, command: Command, files: Vec<(String, Vec<u8>)>) -> Rc<State> {
        let files: Vec<(String, Arc<Vec<u8>>)> = files.into_iter().map(|(n, b)| (n, Arc::new(b))).collect();
        let bytes: Vec<Arc<Vec<u8>>> = files.iter().map(|(_, b)| b.clone()).collect();
        let outcome = host.handle(command, &bytes, &mut |_| {});
        let mut view = host.view();
        // As the worker sends it and the page reads it: the report beside the answer, not again
        // when it is the same as the one shown.
        let mut sent = state.report.as_ref().map(|r| session_protocol::encode(&**r));
        let news = session_protocol::take_report(&mut view, &mut sent);
        let answer = Box::new(Answer { outcome, view });
        let state = state.reduce(Action::Answered { answer, sent: files, replay: false, report: news });
        match sent.filter(|_| news == ReportNews::Coming).map(|b| session_protocol::decode::<Report>(&b)) {
            Some(Ok(report)) => state.reduce(Action::Report(Rc::new(report))),
            Some(Err(e)) => panic!("the report reads back: {e}"),
            None => state,
        }
    }

    /// Loads `text` as the file `name`.
    pub fn load(host: &mut Host, state: Rc<State>, name: &str, is_sample: bool, text: &str) -> Rc<State> {
        let command = Command::Load { name: name.to_owned(), is_sample, file: 0 };
        run(host, state, command, vec![(name.to_owned(), text.as_bytes().to_vec())])
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::testing::{load, run, start};
    use super::*;
    use crate::i18n::{Lang, report_problem};
    use uppfolj_web::session_host::Host;
    use uppfolj_web::session_protocol::{Command, Step};

    const SAMPLE: &str = "Exempel.csv";
    const BUDGET: &str = "Verksamhet;Budget;Utfall\nSkola;-100;-110\nVård;-200;-190\n";
    const GRANTS: &str = "Projekt;Beviljat;Förbrukat\nLäsfrämjande;100;40\nSimskola;50;50\n";

    fn started() -> (Host, Rc<State>) {
        let (mut host, state) = start();
        let state = load(&mut host, state, SAMPLE, true, BUDGET);
        (host, state)
    }

    fn names(state: &State) -> Vec<&str> {
        state.view.files.iter().map(|f| f.name.as_str()).collect()
    }

    fn command(host: &mut Host, state: Rc<State>, command: Command) -> Rc<State> {
        run(host, state, command, Vec::new())
    }

    #[test]
    fn the_first_own_file_replaces_the_sample_and_files_stay_in_load_order() {
        let (mut h, s) = started();
        assert_eq!(s.view.sample(), Some(SAMPLE));
        assert!(s.ready && s.report.is_some() && s.view.report_error.is_none());
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        assert_eq!(names(&s), ["bidrag.csv"]);
        assert_eq!(s.view.sample(), None);
        assert_eq!(s.bytes.keys().collect::<Vec<_>>(), ["bidrag.csv"], "the sample's bytes go with it");
        assert_eq!(s.view.plugin.as_deref(), Some("earmarked-grants"));
        let s = load(&mut h, s, "drift.csv", false, BUDGET);
        assert_eq!(names(&s), ["bidrag.csv", "drift.csv"]);
        assert_eq!(s.view.plugin.as_deref(), Some("interim-report"), "files for two parts: the composite report");
        let refused = load(&mut h, s.clone(), "trasig.xlsx", false, "%PDF-1.7");
        assert_eq!(refused.view, s.view, "a refused file changes nothing");
        assert_eq!(refused.report, s.report);
        assert_eq!(refused.bytes, s.bytes, "nor are its bytes kept");
        assert!(refused.messages.last().is_some_and(|m| m.is_error && m.text.show(Lang::Sv).contains("trasig.xlsx")));
    }

    #[test]
    fn a_report_that_cannot_be_made_of_the_files_loaded_now_is_not_shown() {
        let (mut h, s) = started();
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let s = load(&mut h, s, "drift.csv", false, BUDGET);
        let s = command(&mut h, s, Command::PickPlugin { id: "earmarked-grants".into() });
        assert_eq!(s.report.as_ref().map(|r| r.plugin.id.as_str()), Some("earmarked-grants"));
        let s = command(&mut h, s, Command::Remove { name: "bidrag.csv".into() });
        assert_eq!(s.view.plugin.as_deref(), Some("earmarked-grants"), "the user's pick stays");
        assert!(s.view.picked);
        assert_eq!(s.report, None, "no report of a file that is gone");
        let error = s.view.report_error.as_ref().map(|e| report_problem(e).show(Lang::Sv));
        assert!(error.as_deref().is_some_and(|e| e.contains("inget inläst dataset passar")), "{s:?}");
        let s = command(&mut h, s, Command::Remove { name: "drift.csv".into() });
        assert_eq!((s.report.clone(), s.view.report_error.clone()), (None, None), "no files, no report, no error");
    }

    #[test]
    fn a_report_that_did_not_change_is_kept_as_it_was_drawn() {
        let (mut h, s) = started();
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let shown = s.report.clone().expect("a report");
        // Picked again, the report is the same: the page keeps the one it drew, not a copy.
        let s = command(&mut h, s, Command::PickPlugin { id: "earmarked-grants".into() });
        assert!(s.view.picked);
        assert!(s.report.as_ref().is_some_and(|r| Rc::ptr_eq(r, &shown)), "the same Rc");
        let s = command(&mut h, s, Command::SetParam { key: "low_use".into(), value: "30".into() });
        let changed = s.report.clone().expect("a report");
        assert!(!Rc::ptr_eq(&changed, &shown) && changed.parameters != shown.parameters, "a new report");
        let s = command(&mut h, s, Command::SetParam { key: "frame".into(), value: "abc".into() });
        assert_eq!(s.report, None, "none when it cannot be made");
    }

    #[test]
    fn messages_about_a_file_are_replaced_by_newer_ones_and_go_with_the_file() {
        let (mut h, s) = started();
        let s = load(&mut h, s, "drift.csv", false, "inte;en;tabell\n");
        let s = load(&mut h, s, "drift.csv", false, BUDGET);
        let about: Vec<_> = s.messages.iter().filter(|m| m.file.as_deref() == Some("drift.csv")).collect();
        assert_eq!(about.len(), 1, "one message per file: {:?}", s.messages);
        assert!(!about[0].is_error && about[0].text.show(Lang::Sv).contains("lästes in"), "{:?}", about[0]);
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let s = command(&mut h, s, Command::Remove { name: "drift.csv".into() });
        assert!(s.messages.iter().all(|m| m.file.as_deref() != Some("drift.csv")), "{:?}", s.messages);
        assert!(s.messages.iter().any(|m| m.file.as_deref() == Some("bidrag.csv")), "{:?}", s.messages);
    }

    #[test]
    fn a_file_that_could_not_be_read_keeps_its_named_message_until_it_is_loaded() {
        let (mut h, s) = started();
        let text = "drift.csv kunde inte läsas (NotReadableError). Kontrollera att filen inte är öppen i ett annat program och försök igen.";
        let s = s.reduce(Action::NotifyAbout { about: "drift.csv".into(), is_error: true, text: text.into() });
        let s = s.reduce(Action::NotifyAbout { about: "drift.csv".into(), is_error: true, text: text.into() });
        let about = |s: &State| {
            s.messages.iter().filter(|m| m.file.as_deref() == Some("drift.csv")).cloned().collect::<Vec<_>>()
        };
        assert_eq!(about(&s).len(), 1, "one message about the file: {:?}", s.messages);
        assert!(about(&s)[0].is_error && about(&s)[0].text.show(Lang::Sv).starts_with("drift.csv "), "named");
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        assert_eq!(about(&s).len(), 1, "another file's news leaves it");
        let s = load(&mut h, s, "drift.csv", false, BUDGET);
        let now = about(&s);
        assert!(
            now.len() == 1 && !now[0].is_error && now[0].text.show(Lang::Sv).contains("lästes in"),
            "replaced: {now:?}"
        );
    }

    #[test]
    fn a_cleared_parameter_is_not_given() {
        let (mut h, s) = started();
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let s = command(&mut h, s, Command::SetParam { key: "frame".into(), value: "abc".into() });
        let error = s.view.report_error.as_ref().map(|e| report_problem(e).show(Lang::Sv)).unwrap_or_default();
        assert!(s.report.is_none() && error.contains("”Beslutad ram”"), "{error}");
        let english = s.view.report_error.as_ref().map(|e| report_problem(e).show(Lang::En)).unwrap_or_default();
        assert!(english.starts_with("The setting “Beslutad ram” cannot be used"), "{english}");
        assert!(!error.contains("frame"), "the label, not the key");
        let s = command(&mut h, s, Command::SetParam { key: "frame".into(), value: " ".into() });
        assert!(s.report.is_some(), "{:?}", s.view.report_error);
        assert!(s.view.params.is_empty());
    }

    #[test]
    fn an_export_error_is_cleared_by_a_later_export_and_goes_with_its_report() {
        let (mut h, s) = start();
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
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
        assert!(ok.messages.iter().any(|m| m.text.show(Lang::Sv).contains("bidrag.csv lästes in")), "other news stays");
        let other = command(&mut h, s, Command::PickPlugin { id: "budget-follow-up".into() });
        assert!(other.messages.iter().all(|m| !m.is_error), "another report: {:?}", other.messages);
    }

    #[test]
    fn the_gallery_and_the_choice_of_file_travel_in_the_view_and_follow_the_files() {
        let (mut h, s) = started();
        let budget = s.view.gallery.iter().find(|e| e.id == "budget-follow-up").expect("listed");
        assert!(budget.satisfied && budget.chosen);
        assert!(s.view.input_choices.is_empty(), "one file: nothing to choose");
        let s = load(&mut h, s, "drift.csv", false, BUDGET);
        let s = load(&mut h, s, "drift2.csv", false, "Verksamhet;Budget;Utfall\nBibliotek;-10;-30\n");
        // Two files fit the composite report more closely; the user picks the budget report.
        let s = command(&mut h, s, Command::PickPlugin { id: "budget-follow-up".into() });
        assert_eq!(s.view.input_choices.len(), 1);
        assert_eq!(s.view.input_choices[0].used, "drift.csv");
        let rows = |s: &State| serde_json::to_string(&s.report.as_ref().expect("a report").sections).expect("json");
        assert!(rows(&s).contains("Skola") && !rows(&s).contains("Bibliotek"));
        let s = command(&mut h, s, Command::Bind { input: "budget".into(), file: "drift2.csv".into() });
        assert_eq!(s.view.input_choices[0].used, "drift2.csv");
        assert_eq!(s.view.bindings.len(), 1);
        assert!(rows(&s).contains("Bibliotek") && !rows(&s).contains("Skola"), "the report of the chosen file");
        let s = command(&mut h, s, Command::Bind { input: "budget".into(), file: String::new() });
        assert_eq!(s.view.input_choices[0].used, "drift.csv", "back to the first that fits");
        assert!(s.view.bindings.is_empty());
    }

    #[test]
    fn fixing_a_wrong_header_row_brings_back_the_report_and_its_parameters() {
        let (mut h, s) = start();
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let s = command(&mut h, s, Command::SetParam { key: "low_use".into(), value: "30".into() });
        assert_eq!(s.view.plugin.as_deref(), Some("earmarked-grants"));
        let wrong = uppfolj_import::Mapping { header_row: Some(2), ..Default::default() };
        let s = command(&mut h, s, Command::Remap { name: "bidrag.csv".into(), mapping: wrong, undo: false });
        assert_ne!(s.view.plugin.as_deref(), Some("earmarked-grants"), "read wrongly, the file fits no report");
        let right = uppfolj_import::Mapping::default();
        let s = command(&mut h, s, Command::Remap { name: "bidrag.csv".into(), mapping: right, undo: false });
        assert_eq!(s.view.plugin.as_deref(), Some("earmarked-grants"));
        assert_eq!(s.view.params, [("low_use".to_owned(), "30".to_owned())]);
        assert!(s.report.is_some(), "{:?}", s.view.report_error);
    }

    #[test]
    fn a_removed_file_leaves_the_list_at_once_and_for_good_once_the_worker_confirms() {
        let (mut h, s) = started();
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let s = s.reduce(Action::Removing("bidrag.csv".into()));
        assert_eq!(s.removing, ["bidrag.csv"]);
        let s = command(&mut h, s, Command::Remove { name: "bidrag.csv".into() });
        assert!(s.removing.is_empty() && s.view.files.is_empty());
    }

    #[test]
    fn a_cancel_is_said_and_keeps_what_was_loaded() {
        let (mut h, s) = started();
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let busy = Busy { label: Some("stor.xlsx".into()), working: None };
        let s = s.reduce(Action::Busy(Some(busy)));
        let s = s.reduce(Action::Progress(Working { step: Step::Checking, fraction: None }));
        let said = s.busy.as_ref().and_then(|b| b.working.as_ref()).map(|w| crate::i18n::step_text(&w.step));
        assert_eq!(
            said.map(|t| (t.show(Lang::Sv), t.show(Lang::En))),
            Some(("Kontrollerar filen".into(), "Checking the file".into()))
        );
        let s = s.reduce(Action::Cancelled { label: Some("stor.xlsx".into()), reason: None });
        assert_eq!(s.busy, None);
        assert_eq!(names(&s), ["bidrag.csv"]);
        assert!(
            s.messages.last().is_some_and(|m| !m.is_error && m.text.show(Lang::Sv).contains("stor.xlsx avbröts")),
            "{:?}",
            s.messages
        );
    }
}
