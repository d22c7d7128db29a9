// Makes the app work offline once loaded: registers the service worker (sw.js) and asks it to keep
// the page's own files and the two workers' (the session worker's and the export worker's, which
// the page only fetches when the user exports).
// When they are kept, <html data-offline="ready">. Without service workers (an old browser, some
// private windows) the app works as before, online.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const WORKER_FILES = [
    'uppfolj-session-worker-loader.js', 'uppfolj-session-worker.js', 'uppfolj-session-worker_bg.wasm',
    'uppfolj-export-worker-loader.js', 'uppfolj-export-worker.js', 'uppfolj-export-worker_bg.wasm',
  ];
  const own = (url) => new URL(url, location.href).origin === location.origin;
  const page = location.href.split('#')[0];

  async function keepFiles() {
    const registration = await navigator.serviceWorker.register('./sw.js');
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    // The files the page names (Trunk's script, WebAssembly, style sheet, icon), those it loaded,
    // and the export worker's. The WebAssembly may still be loading at this point, so the page's
    // own links are read rather than only what has been loaded.
    const named = [...document.querySelectorAll('link[href], script[src]')].map((e) => e.href || e.src);
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    const workers = WORKER_FILES.map((f) => new URL(f, page).href);
    const urls = [...new Set([page, ...named, ...loaded, ...workers].filter(own).map((u) => new URL(u, page).href))];
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (event.data?.kind === 'cached') {
        document.documentElement.dataset.offline = event.data.missing === 0 ? 'ready' : 'partial';
      }
    });
    registration.active?.postMessage({ kind: 'cache', urls });
  }

  window.addEventListener('load', () => {
    keepFiles().catch((error) => console.warn('uppfolj: offline use is not available:', error));
  });
})();
