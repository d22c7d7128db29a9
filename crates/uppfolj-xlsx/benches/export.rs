//! Export of a Report with a 500 000-row table (and the 500 000-row dataset it came from): time
//! (criterion) and peak heap memory during the export (a counting global allocator).
//!
//! Run with `cargo bench -p uppfolj-xlsx` (or `cargo xtask bench`). Before the timed runs it
//! prints one line per mode:
//!
//! ```text
//! memory: 500000 rows: peak 123.4 MiB above the Report (345.6 MiB Report and dataset), 45.6 MiB file, 7.8 s
//! ```
//!
//! The same code runs in WebAssembly; `benches/wasm_memory.sh` measures it there.

use criterion::{Criterion, criterion_group, criterion_main};
use peak_alloc::PeakAlloc;
use std::hint::black_box;
use std::time::Instant;
use uppfolj_xlsx::{ExportOptions, export};

#[path = "support/big_report.rs"]
mod big_report;
use big_report::big;

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// Rows of the big table; `UPPFOLJ_BENCH_ROWS` overrides it (to see how memory scales).
fn rows() -> usize {
    std::env::var("UPPFOLJ_BENCH_ROWS").ok().and_then(|s| s.parse().ok()).unwrap_or(500_000)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn bench(c: &mut Criterion) {
    let n = rows();
    let (report, datasets) = big(n);
    let options = ExportOptions::default();
    let base = PEAK.current_usage();
    PEAK.reset_peak_usage();
    let start = Instant::now();
    let bytes = export(&report, &datasets, &options).expect("export");
    let elapsed = start.elapsed();
    let peak = PEAK.peak_usage().saturating_sub(base);
    println!(
        "memory: {n} rows: peak {:.1} MiB above the Report ({:.1} MiB Report and dataset), {:.1} MiB file, {:.1} s",
        mib(peak),
        mib(base),
        mib(bytes.len()),
        elapsed.as_secs_f64()
    );
    drop(bytes);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(30));
    group.bench_function("500k_rows", |b| b.iter(|| black_box(export(&report, &datasets, &options).expect("export"))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
