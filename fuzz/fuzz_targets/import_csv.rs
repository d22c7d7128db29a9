//! Fuzzes the text path: encoding and separator sniffing, csv parsing, Swedish number parsing,
//! layout detection and Kolada JSON. Any input must give `Ok` or an `ImportError`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::vocab::{self, Parsed};

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions { max_cells: 200_000, ..ImportOptions::default() };
    if let Err(e) = import_bytes("fuzz.csv", data, &options) {
        assert!(e.to_string().contains("fuzz.csv"));
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Parsed::Number { value, .. } = vocab::parse_cell(text) {
            assert!(value.is_finite());
        }
    }
});
