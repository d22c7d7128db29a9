//! The session as the worker holds it: the [`Session`] (files, chosen report, parameters), which
//! file is the bundled sample, the mappings remembered by layout, and the report of the files
//! loaded now. [`Host::handle`] runs a [`Command`] and tells what it did ([`Outcome`]);
//! [`Host::view`] is what the page is sent after it.
//!
//! Pure (no web-sys), so it is tested natively; the worker ([`crate::session_worker`]) only moves
//! commands in and answers out. Every change recomputes the report from the files loaded now;
//! when the chosen report cannot be made there is no report and the reason is kept in its place,
//! so the page is never sent a report of files that are no longer loaded. A file that cannot be
//! read changes nothing.

use crate::export_job::{ExportJob, ExportOptions};
use crate::session_protocol::{
    ColumnView, Command, FileView, Outcome, PluginChoice, Remembered, SessionView, Step, Working, Workspace,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use uppfolj_app::{LoadedFile, Session};
use uppfolj_import::progress::Stage;
use uppfolj_import::{Mapping, Progress};
use uppfolj_model::packed::Packing;
use uppfolj_model::{CellRef, Dataset, Report};
use uppfolj_plugin::{ParamKind, ParamSpec, Registry};

/// What a command tells of its progress: each step of an import, then the report's computation.
pub type Observe<'a> = &'a mut dyn FnMut(Working);

/// The end of a composite report's parameter naming a part's file (`budget-follow-up.file`).
const PART_FILE: &str = ".file";

/// An import's progress as the page shows it.
fn working(progress: &Progress) -> Working {
    let step = match &progress.stage {
        Stage::Checking => Step::Checking,
        Stage::Reading { sheet } => Step::Reading { sheet: sheet.clone(), rows: progress.rows },
        Stage::Layout => Step::Layout,
    };
    Working { step, fraction: progress.fraction }
}

/// The session and what belongs with it; see the module documentation.
#[derive(Debug)]
pub struct Host {
    session: Session,
    sample: Option<String>,
    layouts: BTreeMap<String, Mapping>,
    layout_keys: BTreeMap<String, String>,
    remembered: BTreeSet<String>,
    report: Result<Option<Report>, crate::explain::ReportProblem>,
}

impl Host {
    /// A host offering the plugins of `registry`, with no files.
    pub fn new(registry: Registry) -> Self {
        Self {
            session: Session::new(registry),
            sample: None,
            layouts: BTreeMap::new(),
            layout_keys: BTreeMap::new(),
            remembered: BTreeSet::new(),
            report: Ok(None),
        }
    }

    /// The session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Runs `command` with the bytes transferred beside it (`files`); `observe` is told how far an
    /// import has come. [`Command::Export`] changes nothing here: see [`Host::export_job`].
    pub fn handle(&mut self, command: Command, files: &[Arc<Vec<u8>>], observe: Observe<'_>) -> Outcome {
        let bytes = |i: usize| files.get(i).cloned().unwrap_or_default();
        let outcome = match command {
            Command::Load { name, is_sample, file } => self.load(name, is_sample, bytes(file), observe),
            Command::Remap { name, mapping, undo } => self.remap(&name, mapping, undo),
            Command::Remove { name } => self.remove(&name),
            Command::PickPlugin { id } => {
                let _ = self.session.pick_plugin(&id);
                Outcome::Changed
            }
            Command::Bind { input, file } => {
                if file.is_empty() {
                    self.session.unbind(&input);
                } else {
                    self.session.bind(&input, &file);
                }
                Outcome::Changed
            }
            Command::SetParam { key, value } => {
                // A cleared field is a parameter not given: its default applies.
                if value.trim().is_empty() {
                    self.session.clear_param(&key);
                } else {
                    self.session.set_param(key, value);
                }
                Outcome::Changed
            }
            Command::Restore(workspace) => self.restore(workspace, files, observe),
            Command::Reset => {
                *self = Self { session: self.session.cleared(), ..Self::new(Registry::new()) };
                Outcome::Reset
            }
            Command::Export { .. } => return Outcome::Changed,
        };
        observe(Working { step: Step::Computing, fraction: None });
        self.refresh();
        outcome
    }

    /// After anything changed: the report of the files loaded now, or why there is none.
    fn refresh(&mut self) {
        self.report = if self.session.files().is_empty() {
            Ok(None)
        } else {
            self.session.run().map(Some).map_err(|e| crate::explain::report_error(&e))
        };
    }

    fn load(&mut self, name: String, is_sample: bool, bytes: Arc<Vec<u8>>, observe: Observe<'_>) -> Outcome {
        let loaded = self.session.load_observed(name.clone(), bytes, Mapping::default(), &mut |p| observe(working(p)));
        let (tables, layout) = match loaded {
            Ok(file) => (file.datasets().len(), crate::fingerprint::layout(file.datasets())),
            Err(err) => return Outcome::NotLoaded { name, error: crate::explain::import_error(&err) },
        };
        self.remembered.remove(&name);
        match layout {
            Some(key) => self.layout_keys.insert(name.clone(), key),
            None => self.layout_keys.remove(&name),
        };
        if is_sample {
            self.sample = Some(name.clone());
            return Outcome::Loaded { name, is_sample, tables, remembered: Remembered::None };
        }
        // The user's own file replaces the sample (unless it was loaded under the sample's name).
        if let Some(sample) = self.sample.take().filter(|s| *s != name) {
            self.session.remove(&sample);
            self.layout_keys.remove(&sample);
        }
        let remembered = self.apply_remembered(&name);
        Outcome::Loaded { name, is_sample, tables, remembered }
    }

    /// Reads the file `name` with the mapping the user gave an earlier file of the same layout,
    /// if there is one.
    fn apply_remembered(&mut self, name: &str) -> Remembered {
        let Some(mapping) = self.layout_keys.get(name).and_then(|key| self.layouts.get(key)).cloned() else {
            return Remembered::None;
        };
        match self.session.remap(name, mapping) {
            Some(Ok(_)) => {
                self.remembered.insert(name.to_owned());
                Remembered::Applied
            }
            Some(Err(err)) => Remembered::Unfit(err.to_string()),
            None => Remembered::None,
        }
    }

    fn remap(&mut self, name: &str, mapping: Mapping, undo: bool) -> Outcome {
        if undo && !self.remembered.contains(name) {
            return Outcome::Changed;
        }
        match self.session.remap(name, mapping.clone()) {
            Some(Ok(_)) => {
                // Remembered for the next file of the same layout; an automatic reading forgets
                // it. Undoing a remembered mapping keeps it for other files.
                if let (false, Some(key)) = (undo, self.layout_keys.get(name).cloned()) {
                    if mapping.is_empty() {
                        self.layouts.remove(&key);
                    } else {
                        self.layouts.insert(key, mapping);
                    }
                }
                self.remembered.remove(name);
                Outcome::Remapped { name: name.to_owned(), undo }
            }
            Some(Err(err)) => Outcome::NotRemapped { name: name.to_owned(), error: crate::explain::import_error(&err) },
            None => Outcome::Changed,
        }
    }

    fn remove(&mut self, name: &str) -> Outcome {
        if self.session.remove(name).is_none() {
            return Outcome::Changed;
        }
        if self.sample.as_deref() == Some(name) {
            self.sample = None;
        }
        self.layout_keys.remove(name);
        self.remembered.remove(name);
        Outcome::Removed { name: name.to_owned() }
    }

    /// Makes the workspace again: each file imported with its mapping, then the report and its
    /// parameters. A file that cannot be imported is left out and named.
    fn restore(&mut self, workspace: Workspace, files: &[Arc<Vec<u8>>], observe: Observe<'_>) -> Outcome {
        *self = Self { session: self.session.cleared(), layouts: workspace.layouts, ..Self::new(Registry::new()) };
        let mut lost = Vec::new();
        for f in workspace.files {
            let bytes = files.get(f.file).cloned().unwrap_or_default();
            let loaded = self.session.load_observed(f.name.clone(), bytes, f.mapping, &mut |p| observe(working(p)));
            if loaded.is_err() {
                lost.push(f.name);
                continue;
            }
            if let Some(key) = f.layout {
                self.layout_keys.insert(f.name.clone(), key);
            }
            if f.is_sample {
                self.sample = Some(f.name.clone());
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
        Outcome::Restored { lost }
    }

    /// The export of the report shown now: the report and the datasets it was computed from.
    pub fn export_job(&self, options: ExportOptions) -> Option<ExportJob<&Report, Packing<'_>>> {
        let report = self.report.as_ref().ok()?.as_ref()?;
        Some(ExportJob::new(report, self.session.datasets(), options))
    }

    /// A composite report's part file (`<part>.file`, a text the plugin reads as a file's name)
    /// as the page shows it: a choice among the loaded files that fit the part (a plugin of the
    /// registry), the file the user chose kept even if it fits no more, and first the choice
    /// that leaves it to the report: the value "" labelled with the file the report takes for
    /// the part now (`Session::automatic_part_files`, each file the part is made of; empty when
    /// none), which the page words ("Automatiskt (drift.xlsx)", "Automatiskt (a.xlsx, b.csv)").
    /// Any other parameter as it is.
    fn file_choice(&self, spec: ParamSpec) -> ParamSpec {
        let part = spec.key.strip_suffix(PART_FILE).and_then(|id| self.session.registry().get(id));
        let (Some(part), ParamKind::Text) = (part, &spec.kind) else { return spec };
        let inputs = part.inputs();
        let mut files: Vec<String> = Vec::new();
        for ds in self.session.datasets().filter(|d| inputs.iter().any(|s| s.accepts(d))) {
            if !files.contains(&ds.source.file) {
                files.push(ds.source.file.clone());
            }
        }
        let chosen = self.session.params().iter().find(|(k, _)| *k == spec.key).map(|(_, v)| v.clone());
        if let Some(chosen) = chosen.filter(|c| !c.is_empty() && !files.contains(c)) {
            files.push(chosen);
        }
        let automatic = (String::new(), self.session.automatic_part_files(part.meta().id.as_str()).join(", "));
        let choices = std::iter::once(automatic).chain(files.into_iter().map(|f| (f.clone(), f))).collect();
        ParamSpec { kind: ParamKind::Choice { choices }, ..spec }
    }

    /// What the page shows now.
    pub fn view(&self) -> SessionView {
        let session = &self.session;
        let plugin = session.plugin();
        SessionView {
            files: session.files().iter().map(|f| self.file_view(f)).collect(),
            plugins: session
                .registry()
                .metas()
                .map(|m| PluginChoice {
                    id: m.id.clone(),
                    name: m.name_sv.clone(),
                    description: m.description_sv.clone(),
                    fits: session.plugin_fits(&m.id),
                })
                .collect(),
            plugin: session.plugin_id().map(str::to_owned),
            picked: session.is_picked(),
            param_specs: self.param_specs(plugin),
            params: session.params().to_vec(),
            report: self.report.clone().ok().flatten(),
            report_error: self.report.clone().err(),
            layouts: self.layouts.clone(),
            gallery: session.gallery(),
            input_choices: session.input_choices(),
            bindings: session.bindings().to_vec(),
        }
    }

    /// The chosen report's parameters as the page shows them (a composite's part files as
    /// choices: [`Host::file_choice`]).
    fn param_specs(&self, plugin: Option<&dyn uppfolj_plugin::ReportPlugin>) -> Vec<ParamSpec> {
        let specs = plugin.map(|p| p.params()).unwrap_or_default();
        specs.into_iter().map(|s| self.file_choice(s)).collect()
    }

    fn file_view(&self, f: &LoadedFile) -> FileView {
        FileView {
            name: f.name.clone(),
            size: f.size(),
            is_sample: self.sample.as_ref() == Some(&f.name),
            mapping: f.mapping.clone(),
            remembered: self.remembered.contains(&f.name),
            layout: self.layout_keys.get(&f.name).cloned(),
            tables: f.datasets().len(),
            summary: f.summary().to_string(),
            columns: columns(f.datasets()),
        }
    }
}

/// The columns of every table: (letter, header, role the import gave), each once.
fn columns(datasets: &[Arc<Dataset>]) -> Vec<ColumnView> {
    let mut out: Vec<ColumnView> = Vec::new();
    for c in datasets.iter().flat_map(|d| d.columns.iter()) {
        let letter = CellRef::column_letters(c.source_col);
        if !out.iter().any(|o| o.letter == letter && o.name == c.name) {
            out.push(ColumnView { letter, name: c.name.clone(), role: c.role });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;
    use crate::session_protocol::{Answer, WorkspaceFile, decode, encode};

    const BUDGET: &str = "Verksamhet;Budget;Utfall\nSkola;-100;-110\nVård;-200;-190\n";

    fn host() -> Host {
        Host::new(uppfolj_app::registry().expect("distinct ids"))
    }

    fn load(host: &mut Host, name: &str, text: &str, seen: &mut Vec<Working>) -> Outcome {
        let command = Command::Load { name: name.into(), is_sample: false, file: 0 };
        host.handle(command, &[Arc::new(text.as_bytes().to_vec())], &mut |w| seen.push(w))
    }

    #[test]
    fn the_view_holds_what_the_page_shows_and_survives_the_trip_to_the_page() {
        let mut h = host();
        let mut seen = Vec::new();
        let outcome = load(&mut h, "drift.csv", BUDGET, &mut seen);
        assert!(matches!(outcome, Outcome::Loaded { ref name, tables: 1, .. } if name == "drift.csv"), "{outcome:?}");
        assert!(
            seen.iter().any(|w| matches!(w.step, Step::Reading { sheet: None, .. })),
            "the import's steps: {seen:?}"
        );
        assert_eq!(seen.last().map(|w| &w.step), Some(&Step::Computing), "then the report");
        let view = h.view();
        assert_eq!(view.plugin.as_deref(), Some("budget-follow-up"));
        assert!(view.plugins.iter().any(|p| p.id == "budget-follow-up" && p.fits));
        assert!(view.plugins.iter().any(|p| p.id == "earmarked-grants" && !p.fits));
        let file = view.file("drift.csv").expect("listed");
        assert_eq!(file.columns.iter().map(|c| c.letter.as_str()).collect::<Vec<_>>(), ["A", "B", "C"]);
        assert!(file.summary.contains("drift.csv") && file.layout.is_some(), "{file:?}");
        assert!(view.report.is_some() && view.report_error.is_none());
        let answer = Answer { outcome, view };
        let back = decode::<Answer>(&encode(&answer)).expect("reads back");
        // A parameter's default that is a whole number comes back as a number (the same text).
        assert_eq!(
            (&back.outcome, &back.view.files, &back.view.report),
            (&answer.outcome, &answer.view.files, &answer.view.report)
        );
        assert_eq!(back.view.param_specs.len(), answer.view.param_specs.len());
        assert!(!back.view.gallery.is_empty(), "the gallery travels in the view");
        assert_eq!((&back.view.gallery, &back.view.input_choices), (&answer.view.gallery, &answer.view.input_choices));
    }

    #[test]
    fn the_export_packs_the_report_shown_and_only_its_inputs() {
        let mut h = host();
        assert!(h.export_job(ExportOptions::default()).is_none(), "no report, nothing to export");
        load(&mut h, "drift.csv", BUDGET, &mut Vec::new());
        load(&mut h, "bidrag.csv", "Projekt;Beviljat;Förbrukat\nSimskola;50;50\n", &mut Vec::new());
        h.handle(Command::PickPlugin { id: "earmarked-grants".into() }, &[], &mut |_| {});
        let job = h.export_job(ExportOptions::default()).expect("a report");
        assert_eq!(job.report.plugin.id, "earmarked-grants");
        let sources: Vec<_> = job.datasets.iter().map(|d| d.source().file.as_str()).collect();
        assert_eq!(sources, ["bidrag.csv"]);
    }

    #[test]
    fn a_workspace_is_made_again_and_a_file_that_cannot_be_is_named() {
        let mut h = host();
        let file = |name: &str, file| WorkspaceFile {
            name: name.into(),
            file,
            is_sample: false,
            mapping: Mapping::default(),
            remembered: false,
            layout: None,
        };
        let workspace = Workspace {
            files: vec![file("drift.csv", 0), file("borta.csv", usize::MAX)],
            plugin: Some("budget-follow-up".into()),
            picked: true,
            params: Vec::new(),
            layouts: BTreeMap::new(),
            bindings: Vec::new(),
        };
        let outcome = h.handle(Command::Restore(workspace), &[Arc::new(BUDGET.as_bytes().to_vec())], &mut |_| {});
        assert_eq!(outcome, Outcome::Restored { lost: vec!["borta.csv".into()] });
        let view = h.view();
        assert_eq!(view.files.len(), 1);
        assert!(view.picked && view.report.is_some());
        assert_eq!(h.handle(Command::Reset, &[], &mut |_| {}), Outcome::Reset);
        assert!(h.view().files.is_empty() && !h.view().picked);
    }

    #[test]
    fn a_parts_file_is_a_choice_among_the_loaded_files_that_fit_it() {
        let mut h = host();
        load(&mut h, "drift.csv", BUDGET, &mut Vec::new());
        load(&mut h, "drift_juli.csv", BUDGET, &mut Vec::new());
        load(&mut h, "bidrag.csv", "Projekt;Beviljat;Förbrukat\nSimskola;50;50\n", &mut Vec::new());
        h.handle(Command::PickPlugin { id: "interim-report".into() }, &[], &mut |_| {});
        let choices = |h: &Host, key: &str| {
            let view = h.view();
            let spec = view.param_specs.into_iter().find(|s| s.key == key).expect("the part's file");
            match spec.kind {
                ParamKind::Choice { choices } => choices.into_iter().map(|(v, _)| v).collect::<Vec<_>>(),
                other => panic!("{key}: {other:?}"),
            }
        };
        assert_eq!(choices(&h, "budget-follow-up.file"), ["", "drift.csv", "drift_juli.csv"]);
        assert_eq!(choices(&h, "earmarked-grants.file"), ["", "bidrag.csv"]);
        // The report's own choice is labelled with the file it takes for the part now.
        let automatic =
            |h: &Host, key: &str| match h.view().param_specs.into_iter().find(|s| s.key == key).map(|s| s.kind) {
                Some(ParamKind::Choice { choices }) => choices[0].clone(),
                other => panic!("{key}: {other:?}"),
            };
        assert_eq!(automatic(&h, "budget-follow-up.file"), (String::new(), "drift.csv".to_owned()));
        assert_eq!(automatic(&h, "earmarked-grants.file"), (String::new(), "bidrag.csv".to_owned()));
        assert_eq!(automatic(&h, "scorecard.file"), (String::new(), String::new()), "no file fits it");
        // A file chosen and then removed stays listed, so that the choice is seen.
        h.handle(
            Command::SetParam { key: "budget-follow-up.file".into(), value: "drift_juli.csv".into() },
            &[],
            &mut |_| {},
        );
        h.handle(Command::Remove { name: "drift_juli.csv".into() }, &[], &mut |_| {});
        assert_eq!(choices(&h, "budget-follow-up.file"), ["", "drift.csv", "drift_juli.csv"]);
        // Other parameters are as the plugin declares them.
        let months = h.view().param_specs.into_iter().find(|s| s.key == "months").map(|s| s.kind);
        assert!(matches!(months, Some(ParamKind::Integer { .. })), "{months:?}");
    }
}
