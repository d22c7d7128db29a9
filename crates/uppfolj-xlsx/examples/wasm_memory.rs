//! Peak memory of the export in WebAssembly.
//!
//! Linear memory only grows, so its size after an export is the high-water mark of the Report
//! plus the export. `benches/wasm_memory.sh` does the following (one line of JSON per run):
//!
//! ```sh
//! cargo build --release -p uppfolj-xlsx --example wasm_memory --target wasm32-unknown-unknown
//! wasm-bindgen --target nodejs --out-dir target/wasm-memory \
//!     target/wasm32-unknown-unknown/release/examples/wasm_memory.wasm
//! node -e "console.log(require('./target/wasm-memory/wasm_memory.js').measure(500000))"
//! ```
//!
//! Natively this example is empty; the native figures come from `cargo bench -p uppfolj-xlsx`.

#[cfg(target_arch = "wasm32")]
#[path = "../benches/support/big_report.rs"]
mod big_report;

/// Builds a Report with `rows` table rows (and the dataset), exports it, and returns the linear
/// memory (MiB) before, after building the Report and after the export, the file size, and the
/// export's time in seconds.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn measure(rows: u32) -> String {
    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    let memory = || core::arch::wasm32::memory_size::<0>() * 65_536;
    let start = memory();
    let (report, datasets) = big_report::big(rows as usize);
    let built = memory();
    let start_ms = js_sys::Date::now();
    let result = uppfolj_xlsx::export(&report, &datasets, &uppfolj_xlsx::ExportOptions::default());
    let export_seconds = (js_sys::Date::now() - start_ms) / 1000.0;
    let after = memory();
    match result {
        Ok(bytes) => format!(
            "{{\"rows\":{rows},\"start_mib\":{:.1},\"report_mib\":{:.1},\"peak_mib\":{:.1},\"export_mib\":{:.1},\"file_mib\":{:.1},\"export_seconds\":{export_seconds:.1}}}",
            mib(start),
            mib(built),
            mib(after),
            mib(after - built),
            mib(bytes.len())
        ),
        Err(e) => format!("{{\"error\":\"{e}\"}}"),
    }
}
