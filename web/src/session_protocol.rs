//! What the page and its session worker say to each other: the [`Command`]s the page sends, the
//! [`Answer`] the worker gives to each (an [`Outcome`] and the [`SessionView`] after it), packed in
//! CBOR ([`encode`], [`decode`]).
//!
//! Pure data, no web-sys: the page renders only a [`SessionView`], and the worker
//! ([`crate::session_host`]) makes one after every command. A file's bytes do not travel inside a
//! command: they are transferred beside it, as `ArrayBuffer`s, and a command names them by their
//! place in that list ([`FileRef`]). See [`crate::session_worker`] for the messages around these.

use crate::explain::Explained;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::collections::BTreeMap;
use uppfolj_app::{Binding, GalleryEntry, InputChoice};
use uppfolj_import::Mapping;
use uppfolj_model::{ColumnRole, Report};
use uppfolj_plugin::ParamSpec;

/// The place of a file's bytes in the list transferred with a command.
pub type FileRef = usize;

/// What the page asks of the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Import a file (the user's own replaces the bundled sample) and read it with the mapping
    /// remembered for its layout, if there is one.
    Load {
        /// The file name.
        name: String,
        /// Whether it is the bundled sample.
        is_sample: bool,
        /// Its bytes.
        file: FileRef,
    },
    /// Read the file `name` again with `mapping`; `undo` when the user undid a remembered mapping.
    Remap {
        /// The file name.
        name: String,
        /// The new overrides.
        mapping: Mapping,
        /// Whether this undoes a remembered mapping (then it is not remembered for the layout).
        undo: bool,
    },
    /// Remove the file `name`.
    Remove {
        /// The file name.
        name: String,
    },
    /// The user picked the report `id`.
    PickPlugin {
        /// The plugin id.
        id: String,
    },
    /// The user chose the loaded file `file` for the input `input` of the chosen report; an empty
    /// `file` goes back to the first file that fits.
    Bind {
        /// The input's key.
        input: String,
        /// The file name, or empty.
        file: String,
    },
    /// The user set the parameter `key`; a blank `value` clears it (its default applies).
    SetParam {
        /// The parameter key.
        key: String,
        /// The text typed.
        value: String,
    },
    /// Make the workspace again: a saved one at start, or the one the page had before a cancel.
    Restore(Workspace),
    /// Forget everything ("Rensa all data").
    Reset,
    /// Pack the report shown now and its inputs for the export worker (answered with the chunks of
    /// an `ExportJob`, not with an [`Answer`]).
    Export {
        /// The export date, "2026-11-24".
        date: String,
    },
}

/// A workspace to make again: the files with their mappings, the chosen report, its parameters
/// and the remembered mappings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// The files, in load order.
    pub files: Vec<WorkspaceFile>,
    /// The chosen report's id.
    pub plugin: Option<String>,
    /// Whether the user picked it.
    pub picked: bool,
    /// Its parameters as the user gave them.
    pub params: Vec<(String, String)>,
    /// The mappings remembered by layout key ([`crate::fingerprint`]).
    pub layouts: BTreeMap<String, Mapping>,
    /// The files the user chose for reports' inputs.
    pub bindings: Vec<Binding>,
}

/// A file of a [`Workspace`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceFile {
    /// The file name.
    pub name: String,
    /// Its bytes.
    pub file: FileRef,
    /// Whether it is the bundled sample.
    pub is_sample: bool,
    /// How it is read.
    pub mapping: Mapping,
    /// Whether its mapping was remembered from an earlier file of the same layout.
    pub remembered: bool,
    /// Its layout key, as the automatic reading found it when it was first loaded.
    pub layout: Option<String>,
}

/// What a command did, for the page's messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// The file was imported.
    Loaded {
        /// The file name.
        name: String,
        /// Whether it is the bundled sample.
        is_sample: bool,
        /// How many tables the import found.
        tables: usize,
        /// What became of the mapping remembered for its layout.
        remembered: Remembered,
    },
    /// The file could not be imported; nothing changed.
    NotLoaded {
        /// The file name.
        name: String,
        /// Why, in Swedish.
        error: Explained,
    },
    /// The file was read again with the mapping asked for.
    Remapped {
        /// The file name.
        name: String,
        /// Whether a remembered mapping was undone.
        undo: bool,
    },
    /// The file could not be read with that mapping: it keeps its former reading.
    NotRemapped {
        /// The file name.
        name: String,
        /// Why, in Swedish.
        error: Explained,
    },
    /// The file was removed.
    Removed {
        /// The file name.
        name: String,
    },
    /// The workspace was made again; the files named in `lost` could not be imported.
    Restored {
        /// Files left out.
        lost: Vec<String>,
    },
    /// Everything was forgotten.
    Reset,
    /// Nothing to tell (a report picked, a file chosen for an input, a parameter set, a command
    /// about a file not loaded).
    Changed,
}

/// What became of the mapping remembered for a loaded file's layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Remembered {
    /// No mapping is remembered for the layout.
    None,
    /// The file was read with it.
    Applied,
    /// It did not fit the file (the reason, in Swedish), so the file was read automatically.
    Unfit(String),
}

/// The worker's answer to a command.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// What the command did.
    pub outcome: Outcome,
    /// The session after it.
    pub view: SessionView,
}

