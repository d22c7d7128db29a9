//! calamine alone in the browser: reads every worksheet of an xlsx file into calamine's ranges,
//! as a reader that builds nothing more would. Built by `cargo xtask bench` with opt-level 3 and
//! called from bench/browser/ on the same bytes the page reads.

use calamine::{Data, Reader};
use std::io::Cursor;
use wasm_bindgen::prelude::*;

/// Reads `bytes` (an xlsx/xls/ods file) and returns the number of non-empty cells.
#[wasm_bindgen]
pub fn read_cells(bytes: Vec<u8>) -> Result<f64, JsError> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| JsError::new(&e.to_string()))?;
    let mut cells = 0usize;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(|e| JsError::new(&e.to_string()))?;
        cells += range.used_cells().filter(|(_, _, c)| !matches!(c, Data::Empty)).count();
    }
    #[allow(clippy::cast_precision_loss)]
    Ok(cells as f64)
}
