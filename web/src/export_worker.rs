//! The Excel export in a Web Worker, so that the page stays responsive while a large workbook is
//! made and the user can cancel it.
//!
//! The page packs an [`ExportJob`] ([`crate::export_job`], CBOR) and transfers it to a worker
//! made for this export; the worker reads it, runs the export and transfers the file back. The job
//! is written straight into JavaScript's memory in 1 MiB chunks ([`pack`]): the page's WebAssembly
//! memory, which never shrinks, does not grow by the size of the job. Both transfers move
//! `ArrayBuffer`s without copying them. Terminating the worker cancels the export and gives its
//! memory back.
//!
//! The worker is started from `web/uppfolj-export-worker-loader.js` (copied by Trunk), which loads
//! the worker's bundle and reports a failure to load it as a message: a rejected start-up promise
//! never reaches the page's `error` handler, and the page would wait for ever.
//!
//! The conversation, each message an object with a `kind`:
//!
//! ```text
//! worker → page  { kind: "ready" }                  its handler is set; the job may be sent
//!              | { kind: "unloadable", message }    the loader could not load the bundle
//! page → worker  [Uint8Array, …]                   the job, in chunks
//! worker → page  { kind: "done", file: Uint8Array } the workbook
//!              | { kind: "failed", message }        why not, in Swedish, for the user
//! ```
//!
//! gloo-worker was tried first: it can neither terminate a busy worker nor report one that died
//! (a trap, running out of memory), its bincode codec cannot carry the model's internally tagged
//! enums, and it copies instead of transferring. So this is written on web-sys directly.

use crate::export_job::{ExportError, ExportJob, JobError};
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, Event, MessageEvent, Worker};

/// The worker's loader script, next to the page (`web/uppfolj-export-worker-loader.js`). Trunk
/// does not hash a worker's file names (it must be found by name), so the version in the query,
/// which the loader passes on to the bundle's two files, keeps a browser from pairing a page with
/// a cached worker of an older version.
pub const WORKER_URL: &str = concat!("./uppfolj-export-worker-loader.js?v=", env!("CARGO_PKG_VERSION"));

const KIND: &str = "kind";
const READY: &str = "ready";
const UNLOADABLE: &str = "unloadable";
const DONE: &str = "done";
const FAILED: &str = "failed";
const FILE: &str = "file";
const MESSAGE: &str = "message";
const CODE: &str = "code";

/// Why an export made no workbook. The page says it in its own language (the catalogue's
/// `export_failure.*` keys, `crate::i18n::export_failure_text`); the browser's or the export's
/// own words follow in brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFailure {
    /// The browser would not start a worker (its words).
    NotStarted(String),
    /// The worker's files could not be loaded.
    NotLoaded,
    /// The job could not be handed to the worker (the browser's words).
    NotSent(String),
    /// The worker received no job it could take.
    Lost,
    /// The page and the worker come from different versions: the job could not be read.
    Unreadable,
    /// The workbook could not be made (the export's words, Swedish).
    Failed(String),
    /// The worker answered without a file, or with something unexpected.
    Unexpected,
    /// The worker stopped by itself: it threw or ran out of memory (the browser's words).
    Stopped(String),
}

impl ExportFailure {
    /// The name it travels by from the worker, with its words.
    fn code(&self) -> (&'static str, &str) {
        match self {
            ExportFailure::Lost => ("lost", ""),
            ExportFailure::Unreadable => ("unreadable", ""),
            ExportFailure::Failed(words) => ("failed", words),
            _ => ("unexpected", ""),
        }
    }

    /// The failure the worker sent as `code` with `words`.
    fn from_code(code: Option<&str>, words: Option<String>) -> Self {
        match code {
            Some("lost") => ExportFailure::Lost,
            Some("unreadable") => ExportFailure::Unreadable,
            Some("failed") => ExportFailure::Failed(words.unwrap_or_default()),
            _ => ExportFailure::Unexpected,
        }
    }
}

