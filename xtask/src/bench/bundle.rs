//! The sizes of the page's WebAssembly: each .wasm Trunk put in the dist folder, raw, gzip -9
//! and brotli (quality 11, Node's zlib), and what the page's wasm holds per crate (twiggy on
//! the unoptimised build, which still has its name section).

use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One wasm file's sizes in bytes.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The file name without Trunk's hash ("uppfolj-web_bg.wasm").
    pub name: String,
    /// On disk.
    pub raw: u64,
    /// `gzip -9`.
    pub gzip: u64,
    /// Brotli, quality 11.
    pub brotli: Option<u64>,
}

/// The sizes of every .wasm in `dist`, largest first.
pub fn sizes(dist: &Path) -> Result<Vec<Bundle>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dist).with_context(|| format!("reading {}", dist.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "wasm") {
            out.push(Bundle {
                name: unhashed(&path),
                raw: std::fs::metadata(&path)?.len(),
                gzip: gzip9(&path)?,
                brotli: brotli(&path),
            });
        }
    }
    out.sort_by_key(|b| std::cmp::Reverse(b.raw));
    Ok(out)
}

/// "uppfolj-web-3f2a…_bg.wasm" → "uppfolj-web_bg.wasm".
fn unhashed(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match name.rsplit_once("_bg.wasm").map(|(stem, _)| stem) {
        Some(stem) => match stem.rsplit_once('-') {
            Some((base, hash)) if hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
                format!("{base}_bg.wasm")
            }
            _ => name,
        },
        None => name,
    }
}

fn gzip9(path: &Path) -> Result<u64> {
    let out = Command::new("gzip").arg("-9").arg("-c").arg(path).stderr(Stdio::null()).output()?;
    if !out.status.success() {
        bail!("gzip failed on {}", path.display());
    }
    Ok(out.stdout.len() as u64)
}

fn brotli(path: &Path) -> Option<u64> {
    let script = "const z=require('zlib');const b=require('fs').readFileSync(process.argv[1]);\
                  process.stdout.write(String(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))";
    let out = Command::new("node").args(["-e", script]).arg(path).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

/// Bytes of code and data per crate in `wasm` (a build with its name section), largest first,
/// from `twiggy top`; the name section and custom sections (not shipped) are left out, data
/// segments count as "(data)" and symbols without a crate path as "(other)".
pub fn per_crate(twiggy: &Path, wasm: &PathBuf) -> Result<Vec<(String, u64)>> {
    let out = Command::new(twiggy).args(["top", "-n", "1000000", "--format", "csv"]).arg(wasm).output()?;
    if !out.status.success() {
        bail!("twiggy failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut per: BTreeMap<String, u64> = BTreeMap::new();
    let mut reader = text.lines();
    let header = reader.next().unwrap_or_default();
    let size_col = header.split(',').position(|h| h.trim() == "ShallowSize").unwrap_or(1);
    for line in reader {
        let Some((name, rest)) = split_csv_name(line) else { continue };
        if name.contains("subsection") || name.starts_with("custom section") || name.contains("__wbindgen_describe") {
            continue; // names, wasm-bindgen's metadata and describe functions: gone from the shipped file
        }
        let size: u64 =
            rest.split(',').nth(size_col.saturating_sub(1)).and_then(|s| s.trim().parse().ok()).unwrap_or(0);
        *per.entry(crate_of(&name)).or_default() += size;
    }
    let mut list: Vec<(String, u64)> = per.into_iter().collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.1));
    Ok(list)
}

/// The first CSV field (quoted when it holds commas) and the rest of the line.
fn split_csv_name(line: &str) -> Option<(String, &str)> {
    if let Some(quoted) = line.strip_prefix('"') {
        let end = quoted.find("\",")?;
        return Some((quoted[..end].replace("\"\"", "\""), &quoted[end + 2..]));
    }
    let (name, rest) = line.split_once(',')?;
    Some((name.to_owned(), rest))
}

/// The crate a demangled symbol belongs to: the first path segment of its name, looking through
/// `&`, `<T as Trait>` (T's crate, else the trait's) and the `[hash]` of v0 mangling; "(data)" for
/// data segments and "(other)" for imports, exports and anonymous functions.
pub fn crate_of(symbol: &str) -> String {
    if symbol.starts_with("data segment") {
        return "(data)".to_owned();
    }
    let clean = without_hashes(symbol);
    let s = clean.trim_start_matches(['<', '&', '*', ' ', '(']).trim_start_matches("mut ").trim_start_matches("dyn ");
    let s = s.trim_start_matches(['<', '&']);
    let head = s.split_once("::").map(|(h, _)| h);
    let head = match head.and_then(|h| h.split_once(" as ")) {
        Some((_, tr)) => Some(tr.trim_start_matches(['<', '&'])),
        None => head,
    };
    match head {
        Some(h) if !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => h.to_owned(),
        _ => "(other)".to_owned(),
    }
}

/// `core[c5930c85a12de822]::fmt` → `core::fmt`.
fn without_hashes(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len());
    let mut rest = symbol;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if close > 0 && after[..close].chars().all(|c| c.is_ascii_hexdigit()) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crates_of_symbols() {
        assert_eq!(crate_of("calamine::xlsx::Xlsx::read"), "calamine");
        assert_eq!(crate_of("<quick_xml::reader::Reader<R> as core::fmt::Debug>::fmt"), "quick_xml");
        assert_eq!(crate_of("data[3]"), "(other)");
        assert_eq!(crate_of("core[c5930c85a12de822]::fmt::float::float_to_decimal_common_exact::<f64>"), "core");
        assert_eq!(crate_of("<&T as wasm_bindgen::describe::WasmDescribe>::describe::h2d35"), "wasm_bindgen");
        assert_eq!(crate_of("data segment \".rodata\""), "(data)");
        assert_eq!(unhashed(Path::new("uppfolj-web-0123abcd4567ef89_bg.wasm")), "uppfolj-web_bg.wasm");
    }
}
