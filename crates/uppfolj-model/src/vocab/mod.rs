//! The Swedish words of budget spreadsheets, in one place for the import and the plugins: how
//! labels are compared, which rows are sums, how months, years and periods are written, how
//! numbers are written, and how a title or header states a unit.
//!
//! * [`labels`] — normalising a label for comparison ([`normalise`], [`norm`]).
//! * [`totals`] — "Summa", "Totalt", "Delsumma": sum rows read by the import by position
//!   ([`sum_word`]) and by a plugin from the label alone ([`is_total_label`],
//!   [`is_subtotal_label`]).
//! * [`months`] — month names ([`month_name`], [`month_number`]) and texts about a part of the
//!   year ([`months_in_text`], [`period_text`], [`is_period_header`], [`is_annual_header`]).
//! * [`years`] — years in cells and headers ([`year`], [`year_number`], [`year_in`]).
//! * [`periods`] — a column header that names a period ("2024-03", "jan–aug", "T2"): [`period`].
//! * [`numbers`] — numbers as Swedes write them: in a cell ([`parse_cell`]) and typed as a
//!   parameter ([`parse_number`]).
//! * [`units`] — a unit stated in a title or header ("Belopp i tkr"): [`unit_in_text`],
//!   [`is_unit_line`].
//!
//! Everything is pure text handling: no I/O, no state.

pub mod labels;
pub mod months;
pub mod numbers;
mod organisations;
pub mod periods;
pub mod totals;
pub mod units;
pub mod years;

pub use labels::{in_sentence, norm, normalise};
pub use months::{
    is_annual_header, is_period_header, month_abbreviation, month_name, month_number, month_number_or_prefix,
    months_in_text, period_text,
};
pub use numbers::{Parsed, parse_cell, parse_cell_f64, parse_number};
pub use organisations::organisation_in;
pub use periods::period;
pub use totals::{SumWord, is_subtotal_label, is_total_label, sum_word};
pub use units::{is_unit_line, is_unit_of_measure, is_unit_of_measure_column, unit_in_text};
pub use years::{is_year_number, year, year_in, year_number};
