//! A plugin the session offers for a file can run on it: for every sample (samples/) and every
//! fixture the import tests read (crates/uppfolj-import/tests/fixtures/**), each plugin in
//! [`Session::fitting_plugins`] runs without [`PluginError::MissingInput`]. The plugins are offered
//! from their declarations alone, so a plugin whose `compute` asks for more than it declares
//! fails here. Files the import refuses are skipped.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use uppfolj_app::Session;
use uppfolj_plugin::PluginError;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `dir`, sorted, except the fixture generators and notes.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out);
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("py" | "md" | "snap")) {
            out.push(path);
        }
    }
}

fn session() -> Session {
    Session::new(uppfolj_app::registry().expect("the plugin ids are distinct"))
}

/// The session with `path` loaded, or `None` if the import refuses the file.
fn load(path: &Path) -> Option<Session> {
    let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut session = session();
    session.load(name, Arc::new(bytes), Default::default()).ok()?;
    Some(session)
}

/// The ids of the plugins offered for the file, and for each offered plugin that then reports a
/// missing input, "plugin on file: error".
fn offered_and_failures(path: &Path) -> Option<(Vec<String>, Vec<String>)> {
    let mut session = load(path)?;
    let offered: Vec<String> = session.fitting_plugins().into_iter().map(|m| m.id.clone()).collect();
    let mut failures = Vec::new();
    for id in &offered {
        session.pick_plugin(id).expect("an offered plugin is registered");
        if let Err(err @ PluginError::MissingInput { .. }) = session.run() {
            failures.push(format!("{id} on {}: {err}", path.display()));
        }
    }
    Some((offered, failures))
}

/// What each sample is offered, in registry order. The sample's own plugin (samples/README.md)
/// is among them and chosen; the composite reports take any of them.
const SAMPLES: &[(&str, &str, &[&str])] = &[
    (
        "balanskravsutredning_2021_2024.xlsx",
        "balance-requirement",
        &["balance-requirement", COMPOSITES[0], COMPOSITES[1]],
    ),
    (
        "driftredovisning_2024_aug.xlsx",
        "budget-follow-up",
        &["budget-follow-up", COMPOSITES[0], COMPOSITES[1], "cost-per-inhabitant"],
    ),
    // Last year's: alone, the budget follow-up; with this year's, the comparison fits too.
    (
        "driftredovisning_2023_aug.xlsx",
        "budget-follow-up",
        &["budget-follow-up", COMPOSITES[0], COMPOSITES[1], "cost-per-inhabitant"],
    ),
    ("handlingsplan_2024_2026.xlsx", "action-plan", &["action-plan", COMPOSITES[0], COMPOSITES[1]]),
    ("riktade_statsbidrag_2020.xlsx", "earmarked-grants", &["earmarked-grants", COMPOSITES[0], COMPOSITES[1]]),
    ("kolada_u79092_aterinskrivning_2018_2022.csv", "comparison", &["comparison", COMPOSITES[0], COMPOSITES[1]]),
    ("malupfoljning_2024.csv", "scorecard", &["scorecard", COMPOSITES[0], COMPOSITES[1], "cost-per-inhabitant"]),
    // An outcome-only ledger: its report, not one that asks for figures the file lacks.
    ("huvudbok_utfall_2024_aug.xlsx", "ledger-outcome", &["ledger-outcome", "cost-per-inhabitant"]),
];

/// The composite reports, offered for any file one of their parts reads.
const COMPOSITES: [&str; 2] = ["interim-report", "annual-report"];

#[test]
fn each_sample_is_offered_its_own_plugin_and_every_offered_plugin_runs() {
    let mut failures = Vec::new();
    for (sample, own, expected) in SAMPLES {
        let path = root().join("samples").join(sample);
        let (offered, failed) = offered_and_failures(&path).unwrap_or_else(|| panic!("{sample} imports"));
        assert!(offered.iter().any(|id| id == own), "{sample}: {own} is not offered; offered {offered:?}");
        assert_eq!(offered, *expected, "{sample}: the plugins offered");
        let session = load(&path).expect("imports");
        assert_eq!(session.plugin_id(), Some(expected[0]), "{sample}: the plugin chosen");
        failures.extend(failed);
    }
    assert!(failures.is_empty(), "offered, then missing an input:\n{}", failures.join("\n"));
}

