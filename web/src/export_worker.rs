//! The Excel export in a Web Worker, so that the page stays responsive while a large workbook is
//! made and the user can cancel it.
//!
//! The page packs an [`ExportJob`] as JSON and transfers it to a worker made for this export; the
//! worker reads it, runs the export and transfers the file back. The JSON is written straight
//! into JavaScript's memory in 1 MiB chunks ([`pack`]): the page's WebAssembly memory, which
//! never shrinks, does not grow by the size of the job. Both transfers move `ArrayBuffer`s
//! without copying them. Terminating the worker cancels the export and gives its memory back.
//!
//! The conversation, each message an object with a `kind`:
//!
//! ```text
//! worker → page  { kind: "ready" }                  its handler is set; the job may be sent
//! page → worker  [Uint8Array, …]                   the job as JSON, in chunks
//! worker → page  { kind: "done", file: Uint8Array } the workbook
//!              | { kind: "failed", message }        why not, in Swedish, for the user
//! ```
//!
//! gloo-worker was tried first: it can neither terminate a busy worker nor report one that died
//! (a trap, running out of memory), its bincode codec cannot carry the model's internally tagged
//! enums, and it copies instead of transferring. So this is written on web-sys directly.

use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use uppfolj_xlsx::ExportJob;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, Event, MessageEvent, Worker};

/// Where Trunk puts the worker's loader script (the bundle is named after its binary and not
/// hashed, so that it can be found at run time).
pub const WORKER_URL: &str = "./uppfolj-export-worker_loader.js";

const KIND: &str = "kind";
const READY: &str = "ready";
const DONE: &str = "done";
const FAILED: &str = "failed";
const FILE: &str = "file";
const MESSAGE: &str = "message";

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
            Err(text) => replies.post_message(&message(FAILED, Some((MESSAGE, &text.into())))),
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
fn run(data: &JsValue) -> Result<Vec<u8>, String> {
    let chunks: Vec<Uint8Array> = data
        .dyn_ref::<Array>()
        .ok_or("Exportjobbet kom inte fram.")?
        .iter()
        .map(|chunk| chunk.dyn_into::<Uint8Array>().map_err(|_| "Exportjobbet kom inte fram som bytes."))
        .collect::<Result<_, _>>()?;
    let mut json = vec![0; chunks.iter().map(|c| c.length() as usize).sum()];
    let mut at = 0;
    for chunk in chunks {
        let end = at + chunk.length() as usize;
        chunk.copy_to(&mut json[at..end]);
        at = end;
    }
    let job: ExportJob = serde_json::from_slice(&json)
        .map_err(|e| format!("Exportjobbet kunde inte läsas ({e}). Ladda om sidan och försök igen."))?;
    drop(json);
    job.export().map_err(|e| format!("Excel-filen kunde inte skapas: {e}"))
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

impl Write for JsChunks {
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

/// Packs `job` as JSON for [`ExportWorker::start`], as an array of `Uint8Array` chunks.
pub fn pack(job: &impl serde::Serialize) -> Result<Array, String> {
    let mut out = JsChunks { chunks: Array::new(), buffer: Vec::with_capacity(CHUNK + CHUNK / 8) };
    serde_json::to_writer(&mut out, job)
        .map_err(|e| format!("Excel-filen kunde inte skapas: rapporten kunde inte packas ({e})."))?;
    out.move_buffer();
    Ok(out.chunks)
}

/// What the page is told when the export ends: the workbook (still in JavaScript's memory, ready
/// to be offered as a download) or a message for the user.
pub type Outcome = Result<Uint8Array, String>;

/// Called once when the export ends.
type Done = Box<dyn FnOnce(Outcome)>;

/// One export running in its own worker. Dropping it terminates the worker: that is how an export
/// is cancelled, and how its memory is given back once it is done.
#[derive(Debug)]
pub struct ExportWorker {
    worker: Worker,
}

impl ExportWorker {
    /// Starts a worker from `url` ([`WORKER_URL`]) and gives it `job` (an [`ExportJob`] packed by
    /// [`pack`]) once it is ready; the chunks are moved there, and are empty here afterwards. `done` is called once, with the workbook or why there is none; also when
    /// the worker dies (a trap, out of memory) or its script cannot be loaded.
    pub fn start(url: &str, job: Array, done: impl FnOnce(Outcome) + 'static) -> Result<Self, String> {
        let worker = Worker::new(url).map_err(|e| {
            format!("Exporten kunde inte startas i webbläsaren ({}).", e.as_string().unwrap_or_default())
        })?;
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
                                finish(Err(format!(
                                    "Exporten kunde inte skickas till sin tråd ({}).",
                                    e.as_string().unwrap_or_default()
                                )));
                            }
                        }
                    }
                    Some(DONE) => match Reflect::get(&data, &FILE.into()).ok().and_then(|f| f.dyn_into().ok()) {
                        Some(file) => finish(Ok(file)),
                        None => finish(Err("Exporten svarade utan fil.".into())),
                    },
                    Some(FAILED) => {
                        finish(Err(string(&data, MESSAGE).unwrap_or_else(|| "Exporten misslyckades.".into())))
                    }
                    _ => finish(Err("Exporten svarade med något oväntat.".into())),
                }
            })
        };
        // An `ErrorEvent` when the worker threw or trapped, a plain `Event` when its script did
        // not load.
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            event.prevent_default();
            finish(Err(match event.dyn_ref::<ErrorEvent>() {
                Some(error) => format!(
                    "Exporten avbröts i webbläsaren ({}). En mycket stor rapport kan ta slut på minnet: \
                     försök med färre rader eller utan indatabladen.",
                    error.message()
                ),
                None => "Exporten kunde inte startas: webbläsaren kunde inte läsa in exportens programfil. \
                         Ladda om sidan och försök igen."
                    .into(),
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
