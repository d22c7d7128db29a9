//! The workspace as the browser keeps it between visits: which files are loaded (their bytes are
//! kept beside it, by file name), how each is read, the chosen report, whether the user picked it,
//! its parameters, the file the user chose for an input of a report, and the mappings remembered
//! by layout. [`crate::store`] writes it to IndexedDB;
//! here is what is saved, made from the [`State`], and the state made again from it.

use crate::state::State;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use uppfolj_import::Mapping;

/// The version of the saved format; a saved workspace of another version is not restored.
pub const VERSION: u32 = 1;

/// What is saved of the state, but the files' bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedWorkspace {
    /// [`VERSION`].
    pub version: u32,
    /// The loaded files, in load order.
    pub files: Vec<SavedFile>,
    /// The chosen report's id.
    pub plugin: Option<String>,
    /// Whether the user picked it.
    pub picked: bool,
    /// Its parameters as the user gave them.
    pub params: Vec<(String, String)>,
    /// The files the user chose for reports' inputs (absent in workspaces saved before).
    #[serde(default)]
    pub bindings: Vec<uppfolj_app::Binding>,
}

/// A loaded file, but its bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedFile {
    /// The file name (the key of its bytes).
    pub name: String,
    /// Whether it is the bundled sample (its bytes are the app's own, not stored).
    pub is_sample: bool,
    /// How it is read.
    pub mapping: Mapping,
    /// Its layout key ([`crate::fingerprint`]).
    pub layout: Option<String>,
    /// Whether its mapping was remembered from an earlier file.
    pub remembered: bool,
}

/// What the start found saved: the workspace, the bytes of its files and the remembered mappings.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The workspace.
    pub workspace: SavedWorkspace,
    /// The files' bytes, by name (the sample's too, from the app).
    pub bytes: BTreeMap<String, Arc<Vec<u8>>>,
    /// The mappings by layout key.
    pub layouts: BTreeMap<String, Mapping>,
}

impl State {
    /// What is saved of the state now.
    pub fn saved(&self) -> SavedWorkspace {
        let files = self
            .session
            .files()
            .iter()
            .map(|f| SavedFile {
                name: f.name.clone(),
                is_sample: self.sample.as_ref() == Some(&f.name),
                mapping: f.mapping.clone(),
                layout: self.layout_keys.get(&f.name).cloned(),
                remembered: self.remembered.contains(&f.name),
            })
            .collect();
        SavedWorkspace {
            version: VERSION,
            files,
            plugin: self.session.plugin_id().map(str::to_owned),
            picked: self.session.is_picked(),
            params: self.session.params().to_vec(),
            bindings: self.session.bindings().to_vec(),
        }
    }

    /// Whether the state is what a first visit shows (the sample as it comes, or nothing loaded
    /// yet, and no remembered mapping): then nothing needs to be kept.
    pub fn is_first_visit(&self) -> bool {
        let untouched = |f: &uppfolj_app::LoadedFile| self.sample.as_ref() == Some(&f.name) && f.mapping.is_empty();
        self.session.files().iter().all(untouched)
            && !self.session.files().is_empty()
            && !self.session.is_picked()
            && self.session.params().is_empty()
            && self.session.bindings().is_empty()
            && self.layouts.is_empty()
    }

