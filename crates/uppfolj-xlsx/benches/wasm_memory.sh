#!/usr/bin/env bash
# Peak memory of the xlsx export in WebAssembly: builds
# examples/wasm_memory.rs for wasm32-unknown-unknown, binds it for Node with wasm-bindgen and prints
# one line of JSON per row count: linear memory before, after building the Report, after the export.
#
# Usage: crates/uppfolj-xlsx/benches/wasm_memory.sh [ROWS...]     (default: 100000 500000)
# Needs the wasm32-unknown-unknown target, node, and wasm-bindgen of the version in Cargo.lock
# (WASM_BINDGEN=path, else `wasm-bindgen` on PATH, else the one `cargo xtask install` puts in
# ~/.cache/uppfolj/tools).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
rows=("$@")
[ ${#rows[@]} -gt 0 ] || rows=(100000 500000)
version=$(grep -A1 'name = "wasm-bindgen"' Cargo.lock | sed -n 's/version = "\(.*\)"/\1/p' | head -1)
bindgen=${WASM_BINDGEN:-$(command -v wasm-bindgen || echo "${UPPFOLJ_TOOLS_DIR:-$HOME/.cache/uppfolj/tools}/wasm-bindgen-$version/bin/wasm-bindgen")}
[ -x "$bindgen" ] || { echo "wasm_memory.sh: wasm-bindgen $version not found (set WASM_BINDGEN)" >&2; exit 1; }
cargo build --quiet --release -p uppfolj-xlsx --example wasm_memory --target wasm32-unknown-unknown
out=target/wasm-memory
"$bindgen" --target nodejs --out-dir "$out" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/examples/wasm_memory.wasm"
for n in "${rows[@]}"; do
  node -e "const t=Date.now(); const r=JSON.parse(require('./$out/wasm_memory.js').measure($n)); r.total_seconds=(Date.now()-t)/1000; console.log(JSON.stringify(r))"
done
