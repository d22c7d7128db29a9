//! How far an import has come, for a progress bar: [`import_bytes_observed`](crate::import_bytes_observed)
//! calls its observer at each step and, while it reads a sheet, every [`ROWS_PER_REPORT`] rows.
//! For xlsx the fraction done is known while reading: the bytes of the sheets unpacked so far
//! against their sizes in the zip directory.
//!
//! The observer only watches: an import is cancelled by stopping what runs it (in the browser,
//! terminating its worker), never by the observer.

use serde::{Deserialize, Serialize};

/// Rows read between two reports while a sheet is read.
pub const ROWS_PER_REPORT: u32 = 4096;

/// The share of an import's time spent reading the sheets (the rest is finding the tables), for
/// [`Progress::fraction`]: an xlsx read goes from 0 to this share by the bytes of its sheets
/// unpacked, the layout step starts at it. A large sheet's table is laid out while it is read
/// (its rows stream into the table's columns), so that reading is nearly all of the import of a
/// file large enough for the bar to show: measured on the 200 000-row ledger (2026-12-05), the
/// steps after the read take under a tenth of the import.
pub const READ_SHARE: f32 = 0.9;

/// A step of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "step")]
pub enum Stage {
    /// The file's structure is checked (zip directory, sizes) before it is read.
    Checking,
    /// Cells of the sheet `sheet` (none for a text file) are read.
    Reading {
        /// The sheet's name.
        sheet: Option<String>,
    },
    /// The tables, headers and column roles are found in the cells read.
    Layout,
}

/// One report of progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The step.
    pub stage: Stage,
    /// Rows read so far in the step (0 outside [`Stage::Reading`]).
    pub rows: u64,
    /// The share of the whole import done, from 0 to 1, when it can be told; `None` while the
    /// size of what is left is unknown.
    pub fraction: Option<f32>,
}

impl Progress {
    /// A step starting.
    pub fn at(stage: Stage) -> Self {
        Self { stage, rows: 0, fraction: None }
    }

    /// In Swedish, for the user: "Läser bladet 'Blad2': 40 960 rader".
    pub fn describe(&self) -> String {
        match &self.stage {
            Stage::Checking => "Kontrollerar filen".to_owned(),
            Stage::Reading { sheet } => {
                let rows = uppfolj_model::format::number(self.rows as f64, 0);
                match sheet {
                    Some(sheet) => format!("Läser bladet '{sheet}': {rows} rader"),
                    None => format!("Läser filen: {rows} rader"),
                }
            }
            Stage::Layout => "Tolkar tabellerna".to_owned(),
        }
    }
}

/// What an import calls with its progress.
pub type Observer<'a> = &'a mut dyn FnMut(&Progress);
