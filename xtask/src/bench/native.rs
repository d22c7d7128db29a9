//! The native half of the benchmark: the generated ledgers, then on each file — interleaved,
//! one process per measurement so that its peak memory is its own — the whole report (import +
//! plugin), calamine's own read, the limit reader and python-calamine; on the export files, the
//! export of the report and Python XlsxWriter writing the same cells.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A file the benchmark reads.
#[derive(Debug, Clone)]
pub struct Ledger {
    /// How the report names it ("200k", "Örebro (real)").
    pub label: String,
    /// Where it is.
    pub path: PathBuf,
    /// The ledger lines of a generated file; `None` for the real one.
    pub rows: Option<u32>,
    /// The report made from it.
    pub plugin: &'static str,
}

/// What one native measurement is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Import + plugin, as `uppfolj run` does.
    Report,
    /// calamine's own read of every sheet.
    Calamine,
    /// Inflate + XML tokenise only.
    Limit,
    /// python-calamine reading every sheet.
    PyCalamine,
    /// The export of the report to xlsx.
    Export,
    /// Python XlsxWriter writing the cells of that export.
    XlsxWriter,
}

/// One measurement: its tool, file and figures (`seconds`, `peak_rss_bytes`, …).
#[derive(Debug, Clone)]
pub struct Sample {
    /// What was measured.
    pub tool: Tool,
    /// The file's label.
    pub label: String,
    /// The runner's JSON.
    pub figures: Value,
}

/// The seed of every generated ledger.
pub const SEED: u64 = 2024;

/// Writes the generated ledgers of `sizes` rows into `dir`.
pub fn generate(runner: &Path, dir: &Path, sizes: &[u32]) -> Result<Vec<Ledger>> {
    std::fs::create_dir_all(dir)?;
    let mut ledgers = Vec::new();
    for &rows in sizes {
        let path = dir.join(format!("huvudbok_{}k.xlsx", rows / 1000));
        crate::run(Command::new(runner).arg("generate").arg(rows.to_string()).arg(SEED.to_string()).arg(&path))?;
        ledgers.push(Ledger { label: format!("{}k", rows / 1000), path, rows: Some(rows), plugin: "budget-follow-up" });
    }
    Ok(ledgers)
}

/// Where the tools are.
#[derive(Debug)]
pub struct Runners<'a> {
    /// The uppfolj-bench binary.
    pub runner: &'a Path,
    /// The venv's python with python-calamine and XlsxWriter.
    pub python: &'a Path,
    /// The workspace root (for bench/python).
    pub root: &'a Path,
    /// Scratch files.
    pub scratch: &'a Path,
}

/// Every measurement, `reps` times, interleaved: each repetition goes over every file and tool.
pub fn measure_all(r: &Runners<'_>, files: &[Ledger], exports: &[Ledger], reps: usize) -> Result<Vec<Sample>> {
    for e in exports {
        prepare_export(r, e)?;
    }
    let mut samples = Vec::new();
    for rep in 0..reps {
        for file in files {
            println!("native: {}, repetition {} of {reps}", file.label, rep + 1);
            for tool in [Tool::Report, Tool::Calamine, Tool::Limit, Tool::PyCalamine] {
                samples.push(Sample { tool, label: file.label.clone(), figures: measure(r, tool, file)? });
            }
        }
        for file in exports {
            for tool in [Tool::Export, Tool::XlsxWriter] {
                samples.push(Sample { tool, label: file.label.clone(), figures: measure(r, tool, file)? });
            }
        }
    }
    Ok(samples)
}

/// Exports the report of `file` once and writes its cells as JSON for XlsxWriter.
fn prepare_export(r: &Runners<'_>, file: &Ledger) -> Result<()> {
    let xlsx = r.scratch.join(format!("export_{}.xlsx", file.label));
    json_of(Command::new(r.runner).arg("export").arg(&file.path).args(["--plugin", file.plugin, "--out"]).arg(&xlsx))?;
    json_of(Command::new(r.runner).arg("cells").arg(&xlsx).arg("--out").arg(cells_json(r, file)))?;
    Ok(())
}

fn cells_json(r: &Runners<'_>, file: &Ledger) -> PathBuf {
    r.scratch.join(format!("export_{}_cells.json", file.label))
}

/// One measurement in a process of its own.
fn measure(r: &Runners<'_>, tool: Tool, file: &Ledger) -> Result<Value> {
    let mut cmd = match tool {
        Tool::Report | Tool::Export => {
            let mode = if tool == Tool::Report { "report" } else { "export" };
            let mut cmd = Command::new(r.runner);
            cmd.arg(mode).arg(&file.path).args(["--plugin", file.plugin]);
            cmd
        }
        Tool::Calamine | Tool::Limit => {
            let mut cmd = Command::new(r.runner);
            cmd.arg(if tool == Tool::Calamine { "calamine" } else { "limit" }).arg(&file.path);
            cmd
        }
        Tool::PyCalamine => {
            let mut cmd = Command::new(r.python);
            cmd.arg(r.root.join("bench/python/calamine_read.py")).arg(&file.path);
            cmd
        }
        Tool::XlsxWriter => {
            let mut cmd = Command::new(r.python);
            cmd.arg(r.root.join("bench/python/xlsxwriter_write.py"))
                .arg(cells_json(r, file))
                .arg(r.scratch.join(format!("xlsxwriter_{}.xlsx", file.label)));
            cmd
        }
    };
    json_of(&mut cmd).with_context(|| format!("measuring {tool:?} on {}", file.label))
}

/// Runs `cmd` and parses the last line of its output as JSON.
fn json_of(cmd: &mut Command) -> Result<Value> {
    let out = cmd.output().with_context(|| format!("starting {:?}", cmd.get_program()))?;
    if !out.status.success() {
        bail!("{:?} failed: {}", cmd.get_program(), String::from_utf8_lossy(&out.stderr));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().context("no output")?;
    serde_json::from_str(last).with_context(|| format!("not JSON: {last}"))
}
