//! What the import's test files share: the xlsx files of the fixtures and the samples.

use std::path::{Path, PathBuf};

/// Every xlsx/xlsm file below the import's fixtures and the project's samples.
pub fn fixture_and_sample_xlsx() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    xlsx_files(&root.join("tests/fixtures"), &mut files);
    xlsx_files(&root.join("../../samples"), &mut files);
    files
}

fn xlsx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("folder exists") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            xlsx_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "xlsx" || e == "xlsm") {
            out.push(path);
        }
    }
}
