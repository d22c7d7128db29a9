//! The workspace as the browser keeps it between visits: which files are loaded (their bytes are
//! kept beside it, by file name), how each is read, the chosen report, whether the user picked it,
//! its parameters, the file the user chose for an input of a report, and the mappings remembered
//! by layout. [`crate::store`] writes it to IndexedDB;
//! here is what is saved, made from the [`State`], and the command that makes the workspace again
//! in the session worker from it ([`restore_command`]).

use crate::state::State;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use uppfolj_import::Mapping;
use uppfolj_web::session_protocol::{Command, Workspace, WorkspaceFile};

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
    /// Its layout key ([`uppfolj_web::fingerprint`]).
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
            .view
            .files
            .iter()
            .map(|f| SavedFile {
                name: f.name.clone(),
                is_sample: f.is_sample,
                mapping: f.mapping.clone(),
                layout: f.layout.clone(),
                remembered: f.remembered,
            })
            .collect();
        SavedWorkspace {
            version: VERSION,
            files,
            plugin: self.view.plugin.clone(),
            picked: self.view.picked,
            params: self.view.params.clone(),
            bindings: self.view.bindings.clone(),
        }
    }

    /// What the page holds now, to make it again in a fresh worker (after a cancel).
    pub fn restored(&self) -> Restored {
        Restored { workspace: self.saved(), bytes: self.bytes.clone(), layouts: self.view.layouts.clone() }
    }

    /// Whether the state is what a first visit shows (the sample as it comes, or nothing loaded
    /// yet, and no remembered mapping): then nothing needs to be kept.
    pub fn is_first_visit(&self) -> bool {
        let files = &self.view.files;
        files.iter().all(|f| f.is_sample && f.mapping.is_empty())
            && !files.is_empty()
            && !self.view.picked
            && self.view.params.is_empty()
            && self.view.bindings.is_empty()
            && self.view.layouts.is_empty()
    }
}

/// Files' bytes by name, as sent with a command.
pub type Sent = Vec<(String, Arc<Vec<u8>>)>;

