//! Installs what the build and the tests need, idempotently. See the crate docs for where.

use crate::{Ctx, run};
use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Trunk version: 0.22 needs rustc 1.96.1; 0.21.14 builds with 1.95.
const TRUNK_VERSION: &str = "0.21.14";
/// twiggy version: what the page's wasm holds per crate (`cargo xtask bench`).
const TWIGGY_VERSION: &str = "0.8.0";
/// cargo-fuzz version. It runs on the stable toolchain with `RUSTC_BOOTSTRAP=1` (see `fuzz_env`).
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The Debian packages of the wasm32 fallback toolchain (docs/TOOLCHAIN.md in ../shared).
const DEBIAN_WASM_PACKAGES: &[&str] = &["rustc-web", "cargo-web", "rust-web-src", "rust-web-clippy", "lld-22"];

/// Which tools a command needs.
#[derive(Debug, Clone, Copy)]
pub struct Need {
    /// wasm32 toolchain, Trunk, wasm-bindgen, wasm-opt.
    pub web: bool,
    /// Chromium and playwright-core.
    pub browser: bool,
    /// LibreOffice and openpyxl.
    pub office: bool,
    /// cargo-fuzz.
    pub fuzz: bool,
}

impl Need {
    /// Everything.
    pub fn all() -> Self {
        Self { web: true, browser: true, office: true, fuzz: true }
    }
}

/// How to build for wasm32 on this machine.
#[derive(Debug, Clone)]
pub enum WasmToolchain {
    /// The rustup target is installed: plain cargo.
    Rustup,
    /// Debian's rustc-web with std built from source.
    Debian {
        /// A folder with cargo/rustc/rustdoc symlinks to /usr/bin, put first on PATH.
        shim_dir: PathBuf,
    },
}

/// The installed tools.
#[derive(Debug)]
pub struct Tools {
    /// How wasm32 builds run.
    pub wasm: Option<WasmToolchain>,
    /// Folders to put first on PATH for Trunk (trunk, wasm-bindgen, wasm-opt).
    pub path_prefix: Vec<PathBuf>,
    /// The python with openpyxl.
    pub python: Option<PathBuf>,
    /// The folder holding cargo-fuzz.
    pub cargo_fuzz: Option<PathBuf>,
}

impl Tools {
    /// Installs what `need` asks for and is missing.
    pub fn ensure(ctx: &Ctx, need: Need) -> Result<Self> {
        std::fs::create_dir_all(&ctx.tools).with_context(|| format!("creating {}", ctx.tools.display()))?;
        let mut tools = Tools { wasm: None, path_prefix: Vec::new(), python: None, cargo_fuzz: None };
        if need.web || need.browser {
            ensure_npm_packages(ctx)?;
            tools.path_prefix.push(ctx.root.join("tests/e2e/node_modules/.bin"));
        }
        if need.web {
            tools.wasm = Some(ensure_wasm_target(ctx)?);
            let wbg = wasm_bindgen_version(&ctx.root)?;
            tools.path_prefix.push(ensure_cargo_tool(ctx, "wasm-bindgen-cli", &wbg, "wasm-bindgen", false)?);
            tools.path_prefix.push(ensure_cargo_tool(ctx, "trunk", TRUNK_VERSION, "trunk", true)?);
            check_trunk_toml(&ctx.root, &wbg)?;
        }
        if need.browser {
            ensure_debian(&[("/usr/bin/chromium", "chromium")])?;
        }
        if need.fuzz {
            tools.cargo_fuzz = Some(ensure_cargo_tool(ctx, "cargo-fuzz", CARGO_FUZZ_VERSION, "cargo-fuzz", true)?);
        }
        if need.office {
            ensure_debian(&[("/usr/bin/soffice", "libreoffice-calc"), ("/usr/bin/pdftoppm", "poppler-utils")])?;
            tools.python = Some(ensure_python(ctx)?);
        }
        Ok(tools)
    }

    /// PATH with the tool folders first.
    pub fn path(&self) -> Result<OsString> {
        let mut dirs = self.path_prefix.clone();
        if let Some(WasmToolchain::Debian { shim_dir }) = &self.wasm {
            dirs.insert(0, shim_dir.clone());
        }
        dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
        Ok(std::env::join_paths(dirs)?)
    }

