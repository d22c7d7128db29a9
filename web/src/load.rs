//! Reading files the user dropped or picked, and sending them to the session worker to import.

use crate::control::Control;
use std::sync::Arc;

/// The bundled sample, loaded at start so that a newcomer sees a complete report.
pub const SAMPLE_NAME: &str = "Exempeldata – driftredovisning jan–aug 2024.xlsx";
const SAMPLE_BYTES: &[u8] = include_bytes!("../../samples/driftredovisning_2024_aug.xlsx");

/// The bundled sample's bytes.
pub fn sample_bytes() -> Arc<Vec<u8>> {
    Arc::new(SAMPLE_BYTES.to_vec())
}

/// Imports the bundled sample.
pub fn load_sample(control: &Control) {
    control.load(SAMPLE_NAME.to_owned(), sample_bytes(), true);
}

/// Reads each file in `files` and sends it to be imported, one after the other. A file that
/// cannot be read gets a message about it, named, which goes when it is loaded again.
pub fn load_files(files: Vec<web_sys::File>, control: Control) {
    // A larger file is refused before it is read (the worker's import checks it again).
    let max = uppfolj_import::ImportOptions::default().max_bytes as f64;
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            let name = file.name();
            let size = file.size();
            if size > max {
                control.notify_file(
                    true,
                    name.clone(),
                    format!(
                        "{name} är {:.0} MB, mer än gränsen {:.0} MB. Dela upp filen eller spara bara de blad som behövs.",
                        size / 1e6,
                        max / 1e6
                    ),
                );
                continue;
            }
            match gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
                Ok(bytes) => control.load(name, Arc::new(bytes), false),
                Err(err) => control.notify_file(
                    true,
                    name.clone(),
                    format!(
                        "{name} kunde inte läsas ({err}). Kontrollera att filen inte är öppen i ett annat program och försök igen."
                    ),
                ),
            }
        }
    });
}
