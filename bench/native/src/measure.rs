//! One measurement on one file, as the runner binary makes it: the whole report (import and
//! plugin, as `uppfolj run` does), its export, calamine's own read, or the limit reader. Each
//! returns its figures as JSON; the process's peak memory is added by the caller.

use anyhow::{Context, Result};
use calamine::{Data, Reader};
use serde_json::{Value, json};
use std::io::{Cursor, Write};
use std::sync::Arc;
use std::time::Instant;
use uppfolj_app::Session;

/// A plugin and its parameters, as `uppfolj run <plugin> --param k=v` takes them.
#[derive(Debug, Clone)]
pub struct Run {
    /// The plugin id, e.g. `budget-follow-up`.
    pub plugin: String,
    /// `key=value` parameters.
    pub params: Vec<(String, String)>,
}

/// What [`report`] made, and how long its two steps took.
#[derive(Debug)]
pub struct Made {
    /// The report.
    pub report: uppfolj_model::Report,
    /// The session holding the imported file.
    pub session: Session,
    /// Seconds of the import (the session's load).
    pub import: f64,
    /// Seconds of the plugin (the session's run).
    pub plugin: f64,
}

/// Import + plugin on `bytes` (the file `name`) in a fresh session, as `uppfolj run` does.
pub fn report(name: &str, bytes: Vec<u8>, run: &Run) -> Result<Made> {
    let start = Instant::now();
    let mut session = Session::new(uppfolj_app::registry()?);
    session.pick_plugin(&run.plugin)?;
    session.set_params(run.params.clone());
    session.load(name, Arc::new(bytes), Default::default())?;
    let import = start.elapsed().as_secs_f64();
    let report = session.run()?;
    Ok(Made { report, session, import, plugin: start.elapsed().as_secs_f64() - import })
}

/// The report's figures: time (import and plugin apart too), JSON size and the time to write it.
pub fn report_figures(name: &str, bytes: Vec<u8>, run: &Run) -> Result<Value> {
    let made = report(name, bytes, run)?;
    let start = Instant::now();
    let mut counter = ByteCounter(0);
    serde_json::to_writer(&mut counter, &made.report)?;
    let report = made.report;
    Ok(json!({
        "seconds": made.import + made.plugin,
        "import_seconds": made.import,
        "plugin_seconds": made.plugin,
        "json_bytes": counter.0,
        "json_seconds": start.elapsed().as_secs_f64(),
        "sections": report.sections.len(),
    }))
}

/// The export of the report to xlsx (after the report, which is not timed here); the workbook is
/// written to `out` when given.
pub fn export_figures(name: &str, bytes: Vec<u8>, run: &Run, out: Option<&std::path::Path>) -> Result<Value> {
    let made = report(name, bytes, run)?;
    let start = Instant::now();
    let options = uppfolj_xlsx::ExportOptions::default();
    let xlsx = uppfolj_xlsx::export(&made.report, made.session.datasets(), &options)?;
    let seconds = start.elapsed().as_secs_f64();
    if let Some(out) = out {
        std::fs::write(out, &xlsx).with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(json!({ "seconds": seconds, "xlsx_bytes": xlsx.len() }))
}

/// calamine's own read: every worksheet's range of cells.
pub fn calamine_figures(bytes: Vec<u8>) -> Result<Value> {
    let start = Instant::now();
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))?;
    let mut cells = 0u64;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        cells += range.used_cells().filter(|(_, _, c)| !matches!(c, Data::Empty)).count() as u64;
    }
    Ok(json!({ "seconds": start.elapsed().as_secs_f64(), "cells": cells }))
}

/// The limit reader: inflate + XML tokenise of the worksheets and shared strings.
pub fn limit_figures(bytes: &[u8]) -> Result<Value> {
    let start = Instant::now();
    let counts = crate::limit::read(bytes)?;
    Ok(json!({ "seconds": start.elapsed().as_secs_f64(), "cells": counts.cells }))
}

/// Every sheet of an xlsx file as rows of JSON values (numbers, texts, nulls), for Python's
/// XlsxWriter to write the same cells.
pub fn cells_json(bytes: Vec<u8>) -> Result<Value> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))?;
    let mut sheets = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        let rows: Vec<Value> = range.rows().map(|r| Value::Array(r.iter().map(cell_value).collect())).collect();
        sheets.push(json!({ "name": name, "rows": rows }));
    }
    Ok(Value::Array(sheets))
}

fn cell_value(c: &Data) -> Value {
    match c {
        Data::Empty | Data::Error(_) => Value::Null,
        Data::Int(i) => json!(i),
        Data::Float(f) => json!(f),
        Data::Bool(b) => json!(b),
        Data::DateTime(d) => json!(d.as_f64()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => json!(s),
    }
}

/// The peak resident memory of this process in bytes (VmHWM), where the system tells it.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A writer that only counts bytes: the JSON size without holding the JSON.
struct ByteCounter(u64);

impl Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
