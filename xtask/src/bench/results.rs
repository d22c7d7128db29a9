//! Everything one benchmark run measured, and the medians the report is written from.

use super::bundle::Bundle;
use super::machine::Machine;
use super::native::{Ledger, Sample, Tool};
use super::stats::median;
use serde_json::Value;

/// One run's measurements.
#[derive(Debug)]
pub struct Results {
    /// `--quick`: small sizes, one repetition.
    pub quick: bool,
    /// Repetitions of each measurement.
    pub reps: usize,
    /// The machine.
    pub machine: Machine,
    /// The commit measured (`git describe`), if known.
    pub commit: Option<String>,
    /// The files read natively: generated ledgers, smallest first, then the real one.
    pub files: Vec<Ledger>,
    /// The files whose report is exported.
    pub exports: Vec<Ledger>,
    /// The files the browser reads.
    pub browser_files: Vec<Ledger>,
    /// The native measurements.
    pub native: Vec<Sample>,
    /// bench/browser/run.mjs's results (`app`, `readers`), if the browser part ran.
    pub browser: Option<Value>,
    /// The page's and workers' wasm.
    pub bundles: Vec<Bundle>,
    /// What the page's wasm holds per crate (bytes), largest first.
    pub per_crate: Vec<(String, u64)>,
    /// The same for the export worker's wasm.
    pub export_per_crate: Vec<(String, u64)>,
}

impl Results {
    /// The median of `key` over the native samples of `tool` on `label`.
    pub fn native(&self, tool: Tool, label: &str, key: &str) -> Option<f64> {
        let values: Vec<f64> = self
            .native
            .iter()
            .filter(|s| s.tool == tool && s.label == label)
            .filter_map(|s| s.figures.get(key).and_then(Value::as_f64))
            .collect();
        median(&values)
    }

    /// The median of `key` over the browser's `section` ("app" or "readers") rows on `label`
    /// (and of `reader`, for readers).
    pub fn browser(&self, section: &str, label: &str, reader: Option<&str>, key: &str) -> Option<f64> {
        let rows = self.browser.as_ref()?.get(section)?.as_array()?;
        let values: Vec<f64> = rows
            .iter()
            .filter(|r| r.get("label").and_then(Value::as_str) == Some(label))
            .filter(|r| reader.is_none() || r.get("reader").and_then(Value::as_str) == reader)
            .filter_map(|r| r.get(key).and_then(Value::as_f64))
            .collect();
        median(&values)
    }

    /// The label of the file the targets are stated for: the 200k ledger, else the largest measured.
    pub fn target_label(&self, among: &[Ledger]) -> Option<String> {
        among
            .iter()
            .filter(|l| l.rows.is_some())
            .min_by_key(|l| l.rows.map_or(u32::MAX, |r| r.abs_diff(200_000)))
            .map(|l| l.label.clone())
    }
}