/// The invented ledgers (crates/uppfolj-import/tests/fixtures/ledger/ and samples/): with budget, the budget
/// follow-up (grouped) is chosen and the outcome report offered beside it; with outcome only, the
/// outcome report is chosen instead of a report that then asks for figures the file lacks.
#[test]
fn a_ledger_with_outcome_only_gets_the_outcome_report_and_with_budget_the_budget_follow_up() {
    let dir = root().join("crates/uppfolj-import/tests/fixtures/ledger");
    let with_budget = load(&dir.join("huvudbok_budget_2024_aug.xlsx")).expect("imports");
    assert_eq!(with_budget.plugin_id(), Some("budget-follow-up"));
    let offered: Vec<&str> = with_budget.fitting_plugins().into_iter().map(|m| m.id.as_str()).collect();
    assert!(offered.contains(&"ledger-outcome"), "{offered:?}");

    let outcome_only = load(&root().join("samples/huvudbok_utfall_2024_aug.xlsx")).expect("imports");
    assert_eq!(outcome_only.plugin_id(), Some("ledger-outcome"));
    let report = outcome_only.run().expect("the chosen report runs");
    assert!(report.tables().any(|t| t.id == "per-enhet"));

    let orebro =
        load(&root().join("crates/uppfolj-import/tests/fixtures/real/Orebro_leverantorsreskontra_2016-03.masked.xlsx"))
            .expect("imports");
    assert_eq!(orebro.plugin_id(), Some("ledger-outcome"), "a real supplier ledger without budget");
}

#[test]
fn every_sample_and_import_fixture_runs_each_plugin_offered_for_it() {
    let mut files = Vec::new();
    files_under(&root().join("samples"), &mut files);
    files_under(&root().join("crates/uppfolj-import/tests/fixtures"), &mut files);
    assert!(files.len() >= 12, "files found: {files:?}");
    let (mut imported, mut failures, mut lines) = (0, Vec::new(), Vec::new());
    for path in &files {
        let short = path.strip_prefix(root()).unwrap_or(path).display().to_string();
        match offered_and_failures(path) {
            Some((offered, failed)) => {
                imported += 1;
                lines.push(format!("{short}: {offered:?}"));
                failures.extend(failed);
            }
            None => lines.push(format!("{short}: not imported")),
        }
    }
    // `cargo test -- --nocapture` shows what each file is offered.
    println!("{}", lines.join("\n"));
    assert!(imported >= 10, "{imported} files imported:\n{}", lines.join("\n"));
    assert!(failures.is_empty(), "offered, then missing an input:\n{}", failures.join("\n"));
}

#[test]
fn the_choice_does_not_depend_on_the_order_of_the_files() {
    let paths: Vec<PathBuf> = SAMPLES.iter().map(|(s, _, _)| root().join("samples").join(s)).collect();
    let load_all = |order: &mut dyn Iterator<Item = &PathBuf>| {
        let mut session = session();
        for path in order {
            let name = path.file_name().expect("name").to_string_lossy().into_owned();
            session.load(name, Arc::new(std::fs::read(path).expect("read")), Default::default()).expect("imports");
        }
        session
    };
    let forward = load_all(&mut paths.iter());
    let backward = load_all(&mut paths.iter().rev());
    let ids = |s: &Session| s.fitting_plugins().into_iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&forward), ids(&backward));
    let registered = forward.registry().len();
    assert_eq!(ids(&forward).len(), registered, "every plugin fits one of the samples: {:?}", ids(&forward));
    assert_eq!(forward.plugin_id(), backward.plugin_id());
    // The closest fit: the composites take every file (each counts), the interim report first.
    assert_eq!(forward.plugin_id(), Some(COMPOSITES[0]));
}
