// Starts the app without an inline script, so that the page's Content-Security-Policy can forbid
// inline scripts (web/index.html). Trunk writes this file's <script> tag into the page in place of
// its own inline loader (Trunk.toml, `pattern_script`), with the names of the hashed bundle in the
// query: ?js=uppfolj-web-<hash>.js&wasm=uppfolj-web-<hash>_bg.wasm.
const query = new URL(import.meta.url).searchParams;
const { default: init } = await import(new URL(query.get('js'), import.meta.url).href);
const wasm = await init({ module_or_path: new URL(query.get('wasm'), import.meta.url) });
// The page's WebAssembly memory, for a developer's console and the benchmark (bench/browser/run.mjs).
globalThis.uppfoljWasmMemory = wasm.memory;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
