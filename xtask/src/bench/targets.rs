//! The targets of issue #13, each checked against this run's figures: met or missed, by how
//! much, and — where missed — why (with the figures that show it) and what would close it.

use super::format::{kb, mb, ms, secs};
use super::native::Tool;
use super::results::Results;
use super::stats::fit;

/// One target's verdict.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// What is measured.
    pub what: String,
    /// The target, as the issue states it.
    pub goal: &'static str,
    /// This run's figure.
    pub measured: String,
    /// Met, missed, or not measured in this run (`None`).
    pub met: Option<bool>,
    /// When missed: by how much, why, and what would close it.
    pub note: String,
}

/// Every target, in the order.
pub fn verdicts(r: &Results) -> Vec<Verdict> {
    let mut v = browser(r);
    v.extend(native(r));
    v.extend(export(r));
    v.extend(bundles(r));
    v
}

fn verdict(what: String, goal: &'static str, measured: String, met: Option<bool>, note: String) -> Verdict {
    let note = if met == Some(false) { note } else { String::new() };
    Verdict { what, goal, measured, met, note }
}

/// "×2.3 over" for a figure above its limit.
fn over(value: f64, limit: f64) -> String {
    format!("missed by ×{:.2} ({:+.0} %)", value / limit, (value / limit - 1.0) * 100.0)
}

fn browser(r: &Results) -> Vec<Verdict> {
    let Some(label) = r.target_label(&r.browser_files) else { return Vec::new() };
    let report = r.browser("app", &label, None, "reportMs");
    let pause = r.browser("app", &label, None, "longestPauseMs");
    let calamine = r.browser("readers", &label, Some("calamine"), "ms");
    let sheetjs = r.browser("readers", &label, Some("sheetjs"), "ms");
    let native_report = r.native(Tool::Report, &label, "seconds").map(|s| s * 1000.0);
    let native_calamine = r.native(Tool::Calamine, &label, "seconds").map(|s| s * 1000.0);
    let slower = |wasm: Option<f64>, native: Option<f64>| wasm.zip(native).map_or(0.0, |(w, n)| w / n);
    vec![
        verdict(
            format!("Chromium: {label} ledger chosen → report on the page"),
            "≤ 1.0 s",
            ms(report),
            report.map(|m| m <= 1000.0),
            report.map_or_else(String::new, |m| {
                format!(
                    "{}. calamine alone in wasm (opt-level 3) reads the same bytes in {} and SheetJS in {}. \
                     The session worker (opt-level 3) runs the same import and plugin as natively ({}), \
                     ×{:.2} slower, where calamine in wasm is ×{:.2} of calamine natively. Since 2026-12-05 a \
                     large sheet is never held as a grid (its layout is decided on its first 4 096 rows and each \
                     row after them goes from the reader into the dataset's columns), the plugin groups by \
                     numbered texts, and the commonest shapes of a sheet's rows are read straight from the \
                     unpacked bytes instead of through quick-xml's events (xlsx/fast.rs: the import alone in wasm \
                     under Node went from ×1 to ×0.45 with it). A profile of that import in wasm then puts a fifth \
                     of its time in inflating and checking the zip's CRC (zlib-rs and crc32fast without SIMD), a \
                     third in reading the cells from the bytes and a third in putting them in the dataset's \
                     columns (texts held once, numbers read as Swedes write them). Tried without gain: wasm SIMD \
                     for the worker (−2 %, within the noise), a faster allocator (talc). Closing it: the columns' \
                     work per cell (a text known by its shared string instead of looked up by its characters), \
                     and reading the file in the worker instead of copying it through the page.",
                    over(m, 1000.0),
                    ms(calamine),
                    ms(sheetjs),
                    ms(native_report),
                    slower(Some(m), native_report),
                    slower(calamine, native_calamine),
                )
            }),
        ),
        verdict(
            format!("Chromium: longest pause of the page meanwhile ({label})"),
            "≤ 100 ms",
            ms(pause),
            pause.map(|m| m <= 100.0),
            pause.map_or_else(String::new, |m| {
                format!(
                    "{}. The page stops for {} of the {} until the report shows: the import and the plugin \
                     run in the session worker, and the page draws a table's rows a chunk per frame; what is left is \
                     the page decoding the worker's answer and drawing the report's head and first rows, and the \
                     browser laying the table out again as rows come. Decoding only what changed would close it.",
                    over(m, 100.0),
                    ms(Some(m)),
                    ms(report)
                )
            }),
        ),
    ]
}

