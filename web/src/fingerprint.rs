//! The layout of a file, as a short key: the sheet name and the header texts of every table the
//! import found. Next month's file from the same system has the same layout, so the mapping the
//! user saved for one file ("Ändra tolkningen") is offered again for the next one with the same
//! key.
//!
//! The key is an FNV-1a hash (stable across Rust versions and platforms, unlike the standard
//! library's hasher) of the normalised texts, so it can be stored in the browser and compared after
//! an update of the app.

use std::sync::Arc;
use uppfolj_model::Dataset;

/// The layout key of the tables `datasets` (what the import found with the automatic reading);
/// `None` when there is no table with a header.
pub fn layout(datasets: &[Arc<Dataset>]) -> Option<String> {
    let mut text = String::new();
    for d in datasets.iter().filter(|d| !d.columns.is_empty()) {
        text.push_str(d.source.sheet.as_deref().unwrap_or(""));
        for c in &d.columns {
            text.push('\u{1f}');
            text.push_str(&uppfolj_model::vocab::normalise(&c.name));
        }
        text.push('\u{1e}');
    }
    (!text.is_empty()).then(|| format!("{:016x}", fnv1a(text.as_bytes())))
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;
    use uppfolj_import::{ImportOptions, import_bytes};

    fn key(name: &str, text: &str) -> Option<String> {
        let import = import_bytes(name, text.as_bytes(), &ImportOptions::default()).expect("imports");
        layout(&import.datasets)
    }

    #[test]
    fn the_same_headers_give_the_same_key_whatever_the_figures_and_the_file_name() {
        let a = key("mars.csv", "Verksamhet;Budget;Utfall\nSkola;-100;-110\n");
        let b = key("april.csv", "Verksamhet;Budget;Utfall\nSkola;-100;-120\nVård;-5;-6\n");
        let c = key("bidrag.csv", "Projekt;Beviljat;Förbrukat\nSimskola;50;50\n");
        assert!(a.is_some());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325, "the FNV-1a offset basis");
    }
}
