//! The uppfolj command line: the same pipeline as the web app, for scripts and for checking files.
//! `plugins` and `run` go through the application session the web app uses ([`uppfolj_app`]):
//! the same plugins, the files in the same order.
//!
//! ```text
//! uppfolj plugins                       list the report plugins
//! uppfolj inspect FILE... [--json] [--mapping M.json]   what the import understood of each file
//! uppfolj run PLUGIN FILE... [--param key=value]... [--json OUT|-] [--xlsx OUT] [--mapping M.json]
//! ```

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use uppfolj_app::Session;
use uppfolj_import::{Import, ImportOptions, Mapping, import_bytes};

#[derive(Parser)]
#[command(name = "uppfolj", version, about = "Follow-up reports from budget and indicator spreadsheets")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the report plugins.
    Plugins {
        /// Print the plugins as JSON (metadata, inputs, parameters).
        #[arg(long)]
        json: bool,
    },
    /// Show what the import understood of files: tables, header rows, column roles, units, totals, warnings.
    Inspect {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        /// Apply a mapping (JSON: header row, unit, column roles), e.g. one saved from the web app.
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
    },
    /// Run a report plugin on files.
    Run {
        /// Plugin id (see `uppfolj plugins`).
        plugin: String,
        /// Input files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// A parameter, `key=value`; repeatable.
        #[arg(long = "param", value_name = "KEY=VALUE")]
        params: Vec<String>,
        /// Write the Report as JSON to this file, or `-` for standard output.
        #[arg(long, value_name = "OUT")]
        json: Option<PathBuf>,
        /// Write the report as an Excel workbook to this file.
        #[arg(long, value_name = "OUT")]
        xlsx: Option<PathBuf>,
        /// Apply a mapping (JSON: header row, unit, column roles) to every input file.
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Plugins { json } => list_plugins(json),
        Command::Inspect { files, json, mapping } => inspect(&files, json, &options(mapping.as_deref())?),
        Command::Run { plugin, files, params, json, xlsx, mapping } => {
            run(&plugin, &files, &params, json, xlsx, &options(mapping.as_deref())?)
        }
    }
}

/// Import options with the mapping in `path`, if any.
fn options(path: Option<&Path>) -> Result<ImportOptions> {
    let mut options = ImportOptions::default();
    if let Some(path) = path {
        let text = std::fs::read_to_string(path).with_context(|| format!("could not read {}", path.display()))?;
        options.mapping = serde_json::from_str::<Mapping>(&text)
            .with_context(|| format!("{} is not a mapping (JSON with header_row, unit, columns)", path.display()))?;
    }
    Ok(options)
}

/// The file's name (what the import and the report call it) and its bytes.
fn read(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok((name, bytes))
}

fn import(path: &Path, options: &ImportOptions) -> Result<Import> {
    let (name, bytes) = read(path)?;
    Ok(import_bytes(&name, &bytes, options)?)
}

fn list_plugins(json: bool) -> Result<()> {
    let registry = uppfolj_app::registry()?;
    if json {
        let list: Vec<_> = registry
            .iter()
            .map(|p| serde_json::json!({ "meta": p.meta(), "inputs": p.inputs(), "params": p.params(), "examples": p.examples() }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(());
    }
    for p in registry.iter() {
        let m = p.meta();
        println!("{:<24} {} ({}), v{}", m.id, m.name_en, m.name_sv, m.version);
        println!("{:<24} {}", "", m.description_en);
        for spec in p.params() {
            let default = spec.default.map(|d| format!(" [default {d}]")).unwrap_or_default();
            println!("{:<24}   --param {}=…  {}{}", "", spec.key, spec.label_sv, default);
        }
    }
    Ok(())
}

fn inspect(files: &[PathBuf], json: bool, options: &ImportOptions) -> Result<()> {
    let mut summaries = Vec::new();
    for path in files {
        let imported = import(path, options)?;
        if json {
            summaries.push(serde_json::to_value(&imported.summary)?);
        } else {
            println!("{}", imported.summary);
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&summaries)?);
    }
    Ok(())
}

fn run(
    plugin_id: &str,
    files: &[PathBuf],
    params: &[String],
    json: Option<PathBuf>,
    xlsx: Option<PathBuf>,
    options: &ImportOptions,
) -> Result<()> {
    let mut session = Session::new(uppfolj_app::registry()?).with_import_options(options.clone());
    session.pick_plugin(plugin_id)?;
    let raw: Vec<(String, String)> = params
        .iter()
        .map(|p| {
            p.split_once('=')
                .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
                .with_context(|| format!("--param '{p}' must be key=value"))
        })
        .collect::<Result<_>>()?;
    session.set_params(raw);
    for path in files {
        let (name, bytes) = read(path)?;
        if session.file(&name).is_some() {
            bail!("two input files are named {name}: give each file once, under a name of its own");
        }
        session.load(name, Arc::new(bytes), options.mapping.clone())?;
    }
    let report = session.run()?;
    for d in &report.diagnostics {
        eprintln!("{:?}: {}", d.severity, d.message);
    }
    match json.as_deref() {
        Some(p) if p == Path::new("-") => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        Some(p) => std::fs::write(p, serde_json::to_vec_pretty(&report)?)
            .with_context(|| format!("could not write {}", p.display()))?,
        None => {}
    }
    if let Some(p) = xlsx {
        let options = uppfolj_xlsx::ExportOptions {
            date: Some(chrono::Local::now().format("%Y-%m-%d").to_string()),
            ..Default::default()
        };
        let bytes = uppfolj_xlsx::export(&report, session.datasets(), &options)?;
        std::fs::write(&p, bytes).with_context(|| format!("could not write {}", p.display()))?;
    }
    if json.is_none() {
        eprintln!("{}: {} sections", report.title, report.sections.len());
    }
    Ok(())
}