fn native(r: &Results) -> Vec<Verdict> {
    let Some(label) = r.target_label(&r.files) else { return Vec::new() };
    let report = r.native(Tool::Report, &label, "seconds");
    let limit = r.native(Tool::Limit, &label, "seconds");
    let calamine = r.native(Tool::Calamine, &label, "seconds");
    let import = r.native(Tool::Report, &label, "import_seconds");
    let plugin = r.native(Tool::Report, &label, "plugin_seconds");
    let peak = r.native(Tool::Report, &label, "peak_rss_bytes");
    let ratio = report.zip(limit).map(|(a, b)| a / b);
    let mut out = vec![
        verdict(
            format!("Native: whole report ({label}) ÷ inflate + XML tokenise"),
            "≤ ×1.5",
            ratio.map_or_else(super::format::dash, |x| format!("×{x:.2} ({} vs {})", secs(report), secs(limit))),
            ratio.map(|x| x <= 1.5),
            ratio.map_or_else(String::new, |x| {
                format!(
                    "{}. The import takes {} and the plugin {}. calamine's read alone is ×{:.2} of the \
                     limit here, so an import built on calamine's ranges could not get within ×1.5; uppfolj's \
                     reader is one pass of its own (the whole import in {} where calamine only reads in {}), and since \
                     2026-12-05 it builds no grid of a large sheet: the layout is decided on the first 4 096 \
                     rows and every row after them goes from the reader into the dataset's columns; the \
                     commonest shapes of the sheet's rows (a cell with one value, the step to the next row) are \
                     read straight from the unpacked bytes, and only the rest through quick-xml's events, so \
                     the import no longer tokenises most of the sheet as the limit reader does. What is left is \
                     the inflating both do, and the import's own work per cell: its value and format, and its \
                     place in its column. Closing it: that work per cell (a text known by its shared string \
                     instead of looked up by its characters).",
                    over(x, 1.5),
                    secs(import),
                    secs(plugin),
                    calamine.zip(limit).map_or(0.0, |(c, l)| c / l),
                    secs(import),
                    secs(calamine),
                )
            }),
        ),
        verdict(
            format!("Native: peak memory of the report ({label})"),
            "≤ 200 MB",
            mb(peak),
            peak.map(|b| b <= 200e6),
            peak.map_or_else(String::new, |b| {
                format!(
                    "{}. Datasets are shared by the runs, a repeated text is held once, the rows are held \
                     column by column (a 24-byte value per cell, its source cell derived from its row and \
                     column) and a large sheet's rows go from the reader into the columns with no grid \
                     between. What is left is the dataset itself and the report.",
                    over(b, 200e6)
                )
            }),
        ),
    ];
    out.extend(linearity(r));
    out
}

fn linearity(r: &Results) -> Option<Verdict> {
    let points: Vec<(f64, f64)> = r
        .files
        .iter()
        .filter_map(|l| Some((f64::from(l.rows?), r.native(Tool::Report, &l.label, "seconds")?)))
        .collect();
    let line = fit(&points).filter(|_| points.len() >= 3)?;
    let first = r.files.iter().find_map(|l| l.rows.map(|n| n / 1000))?;
    let last = r.files.iter().filter_map(|l| l.rows.map(|n| n / 1000)).max()?;
    Some(verdict(
        format!("Native: cost linear in rows ({first}k → {last}k)"),
        "linear, stated per row",
        format!(
            "{:.2} µs per row {} {} (R² = {:.3})",
            line.slope * 1e6,
            if line.intercept < 0.0 { "−" } else { "+" },
            secs(Some(line.intercept.abs())),
            line.r2
        ),
        Some(line.r2 >= 0.98),
        format!("R² = {:.3} < 0.98: the cost per row grows with the file (see the table of sizes).", line.r2),
    ))
}

fn export(r: &Results) -> Vec<Verdict> {
    let Some(label) = r.target_label(&r.exports) else { return Vec::new() };
    let native = r.native(Tool::Export, &label, "seconds");
    let in_browser = r.browser("app", &label, None, "exportMs");
    vec![
        verdict(
            format!("Export of the {label} report, natively"),
            "≤ 2 s",
            secs(native),
            native.map(|s| s <= 2.0),
            native.map_or_else(String::new, |s| {
                format!(
                    "{}. The report is grouped; most of the workbook's cells are its input sheet, which keeps \
                     every line of the ledger (as the issue asks). Fewer formatted cells there would close it.",
                    over(s, 2.0)
                )
            }),
        ),
        verdict(
            format!("Export of the {label} report in the browser's export worker"),
            "≤ 5 s",
            ms(in_browser),
            in_browser.map(|m| m <= 5000.0),
            in_browser.map_or_else(String::new, |m| {
                format!(
                    "{}. The export worker reads the job (the datasets packed: a type byte per cell, numbers \
                     as floats, each text once) and writes the workbook, built size-optimised (opt-level z); \
                     opt-level 3 for it would close most of it, at the cost of its size.",
                    over(m, 5000.0)
                )
            }),
        ),
    ]
}

/// The four largest crates of a wasm file: "rust_xlsxwriter 234.9 KB, …".
fn top_crates(per_crate: &[(String, u64)]) -> String {
    per_crate.iter().take(4).map(|(c, b)| format!("{c} {}", kb(Some(*b as f64)))).collect::<Vec<_>>().join(", ")
}

fn bundles(r: &Results) -> Vec<Verdict> {
    let page = r.bundles.iter().find(|b| b.name.starts_with("uppfolj-web")).map(|b| b.gzip as f64);
    let worker = r.bundles.iter().find(|b| b.name.starts_with("uppfolj-export-worker")).map(|b| b.gzip as f64);
    vec![
        verdict(
            "Page wasm, gzip -9".to_owned(),
            "≤ 600 KB",
            kb(page),
            page.map(|b| b <= 600e3),
            page.map_or_else(String::new, |b| {
                format!(
                    "{}. Largest crates in the page's wasm (before wasm-opt): {}. What only the import or \
                     the export needs can leave the page for the workers.",
                    over(b, 600e3),
                    top_crates(&r.per_crate)
                )
            }),
        ),
        verdict(
            "Export worker wasm, gzip -9".to_owned(),
            "no larger than before (489 KB, issue #13)",
            kb(worker),
            worker.map(|b| b <= 489e3),
            worker.map_or_else(String::new, |b| {
                format!(
                    "{}. Largest crates in the export worker's wasm (before wasm-opt): {}. It is built \
                     size-optimised already (opt-level z, LTO, one codegen unit, panic=abort, wasm-opt -Oz); \
                     zip's `deflate` feature, which rust_xlsxwriter and calamine ask for, brings zopfli \
                     beside zlib-rs although only zlib-rs is used to write.",
                    over(b, 489e3),
                    top_crates(&r.export_per_crate)
                )
            }),
        ),
    ]
}
