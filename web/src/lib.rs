//! What the web app's WebAssembly bundles share: the two workers, both their sides, and what they
//! say to the page.
//!
//! * The session worker (`src/bin/uppfolj-session-worker.rs`) imports files and computes the
//!   report off the page: [`session_worker`] (its two sides), [`session_protocol`] (the commands
//!   and the [`session_protocol::SessionView`] the page renders) and [`session_host`] (the session
//!   it holds and the commands run on it; pure, tested natively).
//! * The export worker (`src/bin/uppfolj-export-worker.rs`) writes the Excel file:
//!   [`export_worker`] and [`export_job`], the job the session worker packs for it.
//! * [`explain`] and [`fingerprint`]: Swedish error sentences and a file's layout key, used where
//!   the import runs (the session worker).
//!
//! The page's bundle (`src/main.rs`, the Yew app) uses only the page sides and the view's types:
//! the import and the plugins are linked into the session worker, not the page.

pub mod explain;
pub mod export_job;
pub mod export_worker;
pub mod fingerprint;
pub mod session_host;
pub mod session_protocol;
pub mod session_worker;