/// `{ kind, [key]: value }`.
fn message(kind: &str, field: Option<(&str, &JsValue)>) -> Object {
    let object = Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(&object, &KIND.into(), &kind.into());
    if let Some((key, value)) = field {
        let _ = Reflect::set(&object, &key.into(), value);
    }
    object
}

/// A string property of `object`, if it has one.
fn string(object: &JsValue, key: &str) -> Option<String> {
    Reflect::get(object, &key.into()).ok().and_then(|v| v.as_string())
}

/// What a thrown JavaScript value says (empty when it says nothing).
fn thrown(error: &JsValue) -> String {
    error.as_string().or_else(|| string(error, MESSAGE)).unwrap_or_default()
}

// ---- the worker's side ----

/// Runs in the worker: answers each job with its workbook or why it could not be made.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_job = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let posted = match run(&event.data()) {
            Ok(file) => {
                let array = Uint8Array::from(file.as_slice());
                drop(file);
                let reply = message(DONE, Some((FILE, &array)));
                replies.post_message_with_transfer(&reply, &Array::of1(&array.buffer()))
            }
            Err(failure) => {
                let (code, words) = failure.code();
                let reply = message(FAILED, Some((CODE, &code.into())));
                let _ = Reflect::set(&reply, &MESSAGE.into(), &words.into());
                replies.post_message(&reply)
            }
        };
        if let Err(error) = posted {
            web_sys::console::error_2(&"uppfolj: the export worker could not answer".into(), &error);
        }
    });
    scope.set_onmessage(Some(on_job.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_job.forget();
    if let Err(error) = scope.post_message(&message(READY, None)) {
        web_sys::console::error_2(&"uppfolj: the export worker could not start".into(), &error);
    }
}

/// Reads a job and runs it.
fn run(data: &JsValue) -> Result<Vec<u8>, ExportFailure> {
    let received = data.dyn_ref::<Array>().ok_or(ExportFailure::Lost)?;
    let chunks: Vec<Uint8Array> = received
        .iter()
        .map(|chunk| chunk.dyn_into::<Uint8Array>().map_err(|_| ExportFailure::Lost))
        .collect::<Result<_, _>>()?;
    // The chunks are copied into one buffer and let go of on the JavaScript side.
    received.set_length(0);
    let mut packed = vec![0; chunks.iter().map(|c| c.length() as usize).sum()];
    let mut at = 0;
    for chunk in chunks {
        let end = at + chunk.length() as usize;
        chunk.copy_to(&mut packed[at..end]);
        at = end;
    }
    let job = ExportJob::read_from(&packed).map_err(unreadable)?;
    drop(packed);
    job.export().map_err(|e| match e {
        ExportError::Job(e) => unreadable(e),
        ExportError::Xlsx(e) => ExportFailure::Failed(e.to_string()),
    })
}

/// A job that could not be read: its decoder's words go to the console, for a developer.
fn unreadable(error: JobError) -> ExportFailure {
    let (JobError::Read { detail } | JobError::Pack { detail }) = &error;
    web_sys::console::warn_2(&"uppfolj: the export job could not be read:".into(), &detail.into());
    ExportFailure::Unreadable
}

// ---- the page's side ----

/// The size of the chunks a job is packed in.
const CHUNK: usize = 1 << 20;

/// An `io::Write` that moves what is written into JavaScript's memory, a chunk at a time.
struct JsChunks {
    chunks: Array,
    buffer: Vec<u8>,
}

impl JsChunks {
    fn move_buffer(&mut self) {
        if !self.buffer.is_empty() {
            self.chunks.push(&Uint8Array::from(self.buffer.as_slice()));
            self.buffer.clear();
        }
    }
}

impl std::io::Write for JsChunks {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= CHUNK {
            self.move_buffer();
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.move_buffer();
        Ok(())
    }
}

/// Packs `job` for [`ExportWorker::start`], as an array of `Uint8Array` chunks.
pub fn pack<R: serde::Serialize, D: serde::Serialize>(job: &ExportJob<R, D>) -> Result<Array, String> {
    let mut out = JsChunks { chunks: Array::new(), buffer: Vec::with_capacity(CHUNK + CHUNK / 8) };
    job.write_to(&mut out).map_err(|e| format!("Excel-filen kunde inte skapas: {e}"))?;
    out.move_buffer();
    Ok(out.chunks)
}

/// What the page is told when the export ends: the workbook (still in JavaScript's memory, ready
/// to be offered as a download) or a message for the user.
pub type Outcome = Result<Uint8Array, ExportFailure>;

/// Called once when the export ends.
type Done = Box<dyn FnOnce(Outcome)>;

/// One export running in its own worker. Dropping it terminates the worker: that is how an export
/// is cancelled, and how its memory is given back once it is done.
#[derive(Debug)]
pub struct ExportWorker {
    worker: Worker,
}

impl ExportWorker {
    /// Starts a worker from `url` ([`WORKER_URL`]) and gives it `job` (packed by [`pack`]) once
    /// it is ready; the chunks are moved there. `done` is called once, with the workbook or why
    /// there is none: also when the worker's files cannot be loaded or the worker dies (a trap,
    /// out of memory).
    pub fn start(url: &str, job: Array, done: impl FnOnce(Outcome) + 'static) -> Result<Self, ExportFailure> {
        let worker = Worker::new(url).map_err(|e| ExportFailure::NotStarted(thrown(&e)))?;
        let done: Rc<RefCell<Option<Done>>> = Rc::new(RefCell::new(Some(Box::new(done))));
        let finish = {
            let done = done.clone();
            move |outcome: Outcome| {
                // Taken before it is called: `done` may drop this worker.
                let callback = done.borrow_mut().take();
                if let Some(callback) = callback {
                    callback(outcome);
                }
            }
        };
        // Held until the worker asks for it, then moved there.
        let mut job = Some(job);

        let on_message = {
            let finish = finish.clone();
            let worker = worker.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                match string(&data, KIND).as_deref() {
                    Some(READY) => {
                        if let Some(job) = job.take() {
                            let buffers: Array =
                                job.iter().map(|chunk| chunk.unchecked_into::<Uint8Array>().buffer()).collect();
                            if let Err(e) = worker.post_message_with_transfer(&job, &buffers) {
                                finish(Err(ExportFailure::NotSent(thrown(&e))));
                            }
                        }
                    }
                    Some(UNLOADABLE) => {
                        if let Some(what) = string(&data, MESSAGE) {
                            web_sys::console::warn_2(&"uppfolj: the export worker did not load:".into(), &what.into());
                        }
                        finish(Err(ExportFailure::NotLoaded));
                    }
                    Some(DONE) => match Reflect::get(&data, &FILE.into()).ok().and_then(|f| f.dyn_into().ok()) {
                        Some(file) => finish(Ok(file)),
                        None => finish(Err(ExportFailure::Unexpected)),
                    },
                    Some(FAILED) => {
                        finish(Err(ExportFailure::from_code(string(&data, CODE).as_deref(), string(&data, MESSAGE))))
                    }
                    _ => finish(Err(ExportFailure::Unexpected)),
                }
            })
        };
        // An `ErrorEvent` when the worker threw or trapped, a plain `Event` when the loader script
        // itself could not be fetched.
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            event.prevent_default();
            finish(Err(match event.dyn_ref::<ErrorEvent>() {
                Some(error) => ExportFailure::Stopped(thrown(&error.message().into())),
                None => ExportFailure::NotLoaded,
            }));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The handlers go to JavaScript's garbage collector with the worker; `Drop` unsets them
        // first, so they are never called after this handle is gone.
        let _ = on_message.into_js_value();
        let _ = on_error.into_js_value();
        Ok(Self { worker })
    }
}

impl Drop for ExportWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
