//! The plugin author's kit: what every report plugin needs, so a custom report looks like a
//! built-in one with little code.
//!
//! - [`ReportBuilder`] starts a report from the dataset it rests on and finishes it with the
//!   "Källor" section (where every figure came from) and the diagnostics, each once.
//! - [`TableBuilder`] declares each column together with how its cell is computed from a row of
//!   the plugin's own type, so columns and cells can never fall out of step.
//! - [`cells`]: reading a dataset (the label column, texts, numbers, source cells, total rows,
//!   year columns) and locating warnings and provenance at cells; [`ColumnTexts`], a column's
//!   texts read once per distinct cell, for code that looks at every line of a ledger.
//! - [`amounts`]: units, decimals, conversion, key figures and Swedish amount texts ("−126 410 tkr").
//! - [`SignConvention`]: whether costs are negative or positive in a file, detected or chosen with
//!   the standard `sign` parameter.
//! - [`vocab`]: the Swedish vocabulary (total rows, months and periods, years).
//! - [`reconcile`]: a result the file states against the computed one: the likely reason of a
//!   difference (rounding, a row not recognised, an adjustment in another order) and its diagnostic.
//!
//! The built-in plugins are written on this kit; `examples/plugin-cost-per-inhabitant` shows a
//! whole custom plugin on it (docs/plugins.md).

pub mod amounts;
pub mod cells;
pub mod reconcile;
mod report;
mod sign;
mod table;
mod texts;
pub mod vocab;

pub use amounts::{amount, convert, decimals_for, key_figure, signed_amount, sum_present, unit_of};
pub use cells::{cell_at, column_year, label_column, num_at, provenance, row_is_total, text_at, text_ref, warn_at};
pub use report::{ReportBuilder, table_section};
pub use sign::SignConvention;
pub use table::{RowShape, TableBuilder, amount_col, diff, percent_col, status_col, text_col};
pub use texts::ColumnTexts;
