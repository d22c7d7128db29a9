//! Fuzzes the workbook path: sniffing, the guard (zip checks), our xlsx reader and calamine's readers.
//! Any input must give `Ok` or an `ImportError`, never a panic or an abort.
#![no_main]

use libfuzzer_sys::fuzz_target;
use uppfolj_import::{ImportOptions, import_bytes};

fuzz_target!(|data: &[u8]| {
    // Small limits keep each run fast and bounded, as the browser's would.
    let options = ImportOptions {
        max_bytes: 4 * 1024 * 1024,
        max_decompressed_bytes: 32 * 1024 * 1024,
        max_cells: 200_000,
        ..ImportOptions::default()
    };
    if let Err(e) = import_bytes("fuzz.xlsx", data, &options) {
        // The message must always name the file.
        assert!(e.to_string().contains("fuzz.xlsx"));
    }
});
