//! Each built-in plugin's doc comment is its user documentation: it must document every
//! parameter key the plugin declares (as "`key`"), so the web app's labels, the CLI's `--param`
//! and the documentation never drift apart. A composite report documents how its parts'
//! parameters are named (`<part>.<parameter>`), and each part documents its own.

use std::path::PathBuf;

/// The `//!` lines of the plugin with `id`: `src/<id with _>/mod.rs`, or `src/<id with _>.rs`.
fn module_doc(id: &str) -> String {
    let name = id.replace('-', "_");
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let path = [src.join(&name).join("mod.rs"), src.join(format!("{name}.rs"))]
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no source file for plugin {id}"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().filter_map(|l| l.trim_start().strip_prefix("//!")).collect::<Vec<_>>().join("\n")
}

#[test]
fn every_parameter_key_is_documented() {
    for plugin in uppfolj_plugins::registry().iter() {
        let id = plugin.meta().id;
        let doc = module_doc(&id);
        for spec in plugin.params() {
            match spec.key.split_once('.') {
                // A composite's parameter of one of its parts (`scorecard.partial`): the
                // composite documents the naming, the part documents the parameter.
                Some((part, key)) => {
                    assert!(
                        doc.contains("`<part>.<parameter>`"),
                        "{id}: the doc comment does not explain `{}`",
                        spec.key
                    );
                    let part_doc = module_doc(part);
                    assert!(key == "file" || part_doc.contains(&format!("`{key}`")), "{part}: `{key}` undocumented");
                }
                None => assert!(
                    doc.contains(&format!("`{}`", spec.key)),
                    "{id}: the doc comment does not document `{}`",
                    spec.key
                ),
            }
        }
        assert!(doc.contains(&format!("`{id}`")), "{id}: the doc comment does not name the plugin's id");
    }
}
