//! The commands: serve and test (bench is in bench/).

use crate::install::{Need, Tools};
use crate::workspace::{self, Workspace};
use crate::{Ctx, run, timed};
use anyhow::{Context, Result, bail};
use std::process::{Command, Stdio};
use std::time::Instant;

fn cargo(ctx: &Ctx) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&ctx.root);
    cmd
}

/// `cargo xtask serve`.
pub fn serve(ctx: &Ctx) -> Result<()> {
    let tools =
        timed("install", || Tools::ensure(ctx, Need { web: true, browser: false, office: false, fuzz: false }))?;
    run(cargo(ctx).arg("fetch"))?;
    println!("\nuppfolj: building and serving on http://127.0.0.1:8080 (Ctrl-C stops)\n");
    run(tools.trunk(ctx)?.args(["serve", "--release", "--dist", "target/web-serve"]))
}

/// `cargo xtask test`.
pub fn test(ctx: &Ctx, args: &[String]) -> Result<()> {
    let e2e = !args.iter().any(|a| a == "--no-e2e");
    let started = Instant::now();
    let tools = timed("install", || Tools::ensure(ctx, Need { web: true, browser: e2e, office: true, fuzz: true }))?;
    timed("fetch", || run(cargo(ctx).arg("fetch")))?;
    timed("fmt", || run(cargo(ctx).args(["fmt", "--all", "--", "--check"])))?;
    timed("clippy (native)", || {
        run(cargo(ctx).args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
    })?;
    timed("clippy (wasm32)", || {
        // The browser's rules (no file system, threads or system clock): clippy_wasm/clippy.toml.
        let mut cmd = tools.wasm_cargo(ctx)?;
        cmd.env("CLIPPY_CONF_DIR", ctx.root.join("clippy_wasm"));
        cmd.args(["clippy", "--target", "wasm32-unknown-unknown"]);
        for krate in Workspace::read(&ctx.root)?.wasm_crates()? {
            cmd.args(["-p", &krate]);
        }
        run(cmd.args(["--", "-D", "warnings"]))
    })?;
    timed("tests (native)", || run(cargo(ctx).args(["test", "--workspace"])))?;
    timed("tests (wasm32, under Node: same results as native)", || {
        run(tools
            .wasm_cargo(ctx)?
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
            .args(["test", "--target", "wasm32-unknown-unknown", "-p", "uppfolj-wasm-parity"]))
    })?;
    timed("xlsx exports read back by openpyxl and LibreOffice", || export_and_check(ctx, &tools))?;
    timed("wasm build (trunk)", || run(tools.trunk(ctx)?.args(["build", "--release"])))?;
    if e2e {
        timed("browser end-to-end (headless Chromium)", || {
            let python = tools.python.as_ref().context("python with openpyxl is not installed")?;
            run(Command::new("node")
                .args(["--test", "--test-reporter=spec", "tests/e2e/"])
                .current_dir(&ctx.root)
                .env("UPPFOLJ_DIST", ctx.root.join("target/web-dist"))
                .env("UPPFOLJ_OUT", ctx.root.join("target/e2e"))
                .env("UPPFOLJ_PYTHON", python))
        })?;
    }
    timed("fuzz the importers (30 s per target)", || fuzz(ctx, &tools, 30))?;
    println!("\n\x1b[1;32mall checks passed in {:.0} s\x1b[0m", started.elapsed().as_secs_f64());
    Ok(())
}

/// Runs each cargo-fuzz target for `seconds`. cargo-fuzz needs nightly compiler flags
/// (`-Zsanitizer`); the stable toolchain accepts them with `RUSTC_BOOTSTRAP=1`, which is set for
/// this step only. New corpus entries go to target/fuzz-corpus, never into the committed seeds.
/// A target is built before it runs, so a failed build (a linker out of disk, say) is not
/// reported as a crash the fuzzer found.
fn fuzz(ctx: &Ctx, tools: &Tools, seconds: u32) -> Result<()> {
    let bin = tools.cargo_fuzz.as_ref().context("cargo-fuzz is not installed")?;
    let path = std::env::join_paths(
        std::iter::once(bin.clone()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )?;
    let cargo_fuzz = |verb: &str, target: &str| {
        let mut cmd = Command::new("cargo");
        cmd.current_dir(ctx.root.join("fuzz")).env("PATH", &path).env("RUSTC_BOOTSTRAP", "1");
        cmd.args(["fuzz", verb, target]);
        cmd
    };
    for target in ["import_xlsx", "import_csv"] {
        run(&mut cargo_fuzz("build", target))
            .with_context(|| format!("the fuzz target {target} did not build (see the compiler's output above)"))?;
        let scratch = ctx.root.join("target/fuzz-corpus").join(target);
        std::fs::create_dir_all(&scratch)?;
        run(cargo_fuzz("run", target).arg(&scratch).arg(format!("corpus/{target}")).args([
            "--",
            &format!("-max_total_time={seconds}"),
            "-rss_limit_mb=2048",
        ]))
        .with_context(|| {
            format!("the fuzzer found an input that crashes {target}: see fuzz/artifacts/{target}/ and fuzz/README.md")
        })?;
    }
    Ok(())
}

/// Exports every plugin the CLI lists on the files of its first example (a plugin that declares
/// none: on the first sample it makes a report from), then reads each workbook back with openpyxl
/// and LibreOffice (tests/xlsx_clients/run.sh).
fn export_and_check(ctx: &Ctx, tools: &Tools) -> Result<()> {
    let out = ctx.root.join("target/exports");
    std::fs::create_dir_all(&out)?;
    run(cargo(ctx).args(["build", "--quiet", "-p", "uppfolj-cli"]))?;
    let cli = Workspace::read(&ctx.root)?.cli();
    let list = Command::new(&cli).current_dir(&ctx.root).args(["plugins", "--json"]).output()?;
    if !list.status.success() {
        bail!("`uppfolj plugins --json` failed: {}", String::from_utf8_lossy(&list.stderr));
    }
    let samples = workspace::sample_files(&ctx.root)?;
    for plugin in workspace::plugin_runs(&serde_json::from_slice(&list.stdout)?)? {
        let export = |files: &[String], quiet: bool| {
            let mut cmd = Command::new(&cli);
            cmd.current_dir(&ctx.root).args(["run", &plugin.id]).args(files);
            for param in &plugin.params {
                cmd.args(["--param", param]);
            }
            let json = out.join(format!("{}.json", plugin.id));
            cmd.arg("--json").arg(json).arg("--xlsx").arg(out.join(format!("{}.xlsx", plugin.id)));
            if quiet {
                Ok(cmd.stdout(Stdio::null()).stderr(Stdio::null()).status()?.success())
            } else {
                run(&mut cmd).map(|()| true)
            }
        };
        if !plugin.files.is_empty() {
            export(&plugin.files, false)?;
            continue;
        }
        // Until the list carries the plugin's examples: the first sample it makes a report from.
        let mut fits = None;
        for file in &samples {
            if export(std::slice::from_ref(file), true)? {
                fits = Some(file);
                break;
            }
        }
        let file = fits.with_context(|| {
            format!("{} makes no report from any file in samples/: give it an Example with .sample(..)", plugin.id)
        })?;
        println!("{}: no example on sample files in the plugin list; exported from {file}", plugin.id);
    }
    let python = tools.python.as_ref().context("python with openpyxl is not installed")?;
    run(Command::new("bash").current_dir(&ctx.root).arg("tests/xlsx_clients/run.sh").arg(&out).env("PYTHON", python))
}
