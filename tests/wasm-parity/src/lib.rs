//! Parity tests: the same input gives the same Report, the same SVG and a workbook with the same
//! numbers natively and in WebAssembly (run under Node by `wasm-bindgen-test-runner`). The tests
//! are in `tests/parity.rs`; this library is empty.