/// Everything the page shows of the session, made by the worker after each command.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    /// The loaded files, in load order.
    pub files: Vec<FileView>,
    /// The reports offered, in registry order, each with whether the loaded files fit it.
    pub plugins: Vec<PluginChoice>,
    /// The chosen report's id.
    pub plugin: Option<String>,
    /// Whether the user picked it (it then stays when files change).
    pub picked: bool,
    /// The chosen report's parameters.
    pub param_specs: Vec<ParamSpec>,
    /// The parameters as the user gave them, `(key, text)`.
    pub params: Vec<(String, String)>,
    /// The report of the files loaded now, or why there is none (Swedish); both `None` when no file
    /// is loaded.
    pub report: Option<Report>,
    /// Why the chosen report cannot be made of the files loaded now.
    pub report_error: Option<crate::explain::ReportProblem>,
    /// The mappings the user gave files, by layout key.
    pub layouts: BTreeMap<String, Mapping>,
    /// Every report, in registry order, with whether the loaded files satisfy it and, if not,
    /// what file it needs (the gallery).
    pub gallery: Vec<GalleryEntry>,
    /// The inputs of the chosen report that several loaded files fit, with the file used now.
    pub input_choices: Vec<InputChoice>,
    /// The files the user chose for reports' inputs (every report's, saved with the workspace).
    pub bindings: Vec<Binding>,
}

impl SessionView {
    /// The loaded file `name`.
    pub fn file(&self, name: &str) -> Option<&FileView> {
        self.files.iter().find(|f| f.name == name)
    }

    /// The bundled sample's name, while it is loaded.
    pub fn sample(&self) -> Option<&str> {
        self.files.iter().find(|f| f.is_sample).map(|f| f.name.as_str())
    }
}

/// What became of the report with an answer. The report travels beside the answer's view, so
/// that the page decodes it in a task of its own, and not at all when it did not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportNews {
    /// There is none: no file is loaded, or the chosen report cannot be made of them.
    Gone,
    /// The same as the one sent before.
    Same,
    /// A new one (the worker sends its CBOR beside the answer).
    Coming,
}

/// Takes the report out of `view`, to travel beside the answer: `sent` is the CBOR of the report
/// sent before, and becomes that of this one. A report the same as the one sent before is not
/// sent again: the page keeps the one it has, and neither decodes nor draws it again.
pub fn take_report(view: &mut SessionView, sent: &mut Option<Vec<u8>>) -> ReportNews {
    let now = view.report.take().map(|r| encode(&r));
    let news = match (&now, &*sent) {
        (None, _) => ReportNews::Gone,
        (Some(now), Some(before)) if now == before => ReportNews::Same,
        (Some(_), _) => ReportNews::Coming,
    };
    *sent = now;
    news
}

/// A loaded file as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileView {
    /// The file name.
    pub name: String,
    /// Its size in bytes.
    pub size: usize,
    /// Whether it is the bundled sample.
    pub is_sample: bool,
    /// How it is read.
    pub mapping: Mapping,
    /// Whether that mapping was remembered from an earlier file of the same layout.
    pub remembered: bool,
    /// Its layout key, as the automatic reading found it ([`crate::fingerprint`]).
    pub layout: Option<String>,
    /// How many tables the import found.
    pub tables: usize,
    /// What the import found and decided, in Swedish (the `ImportSummary` as text).
    pub summary: String,
    /// The columns of its tables, for the mapping editor.
    pub columns: Vec<ColumnView>,
}

/// A column the import found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnView {
    /// Its letter in the sheet ("C").
    pub letter: String,
    /// Its header.
    pub name: String,
    /// The role the import gave it.
    pub role: Option<ColumnRole>,
}

/// A report offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PluginChoice {
    /// Its id.
    pub id: String,
    /// Its Swedish name.
    pub name: String,
    /// Its Swedish description.
    pub description: String,
    /// Whether the loaded files fit it.
    pub fits: bool,
}

/// How far the command running has come, for the progress bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Working {
    /// What is being done; the page says it in its language.
    pub step: Step,
    /// The share done, 0 to 1, when it is known.
    pub fraction: Option<f32>,
}

/// A step of a command, as the progress bar names it (the import's steps, then the report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// The file's structure is checked.
    Checking,
    /// Rows are read, of the sheet `sheet` (none for a text file).
    Reading {
        /// The sheet's name.
        sheet: Option<String>,
        /// Rows read so far.
        rows: u64,
    },
    /// The tables, headers and column roles are found.
    Layout,
    /// The report is computed.
    Computing,
}

impl Step {
    /// The step's name in the worker's messages (`{ kind: "progress", step, sheet, rows }`).
    pub fn code(&self) -> &'static str {
        match self {
            Step::Checking => "checking",
            Step::Reading { .. } => "reading",
            Step::Layout => "layout",
            Step::Computing => "computing",
        }
    }

    /// The step named `code` ([`Step::code`]); an unknown name is taken as computing.
    pub fn from_code(code: &str, sheet: Option<String>, rows: u64) -> Self {
        match code {
            "checking" => Step::Checking,
            "reading" => Step::Reading { sheet, rows },
            "layout" => Step::Layout,
            _ => Step::Computing,
        }
    }
}

/// Why a message could not be read: the page and the worker come from different versions.
#[derive(Debug, thiserror::Error)]
#[error("Sidan och beräkningens programfiler hör till olika versioner av uppfolj. Ladda om sidan.")]
pub struct Unreadable {
    /// The decoder's words, for a developer.
    pub detail: String,
}

/// Packs `value` in CBOR.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every type here serialises.
    let _ = ciborium::into_writer(value, &mut out);
    out
}

/// Reads a value packed by [`encode`].
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Unreadable> {
    ciborium::from_reader(bytes).map_err(|e| Unreadable { detail: e.to_string() })
}
