//! What an export allocates, counted by a global allocator (deterministic, unlike time): the
//! workbook is built without holding a cell per row and column.

use peak_alloc::PeakAlloc;
use uppfolj_model::dataset::Cell;
use uppfolj_model::report::PluginRef;
use uppfolj_model::{ColumnMeta, DataRow, Dataset, DatasetKind, Report, RowKind, SourceFile, Value};

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// 200 000 rows of 60 columns with one value each: the export's peak stays near its file's size
/// (it once reserved room for every cell, 95 MiB for a 2 MiB file).
#[test]
fn a_sparse_wide_input_takes_memory_by_its_values() {
    let columns = (0..60).map(|c| ColumnMeta::new(format!("Kolumn {c}"), None, c)).collect();
    let rows = (0..200_000u32)
        .map(|i| DataRow {
            cells: vec![Cell { value: Value::Number { value: f64::from(i), preliminary: false }, at: None }],
            kind: RowKind::Data,
            level: 0,
            source_row: i,
        })
        .collect();
    let dataset = Dataset {
        source: SourceFile { file: "glesa.xlsx".into(), sheet: None },
        title: "Glesa".into(),
        kind: DatasetKind::Table,
        unit: None,
        range: None,
        columns,
        rows,
    };
    let report = Report::new(PluginRef { id: "t".into(), version: "0".into() }, "Gles");
    let before = PEAK.current_usage();
    PEAK.reset_peak_usage();
    let bytes = uppfolj_xlsx::export(&report, [&dataset], &uppfolj_xlsx::ExportOptions::default()).expect("export");
    let peak = PEAK.peak_usage().saturating_sub(before);
    let file = bytes.len();
    assert!(peak < 4 * file + (8 << 20), "peak {} MiB for a {} MiB file", peak >> 20, file >> 20);
}
