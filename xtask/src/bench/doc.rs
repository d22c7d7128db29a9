//! docs/benchmarks.md, written from one run's [`Results`]: the machine, the files, the targets
//! with their verdicts, then every figure beside its baseline from the same run.

use super::format::{dash, kb, mb, ms, ratio, secs, with_ratio};
use super::native::Tool;
use super::results::Results;
use super::stats::fit;
use super::targets::verdicts;
use std::fmt::Write;

/// The whole document.
pub fn write(r: &Results, date: &str) -> String {
    let mut s = String::new();
    header(&mut s, r, date);
    targets(&mut s, r);
    native(&mut s, r);
    per_row(&mut s, r);
    export(&mut s, r);
    browser(&mut s, r);
    wasm_memory(&mut s, r);
    bundles(&mut s, r);
    s
}

fn header(s: &mut String, r: &Results, date: &str) {
    let _ = writeln!(s, "# Benchmarks\n");
    let _ = writeln!(
        s,
        "Written by `cargo xtask bench{}` on {date}{}; do not edit by hand — rerun it. {} repetition(s) of \
         every measurement, interleaved (each repetition goes over every file and tool in turn); every figure is \
         the median. Each figure stands beside its baseline measured in the same run, as a ratio (×). The \
         issue behind the targets: #13. How it works: CONTRIBUTING.md, \"The benchmark\".\n",
        if r.quick { " --quick" } else { "" },
        r.commit.as_deref().map(|c| format!(" at {c}")).unwrap_or_default(),
        r.reps,
    );
    let _ = writeln!(s, "## Machine\n\n| | |\n|---|---|");
    for (k, v) in &r.machine.lines {
        let _ = writeln!(s, "| {k} | {v} |");
    }
    let _ = writeln!(s, "\n## Files\n");
    let _ = writeln!(
        s,
        "Generated ledgers (bench/native/src/ledger.rs, seed {}): 12 columns with Swedish ERP headers \
         (Förvaltning, Verksamhet, Ansvar, Projekt, Konto, Kontonamn, Motpart/Leverantör, Bokföringsdatum, \
         Period, Verifikation, Budget, Utfall), written with rust_xlsxwriter into target/bench/; the real ledger \
         is crates/uppfolj-import/tests/fixtures/real/Orebro_leverantorsreskontra_2016-03.masked.xlsx.\n",
        super::native::SEED
    );
    let _ = writeln!(s, "| file | lines | xlsx | cells | report made |\n|---|---:|---:|---:|---|");
    for f in &r.files {
        let size = std::fs::metadata(&f.path).map(|m| m.len() as f64).ok();
        let cells = r.native(Tool::Limit, &f.label, "cells").map_or_else(dash, |c| format!("{c:.0}"));
        let rows = f.rows.map_or_else(|| "68 000".to_owned(), |n| n.to_string());
        let _ = writeln!(s, "| {} | {rows} | {} | {cells} | {} |", f.label, mb(size), f.plugin);
    }
}

fn targets(s: &mut String, r: &Results) {
    let _ = writeln!(s, "\n## Targets (issue #13)\n\n| target | goal | this run | met? |\n|---|---|---|---|");
    let list = verdicts(r);
    for v in &list {
        let met = match v.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "not measured",
        };
        let _ = writeln!(s, "| {} | {} | {} | {met} |", v.what, v.goal, v.measured);
    }
    let missed: Vec<_> = list.iter().filter(|v| v.met == Some(false)).collect();
    if !missed.is_empty() {
        let _ = writeln!(s, "\n### Where a target is missed: by how much, why, what would close it\n");
        for v in missed {
            let _ = writeln!(s, "- **{}** ({}): {}", v.what, v.goal, v.note);
        }
    }
}

