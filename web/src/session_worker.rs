//! Import and report computation in a Web Worker, so that the page never freezes while a large
//! file is read: the worker holds the session ([`crate::session_host::Host`]), the page sends it
//! [`Command`]s and renders the [`SessionView`](crate::session_protocol::SessionView) it answers
//! with. Both sides are here, as for the export ([`crate::export_worker`]), whose conventions
//! this follows: web-sys directly, CBOR, transferred `ArrayBuffer`s, a loader script
//! (`web/uppfolj-session-worker-loader.js`) that reports a bundle it cannot load, the version in
//! the query, and terminating the worker to cancel.
//!
//! The conversation, each message an object with a `kind`:
//!
//! ```text
//! worker → page  { kind: "ready" }                         its handler is set; commands may come
//!              | { kind: "unloadable", message }           the loader could not load the bundle
//! page → worker  { kind: "command", id, command, files }   command: Uint8Array (CBOR of a Command),
//!                                                           files: [Uint8Array] (the bytes it names)
//! worker → page  { kind: "progress", id, step, sheet, rows, fraction }
//!                                                           at most every 100 ms while it runs
//!              | { kind: "answer", id, answer, report }    answer: Uint8Array (CBOR of an Answer, its
//!                                                           view without the report); report: the
//!                                                           CBOR of the Report, or `true`: the same
//!                                                           as the last one sent, or null: none
//!              | { kind: "export", id, chunks }            to Command::Export: [Uint8Array], the
//!                                                           ExportJob for the export worker
//!              | { kind: "failed", id, message, failure }  why not: `failure` names a failure the
//!                                                           page words itself ([`Failure`]),
//!                                                           else `message` is said (Swedish)
//! ```
//!
//! Commands run one at a time, in the order sent. Cancelling is terminating the worker: the page
//! then starts a fresh one and sends it the workspace it had ([`Command::Restore`]).

use crate::export_job::ExportOptions;
use crate::session_host::Host;
use crate::session_protocol::{self, Answer, Command, ReportNews, Step, Working};
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use uppfolj_model::Report;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, Event, MessageEvent, Worker};

/// The worker's loader script, next to the page; the version in the query keeps a browser from
/// pairing a page with a cached worker of an older version (see [`crate::export_worker::WORKER_URL`]).
pub const WORKER_URL: &str = concat!("./uppfolj-session-worker-loader.js?v=", env!("CARGO_PKG_VERSION"));

const KIND: &str = "kind";
const ID: &str = "id";
const READY: &str = "ready";
const UNLOADABLE: &str = "unloadable";
const COMMAND: &str = "command";
const FILES: &str = "files";
const PROGRESS: &str = "progress";
const STEP: &str = "step";
const SHEET: &str = "sheet";
const ROWS: &str = "rows";
const FAILURE: &str = "failure";
const FRACTION: &str = "fraction";
const ANSWER: &str = "answer";
const REPORT: &str = "report";
const EXPORT: &str = "export";
const CHUNKS: &str = "chunks";
const FAILED: &str = "failed";
const MESSAGE: &str = "message";

/// The shortest time between two progress messages, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// Why a command, or the worker, failed. The page says it in its own language (the catalogue's
/// `failure.*` keys); only [`Failure::Said`] comes as words, Swedish.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The worker's files could not be loaded (the browser's own words, or nothing).
    NotLoaded(String),
    /// The worker stopped by itself: it threw or ran out of memory (the browser's words).
    Stopped(String),
    /// The page and the worker come from different versions.
    Unreadable,
    /// An export was asked for and there is no report.
    NoReport,
    /// Anything else, as the worker said it.
    Said(String),
}

impl Failure {
    /// The name it is sent by, for those the page words itself.
    fn code(&self) -> Option<&'static str> {
        match self {
            Failure::Unreadable => Some("unreadable"),
            Failure::NoReport => Some("no_report"),
            _ => None,
        }
    }

    /// The failure sent as `code` with `message`.
    fn from_code(code: Option<&str>, message: String) -> Self {
        match code {
            Some("unreadable") => Failure::Unreadable,
            Some("no_report") => Failure::NoReport,
            _ => Failure::Said(message),
        }
    }
}

/// `{ kind: "failed", id, message, failure }` for `failure`.
fn failed(id: u32, failure: &Failure, swedish: &str) -> Object {
    let code = failure.code().map_or(JsValue::NULL, JsValue::from);
    message(FAILED, id, &[(MESSAGE, &swedish.into()), (FAILURE, &code)])
}

