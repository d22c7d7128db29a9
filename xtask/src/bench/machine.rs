//! The machine a benchmark ran on, as the report describes it: CPU, cores, memory, OS, and the
//! versions of rustc, Chromium, Node and Python.

use std::process::Command;

/// What the report says about the machine.
#[derive(Debug, Clone)]
pub struct Machine {
    /// Label and value pairs, in the order shown.
    pub lines: Vec<(&'static str, String)>,
}

/// Reads the machine's description (missing facts read "unknown").
pub fn describe(python: &std::path::Path) -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, m)| m.trim().to_owned()));
    let cores = std::thread::available_parallelism().map(|n| n.to_string()).ok();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo.lines().find_map(|l| l.strip_prefix("MemTotal:")).and_then(|kb| {
        let kb: f64 = kb.trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(format!("{:.1} GB", kb / 1024.0 / 1024.0))
    });
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|t| t.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=")).map(|s| s.trim_matches('"').to_owned()));
    let kernel = output("uname", &["-r"]);
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    let unknown = |v: Option<String>| v.unwrap_or_else(|| "unknown".to_owned());
    Machine {
        lines: vec![
            ("CPU", unknown(cpu)),
            ("Cores available", unknown(cores)),
            ("Memory", unknown(memory)),
            ("OS", format!("{} (Linux {})", unknown(os), unknown(kernel))),
            ("rustc", unknown(output("rustc", &["--version"]))),
            ("Chromium", unknown(output("/usr/bin/chromium", &["--version"]))),
            ("Node", unknown(output("node", &["--version"]))),
            ("Python", unknown(output(&python.to_string_lossy(), &["--version"]))),
            ("Load average at the start (1, 5, 15 min; the cores are shared)", unknown(load)),
        ],
    }
}

/// The first line of a command's output, if it runs.
fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with("/usr/bin/chromium:")).map(str::to_owned)
}