fn native(s: &mut String, r: &Results) {
    let _ = writeln!(
        s,
        "\n## Native, side by side\n\nSeconds from the file's bytes in memory to the result (reading the file from \
         disk is not counted); the baseline of every ratio is the limit reader (inflate + quick-xml tokenise of \
         the worksheets and shared strings, building nothing). \"report\" is import + plugin as `uppfolj run` does \
         it (the library equivalent, bench/native/src/measure.rs). Peak memory is each process's maximum \
         resident set (VmHWM; Python's ru_maxrss).\n"
    );
    let _ = writeln!(
        s,
        "| file | limit reader | calamine | python-calamine | report | of it: import / plugin | report ÷ python-calamine | peak: report | peak: calamine | peak: python-calamine | report JSON |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for f in &r.files {
        let m = |t: Tool, k: &str| r.native(t, &f.label, k);
        let limit = m(Tool::Limit, "seconds");
        let size = std::fs::metadata(&f.path).map(|x| x.len() as f64).ok();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} / {} | {} | {} | {} | {} | {} |",
            f.label,
            secs(limit),
            with_ratio(secs(m(Tool::Calamine, "seconds")), m(Tool::Calamine, "seconds"), limit),
            with_ratio(secs(m(Tool::PyCalamine, "seconds")), m(Tool::PyCalamine, "seconds"), limit),
            with_ratio(secs(m(Tool::Report, "seconds")), m(Tool::Report, "seconds"), limit),
            secs(m(Tool::Report, "import_seconds")),
            secs(m(Tool::Report, "plugin_seconds")),
            ratio(m(Tool::Report, "seconds"), m(Tool::PyCalamine, "seconds")),
            mb(m(Tool::Report, "peak_rss_bytes")),
            mb(m(Tool::Calamine, "peak_rss_bytes")),
            mb(m(Tool::PyCalamine, "peak_rss_bytes")),
            with_ratio(mb(m(Tool::Report, "json_bytes")), m(Tool::Report, "json_bytes"), size),
        );
    }
    let _ = writeln!(s, "\nThe report JSON's ratio is to the xlsx file's size.");
}

fn per_row(s: &mut String, r: &Results) {
    let points = |tool: Tool, key: &str| -> Vec<(f64, f64)> {
        r.files.iter().filter_map(|l| Some((f64::from(l.rows?), r.native(tool, &l.label, key)?))).collect()
    };
    let _ = writeln!(
        s,
        "\n## Cost per row (generated ledgers, least-squares line)\n\n| measure | per row | fixed | R² |\n|---|---:|---:|---:|"
    );
    for (name, tool, key, scale, unit) in [
        ("report time", Tool::Report, "seconds", 1e6, "µs"),
        ("calamine time", Tool::Calamine, "seconds", 1e6, "µs"),
        ("limit reader time", Tool::Limit, "seconds", 1e6, "µs"),
        ("python-calamine time", Tool::PyCalamine, "seconds", 1e6, "µs"),
        ("report peak memory", Tool::Report, "peak_rss_bytes", 1e-3, "KB"),
    ] {
        if let Some(line) = fit(&points(tool, key)) {
            let fixed = if key == "seconds" { secs(Some(line.intercept)) } else { mb(Some(line.intercept)) };
            let _ = writeln!(s, "| {name} | {:.2} {unit} | {fixed} | {:.3} |", line.slope * scale, line.r2);
        }
    }
}

fn export(s: &mut String, r: &Results) {
    let _ = writeln!(
        s,
        "\n## Export of the report to xlsx\n\nNatively (uppfolj-xlsx, after the report, which is not counted) against \
         Python XlsxWriter writing the same cells (read back from uppfolj's workbook; values only, no formats or \
         charts) — the baseline.\n\n| file | XlsxWriter (baseline) | uppfolj natively | peak: uppfolj | peak: XlsxWriter | workbook |\n|---|---:|---:|---:|---:|---:|"
    );
    for f in &r.exports {
        let m = |t: Tool, k: &str| r.native(t, &f.label, k);
        let base = m(Tool::XlsxWriter, "seconds");
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            f.label,
            secs(base),
            with_ratio(secs(m(Tool::Export, "seconds")), m(Tool::Export, "seconds"), base),
            mb(m(Tool::Export, "peak_rss_bytes")),
            mb(m(Tool::XlsxWriter, "peak_rss_bytes")),
            mb(m(Tool::Export, "xlsx_bytes")),
        );
    }
}