/// `{ kind, id, …fields }`.
fn message(kind: &str, id: u32, fields: &[(&str, &JsValue)]) -> Object {
    let object = Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(&object, &KIND.into(), &kind.into());
    let _ = Reflect::set(&object, &ID.into(), &id.into());
    for (key, value) in fields {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn string(object: &JsValue, key: &str) -> Option<String> {
    get(object, key).as_string()
}

/// The bytes of a `Uint8Array` property, copied into WebAssembly memory.
fn bytes(object: &JsValue, key: &str) -> Option<Vec<u8>> {
    get(object, key).dyn_into::<Uint8Array>().ok().map(|a| a.to_vec())
}

/// A copy of `data` in JavaScript's memory, ready to be transferred.
fn array(data: &[u8]) -> Uint8Array {
    Uint8Array::from(data)
}

// ---- the worker's side ----

/// Runs in the worker: answers each command with what it did and the session after it.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let host = match uppfolj_app::registry() {
        Ok(registry) => Host::new(registry),
        Err(err) => {
            let text = format!("Programfel: {err}");
            let _ = scope.post_message(&failed(0, &Failure::Said(text.clone()), &text));
            Host::new(uppfolj_plugin::Registry::new())
        }
    };
    let host = RefCell::new(host);
    let sent = RefCell::new(None);
    let replies = scope.clone();
    let on_command = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = get(&data, ID).as_f64().unwrap_or_default() as u32;
        if let Err(error) = answer(&replies, &mut host.borrow_mut(), &mut sent.borrow_mut(), id, &data) {
            web_sys::console::error_2(&"uppfolj: the session worker could not answer".into(), &error);
        }
    });
    scope.set_onmessage(Some(on_command.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_command.forget();
    if let Err(error) = scope.post_message(&message(READY, 0, &[])) {
        web_sys::console::error_2(&"uppfolj: the session worker could not start".into(), &error);
    }
}

/// Runs the command in `data` and posts the answer; `sent` is the CBOR of the report last sent.
fn answer(
    scope: &DedicatedWorkerGlobalScope,
    host: &mut Host,
    sent: &mut Option<Vec<u8>>,
    id: u32,
    data: &JsValue,
) -> Result<(), JsValue> {
    let command = bytes(data, COMMAND).ok_or(session_protocol::Unreadable { detail: "no command".into() });
    let command = command.and_then(|b| session_protocol::decode::<Command>(&b));
    let command = match command {
        Ok(command) => command,
        Err(e) => {
            web_sys::console::warn_2(&"uppfolj: a command could not be read:".into(), &e.detail.clone().into());
            return scope.post_message(&failed(id, &Failure::Unreadable, &e.to_string()));
        }
    };
    let files: Vec<Arc<Vec<u8>>> = get(data, FILES)
        .dyn_into::<Array>()
        .map(|a| a.iter().filter_map(|f| f.dyn_into::<Uint8Array>().ok()).map(|f| Arc::new(f.to_vec())).collect())
        .unwrap_or_default();
    if let Command::Export { date } = command {
        return export(scope, host, id, date);
    }
    let mut last = f64::NEG_INFINITY;
    let mut observe = |working: Working| {
        let now = js_sys::Date::now();
        if now - last >= PROGRESS_EVERY_MS {
            last = now;
            let fraction = working.fraction.map_or(JsValue::NULL, |f| f64::from(f).into());
            let (sheet, rows) = match &working.step {
                Step::Reading { sheet, rows } => (sheet.as_deref().map_or(JsValue::NULL, JsValue::from), *rows as f64),
                _ => (JsValue::NULL, 0.0),
            };
            let fields =
                [(STEP, &working.step.code().into()), (SHEET, &sheet), (ROWS, &rows.into()), (FRACTION, &fraction)];
            let _ = scope.post_message(&message(PROGRESS, id, &fields));
        }
    };
    let outcome = host.handle(command, &files, &mut observe);
    drop(files);
    let mut view = host.view();
    let news = session_protocol::take_report(&mut view, sent);
    let packed = array(&session_protocol::encode(&Answer { outcome, view }));
    let transfer = Array::of1(&packed.buffer());
    let report = match (news, sent.as_deref()) {
        (ReportNews::Coming, Some(bytes)) => {
            let report = array(bytes);
            transfer.push(&report.buffer());
            report.into()
        }
        (ReportNews::Same, _) => JsValue::TRUE,
        _ => JsValue::NULL,
    };
    scope.post_message_with_transfer(&message(ANSWER, id, &[(ANSWER, &packed), (REPORT, &report)]), &transfer)
}

/// Packs the report shown now for the export worker and posts the chunks.
fn export(scope: &DedicatedWorkerGlobalScope, host: &Host, id: u32, date: String) -> Result<(), JsValue> {
    let options = ExportOptions { date: Some(date), ..Default::default() };
    let packed = match host.export_job(options) {
        Some(job) => crate::export_worker::pack(&job).map_err(Failure::Said),
        None => Err(Failure::NoReport),
    };
    match packed {
        Ok(chunks) => {
            let buffers: Array = chunks.iter().map(|c| c.unchecked_into::<Uint8Array>().buffer()).collect();
            scope.post_message_with_transfer(&message(EXPORT, id, &[(CHUNKS, &chunks)]), &buffers)
        }
        Err(failure) => {
            let swedish = match &failure {
                Failure::Said(text) => text.clone(),
                _ => "Det finns ingen rapport att exportera.".to_owned(),
            };
            scope.post_message(&failed(id, &failure, &swedish))
        }
    }
}

// ---- the page's side ----

/// What the worker told the page.
#[derive(Debug)]
pub enum Reply {
    /// How far the command `id` has come.
    Progress(u32, Working),
    /// The answer to the command `id` (its view without the report), and what became of the
    /// report.
    Answer(u32, Box<Answer>, ReportNews),
    /// The new report the answer to the command `id` announced ([`ReportNews::Coming`]), decoded
    /// in a task of its own after the answer's.
    Report(u32, Box<Report>),
    /// The packed export job asked for by the command `id`, chunks to hand to the export worker.
    Export(u32, Array),
    /// The command `id` (0: none) failed, or the worker could not be started or stopped.
    Failed(Option<u32>, Failure),
}

/// Commands posted before the worker was ready, in order (each message and what it transfers);
/// `None` once the worker is ready.
type Waiting = Rc<RefCell<Option<Vec<(Object, Array)>>>>;

/// The page's handle on the session worker. Dropping it terminates the worker (a cancel).
#[derive(Debug)]
pub struct SessionWorker {
    worker: Worker,
    waiting: Waiting,
}

impl SessionWorker {
    /// Starts a worker from `url` ([`WORKER_URL`]); `on_reply` is called with every reply.
    pub fn start(url: &str, on_reply: impl Fn(Reply) + 'static) -> Result<Self, Failure> {
        let worker = Worker::new(url).map_err(|e| Failure::NotLoaded(thrown(&e)))?;
        let waiting: Waiting = Rc::new(RefCell::new(Some(Vec::new())));
        let on_reply = Rc::new(on_reply);
        let on_message = {
            let (worker, waiting, on_reply) = (worker.clone(), waiting.clone(), on_reply.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if string(&data, KIND).as_deref() == Some(READY) {
                    for (message, transfer) in waiting.borrow_mut().take().unwrap_or_default() {
                        if let Err(e) = worker.post_message_with_transfer(&message, &transfer) {
                            on_reply(Reply::Failed(None, Failure::NotLoaded(thrown(&e))));
                        }
                    }
                } else if let Some(reply) = read_reply(&data) {
                    let report = matches!(reply, Reply::Answer(..))
                        .then(|| get(&data, REPORT).dyn_into::<Uint8Array>().ok())
                        .flatten();
                    after_decoding(reply, report, &on_reply);
                }
            })
        };
        // An `ErrorEvent` when the worker threw or trapped, a plain `Event` when the loader script
        // itself could not be fetched.
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            event.prevent_default();
            let failure = match event.dyn_ref::<ErrorEvent>() {
                Some(error) => Failure::Stopped(error.message()),
                None => Failure::NotLoaded(String::new()),
            };
            on_reply(Reply::Failed(None, failure));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The handlers go to JavaScript's garbage collector with the worker; `Drop` unsets them.
        let _ = on_message.into_js_value();
        let _ = on_error.into_js_value();
        Ok(Self { worker, waiting })
    }

    /// Sends the command `id` with the bytes it names (copied, then transferred).
    pub fn send(&self, id: u32, command: &Command, files: &[Arc<Vec<u8>>]) -> Result<(), Failure> {
        let packed = array(&session_protocol::encode(command));
        let arrays: Array = files.iter().map(|f| array(f)).collect();
        let transfer: Array = std::iter::once(packed.buffer())
            .chain(arrays.iter().map(|a| a.unchecked_into::<Uint8Array>().buffer()))
            .collect();
        let message = message(COMMAND, id, &[(COMMAND, &packed), (FILES, &arrays)]);
        if let Some(waiting) = self.waiting.borrow_mut().as_mut() {
            waiting.push((message, transfer));
            return Ok(());
        }
        self.worker.post_message_with_transfer(&message, &transfer).map_err(|e| Failure::NotLoaded(thrown(&e)))
    }
}

