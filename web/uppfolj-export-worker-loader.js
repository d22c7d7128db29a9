// Starts the export worker (web/src/export_worker.rs): loads its wasm-bindgen bundle, which Trunk
// builds from src/bin/uppfolj-export-worker.rs. A failure to load is told to the page as a
// message, since a rejected start-up promise never reaches the page's `error` handler.
const unloadable = (error) => postMessage({ kind: 'unloadable', message: String(error) });
try {
  importScripts('./uppfolj-export-worker.js');
  wasm_bindgen({ module_or_path: './uppfolj-export-worker_bg.wasm' }).catch(unloadable);
} catch (error) {
  unloadable(error);
}
