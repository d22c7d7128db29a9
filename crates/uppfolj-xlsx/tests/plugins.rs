//! Every built-in plugin, run on every sample in samples/ (with its defaults and each of its
//! examples' parameters), exported and read back with calamine: the sheets are the cover, one per
//! section and the input data, every table's numbers equal the Report's, every formula has a cached
//! value. A plugin that produces no report from any sample fails the test.

mod common;

use calamine::{Data, Reader};
use common::readback::{assert_table_equal, open};
use std::path::PathBuf;
use std::sync::Arc;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_model::{Block, Dataset};
use uppfolj_plugin::Inputs;
use uppfolj_xlsx::{ExportOptions, export};

/// Each sample alone, then every sample together, for a plugin that makes no report of one file
/// (budget-compare needs two budget files loaded at once).
fn samples() -> Vec<(String, Vec<Arc<Dataset>>)> {
    let each = each_sample();
    let all = ("every sample".to_owned(), each.iter().flat_map(|(_, d)| d.iter().cloned()).collect());
    each.into_iter().chain(std::iter::once(all)).collect()
}

fn each_sample() -> Vec<(String, Vec<Arc<Dataset>>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx" || e == "csv"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).expect("read sample");
            let imported = import_bytes(&name, &bytes, &ImportOptions::default()).ok()?;
            Some((name, imported.datasets))
        })
        .collect()
}

#[test]
fn every_plugin_export_reads_back_with_the_reports_numbers() {
    let samples = samples();
    assert!(!samples.is_empty(), "no samples imported");
    let registry = uppfolj_plugins::registry();
    let options = ExportOptions { date: Some("2024-09-15".into()), ..ExportOptions::default() };
    for plugin in registry.iter() {
        let id = plugin.meta().id;
        let mut param_sets: Vec<Vec<(String, String)>> = vec![Vec::new()];
        for example in plugin.examples() {
            param_sets.push(example.params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect());
        }
        let mut exported = 0;
        for (sample, datasets) in &samples {
            if exported > 0 && sample == "every sample" {
                break;
            }
            for params in &param_sets {
                let inputs = Inputs::new(datasets.clone());
                let Ok(report) = uppfolj_plugin::run(plugin, &inputs, params) else { continue };
                if report.tables().next().is_none() {
                    continue; // the plugin found nothing it could use in this sample
                }
                let bytes = export(&report, inputs.iter(), &options).expect("export");
                let mut book = open(&bytes);
                let names = book.sheet_names();
                let used = uppfolj_xlsx::report_inputs(&report, inputs.iter()).len();
                assert_eq!(names.len(), 1 + report.sections.len() + used, "{id} on {sample}: {names:?}");
                for (section, sheet) in report.sections.iter().zip(names.iter().skip(1)) {
                    let range = book.worksheet_range(sheet).expect("section sheet");
                    assert_eq!(range.get_value((0, 0)), Some(&Data::String(section.title.clone())), "{id} on {sample}");
                    let formulas = book.worksheet_formula(sheet).expect("formulas");
                    for (r, c, f) in formulas.used_cells() {
                        if f.is_empty() {
                            continue;
                        }
                        let start = formulas.start().expect("non-empty");
                        let pos = (start.0 + r as u32, start.1 + c as u32);
                        let cached = range.get_value(pos);
                        assert!(
                            matches!(cached, Some(Data::Float(_) | Data::Int(_))) || f.contains("\"\""),
                            "{id} on {sample}, sheet {sheet}: formula {f} has no cached number ({cached:?})"
                        );
                    }
                    let mut from = 0;
                    for block in &section.blocks {
                        if let Block::Table(t) = block {
                            from = assert_table_equal(&range, t, sheet, from);
                        }
                    }
                }
                exported += 1;
            }
        }
        assert!(exported > 0, "plugin {id} produced no report with a table from any sample");
    }
}
