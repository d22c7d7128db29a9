//! The gallery and the choice of file per input, on the shipped samples and a second real
//! budget file (crates/uppfolj-import/tests/fixtures/layouts).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use uppfolj_app::{GalleryEntry, Session};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const DRIFT: &str = "samples/driftredovisning_2024_aug.xlsx";
const ENKEL: &str = "crates/uppfolj-import/tests/fixtures/layouts/driftredovisning_enkel.xlsx";
const GRANTS: &str = "samples/riktade_statsbidrag_2020.xlsx";

fn session_with(paths: &[&str]) -> Session {
    let mut session = Session::new(uppfolj_app::registry().expect("distinct ids"));
    for path in paths {
        let path = root().join(path);
        let name = path.file_name().expect("a name").to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        session.load(name, Arc::new(bytes), Default::default()).expect("imports");
    }
    session
}

fn entry<'a>(gallery: &'a [GalleryEntry], id: &str) -> &'a GalleryEntry {
    gallery.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("{id} in the gallery"))
}

#[test]
fn the_gallery_says_which_reports_the_samples_satisfy_and_what_the_others_need() {
    let session = session_with(&[DRIFT, GRANTS]);
    let gallery = session.gallery();
    let ids: Vec<&str> = gallery.iter().map(|e| e.id.as_str()).collect();
    let offered: Vec<&str> = session.registry().metas().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, offered, "every report, in registry order");
    let budget = entry(&gallery, "budget-follow-up");
    assert!(budget.satisfied && budget.missing().next().is_none());
    assert_eq!(budget.inputs[0].files, ["driftredovisning_2024_aug.xlsx"]);
    assert_eq!(entry(&gallery, "earmarked-grants").inputs[0].files, ["riktade_statsbidrag_2020.xlsx"]);
    let balance = entry(&gallery, "balance-requirement");
    assert!(!balance.satisfied);
    let needs: Vec<&str> = balance.missing().map(|i| i.needs_sv.as_str()).collect();
    assert_eq!(needs.len(), 1, "{needs:?}");
    assert!(needs[0].starts_with("Balanskravsutredning") && needs[0].contains("Årets resultat"), "{needs:?}");
    let interim = entry(&gallery, "interim-report");
    assert!(interim.satisfied && interim.chosen, "two parts' files: the composite is chosen");
    assert_eq!(gallery.iter().filter(|e| e.chosen).count(), 1);
    assert!(
        interim.inputs.iter().all(|i| i.needs_sv.len() < 300),
        "a composite's dozen alternatives are named in words"
    );
    // Serialisable, for a page that receives it from a worker.
    let json = serde_json::to_string(&gallery).expect("serialises");
    assert_eq!(serde_json::from_str::<Vec<GalleryEntry>>(&json).expect("reads back"), gallery);
}

#[test]
fn with_no_file_no_report_is_satisfied_and_each_says_what_it_needs() {
    let gallery = session_with(&[]).gallery();
    assert!(gallery.iter().all(|e| !e.satisfied && e.missing().count() >= 1), "{gallery:#?}");
}

fn used_table(session: &Session) -> String {
    let report = session.run().expect("runs");
    let json = serde_json::to_string(&report.sections).expect("serialises");
    json.chars().take(4000).collect()
}

#[test]
fn two_budget_files_the_report_says_which_is_used_and_the_user_chooses() {
    let mut session = session_with(&[DRIFT, ENKEL]);
    assert_eq!(session.plugin_id(), Some("budget-follow-up"), "two budget files: the budget report");
    assert!(!session.is_picked());
    let choices = session.input_choices();
    assert_eq!(choices.len(), 1, "{choices:?}");
    let offered: Vec<&str> = choices[0].compare.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(offered, ["budget-compare"], "and the offer to compare them");
    assert_eq!(choices[0].key, "budget");
    assert_eq!(choices[0].files, ["driftredovisning_2024_aug.xlsx", "driftredovisning_enkel.xlsx"]);
    assert_eq!((choices[0].used.as_str(), choices[0].chosen), ("driftredovisning_2024_aug.xlsx", false));
    let first = used_table(&session);

    session.bind("budget", "driftredovisning_enkel.xlsx");
    let choice = &session.input_choices()[0];
    assert_eq!((choice.used.as_str(), choice.chosen), ("driftredovisning_enkel.xlsx", true));
    let second = used_table(&session);
    assert_ne!(first, second, "the report is made of the chosen file");

    session.pick_plugin("ledger-outcome").expect("registered");
    session.pick_plugin("budget-follow-up").expect("registered");
    assert_eq!(session.input_choices()[0].used, "driftredovisning_enkel.xlsx", "kept per report");
    session.unbind("budget");
    assert_eq!(used_table(&session), first, "unbound: the first file in load order again");

    session.bind("budget", "driftredovisning_enkel.xlsx");
    session.remove("driftredovisning_enkel.xlsx");
    assert!(session.bindings().is_empty(), "a removed file's choices go with it");
    assert!(session.input_choices().is_empty(), "one file fits: nothing to choose");
}

#[test]
fn two_real_budget_files_compared() {
    let mut session = session_with(&[ENKEL, DRIFT]);
    session.pick_plugin("budget-compare").expect("registered");
    let report = session.run().expect("compares");
    let files: Vec<&str> = report.inputs.iter().map(|i| i.file.as_str()).collect();
    assert_eq!(files, ["driftredovisning_enkel.xlsx", "driftredovisning_2024_aug.xlsx"], "A the first loaded");
    let used: Vec<String> = session.input_choices().into_iter().map(|c| c.used).collect();
    assert_eq!(used, files, "the choices say which file is A and which B");
}

#[test]
fn a_report_chosen_again_gets_its_parameters_back() {
    let mut session = session_with(&[DRIFT]);
    session.set_param("months", "8");
    session.pick_plugin("ledger-outcome").expect("registered");
    assert!(session.params().is_empty());
    session.pick_plugin("budget-follow-up").expect("registered");
    assert_eq!(session.params(), [("months".to_owned(), "8".to_owned())]);
}

#[test]
fn the_gallery_finds_the_same_files_as_each_input_declaration_does() {
    let session = session_with(&[
        DRIFT,
        "samples/balanskravsutredning_2021_2024.xlsx",
        "samples/malupfoljning_2024.csv",
        "samples/huvudbok_utfall_2024_aug.xlsx",
        GRANTS,
    ]);
    let gallery = session.gallery();
    for (entry, plugin) in gallery.iter().zip(session.registry().iter()) {
        // The first file of each input of one table before: what an input of its own file cannot take.
        let mut taken: Vec<String> = Vec::new();
        for spec in plugin.inputs() {
            let mut naive: Vec<String> = Vec::new();
            for d in session.datasets().filter(|d| spec.accepts(d)) {
                let taken_before = spec.own_file && taken.contains(&d.source.file);
                if !naive.contains(&d.source.file) && !taken_before {
                    naive.push(d.source.file.clone());
                }
            }
            let found = entry.inputs.iter().find(|i| i.key == spec.key).expect("every input listed");
            assert_eq!(found.files, naive, "{} {}", entry.id, spec.key);
            if !spec.many {
                taken.extend(naive.first().cloned());
            }
        }
    }
}