    /// The environment of every wasm32 build: PATH with the tools first, and for the Debian
    /// fallback std built from source in its own target dir (so native builds keep theirs).
    pub fn wasm_env(&self, ctx: &Ctx) -> Result<Vec<(OsString, OsString)>> {
        let mut env = vec![(OsString::from("PATH"), self.path()?)];
        if let Some(WasmToolchain::Debian { .. }) = &self.wasm {
            env.push(("RUSTC_BOOTSTRAP".into(), "1".into()));
            env.push(("CARGO_UNSTABLE_BUILD_STD".into(), "std,panic_abort".into()));
            env.push(("CARGO_TARGET_DIR".into(), ctx.root.join("target/wasm-debian").into()));
        }
        Ok(env)
    }

    /// A cargo command for the wasm32 target.
    pub fn wasm_cargo(&self, ctx: &Ctx) -> Result<Command> {
        let mut cmd = Command::new("cargo");
        cmd.current_dir(&ctx.root).envs(self.wasm_env(ctx)?);
        Ok(cmd)
    }

    /// A Trunk command with the pinned tools on PATH.
    pub fn trunk(&self, ctx: &Ctx) -> Result<Command> {
        let trunk = self
            .path_prefix
            .iter()
            .map(|d| d.join("trunk"))
            .find(|p| p.exists())
            .context("trunk is not installed; run `cargo xtask install`")?;
        let mut cmd = Command::new(trunk);
        cmd.current_dir(&ctx.root).envs(self.wasm_env(ctx)?);
        Ok(cmd)
    }
}

/// Runs `cmd` but gives up after `limit`, killing it.
fn run_with_timeout(cmd: &mut Command, limit: Duration) -> bool {
    let Ok(mut child) = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn() else {
        return false;
    };
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) if start.elapsed() < limit => std::thread::sleep(Duration::from_millis(200)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            }
        }
    }
}

fn ensure_wasm_target(ctx: &Ctx) -> Result<WasmToolchain> {
    // UPPFOLJ_WASM_TOOLCHAIN=debian takes the fallback even where rustup works, to test it.
    if std::env::var("UPPFOLJ_WASM_TOOLCHAIN").is_ok_and(|v| v == "debian") {
        println!("UPPFOLJ_WASM_TOOLCHAIN=debian: using Debian's rustc-web with std built from source");
        return debian_wasm_toolchain(ctx);
    }
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"))
        .unwrap_or(false);
    if installed {
        return Ok(WasmToolchain::Rustup);
    }
    println!("installing the wasm32-unknown-unknown target with rustup (2 minutes at most)");
    if run_with_timeout(
        Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
        Duration::from_secs(120),
    ) {
        return Ok(WasmToolchain::Rustup);
    }
    println!("rustup could not install the wasm32 target; using Debian's rustc-web with std built from source");
    debian_wasm_toolchain(ctx)
}

/// Debian's rustc-web, cargo-web and clippy with the std sources (std is built from source for
/// wasm32), behind a folder of symlinks that goes first on PATH for wasm32 builds only.
fn debian_wasm_toolchain(ctx: &Ctx) -> Result<WasmToolchain> {
    ensure_debian(&[
        ("/usr/bin/cargo", "cargo-web"),
        ("/usr/bin/rustc", "rustc-web"),
        ("/usr/lib/rustlib/src/rust/library/std/Cargo.toml", "rust-web-src"),
        ("/usr/bin/cargo-clippy", "rust-web-clippy"),
        ("/usr/bin/ld.lld-22", "lld-22"),
    ])
    .with_context(|| format!("installing the Debian fallback toolchain ({})", DEBIAN_WASM_PACKAGES.join(" ")))?;
    let shim_dir = ctx.tools.join("debian-rust-shims");
    std::fs::create_dir_all(&shim_dir)?;
    for bin in ["cargo", "rustc", "rustdoc", "cargo-clippy", "clippy-driver"] {
        let link = shim_dir.join(bin);
        if !link.exists() {
            std::os::unix::fs::symlink(Path::new("/usr/bin").join(bin), &link)
                .with_context(|| format!("linking {}", link.display()))?;
        }
    }
    Ok(WasmToolchain::Debian { shim_dir })
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package; run `cargo generate-lockfile`")
}

fn check_trunk_toml(root: &Path, wbg: &str) -> Result<()> {
    let trunk_toml = std::fs::read_to_string(root.join("Trunk.toml")).context("reading Trunk.toml")?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{wbg}\"")) {
        bail!("Trunk.toml's [tools] wasm_bindgen must be \"{wbg}\", the version in Cargo.lock");
    }
    Ok(())
}

