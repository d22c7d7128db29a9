//! The benchmark runner: one measurement on one file per process, so that each process's peak
//! memory is that measurement's. `cargo xtask bench` runs it many times, interleaved, and
//! prints one JSON object per run on stdout.
//!
//! ```text
//! uppfolj-bench generate <rows> <seed> <out.xlsx>
//! uppfolj-bench report|export|calamine|limit <file.xlsx> [--plugin ID] [--param k=v]… [--out X]
//! uppfolj-bench cells <file.xlsx> <out.json>
//! ```

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::path::{Path, PathBuf};
use uppfolj_bench::measure::{self, Run};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, rest) = args.split_first().context("usage: uppfolj-bench <mode> <file> [options]")?;
    if mode == "generate" {
        return generate(rest);
    }
    let file = PathBuf::from(rest.first().context("which file?")?);
    let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
    let name = file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (run, out) = options(&rest[1..])?;
    let mut figures = match mode.as_str() {
        "report" => measure::report_figures(&name, bytes, &run)?,
        "export" => measure::export_figures(&name, bytes, &run, out.as_deref())?,
        "calamine" => measure::calamine_figures(bytes)?,
        "limit" => measure::limit_figures(&bytes)?,
        "cells" => {
            let out = out.context("cells needs --out <file.json>")?;
            std::fs::write(&out, serde_json::to_vec(&measure::cells_json(bytes)?)?)?;
            Value::Object(Default::default())
        }
        other => bail!("unknown mode {other}"),
    };
    if let Some(peak) = measure::peak_rss_bytes() {
        figures["peak_rss_bytes"] = peak.into();
    }
    println!("{figures}");
    Ok(())
}

/// `--plugin ID`, `--param k=v` (repeated) and `--out PATH`.
fn options(args: &[String]) -> Result<(Run, Option<PathBuf>)> {
    let mut run = Run { plugin: "budget-follow-up".to_owned(), params: Vec::new() };
    let mut out = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--plugin" => run.plugin.clone_from(value),
            "--param" => {
                let (k, v) = value.split_once('=').context("--param takes key=value")?;
                run.params.push((k.to_owned(), v.to_owned()));
            }
            "--out" => out = Some(PathBuf::from(value)),
            other => bail!("unknown option {other}"),
        }
    }
    Ok((run, out))
}

/// Writes a generated ledger.
fn generate(args: &[String]) -> Result<()> {
    let [rows, seed, out] = args else { bail!("usage: uppfolj-bench generate <rows> <seed> <out.xlsx>") };
    let bytes = uppfolj_bench::ledger::ledger_xlsx(rows.parse()?, seed.parse()?)?;
    let out = Path::new(out);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, bytes).with_context(|| format!("writing {}", out.display()))
}
