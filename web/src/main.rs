//! The uppfolj web app: Yew compiled to WebAssembly. The user drops spreadsheets, picks a report,
//! sees its tables and charts and exports it to Excel; everything is computed in the browser and
//! no file leaves the computer.
//!
//! This is the only crate that touches the DOM (yew, web-sys, gloo). It calls the core crates in
//! pipeline order: `uppfolj-import` → `uppfolj-plugin(s)` → Report → `uppfolj-chart` (SVG) and
//! `uppfolj-xlsx` (download, run in a Web Worker: `uppfolj_web::export_worker`).
//!
//! * [`state`] — the reducer over the application session (`uppfolj-app`, shared with the CLI):
//!   loaded files, chosen plugin, parameters; the report of the files loaded now, or why there is
//!   none; messages.
//! * [`load`] — reading dropped or picked files and importing them.
//! * [`persist`], [`saved`], [`store`] — the workspace kept in the browser (IndexedDB) between
//!   visits: restored at start, saved after each change, cleared by "Rensa all data".
//! * [`explain`] — errors in Swedish sentences that say what to do, parameters by their labels.
//! * [`fingerprint`] — a file's layout, under which the mapping the user gave it is remembered.
//! * [`chart_image`] — saving a chart as SVG or PNG.
//! * [`components`] — one function component per file.

mod chart_image;
mod components;
mod download;
mod explain;
mod fingerprint;
mod load;
mod persist;
mod saved;
mod state;
mod store;

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<components::app::App>::new().render();
}
