//! Import benchmark: time, rows/s and peak memory for the Örebro supplier ledger (68 021 rows,
//! a real file), a generated 200 000-row × 12-column ERP ledger with Swedish headers (issue #13)
//! and a generated 500 000-row supplier ledger (xlsx, written with rust_xlsxwriter here). Run with
//! `cargo bench -p uppfolj-import` (`cargo xtask bench`); `UPPFOLJ_BENCH_RATIOS_ONLY=1` prints the
//! ratios below and stops before criterion, `UPPFOLJ_BENCH_SAVE_DIR=<dir>` saves the 200k ledger.
//!
//! Peak memory is measured with a counting global allocator (`peak_alloc`) around one import;
//! criterion then times repeated imports. Each import is set against two baselines on the same
//! bytes, interleaved run by run: inflate + quick-xml tokenise of the sheets and shared strings
//! (the practical limit) and calamine 0.38 streaming the cells (no grid built).
//!
//! ## Measured: one pass over an xlsx (2026-12-04, issue #13)
//! Before, the guard inflated and parsed every sheet (checks and merged cells), then calamine
//! inflated and parsed it again. Now [`uppfolj_import::xlsx`] reads each part once and checks as
//! it reads. The shared 2-core machine had a load average of 5–10 (four engineers building), so
//! single figures are noisy; ratios are medians of 5 interleaved runs, five runs over the day.
//!
//! | 200 000-row ERP ledger (12.3 MB) | before | after |
//! |---|---|---|
//! | import / inflate+tokenise | 6.16 | 3.74–4.38 |
//! | import / calamine cells | 4.81 | 2.91–3.48 |
//! | our xlsx read (grid built) / inflate+tokenise | — | 1.22–1.67 (Örebro 1.78–2.43) |
//! | our xlsx read / calamine cells (no grid) | — | 0.98–1.26 |
//! | calamine cells / inflate+tokenise | 1.28 | 1.24–1.38 |
//! | import peak memory | 365 MB | 252 MB (0.69×); the grid 83 MB of it |
//!
//! Örebro (68 021 rows): import/limit 4.88 → 3.39–4.09, peak 65 → 60 MB. The rest of an import is
//! the layout step (about 2/3 of it now). A dataset cell takes 48 B and a grid cell 32 B, so a
//! 200k × 12 ledger holds 115 MB of dataset cells plus their texts while its 83 MB grid is alive:
//! below 200 MB needs a column-wise dataset (issue #13).
//!
//! The whole report natively (`uppfolj run budget-follow-up` on the saved 200k ledger, release,
//! `/usr/bin/time -v`, three runs each, alternating the binaries of before and after): user CPU
//! 3.42–3.56 s → 2.41–2.60 s (0.72×); peak RSS 446 MB both. That peak is not the import's:
//! heaptrack puts it in `Session::run`, whose `Session::inputs()` clones every dataset (122 MB
//! here) for the plugin, and in budget-follow-up's ledger lines (67 MB).
//!
//! ## Measured earlier: merged cells from the guard's pass (2026-11-24)
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

