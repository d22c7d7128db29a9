//! [`run_examples`]: every example a plugin declares, run on its input and checked against the
//! figures it says it must produce.

use crate::files::{TableLiteral, import_file};
use uppfolj_plugin::model::dataset::Dataset;
use uppfolj_plugin::model::report::{Block, Report, TableCell};
use uppfolj_plugin::{Example, ExampleInput, Expect, Inputs, ReportPlugin};

/// One example and the report it made.
#[derive(Debug)]
pub struct ExampleRun {
    /// The plugin's id.
    pub plugin: String,
    /// The example's position among the plugin's examples (1-based).
    pub number: usize,
    /// The example.
    pub example: Example,
    /// The report it made.
    pub report: Report,
}

impl ExampleRun {
    /// The snapshot name: `<plugin id>-example-<n>`.
    pub fn snapshot_name(&self) -> String {
        format!("{}-example-{}", self.plugin, self.number)
    }
}

/// Runs every example of `plugin` on its input and checks its expected figures.
///
/// # Panics
/// When the plugin has no example, an example has no input, its input does not import, the
/// plugin makes no report, or a figure differs from what the example expects; the message names
/// the example.
pub fn run_examples(plugin: &dyn ReportPlugin) -> Vec<ExampleRun> {
    let meta = plugin.meta();
    let examples = plugin.examples();
    assert!(!examples.is_empty(), "{} declares no example", meta.id);
    examples
        .into_iter()
        .enumerate()
        .map(|(i, example)| {
            let inputs = Inputs::new(load(&example));
            let report = uppfolj_plugin::run(plugin, &inputs, &example.params)
                .unwrap_or_else(|e| panic!("{}: example '{}' makes no report: {e}", meta.id, example.description));
            if let Err(problems) = check_expectations(&report, &example.expect) {
                panic!("{}: example '{}':\n{}", meta.id, example.description, problems.join("\n"));
            }
            ExampleRun { plugin: meta.id.clone(), number: i + 1, example, report }
        })
        .collect()
}

fn load(example: &Example) -> Vec<Dataset> {
    match &example.input {
        ExampleInput::Samples(paths) => {
            assert!(!paths.is_empty(), "example '{}' names no input", example.description);
            paths.iter().flat_map(|p| import_file(p)).collect()
        }
        ExampleInput::Table { name, csv } => TableLiteral::from_csv(name.clone(), csv).import(),
    }
}

/// Checks `report` against `expect`; the problems found, one line each.
///
/// # Errors
/// One line per expectation not met, with the value found.
pub fn check_expectations(report: &Report, expect: &[Expect]) -> Result<(), Vec<String>> {
    let problems: Vec<String> = expect.iter().filter_map(|e| check(report, e).err()).collect();
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

fn check(report: &Report, expect: &Expect) -> Result<(), String> {
    match expect {
        Expect::KeyFigure { label, value } => {
            let found = key_figure(report, label).ok_or_else(|| format!("no key figure '{label}'"))?;
            close(found, *value, &format!("key figure '{label}'"))
        }
        Expect::Cell { table, row, column, value } => {
            let found = table_number(report, table, row, column)
                .ok_or_else(|| format!("no number in table '{table}', row '{row}', column '{column}'"))?;
            close(found, *value, &format!("table '{table}', row '{row}', column '{column}'"))
        }
        Expect::Text { contains } => {
            if report_texts(report).any(|t| t.contains(contains.as_str())) {
                Ok(())
            } else {
                Err(format!("no text of the report contains '{contains}'"))
            }
        }
    }
}

/// Equal to within half a unit of the last decimal a person would compare (0,05 for a value
/// with decimals, 0,5 for a whole number).
fn close(found: f64, expected: f64, what: &str) -> Result<(), String> {
    let tolerance = if expected.fract() == 0.0 { 0.5 } else { 0.05 };
    if (found - expected).abs() <= tolerance {
        Ok(())
    } else {
        Err(format!("{what}: expected {expected}, found {found}"))
    }
}

fn key_figure(report: &Report, label: &str) -> Option<f64> {
    report.sections.iter().flat_map(|s| &s.blocks).find_map(|b| match b {
        Block::KeyFigures { figures } => figures.iter().find(|f| f.label == label).and_then(|f| f.value),
        _ => None,
    })
}

fn table_number(report: &Report, table: &str, row: &str, column: &str) -> Option<f64> {
    let table = report.tables().find(|t| t.id == table)?;
    let col = table.column_index(column)?;
    let row = table.rows.iter().find(|r| matches!(r.cells.first(), Some(TableCell::Text(t)) if t == row))?;
    row.cells.get(col).and_then(TableCell::as_f64)
}

fn report_texts(report: &Report) -> impl Iterator<Item = &str> {
    let paragraphs = report.sections.iter().flat_map(|s| &s.blocks).flat_map(|b| match b {
        Block::Text(text) => text.paragraphs.iter().map(String::as_str).collect::<Vec<_>>(),
        Block::KeyFigures { figures } => figures.iter().filter_map(|f| f.note.as_deref()).collect(),
        _ => Vec::new(),
    });
    paragraphs.chain(report.diagnostics.iter().map(|d| d.message.as_str()))
}