/// `cargo install` of `krate@version` into `<tools>/<krate>-<version>`, once.
fn ensure_cargo_tool(ctx: &Ctx, krate: &str, version: &str, bin: &str, locked: bool) -> Result<PathBuf> {
    let name = krate.trim_end_matches("-cli");
    let root = ctx.tools.join(format!("{name}-{version}"));
    let bin_dir = root.join("bin");
    if bin_dir.join(bin).exists() {
        return Ok(bin_dir);
    }
    println!(
        "building {krate} {version} from crates.io into {} (once per machine; Trunk takes ~12 min on 2 cores)",
        root.display()
    );
    let mut cmd = Command::new("cargo");
    cmd.args(["install", krate, "--version", version, "--root"]).arg(&root);
    // The locked webpki-roots of wasm-bindgen-cli is missing from the registry mirror here.
    if locked {
        cmd.arg("--locked");
    }
    cmd.env("CARGO_TARGET_DIR", ctx.tools.join("build").join(format!("{name}-{version}")));
    run(&mut cmd)?;
    // The build folder is only needed during the install.
    let _ = std::fs::remove_dir_all(ctx.tools.join("build").join(format!("{name}-{version}")));
    Ok(bin_dir)
}

/// `npm ci` in tests/e2e when node_modules is missing or older than the lock file.
fn ensure_npm_packages(ctx: &Ctx) -> Result<()> {
    npm_ci_if_stale(&ctx.root.join("tests/e2e"))
}

/// `npm ci` in bench/browser (SheetJS, ExcelJS for `cargo xtask bench`) when stale.
pub fn ensure_bench_npm(ctx: &Ctx) -> Result<()> {
    npm_ci_if_stale(&ctx.root.join("bench/browser"))
}

/// `npm ci` in `dir` when its node_modules is missing or older than its package-lock.json.
fn npm_ci_if_stale(dir: &Path) -> Result<()> {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&installed)) {
        (Ok(l), Ok(i)) => i.modified()? >= l.modified()?,
        _ => false,
    };
    if !fresh {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    }
    Ok(())
}

/// Installs the Debian packages whose marker file is missing.
pub fn ensure_debian(packages: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = packages.iter().filter(|(path, _)| !Path::new(path).exists()).map(|(_, p)| *p).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0"));
    let apt = |args: &[&str]| {
        let mut cmd = if is_root { Command::new("apt-get") } else { Command::new("sudo") };
        if !is_root {
            cmd.args(["-n", "apt-get"]);
        }
        cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        cmd
    };
    let mut install: Vec<&str> = vec!["install", "-y", "--no-install-recommends"];
    install.extend(&missing);
    if run(&mut apt(&install)).is_err() {
        run(&mut apt(&["update"]))?;
        run(&mut apt(&install)).with_context(|| {
            format!("could not install {} with apt-get; install them by hand and rerun", missing.join(" "))
        })?;
    }
    Ok(())
}

/// A virtualenv with openpyxl (pinned in tests/xlsx_clients/requirements.txt), once per machine.
fn ensure_python(ctx: &Ctx) -> Result<PathBuf> {
    let requirements = ctx.root.join("tests/xlsx_clients/requirements.txt");
    let wanted =
        std::fs::read_to_string(&requirements).with_context(|| format!("reading {}", requirements.display()))?;
    let venv = ctx.tools.join("python-venv");
    let python = venv.join("bin/python");
    let stamp = venv.join("requirements.txt");
    if python.exists() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return Ok(python);
    }
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run(Command::new(&python).args(["-m", "pip", "install", "--quiet", "-r"]).arg(&requirements))?;
    std::fs::write(&stamp, wanted)?;
    Ok(python)
}

/// The project's venv with the benchmark's Python baselines too (python-calamine, XlsxWriter:
/// bench/python/requirements.txt), once per machine; stamped apart from the test requirements.
pub fn ensure_bench_python(ctx: &Ctx) -> Result<PathBuf> {
    let python = ensure_python(ctx)?;
    let requirements = ctx.root.join("bench/python/requirements.txt");
    let wanted =
        std::fs::read_to_string(&requirements).with_context(|| format!("reading {}", requirements.display()))?;
    let stamp = ctx.tools.join("python-venv/bench-requirements.txt");
    if !std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        run(Command::new(&python).args(["-m", "pip", "install", "--quiet", "-r"]).arg(&requirements))?;
        std::fs::write(&stamp, wanted)?;
    }
    Ok(python)
}

/// twiggy from crates.io, once per machine: the folder holding it.
pub fn ensure_twiggy(ctx: &Ctx) -> Result<PathBuf> {
    ensure_cargo_tool(ctx, "twiggy", TWIGGY_VERSION, "twiggy", true)
}
