//! [`Example`]s: a run of a plugin with its input and the figures it must produce. The plugin's
//! tests run every example (`uppfolj-plugin-test-support`), and the documentation shows them.

use serde::{Deserialize, Serialize};

/// What an example runs on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum ExampleInput {
    /// Files of the repository, relative to the workspace root ("samples/driftredovisning_2024_aug.xlsx").
    Samples(Vec<String>),
    /// A table literal: CSV text as a user would save it from Excel (`;` between cells, decimal
    /// comma allowed), with a header row; it goes through the real import.
    Table {
        /// The file name the table stands for ("kostnader.csv").
        name: String,
        /// The CSV text.
        csv: String,
    },
}

/// A figure an example must produce.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Expect {
    /// A key figure with this label and value (compared to the decimals the figure shows).
    KeyFigure {
        /// The label of the key figure.
        label: String,
        /// Its value.
        value: f64,
    },
    /// A number in a table: the row whose first cell is `row`, the column `column` (its key).
    Cell {
        /// The table's id.
        table: String,
        /// The text of the row's first cell.
        row: String,
        /// The column's key.
        column: String,
        /// The value.
        value: f64,
    },
    /// Some text of the report (a paragraph, a diagnostic) contains this.
    Text {
        /// The text expected.
        contains: String,
    },
}

/// An example of running a plugin: what it shows, its input, its parameters, and the figures it
/// must produce.
///
/// ```
/// # use uppfolj_plugin::Example;
/// let example = Example::new("Driftredovisningen per invånare")
///     .sample("samples/driftredovisning_2024_aug.xlsx")
///     .param("population", "245000")
///     .expect_key_figure("Kostnad per invånare", 23_575.0);
/// assert_eq!(example.params, [("population".to_owned(), "245000".to_owned())]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// What the example shows.
    pub description: String,
    /// What it runs on.
    pub input: ExampleInput,
    /// Parameters as `key=value` pairs, as on the command line.
    pub params: Vec<(String, String)>,
    /// The figures it must produce.
    pub expect: Vec<Expect>,
}

impl Example {
    /// An example described in Swedish; give its input with [`Example::sample`] or [`Example::table`].
    pub fn new(description: impl Into<String>) -> Self {
        Self {
            description: description.into(),
            input: ExampleInput::Samples(Vec::new()),
            params: Vec::new(),
            expect: Vec::new(),
        }
    }

    /// Adds a file of the repository to the input.
    #[must_use]
    pub fn sample(mut self, path: impl Into<String>) -> Self {
        match &mut self.input {
            ExampleInput::Samples(paths) => paths.push(path.into()),
            ExampleInput::Table { .. } => self.input = ExampleInput::Samples(vec![path.into()]),
        }
        self
    }

    /// Runs on a table literal (CSV text, `;` separated) standing for the file `name`.
    #[must_use]
    pub fn table(mut self, name: impl Into<String>, csv: impl Into<String>) -> Self {
        self.input = ExampleInput::Table { name: name.into(), csv: csv.into() };
        self
    }

    /// Adds a parameter.
    #[must_use]
    pub fn param(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.push((key.into(), value.into()));
        self
    }

    /// Expects a key figure.
    #[must_use]
    pub fn expect_key_figure(mut self, label: impl Into<String>, value: f64) -> Self {
        self.expect.push(Expect::KeyFigure { label: label.into(), value });
        self
    }

    /// Expects a number in a table.
    #[must_use]
    pub fn expect_cell(mut self, table: &str, row: &str, column: &str, value: f64) -> Self {
        self.expect.push(Expect::Cell { table: table.into(), row: row.into(), column: column.into(), value });
        self
    }

    /// Expects some text of the report to contain `text`.
    #[must_use]
    pub fn expect_text(mut self, text: impl Into<String>) -> Self {
        self.expect.push(Expect::Text { contains: text.into() });
        self
    }
}