impl Drop for SessionWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// Hands `reply` to `on_reply`: an answer in a task of its own, after the one that read it, and
/// its new `report` in a task after the next animation frame, so that the browser draws a frame
/// between the two (the Örebro ledger's report, 220 KB of CBOR, takes 20–30 ms to decode, and
/// the rest of the page as long to render: one task of both held the page for 70 ms and more;
/// two tasks with no frame between them, as long). Answers and reports are still handed over in
/// the order they came: timers keep their order, and a report comes after its answer.
fn after_decoding(reply: Reply, report: Option<Uint8Array>, on_reply: &Rc<impl Fn(Reply) + 'static>) {
    let Reply::Answer(id, ..) = reply else { return on_reply(reply) };
    let later = on_reply.clone();
    gloo::timers::callback::Timeout::new(0, move || later(reply)).forget();
    if let Some(report) = report {
        let later = on_reply.clone();
        after_a_frame(move || later(read_report(id, &report)));
    }
}

/// Runs `f` in a task of its own after the next animation frame.
fn after_a_frame(f: impl FnOnce() + 'static) {
    let in_a_task = move || gloo::timers::callback::Timeout::new(0, f).forget();
    let frame = Closure::once_into_js(in_a_task);
    let asked = web_sys::window().map(|w| w.request_animation_frame(frame.unchecked_ref()));
    if !matches!(asked, Some(Ok(_))) {
        web_sys::console::warn_1(&"uppfolj: no animation frame for the report".into());
    }
}

