//! The page's side of the session worker: what the components call to change the session. Each
//! call becomes a [`Command`] sent to the worker ([`SessionWorker`]); its answer comes back as an
//! [`Action`] for the state. Commands run one after the other, in the order sent; the oldest one
//! waiting is the one running, and the page shows its progress ([`Action::Busy`],
//! [`Action::Progress`]).
//!
//! "Avbryt" ([`Control::cancel`]) terminates the worker, starts a fresh one and sends it the
//! workspace the page had ([`crate::saved::restore_command`]; the page keeps every loaded
//! file's bytes): the file being read, and any command waiting behind it, are dropped. A worker
//! that stops by itself (out of memory) is replaced the same way.

use crate::i18n::{Text, failure_text};
use crate::saved::Restored;
use crate::state::{Action, Busy, State};
use js_sys::Array;
use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;
use std::sync::Arc;
use uppfolj_import::Mapping;
use uppfolj_web::session_protocol::Command;
use uppfolj_web::session_protocol::ReportNews;
use uppfolj_web::session_worker::{Failure, Reply, SessionWorker, WORKER_URL};
use yew::UseReducerDispatcher;

/// Called once with the packed export job, or why there is none.
type ExportDone = Box<dyn FnOnce(Result<Array, Text>)>;

/// A command sent and not answered yet.
struct Pending {
    id: u32,
    /// What the progress bar names; `None` for a quick command.
    label: Option<String>,
    /// The bytes sent with it, by file name.
    sent: Vec<(String, Arc<Vec<u8>>)>,
    /// Whether it makes the workspace again after a cancel.
    replay: bool,
    /// For an export: where the packed job goes.
    export: Option<ExportDone>,
}

#[derive(Default)]
struct Inner {
    worker: Option<SessionWorker>,
    /// Whether the worker has answered anything (a worker that never did is not replaced).
    alive: bool,
    next_id: u32,
    pending: VecDeque<Pending>,
    /// The page's workspace as last rendered, made again after a cancel.
    shown: Option<Restored>,
    /// The command whose answer announced a new report, until the report comes.
    report_of: Option<u32>,
}

/// The handle the components hold. Cloning shares it.
#[derive(Clone)]
pub struct Control {
    inner: Rc<RefCell<Inner>>,
    dispatcher: UseReducerDispatcher<State>,
}

impl PartialEq for Control {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl std::fmt::Debug for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Control")
    }
}

impl Control {
    /// A control dispatching to `dispatcher`; the worker starts with the first command.
    pub fn new(dispatcher: UseReducerDispatcher<State>) -> Self {
        Self { inner: Rc::new(RefCell::new(Inner::default())), dispatcher }
    }

    /// Gives the state an action of the page's own (messages, saving).
    pub fn dispatch(&self, action: Action) {
        self.dispatcher.dispatch(action);
    }

    /// Shows a message.
    pub fn notify(&self, is_error: bool, text: Text) {
        self.dispatch(Action::Notify { is_error, text });
    }

    /// Shows a message about the file `file` (named in `text`): it replaces the earlier messages
    /// about that file, and goes when the file is loaded again or removed.
    pub fn notify_file(&self, is_error: bool, file: String, text: Text) {
        self.dispatch(Action::NotifyAbout { about: file, is_error, text });
    }

    /// The page rendered `state`: what a cancel makes again.
    pub fn shown(&self, state: &State) {
        if state.busy.is_none() {
            self.inner.borrow_mut().shown = Some(state.restored());
        }
    }

    /// Imports a file.
    pub fn load(&self, name: String, bytes: Arc<Vec<u8>>, is_sample: bool) {
        let command = Command::Load { name: name.clone(), is_sample, file: 0 };
        self.send(command, Some(name.clone()), vec![(name, bytes)], false, None);
    }

    /// Reads the file `name` again with `mapping` (`undo`: the remembered one undone).
    pub fn remap(&self, name: String, mapping: Mapping, undo: bool) {
        self.send(Command::Remap { name: name.clone(), mapping, undo }, Some(name), Vec::new(), false, None);
    }

    /// Removes the file `name`.
    pub fn remove(&self, name: String) {
        self.dispatch(Action::Removing(name.clone()));
        self.send(Command::Remove { name }, None, Vec::new(), false, None);
    }

    /// The user picked the report `id`.
    pub fn pick(&self, id: String) {
        self.send(Command::PickPlugin { id }, None, Vec::new(), false, None);
    }

    /// The user chose the file `file` for the input `input` of the chosen report (empty: the first
    /// that fits).
    pub fn bind(&self, input: String, file: String) {
        self.send(Command::Bind { input, file }, None, Vec::new(), false, None);
    }

    /// The user set (or, blank, cleared) a parameter.
    pub fn set_param(&self, key: String, value: String) {
        self.send(Command::SetParam { key, value }, None, Vec::new(), false, None);
    }

    /// Makes a saved workspace again (at start).
    pub fn restore(&self, restored: Restored) {
        let (command, sent) = crate::saved::restore_command(restored);
        self.send(command, Some(RESTORING.to_owned()), sent, false, None);
    }

    /// Forgets the session ("Rensa all data").
    pub fn reset(&self) {
        self.send(Command::Reset, None, Vec::new(), false, None);
    }

    /// Packs the report shown now for the export worker; `done` gets the chunks.
    pub fn export(&self, date: String, done: impl FnOnce(Result<Array, Text>) + 'static) {
        self.send(Command::Export { date }, None, Vec::new(), false, Some(Box::new(done)));
    }

