//! Reading files the user dropped or picked, and sending them to the session worker to import.

use crate::control::Control;
use crate::i18n::Text;
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
                let text = Text::key("msg.too_large")
                    .with("name", name.clone())
                    .with("size", format!("{:.0}", size / 1e6))
                    .with("max", format!("{:.0}", max / 1e6));
                control.notify_file(true, name, text);
                continue;
            }
            match gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
                Ok(bytes) => control.load(name, Arc::new(bytes), false),
                Err(err) => {
                    let text = Text::key("msg.unreadable").with("name", name.clone()).with("reason", err.to_string());
                    control.notify_file(true, name, text)
                }
            }
        }
    });
}
