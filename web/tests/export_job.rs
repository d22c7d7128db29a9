//! The export job's round trip (what the page sends its export worker): a job packed and read back
//! makes the same workbook as exporting directly, for a plugin's real report and for a table
//! holding NaN and the infinities (which JSON could not carry); a loaded file the report was not
//! computed from is not packed. Moved here from uppfolj-xlsx with the job itself.
#![allow(clippy::expect_used)]

use uppfolj_model::report::{Column, ColumnKind, PluginRef, Row, RowKindOut, TableCell};
use uppfolj_model::{Block, Dataset, Report, Section, SourceFile, Table, Unit};
use uppfolj_web::export_job::{ExportJob, ExportOptions, JobError};

fn options() -> ExportOptions {
    ExportOptions { date: Some("2024-09-15".into()), generator: "uppfolj test".into(), ..ExportOptions::default() }
}

/// The budget follow-up of the sample ledger, and the datasets it was computed from.
fn budget_report() -> (Report, Vec<Dataset>) {
    let bytes = include_bytes!("../../samples/driftredovisning_2024_aug.xlsx");
    let import = uppfolj_import::import_bytes("driftredovisning_2024_aug.xlsx", bytes, &Default::default())
        .expect("the sample imports");
    let registry = uppfolj_app::registry().expect("the app's plugins register");
    let plugin = registry.get("budget-follow-up").expect("built-in plugin");
    let inputs = uppfolj_plugin::Inputs::new(import.datasets);
    let report = uppfolj_plugin::run(plugin, &inputs, &[]).expect("the report computes");
    (report, inputs.iter().cloned().collect())
}

/// A report with one table of amounts that are not finite.
fn non_finite_report() -> Report {
    let values = [f64::NAN, f64::INFINITY, -f64::INFINITY, 1.5];
    let table = Table {
        id: "tal".into(),
        title: "Tal".into(),
        columns: vec![Column {
            key: "belopp".into(),
            title: "Belopp".into(),
            kind: ColumnKind::Amount { unit: Unit::Tkr, decimals: 0 },
            formula: None,
        }],
        rows: values
            .iter()
            .map(|v| Row { cells: vec![TableCell::Number(*v)], level: 0, kind: RowKindOut::Data, sum_of: vec![] })
            .collect(),
    };
    let mut report = Report::new(PluginRef { id: "t".into(), version: "0".into() }, "Udda tal");
    let mut section = Section::new("s", "Udda tal");
    section.blocks.push(Block::Table(table));
    report.sections.push(section);
    report
}

/// A loaded file no report was computed from.
fn other_file(like: &Dataset) -> Dataset {
    let mut other = like.clone();
    other.source = SourceFile { file: "annan.xlsx".into(), sheet: Some("Annat".into()) };
    other
}

#[test]
fn an_export_job_packed_and_read_back_makes_the_same_workbook() {
    let (budget, inputs) = budget_report();
    assert!(!budget.inputs.is_empty(), "the plugin names its inputs");
    let cases = [("budget-follow-up", budget, inputs.clone()), ("non-finite", non_finite_report(), vec![])];
    for (name, report, datasets) in cases {
        let mut loaded = datasets.clone();
        if !report.inputs.is_empty() {
            loaded.push(other_file(&datasets[0]));
        }
        let job = ExportJob::new(&report, &loaded, options());
        assert_eq!(job.datasets.len(), datasets.len(), "{name}: only the report's inputs are packed");
        let mut packed = Vec::new();
        job.write_to(&mut packed).expect("a job packs");
        let received = ExportJob::read_from(&packed).expect("and reads back");
        let direct = uppfolj_xlsx::export(&report, &datasets, &options()).expect("export");
        assert!(received.export().expect("the job's export") == direct, "{name}: the same bytes");
    }
}

#[test]
fn bytes_that_are_not_a_job_are_a_read_error() {
    assert!(matches!(ExportJob::read_from(b"{}"), Err(JobError::Read { .. })), "not a job");
    assert!(matches!(ExportJob::read_from(&[]), Err(JobError::Read { .. })), "nothing");
}
