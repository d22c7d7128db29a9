//! Project automation for uppfolj, run as `cargo xtask <command>` (alias in `.cargo/config.toml`).
//!
//! * `serve` — installs what is missing, builds the web app and serves it on
//!   <http://127.0.0.1:8080> with the sample data loaded.
//! * `test`  — every check there is: fmt, clippy (native and wasm32), unit and integration tests,
//!   xlsx read-back by real clients, the wasm build, browser end-to-end tests, and a bounded fuzz
//!   run of the importers.
//! * `bench` — the benchmark of issue #13 (`--quick`: small sizes, one repetition): native and
//!   in headless Chromium, side by side, written to docs/benchmarks.md; `--criterion` adds the
//!   criterion benchmarks of the import and the export.
//! * `install` — only the installation step of the above.
//!
//! Installation is idempotent and never downloads a browser or a prebuilt tool: Trunk and
//! wasm-bindgen-cli are built from crates.io once into a versioned per-user cache
//! (`$UPPFOLJ_TOOLS_DIR`, else `$XDG_CACHE_HOME/uppfolj/tools`, else `~/.cache/uppfolj/tools`) that
//! every clone and CI run on the machine reuses; wasm-opt and playwright-core come from the npm
//! registry with a committed package-lock; Chromium and LibreOffice from Debian's packages.

mod bench;
mod install;
mod steps;
mod workspace;

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <serve|test|bench|install> [options]

  serve              install what is missing, build the web app, serve it on http://127.0.0.1:8080
  test [--no-e2e] [--no-install]
                     run every check (fmt, clippy native+wasm32, tests, xlsx clients, wasm build, e2e)
  bench [--quick] [--no-browser] [--criterion]
                     the benchmark (native and in Chromium) → docs/benchmarks.md
  install            install the tools only";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ctx = Ctx::new()?;
    match args.first().map(String::as_str) {
        Some("serve") => steps::serve(&ctx),
        Some("test") => steps::test(&ctx, &args[1..]),
        Some("bench") => bench::bench(&ctx, &args[1..]),
        Some("install") => install::Tools::ensure(&ctx, install::Need::all()).map(|_| ()),
        Some("-h" | "--help" | "help") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command '{other}'\n\n{USAGE}"),
    }
}

/// Paths every step needs.
#[derive(Debug)]
pub struct Ctx {
    /// The workspace root.
    pub root: PathBuf,
    /// The per-user tool cache.
    pub tools: PathBuf,
    /// Running under CI (`CI=true`).
    pub ci: bool,
}

impl Ctx {
    fn new() -> Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .context("xtask must live in a folder of the workspace root")?
            .to_path_buf();
        let tools = match std::env::var_os("UPPFOLJ_TOOLS_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => {
                let cache = std::env::var_os("XDG_CACHE_HOME")
                    .map(PathBuf::from)
                    .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
                cache
                    .context("neither UPPFOLJ_TOOLS_DIR, XDG_CACHE_HOME nor HOME is set")?
                    .join("uppfolj")
                    .join("tools")
            }
        };
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        Ok(Self { root, tools, ci })
    }
}

/// Runs `cmd`, printing it first; fails with the command line if it fails.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    println!("\x1b[1m$ {shown}\x1b[0m");
    let status = cmd.status().with_context(|| format!("could not start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

fn show(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Times a named step and prints its duration.
pub fn timed<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\n\x1b[1;34m==> {name}\x1b[0m");
    let start = Instant::now();
    let out = f().with_context(|| format!("step '{name}' failed"))?;
    println!("\x1b[34m<== {name}: {:.1} s\x1b[0m", start.elapsed().as_secs_f64());
    Ok(out)
}
