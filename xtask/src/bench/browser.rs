//! The browser half of the benchmark: calamine compiled to wasm (bench/calamine-wasm, opt-level
//! 3, bound for the web), then bench/browser/run.mjs in headless Chromium — the real page built by
//! Trunk, a file chosen → its report, the export worker, and SheetJS, ExcelJS and calamine-wasm
//! on the same bytes.

use super::native::Ledger;
use crate::install::Tools;
use crate::{Ctx, run};
use anyhow::{Context, Result};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds bench/calamine-wasm for wasm32 (release: opt-level 3) and binds it for the web into
/// `out`.
pub fn build_calamine_wasm(ctx: &Ctx, tools: &Tools, target_dir: &Path, out: &Path) -> Result<()> {
    run(tools.wasm_cargo(ctx)?.args([
        "build",
        "--release",
        "-p",
        "uppfolj-bench-calamine-wasm",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let wasm = wasm_target_dir(tools, ctx, target_dir)?
        .join("wasm32-unknown-unknown/release/uppfolj_bench_calamine_wasm.wasm");
    let _ = std::fs::remove_dir_all(out);
    run(Command::new("wasm-bindgen")
        .env("PATH", tools.path()?)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(out)
        .arg(&wasm))
}

/// Where wasm32 builds put their output: the Debian fallback has a target dir of its own.
fn wasm_target_dir(tools: &Tools, ctx: &Ctx, native: &Path) -> Result<PathBuf> {
    Ok(tools
        .wasm_env(ctx)?
        .into_iter()
        .find(|(k, _)| k == "CARGO_TARGET_DIR")
        .map_or_else(|| native.to_path_buf(), |(_, v)| PathBuf::from(v)))
}

/// Runs bench/browser/run.mjs on `files`, `reps` times interleaved; its results as JSON.
pub fn measure(ctx: &Ctx, dist: &Path, calamine: &Path, files: &[Ledger], reps: usize) -> Result<Value> {
    let scratch = ctx.root.join("target/bench/browser");
    std::fs::create_dir_all(&scratch)?;
    let config = json!({
        "dist": dist,
        "site": scratch.join("site"),
        "calamineDir": calamine,
        "files": files.iter().map(|f| json!({ "label": f.label, "path": f.path })).collect::<Vec<_>>(),
        "reps": reps,
        "out": scratch.join("results.json"),
        "shots": scratch.join("screenshots"),
    });
    let config_path = scratch.join("config.json");
    std::fs::write(&config_path, serde_json::to_vec_pretty(&config)?)?;
    run(Command::new("node").current_dir(&ctx.root).arg("bench/browser/run.mjs").arg(&config_path))?;
    let text = std::fs::read_to_string(scratch.join("results.json")).context("reading the browser results")?;
    Ok(serde_json::from_str(&text)?)
}