    /// Stops what the worker runs ("Avbryt") and makes the workspace shown again in a fresh one.
    pub fn cancel(&self) {
        self.replace(None);
    }

    fn send(
        &self,
        command: Command,
        label: Option<String>,
        sent: Vec<(String, Arc<Vec<u8>>)>,
        replay: bool,
        export: Option<ExportDone>,
    ) {
        let started = self.worker_started();
        let mut inner = self.inner.borrow_mut();
        inner.next_id = inner.next_id.wrapping_add(1);
        let id = inner.next_id;
        let bytes: Vec<Arc<Vec<u8>>> = sent.iter().map(|(_, b)| b.clone()).collect();
        let posted = started.and_then(|()| inner.worker.as_ref().map_or(Ok(()), |w| w.send(id, &command, &bytes)));
        if let Err(failure) = posted {
            drop(inner);
            return self.notify(true, failure_text(&failure));
        }
        let first = inner.pending.is_empty();
        inner.pending.push_back(Pending { id, label: label.clone(), sent, replay, export });
        drop(inner);
        if first {
            self.dispatch(Action::Busy(Some(Busy { label, working: None })));
        }
    }

    /// Starts the worker unless it runs.
    fn worker_started(&self) -> Result<(), Failure> {
        if self.inner.borrow().worker.is_some() {
            return Ok(());
        }
        let weak = Rc::downgrade(&self.inner);
        let dispatcher = self.dispatcher.clone();
        let on_reply = move |reply: Reply| {
            if let Some(inner) = weak.upgrade() {
                Self { inner, dispatcher: dispatcher.clone() }.on_reply(reply);
            }
        };
        let worker = SessionWorker::start(WORKER_URL, on_reply)?;
        self.inner.borrow_mut().worker = Some(worker);
        Ok(())
    }

    fn on_reply(&self, reply: Reply) {
        match reply {
            Reply::Progress(id, working) => {
                if self.inner.borrow().pending.front().is_some_and(|p| p.id == id) {
                    self.dispatch(Action::Progress(working));
                }
            }
            Reply::Answer(id, answer, report) => {
                if let Some(p) = self.answered(id) {
                    // A report on its way is still the one to show when the next answer's is the same.
                    match report {
                        ReportNews::Coming => self.inner.borrow_mut().report_of = Some(id),
                        ReportNews::Gone => self.inner.borrow_mut().report_of = None,
                        ReportNews::Same => {}
                    }
                    self.dispatch(Action::Answered { answer, sent: p.sent, replay: p.replay, report });
                }
            }
            Reply::Report(id, report) => {
                if self.inner.borrow().report_of == Some(id) {
                    self.dispatch(Action::Report(Rc::new(*report)));
                }
            }
            Reply::Export(id, chunks) => {
                if let Some(done) = self.answered(id).and_then(|p| p.export) {
                    done(Ok(chunks));
                }
            }
            Reply::Failed(Some(id), failure) => match self.answered(id) {
                Some(Pending { export: Some(done), .. }) => done(Err(failure_text(&failure))),
                // A file that could not be read: the message is about it.
                Some(Pending { label: Some(file), .. }) => self.notify_file(true, file, failure_text(&failure)),
                _ => self.notify(true, failure_text(&failure)),
            },
            Reply::Failed(None, failure) => {
                if self.inner.borrow().alive {
                    self.replace(Some(failure_text(&failure)));
                } else {
                    self.stop();
                    self.notify(true, failure_text(&failure));
                }
            }
        }
    }

    /// Takes the answered command off the queue and shows the next one running.
    fn answered(&self, id: u32) -> Option<Pending> {
        let mut inner = self.inner.borrow_mut();
        inner.alive = true;
        let index = inner.pending.iter().position(|p| p.id == id)?;
        let pending = inner.pending.remove(index)?;
        let next = inner.pending.front().map(|p| Busy { label: p.label.clone(), working: None });
        drop(inner);
        self.dispatch(Action::Busy(next));
        Some(pending)
    }

    /// Terminates the worker and forgets what it was asked; returns what the command running was
    /// about. An export waiting is told it will not come.
    fn stop(&self) -> Option<String> {
        let mut inner = self.inner.borrow_mut();
        inner.worker = None;
        inner.alive = false;
        inner.report_of = None;
        let pending: Vec<Pending> = inner.pending.drain(..).collect();
        drop(inner);
        let label = pending.first().and_then(|p| p.label.clone()).filter(|l| l != RESTORING);
        for done in pending.into_iter().filter_map(|p| p.export) {
            done(Err(Text::key(STOPPED)));
        }
        self.dispatch(Action::Busy(None));
        label
    }

    /// Replaces the worker by a fresh one holding the workspace shown (`reason`: why the old one
    /// stopped by itself; `None` for a cancel).
    fn replace(&self, reason: Option<Text>) {
        let label = self.stop();
        self.dispatch(Action::Cancelled { label, reason });
        let shown = self.inner.borrow().shown.clone();
        let restored = shown.unwrap_or_else(|| Restored {
            workspace: crate::saved::SavedWorkspace {
                version: crate::saved::VERSION,
                files: Vec::new(),
                plugin: None,
                picked: false,
                params: Vec::new(),
                bindings: Vec::new(),
            },
            bytes: BTreeMap::new(),
            layouts: BTreeMap::new(),
        });
        let (command, sent) = crate::saved::restore_command(restored);
        self.send(command, None, sent, true, None);
    }
}

/// What the progress bar names while a saved workspace is made again.
pub(crate) const RESTORING: &str = "arbetsytan";

/// Why an export asked for did not come.
const STOPPED: &str = "msg.export_stopped";
