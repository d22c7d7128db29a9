//! What the checks learn from the workspace instead of from lists kept in xtask, so that a new
//! plugin folder is built and checked without editing xtask:
//!
//! * the crates that must build for wasm32: the web app and every workspace crate it depends on
//!   (from `cargo metadata`), and every crate under `examples/`, registered or not;
//! * the exports read back by real clients: every plugin the CLI lists (`uppfolj plugins --json`,
//!   the applications' one plugin list), each run on its first example with sample files.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The package of the web app, whose workspace dependencies must all build for wasm32.
const WEB: &str = "uppfolj-web";

/// A workspace crate, as `cargo metadata` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The package name.
    pub name: String,
    /// The folder of its Cargo.toml.
    pub dir: PathBuf,
    /// The names of the packages it depends on as normal (not dev or build) dependencies.
    pub deps: Vec<String>,
}

/// The workspace: its crates and where cargo puts build output.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The workspace root.
    pub root: PathBuf,
    /// `target/`, or `CARGO_TARGET_DIR` when set.
    pub target_dir: PathBuf,
    /// Every member.
    pub packages: Vec<Package>,
}

impl Workspace {
    /// Reads the workspace with `cargo metadata --no-deps` (no network, no build).
    pub fn read(root: &Path) -> Result<Self> {
        let out = Command::new("cargo")
            .current_dir(root)
            .args(["metadata", "--format-version", "1", "--no-deps"])
            .output()
            .context("could not start `cargo metadata`")?;
        if !out.status.success() {
            bail!("`cargo metadata` failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        Self::from_metadata(root, &serde_json::from_slice(&out.stdout).context("`cargo metadata` gave no JSON")?)
    }

    /// The workspace described by the JSON of `cargo metadata --format-version 1`.
    pub fn from_metadata(root: &Path, metadata: &Value) -> Result<Self> {
        let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
        let members: BTreeSet<&str> = metadata["workspace_members"]
            .as_array()
            .context("`cargo metadata` lists no workspace_members")?
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let packages = metadata["packages"]
            .as_array()
            .context("`cargo metadata` lists no packages")?
            .iter()
            .filter(|p| p["id"].as_str().is_some_and(|id| members.contains(id)))
            .map(|p| {
                let manifest = PathBuf::from(text(p, "manifest_path").context("a package without manifest_path")?);
                Ok(Package {
                    name: text(p, "name").context("a package without a name")?,
                    dir: manifest.parent().map(Path::to_path_buf).unwrap_or_default(),
                    deps: p["dependencies"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|d| d["kind"].is_null())
                        .filter_map(|d| text(d, "name"))
                        .collect(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let target_dir = text(metadata, "target_directory").map_or_else(|| root.join("target"), PathBuf::from);
        Ok(Self { root: root.to_path_buf(), target_dir, packages })
    }

    /// The crates that must build for wasm32, sorted: the web app with every workspace crate it
    /// depends on (directly or not), and every crate under `examples/`.
    pub fn wasm_crates(&self) -> Result<Vec<String>> {
        let find = |name: &str| self.packages.iter().find(|p| p.name == name);
        let web = find(WEB).with_context(|| format!("the workspace has no package {WEB}"))?;
        let examples = self.root.join("examples");
        let mut todo: Vec<&Package> = vec![web];
        todo.extend(self.packages.iter().filter(|p| p.dir.starts_with(&examples)));
        let mut found = BTreeSet::new();
        while let Some(package) = todo.pop() {
            if found.insert(package.name.clone()) {
                todo.extend(package.deps.iter().filter_map(|d| find(d)));
            }
        }
        Ok(found.into_iter().collect())
    }

    /// The CLI binary as `cargo build -p uppfolj-cli` leaves it.
    pub fn cli(&self) -> PathBuf {
        self.target_dir.join("debug").join(format!("uppfolj{}", std::env::consts::EXE_SUFFIX))
    }
}

/// A plugin to export, with the files and parameters of its first example that runs on files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginRun {
    /// The plugin's id.
    pub id: String,
    /// Files relative to the workspace root; empty when the plugin declares no such example.
    pub files: Vec<String>,
    /// `key=value` parameters.
    pub params: Vec<String>,
}

/// The plugins in the JSON of `uppfolj plugins --json`, each with its first example on sample
/// files (when the list carries the plugins' `examples`).
pub fn plugin_runs(list: &Value) -> Result<Vec<PluginRun>> {
    let plugins = list.as_array().context("`uppfolj plugins --json` gave no list")?;
    plugins
        .iter()
        .map(|p| {
            let id = p["meta"]["id"].as_str().context("a plugin without meta.id")?.to_owned();
            let example = p["examples"].as_array().into_iter().flatten().find(|e| {
                e["input"]["type"] == "samples" && e["input"]["value"].as_array().is_some_and(|v| !v.is_empty())
            });
            let strings = |v: &Value| -> Vec<String> {
                v.as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_owned).collect()
            };
            let files = example.map(|e| strings(&e["input"]["value"])).unwrap_or_default();
            let params = example
                .and_then(|e| e["params"].as_array())
                .into_iter()
                .flatten()
                .map(|pair| strings(pair).join("="))
                .collect();
            Ok(PluginRun { id, files, params })
        })
        .collect()
}

/// The files under `samples/` a plugin without an example is tried on, in name order.
pub fn sample_files(root: &Path) -> Result<Vec<String>> {
    let mut files: Vec<String> = std::fs::read_dir(root.join("samples"))
        .context("cannot list samples/")?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| [".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv"].iter().any(|ext| n.ends_with(ext)))
        .map(|n| format!("samples/{n}"))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn package(name: &str, dir: &str, deps: &[&str]) -> Value {
        let deps: Vec<Value> = deps
            .iter()
            .map(|d| json!({ "name": d, "kind": null }))
            .chain([json!({ "name": "insta", "kind": "dev" })])
            .collect();
        json!({ "id": format!("path+file:///w/{dir}#{name}@0.1.0"), "name": name,
                "manifest_path": format!("/w/{dir}/Cargo.toml"), "dependencies": deps })
    }

    fn workspace() -> Workspace {
        let packages = [
            package("uppfolj-model", "crates/uppfolj-model", &["serde"]),
            package("uppfolj-plugin", "crates/uppfolj-plugin", &["uppfolj-model"]),
            package("uppfolj-cli", "crates/uppfolj-cli", &["uppfolj-plugin", "clap"]),
            package("uppfolj-web", "web", &["uppfolj-plugin", "uppfolj-plugin-cost-per-inhabitant"]),
            package("uppfolj-plugin-cost-per-inhabitant", "examples/plugin-cost-per-inhabitant", &["uppfolj-plugin"]),
            package("uppfolj-plugin-new", "examples/plugin-new", &["uppfolj-plugin"]),
            package("xtask", "xtask", &["anyhow"]),
        ];
        let ids: Vec<Value> = packages.iter().map(|p| p["id"].clone()).collect();
        let metadata = json!({ "packages": packages, "workspace_members": ids, "target_directory": "/t" });
        Workspace::from_metadata(Path::new("/w"), &metadata).expect("metadata")
    }

    #[test]
    fn the_web_apps_crates_and_every_example_build_for_wasm() {
        let ws = workspace();
        assert_eq!(
            ws.wasm_crates().expect("web"),
            [
                "uppfolj-model",
                "uppfolj-plugin",
                "uppfolj-plugin-cost-per-inhabitant",
                "uppfolj-plugin-new",
                "uppfolj-web"
            ],
            "a new folder under examples/ is checked before it is registered; the CLI and xtask are native"
        );
        assert_eq!(ws.cli(), PathBuf::from(format!("/t/debug/uppfolj{}", std::env::consts::EXE_SUFFIX)));
    }

    #[test]
    fn each_plugin_runs_on_its_first_example_with_sample_files() {
        let list = json!([
            { "meta": { "id": "cost-per-inhabitant" }, "examples": [
                { "input": { "type": "table", "value": { "name": "a.csv", "csv": "" } }, "params": [] },
                { "input": { "type": "samples", "value": ["samples/drift.xlsx"] }, "params": [["population", "245000"]] }
            ] },
            { "meta": { "id": "budget-follow-up" } }
        ]);
        assert_eq!(
            plugin_runs(&list).expect("list"),
            [
                PluginRun {
                    id: "cost-per-inhabitant".into(),
                    files: vec!["samples/drift.xlsx".into()],
                    params: vec!["population=245000".into()]
                },
                PluginRun { id: "budget-follow-up".into(), files: vec![], params: vec![] },
            ]
        );
    }

    #[test]
    fn this_workspace() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("root");
        let wasm = Workspace::read(root).expect("cargo metadata").wasm_crates().expect("web");
        for krate in ["uppfolj-model", "uppfolj-plugin", "uppfolj-import", "uppfolj-plugin-cost-per-inhabitant"] {
            assert!(wasm.iter().any(|k| k == krate), "{krate} in {wasm:?}");
        }
        for native in ["uppfolj-cli", "xtask", "uppfolj-plugin-test-support", "uppfolj-wasm-parity"] {
            assert!(!wasm.iter().any(|k| k == native), "{native} in {wasm:?}");
        }
        assert!(sample_files(root).expect("samples").contains(&"samples/driftredovisning_2024_aug.xlsx".to_owned()));
    }
}
