//! `cargo xtask bench`: the benchmark of issue #13, side by side in one run. Natively: generated
//! ledgers (25k–400k rows) and the real 68 000-row ledger through the whole report, calamine, the
//! limit reader and python-calamine; the export against Python XlsxWriter. In headless Chromium:
//! the real page and its export worker against SheetJS, ExcelJS and calamine-in-wasm. Then the
//! bundle sizes, and docs/benchmarks.md written from it all (`--quick`: target/bench/benchmarks.md).

mod browser;
mod bundle;
mod doc;
mod format;
mod machine;
mod native;
mod results;
mod stats;
mod targets;

use crate::install::{self, Need, Tools};
use crate::workspace::Workspace;
use crate::{Ctx, run, timed};
use anyhow::{Context, Result};
use native::{Ledger, Runners};
use results::Results;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a run covers.
#[derive(Debug, Clone)]
struct Plan {
    quick: bool,
    browser: bool,
    sizes: Vec<u32>,
    reps: usize,
}

impl Plan {
    fn from_args(args: &[String]) -> Self {
        let quick = args.iter().any(|a| a == "--quick");
        let browser = !args.iter().any(|a| a == "--no-browser");
        let sizes = if quick { vec![25_000, 50_000] } else { vec![25_000, 50_000, 100_000, 200_000, 400_000] };
        Self { quick, browser, sizes, reps: if quick { 1 } else { 3 } }
    }
}

/// `cargo xtask bench [--quick] [--no-browser] [--criterion]`.
pub fn bench(ctx: &Ctx, args: &[String]) -> Result<()> {
    let plan = Plan::from_args(args);
    let tools =
        timed("install", || Tools::ensure(ctx, Need { web: true, browser: plan.browser, office: false, fuzz: false }))?;
    let python = timed("python-calamine and XlsxWriter", || install::ensure_bench_python(ctx))?;
    let machine = machine::describe(&python);
    let ws = Workspace::read(&ctx.root)?;
    let scratch = ctx.root.join("target/bench");
    std::fs::create_dir_all(&scratch)?;
    timed("build the runner", || run(cargo(ctx).args(["build", "--release", "-p", "uppfolj-bench"])))?;
    let runner = ws.target_dir.join("release").join(format!("uppfolj-bench{}", std::env::consts::EXE_SUFFIX));
    let generated = timed("generate the ledgers", || native::generate(&runner, &scratch.join("ledgers"), &plan.sizes))?;
    let (files, exports, browser_files) = file_sets(ctx, &plan, generated);
    let runners = Runners { runner: &runner, python: &python, root: &ctx.root, scratch: &scratch };
    let native = timed("native, side by side", || native::measure_all(&runners, &files, &exports, plan.reps))?;
    let dist = ctx.root.join("target/web-dist");
    timed("the page (trunk build --release)", || {
        run(tools.trunk(ctx)?.args(["build", "--release", "--dist"]).arg(&dist))
    })?;
    let browser = if plan.browser {
        Some(timed("in headless Chromium", || measure_browser(ctx, &tools, &ws, &dist, &browser_files, plan.reps))?)
    } else {
        None
    };
    let bundles = bundle::sizes(&dist)?;
    let page_per_crate = timed("the page's wasm per crate (twiggy)", || per_crate(ctx, &ws, "uppfolj-web.wasm"))?;
    let export_per_crate =
        timed("the export worker's wasm per crate (twiggy)", || per_crate(ctx, &ws, "uppfolj-export-worker.wasm"))?;
    let results = Results {
        quick: plan.quick,
        reps: plan.reps,
        machine,
        commit: first_line("git", &["-C", &ctx.root.to_string_lossy(), "describe", "--always", "--dirty"]),
        files,
        exports,
        browser_files,
        native,
        browser,
        bundles,
        per_crate: page_per_crate,
        export_per_crate,
    };
    write_doc(ctx, &results)?;
    if args.iter().any(|a| a == "--criterion") {
        criterion(ctx, &tools)?;
    }
    Ok(())
}

/// The files read natively (every generated ledger and the real one), exported, and read in the browser.
fn file_sets(ctx: &Ctx, plan: &Plan, generated: Vec<Ledger>) -> (Vec<Ledger>, Vec<Ledger>, Vec<Ledger>) {
    let real = Ledger {
        label: "Örebro (real)".to_owned(),
        path: ctx
            .root
            .join("crates/uppfolj-import/tests/fixtures/real/Orebro_leverantorsreskontra_2016-03.masked.xlsx"),
        rows: None,
        plugin: "ledger-outcome",
    };
    let target = if plan.quick { generated.last() } else { generated.iter().find(|l| l.rows == Some(200_000)) };
    let target: Vec<Ledger> = target.cloned().into_iter().collect();
    let exports = [target.clone(), vec![real.clone()]].concat();
    let browser = if plan.quick { target } else { exports.clone() };
    let mut files = generated;
    files.push(real);
    (files, exports, browser)
}

fn measure_browser(
    ctx: &Ctx,
    tools: &Tools,
    ws: &Workspace,
    dist: &Path,
    files: &[Ledger],
    reps: usize,
) -> Result<serde_json::Value> {
    install::ensure_bench_npm(ctx)?;
    let calamine = ctx.root.join("target/bench/calamine-wasm");
    browser::build_calamine_wasm(ctx, tools, &ws.target_dir, &calamine)?;
    browser::measure(ctx, dist, &calamine, files, reps)
}

/// twiggy over one of the app's wasm files (`file`: "uppfolj-web.wasm" for the page) as cargo left
/// it (with its name section); empty when it is missing.
fn per_crate(ctx: &Ctx, ws: &Workspace, file: &str) -> Result<Vec<(String, u64)>> {
    let twiggy = install::ensure_twiggy(ctx)?;
    let candidates = [ws.target_dir.clone(), ctx.root.join("target/wasm-debian")];
    let wasm: Option<PathBuf> =
        candidates.iter().map(|d| d.join("wasm32-unknown-unknown/wasm-release").join(file)).find(|p| p.exists());
    match wasm {
        Some(w) => bundle::per_crate(&twiggy.join("twiggy"), &w),
        None => Ok(Vec::new()),
    }
}

/// docs/benchmarks.md (a full run) or target/bench/benchmarks.md (`--quick`).
fn write_doc(ctx: &Ctx, results: &Results) -> Result<()> {
    let path =
        if results.quick { ctx.root.join("target/bench/benchmarks.md") } else { ctx.root.join("docs/benchmarks.md") };
    let date = first_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default();
    std::fs::write(&path, doc::write(results, &date)).with_context(|| format!("writing {}", path.display()))?;
    println!("\nwrote {}", path.display());
    Ok(())
}

/// The criterion benchmarks of the import and the export, and the export's memory in wasm32.
fn criterion(ctx: &Ctx, tools: &Tools) -> Result<()> {
    run(cargo(ctx).args(["bench", "-p", "uppfolj-import", "-p", "uppfolj-xlsx"]))?;
    run(Command::new("bash")
        .current_dir(&ctx.root)
        .arg("crates/uppfolj-xlsx/benches/wasm_memory.sh")
        .args(["100000", "500000"])
        .envs(tools.wasm_env(ctx)?))
}

fn cargo(ctx: &Ctx) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&ctx.root);
    cmd
}

fn first_line(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    String::from_utf8_lossy(&out.stdout).lines().next().map(str::to_owned)
}
