//! What the web app's two WebAssembly bundles share: the export worker, both its sides.
//!
//! The page's bundle (`src/main.rs`, the Yew app) starts an [`export_worker::ExportWorker`] for
//! each Excel export; the worker's bundle (`src/bin/uppfolj-export-worker.rs`) runs
//! [`export_worker::serve`]. Keeping both sides in one module keeps their messages in one place.

pub mod export_job;
pub mod export_worker;