/// The command that makes `restored` again in the session worker, and the bytes it names. A file
/// whose bytes are gone is named with none: the worker cannot import it and says it is lost.
pub fn restore_command(restored: Restored) -> (Command, Sent) {
    let Restored { workspace, bytes, layouts } = restored;
    let mut sent = Vec::new();
    let files = workspace
        .files
        .into_iter()
        .map(|f| {
            let file = match bytes.get(&f.name) {
                Some(b) => {
                    sent.push((f.name.clone(), b.clone()));
                    sent.len() - 1
                }
                None => usize::MAX,
            };
            WorkspaceFile {
                name: f.name,
                file,
                is_sample: f.is_sample,
                mapping: f.mapping,
                remembered: f.remembered,
                layout: f.layout,
            }
        })
        .collect();
    let workspace = Workspace {
        files,
        plugin: workspace.plugin,
        picked: workspace.picked,
        params: workspace.params,
        layouts,
        bindings: workspace.bindings,
    };
    (Command::Restore(workspace), sent)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;
    use crate::i18n::Lang;
    use crate::state::testing::{load, run, start};
    use std::rc::Rc;
    use uppfolj_web::session_host::Host;
    use yew::Reducible;

    const BUDGET: &str = "Verksamhet;Budget;Utfall\nSkola;-100;-110\nVård;-200;-190\n";
    const GRANTS: &str = "Projekt;Beviljat;Förbrukat\nLäsfrämjande;100;40\nSimskola;50;50\n";

    fn restored_from(state: &State) -> Restored {
        // Through JSON, as the browser keeps it.
        let json = serde_json::to_string(&state.saved()).expect("serialises");
        let workspace = serde_json::from_str(&json).expect("reads back");
        Restored { workspace, ..state.restored() }
    }

    /// `restored` made again in a fresh worker and page.
    fn restore(restored: Restored) -> (Host, Rc<State>) {
        let (mut host, state) = start();
        let (command, sent) = restore_command(restored);
        let files = sent.into_iter().map(|(n, b)| (n, b.to_vec())).collect();
        let state = run(&mut host, state, command, files);
        (host, state)
    }

    fn command(host: &mut Host, state: Rc<State>, command: Command) -> Rc<State> {
        run(host, state, command, Vec::new())
    }

    #[test]
    fn a_saved_workspace_comes_back_with_its_files_report_and_parameters() {
        let (mut h, s) = start();
        let s = load(&mut h, s, "Exempel.csv", true, BUDGET);
        assert!(s.ready && s.is_first_visit(), "the sample as it comes is nothing to keep");
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let s = load(&mut h, s, "drift.csv", false, BUDGET);
        let s = command(&mut h, s, Command::PickPlugin { id: "earmarked-grants".into() });
        let s = command(&mut h, s, Command::SetParam { key: "low_use".into(), value: "30".into() });
        let s = command(&mut h, s, Command::Bind { input: "grants".into(), file: "bidrag.csv".into() });
        assert!(!s.is_first_visit());
        let (mut h, back) = restore(restored_from(&s));
        assert_eq!(back.saved(), s.saved());
        assert_eq!(back.bytes, s.bytes);
        assert!(back.ready && back.view.picked);
        assert_eq!(back.view.bindings.len(), 1, "the file chosen for an input comes back");
        assert_eq!(back.report.as_ref().map(|r| r.plugin.id.as_str()), Some("earmarked-grants"));
        assert!(
            back.messages.iter().any(|m| m.text.show(Lang::Sv).contains("återställdes: 2 filer")),
            "{:?}",
            back.messages
        );
        let cleared = command(&mut h, back.reduce(crate::state::Action::Reset), Command::Reset);
        assert!(cleared.view.files.is_empty() && !cleared.ready && !cleared.view.picked);
        assert!(cleared.bytes.is_empty() && cleared.view.layouts.is_empty());
    }

    #[test]
    fn a_mapping_given_one_file_is_used_for_the_next_file_of_the_same_layout_and_can_be_undone() {
        let (mut h, s) = start();
        let s = load(&mut h, s, "mars.csv", false, BUDGET);
        let mapping = Mapping { unit: Some(uppfolj_model::Unit::Mnkr), ..Mapping::default() };
        let s = command(&mut h, s, Command::Remap { name: "mars.csv".into(), mapping: mapping.clone(), undo: false });
        assert_eq!(s.view.layouts.values().collect::<Vec<_>>(), [&mapping]);
        let s = load(&mut h, s, "april.csv", false, "Verksamhet;Budget;Utfall\nSkola;-1;-2\n");
        let april = s.view.file("april.csv").expect("loaded");
        assert_eq!(april.mapping, mapping);
        assert!(april.remembered);
        assert!(
            s.messages.iter().any(|m| m.text.show(Lang::Sv).contains("samma kolumner användes")),
            "{:?}",
            s.messages
        );
        let other = load(&mut h, s.clone(), "bidrag.csv", false, GRANTS);
        assert!(other.view.file("bidrag.csv").expect("loaded").mapping.is_empty(), "another layout");
        let (_, restored) = restore(restored_from(&s));
        assert!(restored.view.file("april.csv").expect("loaded").remembered, "the note survives a reload");
        let undone =
            command(&mut h, s, Command::Remap { name: "april.csv".into(), mapping: Mapping::default(), undo: true });
        let april = undone.view.file("april.csv").expect("loaded");
        assert!(april.mapping.is_empty() && !april.remembered);
        assert_eq!(undone.view.layouts.len(), 1, "still remembered for later files");
    }

    #[test]
    fn a_saved_parameter_the_report_no_longer_has_is_left_out() {
        let (mut h, s) = start();
        let s = load(&mut h, s, "bidrag.csv", false, GRANTS);
        let s = command(&mut h, s, Command::SetParam { key: "low_use".into(), value: "30".into() });
        let mut restored = restored_from(&s);
        restored.workspace.params.push(("gone".into(), "1".into()));
        let (_, back) = restore(restored);
        assert_eq!(back.view.params, [("low_use".to_owned(), "30".to_owned())]);
        assert!(back.report.is_some(), "{:?}", back.view.report_error);
    }

    #[test]
    fn a_file_whose_bytes_are_gone_is_said_and_left_out() {
        let (mut h, s) = start();
        let s = load(&mut h, s, "a.csv", false, BUDGET);
        let s = load(&mut h, s, "b.csv", false, GRANTS);
        let mut restored = restored_from(&s);
        restored.bytes.remove("a.csv");
        let (_, back) = restore(restored);
        assert_eq!(back.view.files.len(), 1);
        assert!(
            back.messages.iter().any(|m| m.is_error && m.text.show(Lang::Sv).contains("a.csv")),
            "{:?}",
            back.messages
        );
    }
}
