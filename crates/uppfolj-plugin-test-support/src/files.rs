//! Datasets from files of the repository and from CSV tables written in a test, through the real
//! import.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use uppfolj_import::{ImportOptions, import_bytes};
use uppfolj_plugin::model::dataset::Dataset;

/// The path of `relative` (as "samples/driftredovisning_2024_aug.xlsx"), looked up from the test's
/// package folder upwards to the workspace root.
///
/// # Panics
/// When no folder above the package holds `relative`.
pub fn repository_path(relative: &str) -> PathBuf {
    let start = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from("."), PathBuf::from);
    start
        .ancestors()
        .map(|dir| dir.join(relative))
        .find(|path| path.exists())
        .unwrap_or_else(|| panic!("{relative} is in no folder above {}", start.display()))
}

/// Every dataset the import finds in the repository file `relative`.
///
/// # Panics
/// When the file cannot be read or imported.
pub fn import_file(relative: &str) -> Vec<Dataset> {
    let path = repository_path(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let name = Path::new(relative).file_name().map_or(relative.into(), |n| n.to_string_lossy().into_owned());
    import_bytes(&name, &bytes, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{relative} does not import: {e}"))
        .datasets
        .into_iter()
        .map(Arc::unwrap_or_clone)
        .collect()
}

/// A table written in a test, imported as the CSV file a user would save from Excel (`;` between
/// cells, decimal comma and spaces in numbers allowed).
///
/// ```
/// # use uppfolj_plugin_test_support::TableLiteral;
/// let datasets = TableLiteral::new("kostnader.csv")
///     .row(["Verksamhet", "Budget", "Utfall"])
///     .row(["Somatik", "-4 215 000", "-4 398 000"])
///     .row(["Psykiatri", "-882 000", "-903 500"])
///     .import();
/// assert_eq!(datasets[0].rows.len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct TableLiteral {
    name: String,
    lines: Vec<String>,
}

impl TableLiteral {
    /// An empty table standing for the file `name` (its extension says the format: ".csv").
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), lines: Vec::new() }
    }

    /// A table from CSV text.
    pub fn from_csv(name: impl Into<String>, csv: &str) -> Self {
        Self { name: name.into(), lines: csv.lines().map(str::to_owned).collect() }
    }

    /// Adds a row (the first is the header). A cell holding `;` or `"` is quoted.
    #[must_use]
    pub fn row<S: AsRef<str>>(mut self, cells: impl IntoIterator<Item = S>) -> Self {
        let cells: Vec<String> = cells.into_iter().map(|c| quote(c.as_ref())).collect();
        self.lines.push(cells.join(";"));
        self
    }

    /// The CSV text.
    pub fn csv(&self) -> String {
        let mut text = self.lines.join("\r\n");
        text.push_str("\r\n");
        text
    }

    /// Every dataset the import finds in the table.
    ///
    /// # Panics
    /// When the import rejects the table.
    pub fn import(&self) -> Vec<Dataset> {
        import_bytes(&self.name, self.csv().as_bytes(), &ImportOptions::default())
            .unwrap_or_else(|e| panic!("the table literal {} does not import: {e}", self.name))
            .datasets
            .into_iter()
            .map(Arc::unwrap_or_clone)
            .collect()
    }
}

fn quote(cell: &str) -> String {
    if cell.contains([';', '"', '\n']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.to_owned() }
}
