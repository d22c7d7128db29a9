//! Reading files the user dropped or picked, and importing them.

use crate::state::Action;
use std::sync::Arc;
use uppfolj_import::ImportOptions;
use yew::UseReducerDispatcher;

/// The bundled sample, loaded at start so that a newcomer sees a complete report.
pub const SAMPLE_NAME: &str = "Exempeldata – driftredovisning jan–aug 2024.xlsx";
const SAMPLE_BYTES: &[u8] = include_bytes!("../../samples/driftredovisning_2024_aug.xlsx");

/// The bundled sample's bytes.
pub fn sample_bytes() -> Arc<Vec<u8>> {
    Arc::new(SAMPLE_BYTES.to_vec())
}

/// Imports the bundled sample.
pub fn load_sample(dispatch: &UseReducerDispatcher<crate::state::State>) {
    let bytes = sample_bytes();
    dispatch.dispatch(Action::FileLoaded { name: SAMPLE_NAME.to_owned(), is_sample: true, bytes });
}

/// Reads and imports each file in `files`, one after the other.
pub fn load_files(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<crate::state::State>) {
    let max = ImportOptions::default().max_bytes;
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            let name = file.name();
            let size = file.size();
            if size > max as f64 {
                dispatch.dispatch(Action::FileFailed(format!(
                    "{name} är {:.0} MB, mer än gränsen {:.0} MB. Dela upp filen eller spara bara de blad som behövs.",
                    size / 1e6,
                    max as f64 / 1e6
                )));
                continue;
            }
            match gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
                Ok(bytes) => dispatch.dispatch(Action::FileLoaded { name, is_sample: false, bytes: Arc::new(bytes) }),
                Err(err) => dispatch.dispatch(Action::FileFailed(format!(
                    "{name} kunde inte läsas ({err}). Kontrollera att filen inte är öppen i ett annat program och försök igen."
                ))),
            }
        }
    });
}