    /// Makes the state again from what was saved: each file imported with its mapping, then the
    /// report and its parameters. A file that cannot be restored is said and left out.
    pub(crate) fn restore(&mut self, restored: Restored) {
        let Restored { workspace, bytes, layouts } = restored;
        self.layouts = layouts;
        let mut lost = Vec::new();
        for f in workspace.files {
            let Some(data) = bytes.get(&f.name).cloned() else {
                lost.push(f.name);
                continue;
            };
            if self.session.load(f.name.clone(), data, f.mapping).is_err() {
                lost.push(f.name);
                continue;
            }
            if f.is_sample {
                self.sample = Some(f.name.clone());
            }
            if let Some(key) = f.layout {
                self.layout_keys.insert(f.name.clone(), key);
            }
            if f.remembered {
                self.remembered.insert(f.name);
            }
        }
        if let (true, Some(id)) = (workspace.picked, &workspace.plugin) {
            // A report that is no longer offered leaves the choice to the files.
            let _ = self.session.pick_plugin(id);
        }
        // Only the parameters the chosen report still has (a saved one it no longer takes would
        // stop the report).
        let keys: Vec<String> =
            self.session.plugin().map(|p| p.params().into_iter().map(|s| s.key).collect()).unwrap_or_default();
        self.session.set_params(workspace.params.into_iter().filter(|(k, _)| keys.contains(k)).collect());
        self.session.set_bindings(workspace.bindings);
        self.ready = true;
        let count = self.session.files().len();
        if !lost.is_empty() {
            self.notify(
                true,
                format!("Några sparade filer kunde inte återställas: {}. Släpp dem på sidan igen.", lost.join(", ")),
            );
        }
        if count > 0 && self.sample.is_none() {
            let noun = if count == 1 { "fil" } else { "filer" };
            self.notify(
                false,
                format!("Din arbetsyta från förra gången återställdes: {count} {noun}. ”Rensa all data” tar bort den."),
            );
        }
        self.refresh();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;
    use crate::state::Action;
    use std::rc::Rc;
    use yew::Reducible;

    const BUDGET: &str = "Verksamhet;Budget;Utfall\nSkola;-100;-110\nVård;-200;-190\n";
    const GRANTS: &str = "Projekt;Beviljat;Förbrukat\nLäsfrämjande;100;40\nSimskola;50;50\n";

    fn empty() -> Rc<State> {
        Rc::new(State::new(uppfolj_app::registry().expect("distinct ids")))
    }

    fn load(state: Rc<State>, name: &str, is_sample: bool, text: &str) -> Rc<State> {
        let bytes = Arc::new(text.as_bytes().to_vec());
        state.reduce(Action::FileLoaded { name: name.to_owned(), is_sample, bytes })
    }

    fn restored_from(state: &State) -> Restored {
        let bytes = state.session.files().iter().map(|f| (f.name.clone(), f.bytes.clone())).collect();
        // Through JSON, as the browser keeps it.
        let json = serde_json::to_string(&state.saved()).expect("serialises");
        let workspace = serde_json::from_str(&json).expect("reads back");
        Restored { workspace, bytes, layouts: state.layouts.clone() }
    }

    #[test]
    fn a_saved_workspace_comes_back_with_its_files_report_and_parameters() {
        let s = load(empty(), "Exempel.csv", true, BUDGET);
        assert!(s.ready && s.is_first_visit(), "the sample as it comes is nothing to keep");
        let s = load(s, "bidrag.csv", false, GRANTS);
        let s = load(s, "drift.csv", false, BUDGET);
        let s = s.reduce(Action::SelectPlugin("earmarked-grants".into()));
        let s = s.reduce(Action::SetParam("low_use".into(), "30".into()));
        let s = s.reduce(Action::BindInput { input: "grants".into(), file: "bidrag.csv".into() });
        assert!(!s.is_first_visit());
        let back = empty().reduce(Action::Restore(Box::new(restored_from(&s))));
        assert_eq!(back.saved(), s.saved());
        assert!(back.ready && back.session.is_picked());
        assert_eq!(back.session.bindings().len(), 1, "the file chosen for an input comes back");
        assert_eq!(back.report.as_ref().map(|r| r.plugin.id.as_str()), Some("earmarked-grants"));
        assert!(back.messages.iter().any(|m| m.text.contains("återställdes: 2 filer")), "{:?}", back.messages);
        let cleared = back.reduce(Action::Reset);
        assert!(cleared.session.files().is_empty() && !cleared.ready && !cleared.session.is_picked());
    }

    #[test]
    fn a_mapping_given_one_file_is_used_for_the_next_file_of_the_same_layout_and_can_be_undone() {
        let s = load(empty(), "mars.csv", false, BUDGET);
        let mapping = Mapping { unit: Some(uppfolj_model::Unit::Mnkr), ..Mapping::default() };
        let s = s.reduce(Action::Remap { index: 0, mapping: mapping.clone() });
        assert_eq!(s.layouts.values().collect::<Vec<_>>(), [&mapping]);
        let s = load(s, "april.csv", false, "Verksamhet;Budget;Utfall\nSkola;-1;-2\n");
        let april = s.session.file("april.csv").expect("loaded");
        assert_eq!(april.mapping, mapping);
        assert!(s.remembered.contains("april.csv"));
        assert!(s.messages.iter().any(|m| m.text.contains("samma kolumner användes")), "{:?}", s.messages);
        let other = load(s.clone(), "bidrag.csv", false, GRANTS);
        assert!(other.session.file("bidrag.csv").expect("loaded").mapping.is_empty(), "another layout");
        let restored = empty().reduce(Action::Restore(Box::new(restored_from(&s))));
        assert!(restored.remembered.contains("april.csv"), "the note survives a reload");
        let undone = s.reduce(Action::UndoRemembered("april.csv".into()));
        assert!(undone.session.file("april.csv").expect("loaded").mapping.is_empty());
        assert!(!undone.remembered.contains("april.csv"));
        assert_eq!(undone.layouts.len(), 1, "still remembered for later files");
    }

    #[test]
    fn a_saved_parameter_the_report_no_longer_has_is_left_out() {
        let s = load(empty(), "bidrag.csv", false, GRANTS);
        let s = s.reduce(Action::SetParam("low_use".into(), "30".into()));
        let mut restored = restored_from(&s);
        restored.workspace.params.push(("gone".into(), "1".into()));
        let back = empty().reduce(Action::Restore(Box::new(restored)));
        assert_eq!(back.session.params(), [("low_use".to_owned(), "30".to_owned())]);
        assert!(back.report.is_some(), "{:?}", back.report_error);
    }

    #[test]
    fn a_file_whose_bytes_are_gone_is_said_and_left_out() {
        let s = load(load(empty(), "a.csv", false, BUDGET), "b.csv", false, GRANTS);
        let mut restored = restored_from(&s);
        restored.bytes.remove("a.csv");
        let back = empty().reduce(Action::Restore(Box::new(restored)));
        assert_eq!(back.session.files().len(), 1);
        assert!(back.messages.iter().any(|m| m.is_error && m.text.contains("a.csv")), "{:?}", back.messages);
    }
}
