// The service worker: keeps the app's own files (the page, its WebAssembly, the style sheet and the
// session and export workers' three files each) in a cache, so that the Excel export, and the page itself, keep
// working when the network goes after the page has loaded. Network first: a page that is online
// always gets the newest files; the cache answers only when the network does not.
// Registered by offline.js, which also tells it which files to keep. Nothing leaves the machine:
// only requests to the page's own origin are handled.
const CACHE = 'uppfolj';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromNetworkOrCache(request));
});

async function fromNetworkOrCache(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // The workers' files carry the app's version in the query (?v=…); the page's own files
    // are named by their content. So a cached file matches without its query.
    const cached = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
    if (cached) return cached;
    throw error;
  }
}

// { kind: 'cache', urls } from the page: keep these files (and only these), then answer
// { kind: 'cached', missing } with the number that could not be fetched.
self.addEventListener('message', (event) => {
  if (event.data?.kind !== 'cache') return;
  const urls = event.data.urls.map((u) => new URL(u, self.location.href).href);
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const results = await Promise.allSettled(urls.map((u) => cache.add(u)));
    for (const request of await cache.keys()) {
      if (!urls.includes(request.url)) await cache.delete(request);
    }
    const missing = results.filter((r) => r.status === 'rejected').length;
    event.source?.postMessage({ kind: 'cached', missing });
  })());
});