/// A year's general ledger (huvudbok) with 12 columns and Swedish ERP headers, like the one in
/// issue #13: Förvaltning, Verksamhet, Ansvar, Konto, Kontonamn, Projekt, Aktivitet, Motpart,
/// Bokföringsdatum (a date cell), Period, Budget, Utfall; 6 förvaltningar, 40 verksamheter,
/// 150 accounts, 60 projects, 900 counterparties.
fn erp_ledger(rows: u32) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let headers = [
        "Förvaltning",
        "Verksamhet",
        "Ansvar",
        "Konto",
        "Kontonamn",
        "Projekt",
        "Aktivitet",
        "Motpart",
        "Bokföringsdatum",
        "Period",
        "Budget",
        "Utfall",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let forv: Vec<String> = (0..6).map(|i| format!("{}0 Förvaltning {i}", i + 1)).collect();
    let verks: Vec<String> = (0..40).map(|i| format!("Verksamhet {i}")).collect();
    let names: Vec<String> = (0..150).map(|i| format!("Kostnad av slag {i}")).collect();
    let projects: Vec<String> = (0..60).map(|i| format!("P{:04}", 1000 + i)).collect();
    let parts: Vec<String> = (0..900).map(|i| format!("Motpart {i} AB")).collect();
    for r in 1..=rows {
        let i = r as usize;
        let v = (i * 7) % verks.len();
        let k = (i * 11) % names.len();
        let month = 1 + (i * 12 / (rows as usize + 1)) as u32;
        ws.write_string(r, 0, &forv[v % forv.len()]).expect("cell");
        ws.write_string(r, 1, &verks[v]).expect("cell");
        ws.write_number(r, 2, (1000 + v * 10) as f64).expect("cell");
        ws.write_number(r, 3, (40_000 + k * 37) as f64).expect("cell");
        ws.write_string(r, 4, &names[k]).expect("cell");
        ws.write_string(r, 5, &projects[(i * 13) % projects.len()]).expect("cell");
        ws.write_number(r, 6, (i % 17) as f64).expect("cell");
        ws.write_string(r, 7, &parts[(i * 31) % parts.len()]).expect("cell");
        let serial = 45_292.0 + f64::from(month - 1) * 30.4 + (i % 28) as f64;
        ws.write_number_with_format(r, 8, serial, &date).expect("cell");
        ws.write_string(r, 9, format!("2024-{month:02}")).expect("cell");
        let amount = ((i * 7_919) % 250_000) as f64 / 100.0;
        ws.write_number(r, 10, if i.is_multiple_of(9) { amount * 1.1 } else { 0.0 }).expect("cell");
        ws.write_number(r, 11, if i.is_multiple_of(25) { -amount } else { amount }).expect("cell");
    }
    wb.save_to_buffer().expect("xlsx")
}

/// Baseline "the practical limit": inflate every worksheet and the shared strings and tokenise
/// their XML with quick-xml, nothing else. Returns the number of XML events.
fn inflate_tokenise(bytes: &[u8]) -> u64 {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut events = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).expect("entry");
        let name = entry.name().expect("name").into_owned();
        if !(name.contains("worksheets/") || name.ends_with("sharedStrings.xml")) {
            continue;
        }
        let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
        let mut buf = Vec::with_capacity(4096);
        loop {
            buf.clear();
            match reader.read_event_into(&mut buf).expect("xml") {
                quick_xml::events::Event::Eof => break,
                _ => events += 1,
            }
        }
    }
    events
}

/// Baseline "calamine's own read": open the workbook and stream every worksheet's cells (with
/// their style ids) as calamine 0.38 gives them. Returns the number of cells.
fn calamine_cells(bytes: &[u8]) -> u64 {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let mut cells = 0;
    for name in wb.sheet_names() {
        let mut reader = wb.worksheet_cells_reader(&name).expect("sheet");
        while let Some(cell) = reader.next_cell_with_style_id().expect("cell") {
            black_box(cell);
            cells += 1;
        }
    }
    cells
}

