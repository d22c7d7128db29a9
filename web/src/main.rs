//! The uppfolj web app: Yew compiled to WebAssembly. The user drops spreadsheets, picks a report,
//! sees its tables and charts and exports it to Excel; everything is computed in the browser and
//! no file leaves the computer.
//!
//! This is the only crate that touches the DOM (yew, web-sys, gloo). The pipeline runs off the
//! page: the session worker (`uppfolj_web::session_worker`) imports the files and runs the plugin
//! (`uppfolj-app`, shared with the CLI) and sends the page a view of the session with the Report;
//! the page draws it, charts with `uppfolj-chart` (SVG), and the export worker
//! (`uppfolj_web::export_worker`) writes the Excel file.
//!
//! * [`state`] — the reducer over what the page shows: the session worker's last view, messages,
//!   the progress of the command running.
//! * [`control`] — what the components call: commands to the session worker, its answers to the
//!   state, "Avbryt".
//! * [`load`] — reading dropped or picked files and sending them to the worker.
//! * [`persist`], [`saved`], [`store`] — the workspace kept in the browser (IndexedDB) between
//!   visits: restored at start, saved after each change, cleared by "Rensa all data".
//! * [`chart_image`] — saving a chart as SVG or PNG.
//! * [`i18n`] — the page's language (Swedish or English) and its catalogue, `web/locales/app.yml`.
//! * [`components`] — one function component per file.

mod chart_image;
mod components;
mod control;
mod download;
mod i18n;
mod load;
mod persist;
mod saved;
mod state;
mod store;

// The page's catalogue (web/locales/app.yml), compiled in; a missing text falls back to Swedish.
rust_i18n::i18n!("locales", fallback = "sv");

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<components::app::App>::new().render();
}
