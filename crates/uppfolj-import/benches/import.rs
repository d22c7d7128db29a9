//! Import benchmark: time, rows/s and peak memory for the Örebro supplier ledger (68 021 rows,
//! a real file) and a generated 500 000-row ledger of the same shape (xlsx, written with
//! rust_xlsxwriter here). Run with `cargo bench -p uppfolj-import` (`cargo xtask bench`).
//!
//! Peak memory is measured with a counting global allocator (`peak_alloc`) around one import;
//! criterion then times repeated imports.
//!
//! ## Measured: merged cells from the guard's pass (2026-11-24)
//! Before, each xlsx sheet's XML was read three times: the guard's scan, calamine's cells, and
//! calamine again only for `<mergeCells>`. The guard now collects the merged cells in its own
//! pass ([`uppfolj_import::merges`]; `tests/merges.rs` checks they equal calamine's). On the shared
//! 2-core machine (noisy), the same bench binary setup before and after, run alternately three
//! times each (`import --bench orebro_68k_rows --noplot`, 10 samples):
//!
//! | Örebro ledger, 68 021 rows | before | after | after/before |
//! |---|---|---|---|
//! | criterion median, s | 1.183, 1.302, 1.029 (mean 1.171) | 0.832, 0.848, 0.842 (mean 0.841) | 0.70, 0.65, 0.82 (means: 0.72) |
//! | one import, rows/s | 53 644, 56 851, 55 962 | 74 210, 82 541, 71 388 | ≈ 1.4× the rows/s |
//! | peak memory | 65 MB | 65 MB | 1.0 |
//!
//! The generated 500 000-row ledger (one import each, noisier): 78–87 k rows/s before,
//! 82–110 k rows/s after; peak memory 444 MB both.

use criterion::{Criterion, criterion_group, criterion_main};
use peak_alloc::PeakAlloc;
use std::hint::black_box;
use std::time::Instant;
use uppfolj_import::{ImportOptions, import_bytes};

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

fn orebro() -> Vec<u8> {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real/Orebro_leverantorsreskontra_2016-03.masked.xlsx");
    std::fs::read(path).expect("the Örebro ledger fixture")
}

/// A supplier ledger like Örebro's: administration, supplier, org. number, invoice, account,
/// amount; 31 administrations, 1 800 suppliers, every 25th amount a credit.
fn generated_ledger(rows: u32) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let headers = ["RN1/FÖRVALTNING", "LEVERANTÖR", "ORGANISATIO", "FAKT NR", "KONTO", "UTFALL"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let admins: Vec<String> = (0..31).map(|i| format!("N{i:02} Nämnd nummer {i}")).collect();
    let suppliers: Vec<String> = (0..1_800).map(|i| format!("LEVERANTÖR {i} AB")).collect();
    let accounts: Vec<String> = (0..120).map(|i| format!("{} Konto {i}", 40_000 + i * 37)).collect();
    for r in 1..=rows {
        let i = r as usize;
        ws.write_string(r, 0, &admins[i % admins.len()]).expect("cell");
        ws.write_string(r, 1, &suppliers[(i * 7) % suppliers.len()]).expect("cell");
        ws.write_string(r, 2, format!("55{:04}-{:04}", i % 9_999, (i * 13) % 9_999)).expect("cell");
        ws.write_number(r, 3, f64::from(16_000_000 + r)).expect("cell");
        ws.write_string(r, 4, &accounts[(i * 11) % accounts.len()]).expect("cell");
        let amount = ((i * 7_919) % 250_000) as f64 / 100.0;
        ws.write_number(r, 5, if i.is_multiple_of(25) { -amount } else { amount }).expect("cell");
    }
    wb.save_to_buffer().expect("xlsx")
}

fn report(name: &str, bytes: &[u8]) {
    let options = ImportOptions::default();
    PEAK.reset_peak_usage();
    let before = PEAK.current_usage();
    let start = Instant::now();
    let import = import_bytes(name, bytes, &options).expect("imports");
    let elapsed = start.elapsed();
    let peak = PEAK.peak_usage().saturating_sub(before);
    let rows: usize = import.datasets.iter().map(|d| d.rows.len()).sum();
    println!(
        "{name}: {:.1} MB file, {rows} rows, {:.2} s, {:.0} rows/s, peak memory {:.0} MB",
        bytes.len() as f64 / 1e6,
        elapsed.as_secs_f64(),
        rows as f64 / elapsed.as_secs_f64(),
        peak as f64 / 1e6
    );
}

fn bench(c: &mut Criterion) {
    let orebro = orebro();
    let start = Instant::now();
    let generated = generated_ledger(500_000);
    println!(
        "generated a 500 000-row ledger ({:.1} MB) in {:.1} s",
        generated.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    report("Orebro_leverantorsreskontra_2016-03.masked.xlsx", &orebro);
    report("generated_ledger_500k.xlsx", &generated);

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("orebro_68k_rows", |b| {
        b.iter(|| import_bytes("orebro.xlsx", black_box(&orebro), &ImportOptions::default()).expect("imports"))
    });
    group.bench_function("generated_500k_rows", |b| {
        b.iter(|| import_bytes("generated.xlsx", black_box(&generated), &ImportOptions::default()).expect("imports"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