/// The report sent with the answer to the command `id`, decoded.
fn read_report(id: u32, report: &Uint8Array) -> Reply {
    match session_protocol::decode::<Report>(&report.to_vec()) {
        Ok(report) => Reply::Report(id, Box::new(report)),
        Err(e) => {
            web_sys::console::warn_2(&"uppfolj: a report could not be read:".into(), &e.detail.into());
            Reply::Failed(Some(id), Failure::Unreadable)
        }
    }
}

/// A reply of the worker, read.
fn read_reply(data: &JsValue) -> Option<Reply> {
    let id = get(data, ID).as_f64().map(|id| id as u32);
    match string(data, KIND).as_deref() {
        Some(PROGRESS) => {
            let rows = get(data, ROWS).as_f64().unwrap_or_default() as u64;
            let step = Step::from_code(&string(data, STEP).unwrap_or_default(), string(data, SHEET), rows);
            let fraction = get(data, FRACTION).as_f64().map(|f| f as f32);
            Some(Reply::Progress(id?, Working { step, fraction }))
        }
        Some(ANSWER) => Some(match bytes(data, ANSWER).map(|b| session_protocol::decode::<Answer>(&b)) {
            Some(Ok(answer)) => Reply::Answer(id?, Box::new(answer), report_news(&get(data, REPORT))),
            Some(Err(e)) => {
                web_sys::console::warn_2(&"uppfolj: an answer could not be read:".into(), &e.detail.clone().into());
                Reply::Failed(id, Failure::Unreadable)
            }
            None => Reply::Failed(id, Failure::NotLoaded(String::new())),
        }),
        Some(EXPORT) => Some(Reply::Export(id?, get(data, CHUNKS).dyn_into().ok()?)),
        Some(FAILED) => {
            let failure =
                Failure::from_code(string(data, FAILURE).as_deref(), string(data, MESSAGE).unwrap_or_default());
            Some(Reply::Failed(id.filter(|id| *id != 0), failure))
        }
        Some(UNLOADABLE) => {
            if let Some(what) = string(data, MESSAGE) {
                web_sys::console::warn_2(&"uppfolj: the session worker did not load:".into(), &what.into());
            }
            Some(Reply::Failed(None, Failure::NotLoaded(String::new())))
        }
        _ => None,
    }
}

/// What an answer's `report` field says: the report's bytes, `true` (the same) or null (none).
fn report_news(report: &JsValue) -> ReportNews {
    if report.is_instance_of::<Uint8Array>() {
        ReportNews::Coming
    } else if report.is_truthy() {
        ReportNews::Same
    } else {
        ReportNews::Gone
    }
}

/// What a thrown JavaScript value says.
fn thrown(error: &JsValue) -> String {
    error.as_string().or_else(|| string(error, MESSAGE)).unwrap_or_default()
}