fn browser(s: &mut String, r: &Results) {
    let _ = writeln!(
        s,
        "\n## In headless Chromium\n\nThe real page (Trunk's release build): the file chosen in its file input → \
         the report's table on the page, timed by the page's clock from the input's change event to the first \
         frame that shows the table; the longest gap between two animation frames meanwhile; then \"Exportera \
         till Excel\" → the download (the export worker). In the same browser on the same bytes, each in a page \
         of its own: SheetJS 0.18.5 and ExcelJS 4.4.0 parsing the file, and calamine 0.38 compiled to wasm \
         (bench/calamine-wasm, opt-level 3) reading every sheet — the baseline of the ratios.\n"
    );
    if r.browser.is_none() {
        let _ = writeln!(s, "Not run.");
        return;
    }
    let _ = writeln!(
        s,
        "| file | calamine-wasm (baseline) | SheetJS | ExcelJS | uppfolj page: file → report | longest pause | export in worker | export ÷ native export | first report after navigation |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for f in &r.browser_files {
        let rd = |reader: &str| r.browser("readers", &f.label, Some(reader), "ms");
        let app = |k: &str| r.browser("app", &f.label, None, k);
        let base = rd("calamine");
        let native_export = r.native(Tool::Export, &f.label, "seconds").map(|x| x * 1000.0);
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            f.label,
            ms(base),
            with_ratio(ms(rd("sheetjs")), rd("sheetjs"), base),
            with_ratio(ms(rd("exceljs")), rd("exceljs"), base),
            with_ratio(ms(app("reportMs")), app("reportMs"), base),
            ms(app("longestPauseMs")),
            ms(app("exportMs")),
            ratio(app("exportMs"), native_export),
            ms(app("firstReportMs")),
        );
    }
    let _ = writeln!(s, "\nScreenshots of the page with each report: target/bench/browser/screenshots/.");
}

/// The WebAssembly memory of the session worker and the page, before the file is chosen and once
/// its report shows, beside the native report's peak (what the same data takes natively).
fn wasm_memory(s: &mut String, r: &Results) {
    if r.browser.is_none() {
        return;
    }
    let _ = writeln!(
        s,
        "\nThe WebAssembly memory of the session worker (which imports the file and holds its datasets) and of \
         the page, read from each one's `WebAssembly.Memory` before the file is chosen (the sample data removed) \
         and once the report shows. A wasm memory never shrinks: it is the most that was held. The ratio is the \
         worker's growth to the native report's peak memory on the same file (the same import and plugin, \
         natively).\n\n| file | session worker: before → with the report | growth ÷ native peak | page: before → with the report |\n|---|---:|---:|---:|"
    );
    for f in &r.browser_files {
        let app = |k: &str| r.browser("app", &f.label, None, k);
        let growth = app("workerWasmBytes").zip(app("workerWasmBeforeBytes")).map(|(a, b)| a - b);
        let _ = writeln!(
            s,
            "| {} | {} → {} | {} | {} → {} |",
            f.label,
            mb(app("workerWasmBeforeBytes")),
            mb(app("workerWasmBytes")),
            ratio(growth, r.native(Tool::Report, &f.label, "peak_rss_bytes")),
            mb(app("pageWasmBeforeBytes")),
            mb(app("pageWasmBytes")),
        );
    }
}

fn bundles(s: &mut String, r: &Results) {
    let _ = writeln!(
        s,
        "\n## WebAssembly bundles\n\nEvery .wasm of Trunk's release build (after wasm-opt). The page's target: ≤ 600 KB \
         gzip.\n\n| file | raw | gzip -9 | brotli 11 |\n|---|---:|---:|---:|"
    );
    for b in &r.bundles {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            b.name,
            kb(Some(b.raw as f64)),
            with_ratio(kb(Some(b.gzip as f64)), Some(b.gzip as f64), Some(600e3)),
            kb(b.brotli.map(|x| x as f64))
        );
    }
    let _ = writeln!(s, "\nThe gzip ratio is to the page's 600 KB target.");
    per_crate_table(s, "the page's", &r.per_crate);
    per_crate_table(s, "the export worker's", &r.export_per_crate);
}

/// What a wasm file (`whose`: "the page's") holds per crate, the 20 largest.
fn per_crate_table(s: &mut String, whose: &str, per_crate: &[(String, u64)]) {
    if per_crate.is_empty() {
        return;
    }
    let total: u64 = per_crate.iter().map(|c| c.1).sum();
    let _ = writeln!(
        s,
        "\nWhat {whose} wasm holds per crate (twiggy on the wasm-release build before wasm-bindgen and wasm-opt, \
         which keeps the name section; the optimised file is smaller, the shares similar):\n\n| crate | bytes | share |\n|---|---:|---:|"
    );
    for (krate, bytes) in per_crate.iter().take(20) {
        let _ =
            writeln!(s, "| {krate} | {} | {:.1} % |", kb(Some(*bytes as f64)), *bytes as f64 * 100.0 / total as f64);
    }
}
