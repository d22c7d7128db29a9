// Starts the session worker (web/src/session_worker.rs): loads its wasm-bindgen bundle, which Trunk
// builds from src/bin/uppfolj-session-worker.rs. A failure to load is told to the page as a
// message, since a rejected start-up promise never reaches the page's `error` handler.
// The page's version comes in the query (`?v=…`) and goes on to both files, past browser caches.
const unloadable = (error) => postMessage({ kind: 'unloadable', message: String(error) });
const version = self.location.search;
try {
  importScripts(`./uppfolj-session-worker.js${version}`);
  wasm_bindgen({ module_or_path: `./uppfolj-session-worker_bg.wasm${version}` })
    // Its WebAssembly memory, for a developer's console and the benchmark (bench/browser/run.mjs).
    .then((wasm) => { self.uppfoljWasmMemory = wasm.memory; })
    .catch(unloadable);
} catch (error) {
  unloadable(error);
}
