//! Prints the import summary of files: `cargo run -p uppfolj-import --example inspect -- FILE...`.

use uppfolj_import::{ImportOptions, import_bytes};

fn main() {
    for path in std::env::args().skip(1) {
        let name = std::path::Path::new(&path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        match std::fs::read(&path) {
            Ok(bytes) => match import_bytes(&name, &bytes, &ImportOptions::default()) {
                Ok(import) => println!("{}", import.summary),
                Err(e) => println!("FEL: {e}"),
            },
            Err(e) => println!("{path}: {e}"),
        }
    }
}
