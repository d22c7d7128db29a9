//! What an export allocates, counted by a global allocator (deterministic, unlike time): the
//! workbook is built without holding a cell per row and column.

mod common;

use peak_alloc::PeakAlloc;
use uppfolj_model::Report;
use uppfolj_model::report::PluginRef;

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// 50 000 rows of 60 columns with one value each: the export's peak stays near its file's size
/// (it once reserved room for every cell, 95 MiB for the 2 MiB file of 200 000 such rows). The
/// dataset itself, which holds a value per row and column, is built before the count starts.
#[test]
fn a_sparse_wide_input_takes_memory_by_its_values() {
    let dataset = common::numbered_rows("glesa.xlsx", 60, 50_000);
    let report = Report::new(PluginRef { id: "t".into(), version: "0".into() }, "Gles");
    let before = PEAK.current_usage();
    PEAK.reset_peak_usage();
    let bytes = uppfolj_xlsx::export(&report, [&dataset], &uppfolj_xlsx::ExportOptions::default()).expect("export");
    let peak = PEAK.peak_usage().saturating_sub(before);
    let file = bytes.len();
    assert!(peak < 4 * file + (8 << 20), "peak {} MiB for a {} MiB file", peak >> 20, file >> 20);
}
