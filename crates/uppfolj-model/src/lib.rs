//! The data model of uppfolj: the types every stage of the pipeline shares, and the Swedish
//! words they read ([`vocab`]).
//!
//! ```text
//! import ──► [Dataset] ──► plugin ──► [Report] ──► renderers (HTML, SVG, xlsx)
//! ```
//!
//! * [`dataset`] — what the import crate produces: tables found in a user's spreadsheet, each
//!   column with a recognised [`ColumnRole`](dataset::ColumnRole), each value with the cell it came
//!   from ([`CellRef`](dataset::CellRef)), rows marked as data, subtotal or total.
//! * [`report`] — the Report document a plugin produces: sections of blocks (text, key figures,
//!   tables, charts, provenance notes), and how to read its charts
//!   ([`ChartSemantics`]: status legend labels, which direction is
//!   better). Renderers see only this, and take their words from it: column headers with units
//!   (`Column::header`), status, trend and severity labels (`label_sv`).
//! * [`unit`] — amounts keep their unit (kr, tkr, mnkr, kr/inv, %) and convert on request.
//! * [`packed`] — a dataset in a compact form for transport between the page and its workers.
//! * [`format`] — Swedish number formatting shared by every renderer.
//! * [`sums`] — the arithmetic of sums a file states: precision, rounding, which rows a sum adds up.
//! * [`vocab`] — the Swedish words of budget spreadsheets, shared by the import and the plugins:
//!   sum rows ("Summa", "Delsumma"), months and periods, years, numbers as Swedes write them,
//!   units stated in titles.
//!
//! The crate does no I/O and builds for native and `wasm32-unknown-unknown` alike. Every type is
//! `serde`-serialisable so that a plugin can run out of process and a Report can be stored as JSON
//! (see [`report::SCHEMA_VERSION`]).

pub mod cell_range;
pub mod dataset;
pub mod format;
pub mod packed;
pub mod report;
pub mod rows;
pub mod sums;
pub mod unit;
pub mod vocab;

pub use cell_range::CellRange;
pub use dataset::{CellRef, ColumnMeta, ColumnRole, Dataset, DatasetKind, RowKind, SourceFile, Value};
pub use packed::PackedDataset;
pub use report::{Block, Chart, ChartSemantics, Diagnostic, Report, Section, Severity, Status, Table};
pub use rows::{RowHead, RowRef, Rows, RowsError};
pub use unit::Unit;