/// Median seconds of `runs` runs of `f`.
fn median_secs(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// The import of `bytes` (and its xlsx read alone, the cells without the layout) against its two
/// baselines, interleaved run by run, medians of `runs`.
fn ratios(name: &str, bytes: &[u8], runs: usize) {
    let options = ImportOptions::default();
    let mut times: [Vec<f64>; 4] = Default::default();
    for _ in 0..runs {
        times[0].push(median_secs(1, || {
            black_box(inflate_tokenise(bytes));
        }));
        times[1].push(median_secs(1, || {
            black_box(calamine_cells(bytes));
        }));
        times[2].push(median_secs(1, || {
            black_box(uppfolj_import::xlsx::read(name, bytes, &options, &mut |_| {}).expect("reads"));
        }));
        times[3].push(median_secs(1, || {
            black_box(import_bytes(name, bytes, &options).expect("imports"));
        }));
    }
    let [l, c, r, i] = times.map(|mut v| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    });
    println!(
        "{name}: inflate+tokenise {l:.3} s, calamine cells {c:.3} s, our xlsx read {r:.3} s, import {i:.3} s; \
         read/limit {:.2}, read/calamine {:.2}, import/limit {:.2}, import/calamine {:.2}, calamine/limit {:.2} \
         (medians of {runs}, interleaved)",
        r / l,
        r / c,
        i / l,
        i / c,
        c / l
    );
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
    drop(import);
    PEAK.reset_peak_usage();
    let before_read = PEAK.current_usage();
    let sheets = uppfolj_import::xlsx::read(name, bytes, &options, &mut |_| {}).expect("reads");
    let read_peak = PEAK.peak_usage().saturating_sub(before_read);
    let held = PEAK.current_usage().saturating_sub(before_read);
    drop(sheets);
    println!(
        "{name}: {:.1} MB file, {rows} rows, {:.2} s, {:.0} rows/s, peak memory {:.0} MB (the xlsx read alone: peak \
         {:.0} MB, its grids hold {:.0} MB)",
        bytes.len() as f64 / 1e6,
        elapsed.as_secs_f64(),
        rows as f64 / elapsed.as_secs_f64(),
        peak as f64 / 1e6,
        read_peak as f64 / 1e6,
        held as f64 / 1e6
    );
}

fn bench(c: &mut Criterion) {
    let orebro = orebro();
    let erp = erp_ledger(200_000);
    println!("generated a 200 000-row × 12-column ERP ledger ({:.1} MB)", erp.len() as f64 / 1e6);
    println!(
        "sizes: dataset Value {} B (one per cell, held by column), RowHead {} B; grid GCell {} B, GRow {} B",
        std::mem::size_of::<uppfolj_model::Value>(),
        std::mem::size_of::<uppfolj_model::RowHead>(),
        std::mem::size_of::<uppfolj_import::grid::GCell>(),
        std::mem::size_of::<uppfolj_import::grid::GRow>()
    );
    if let Some(dir) = std::env::var_os("UPPFOLJ_BENCH_SAVE_DIR") {
        std::fs::write(std::path::Path::new(&dir).join("erp_ledger_200k.xlsx"), &erp).expect("saved");
    }
    report("erp_ledger_200k.xlsx", &erp);
    report("Orebro_leverantorsreskontra_2016-03.masked.xlsx", &orebro);
    ratios("erp_ledger_200k.xlsx", &erp, 5);
    ratios("Orebro_leverantorsreskontra_2016-03.masked.xlsx", &orebro, 5);
    if std::env::var_os("UPPFOLJ_BENCH_RATIOS_ONLY").is_some() {
        return;
    }
    let start = Instant::now();
    let generated = generated_ledger(500_000);
    println!(
        "generated a 500 000-row ledger ({:.1} MB) in {:.1} s",
        generated.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    report("generated_ledger_500k.xlsx", &generated);

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("orebro_68k_rows", |b| {
        b.iter(|| import_bytes("orebro.xlsx", black_box(&orebro), &ImportOptions::default()).expect("imports"))
    });
    group.bench_function("generated_500k_rows", |b| {
        b.iter(|| import_bytes("generated.xlsx", black_box(&generated), &ImportOptions::default()).expect("imports"))
    });
    group.bench_function("erp_ledger_200k_rows", |b| {
        b.iter(|| import_bytes("erp.xlsx", black_box(&erp), &ImportOptions::default()).expect("imports"))
    });
    group.bench_function("erp_ledger_200k_inflate_tokenise", |b| b.iter(|| inflate_tokenise(black_box(&erp))));
    group.bench_function("erp_ledger_200k_calamine_cells", |b| b.iter(|| calamine_cells(black_box(&erp))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
