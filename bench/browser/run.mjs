// The browser half of `cargo xtask bench`: in headless Chromium (Debian's, through the e2e tests'
// launcher) times the real uppfolj page — a file chosen in its file input → the report's table on
// the page, the longest pause between frames meanwhile, then the export in the page's export
// worker — and, in the same browser on the same bytes, SheetJS, ExcelJS and calamine compiled to
// wasm. Repetitions are interleaved. Usage: node run.mjs <config.json>; writes config.out (JSON).
// `readers` in the config, when given, names the readers to time beside the app (`[]`: the app
// alone, for comparing two builds of it).
import { mkdir, readFile, rm, symlink, copyFile, writeFile, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../tests/e2e/browser.mjs';
import { serve } from '../../tests/e2e/server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const READERS = ['sheetjs', 'exceljs', 'calamine'];
const LONG = 300_000;

/** Builds the reader page's folder: the page, the libraries, calamine's wasm and the files. */
async function buildSite(config) {
  const site = config.site;
  await rm(site, { recursive: true, force: true });
  for (const d of ['lib', 'calamine', 'data']) await mkdir(join(site, d), { recursive: true });
  await copyFile(join(HERE, 'readers.html'), join(site, 'readers.html'));
  await copyFile(join(HERE, 'readers.js'), join(site, 'readers.js'));
  await copyFile(join(HERE, 'node_modules/xlsx/dist/xlsx.full.min.js'), join(site, 'lib/xlsx.full.min.js'));
  await copyFile(join(HERE, 'node_modules/exceljs/dist/exceljs.min.js'), join(site, 'lib/exceljs.min.js'));
  for (const f of await readdir(config.calamineDir)) await copyFile(join(config.calamineDir, f), join(site, 'calamine', f));
  for (const file of config.files) await symlink(file.path, join(site, 'data', basename(file.path)));
}

/** In the page: remember when a file is chosen, and the longest gap between two frames since. */
function watchPage() {
  const w = (window.__bench = { chosen: null, longest: 0, last: performance.now(), stop: false });
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') {
      w.chosen = performance.now();
      w.longest = 0;
      w.last = w.chosen;
    }
  }, true);
  const tick = (now) => {
    w.longest = Math.max(w.longest, now - w.last);
    w.last = now;
    if (!w.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Removes the files loaded before (the sample data), so that the chosen file alone feeds the report. */
async function removeLoadedFiles(page) {
  for (let i = 0; i < 20; i++) {
    const remove = await page.$('[data-testid=file-list] button.icon');
    if (!remove) return i;
    await remove.click();
  }
  return 20;
}

/** The page from navigation to its first report, then the file chosen → its report, then the export. */
async function measureApp(url, file, shots) {
  const context = await launch({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const navigated = Date.now();
    await page.goto(url);
    await page.waitForSelector('[data-testid=report] table', { timeout: 60_000 });
    const firstReportMs = Date.now() - navigated;
    const removed = await removeLoadedFiles(page);
    await page.waitForFunction(() => !document.querySelector('[data-testid=report] table'), null, { timeout: 10_000 }).catch(() => {});
    await page.evaluate(watchPage);
    const before = await wasmMemory(page);
    await (await page.$('input[type=file]')).setInputFiles(file.path);
    const name = basename(file.path);
    // Polled on every frame: the time is the page's own clock at the first frame that shows it.
    const shown = await page.waitForFunction((name) => {
      // The report's table, in a report that names the chosen file as its source.
      const w = window.__bench;
      const report = document.querySelector('[data-testid=report]');
      if (w.chosen === null || !report?.querySelector('table') || !report.textContent.includes(name)) return false;
      // This frame's gap too: the frame watcher's callback may run after this one.
      const now = performance.now();
      return { ms: now - w.chosen, longest: Math.max(w.longest, now - w.last) };
    }, name, { timeout: LONG, polling: 'raf' });
    const report = await shown.jsonValue();
    const after = await wasmMemory(page);
    await page.screenshot({ path: join(shots, `bench-${file.label}.png`) });
    const exported = await measureExport(page);
    return {
      firstReportMs, removedSamples: removed, reportMs: report.ms, longestPauseMs: report.longest, ...exported, errors,
      pageWasmBeforeBytes: before.page, pageWasmBytes: after.page,
      workerWasmBeforeBytes: before.worker, workerWasmBytes: after.worker,
    };
  } finally {
    await context.close();
  }
}

/** The size of the WebAssembly memory of the page and of its session worker (each keeps it in
 * `uppfoljWasmMemory`: web/uppfolj-start.js, web/uppfolj-session-worker-loader.js). A wasm memory
 * never shrinks: this is the most it has held. */
async function wasmMemory(page) {
  const size = () => globalThis.uppfoljWasmMemory?.buffer.byteLength ?? null;
  const worker = page.workers().find((w) => w.url().includes('session-worker'));
  return { page: await page.evaluate(size), worker: worker ? await worker.evaluate(size) : null };
}

/** "Exportera till Excel" → the download, with the page's longest pause meanwhile. */
async function measureExport(page) {
  const button = await page.$('[data-testid=export-xlsx]') ?? await page.$('button:has-text("Exportera till Excel")');
  if (!button) return { exportMs: null };
  await page.evaluate(() => { const w = window.__bench; w.longest = 0; w.last = performance.now(); });
  const start = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), button.click()]);
  const exportMs = Date.now() - start;
  const exportPauseMs = await page.evaluate(() => Math.max(window.__bench.longest, performance.now() - window.__bench.last));
  const path = await download.path();
  const exportBytes = path ? (await readFile(path)).length : null;
  return { exportMs, exportPauseMs, exportBytes };
}

/** One reader on one file, in a page of its own. */
async function measureReader(context, siteUrl, reader, file) {
  const page = await context.newPage();
  try {
    await page.goto(`${siteUrl}readers.html`);
    await page.waitForFunction(() => window.benchReady === true);
    return await page.evaluate(([r, u]) => window.benchRead(r, u), [reader, `data/${basename(file.path)}`]);
  } finally {
    await page.close();
  }
}

async function main() {
  const config = JSON.parse(await readFile(process.argv[2], 'utf8'));
  await buildSite(config);
  await mkdir(config.shots, { recursive: true });
  const app = await serve(config.dist);
  const site = await serve(config.site);
  const results = { app: [], readers: [] };
  try {
    for (let rep = 0; rep < config.reps; rep++) {
      for (const file of config.files) {
        console.log(`browser: ${file.label}, repetition ${rep + 1} of ${config.reps}`);
        results.app.push({ label: file.label, rep, ...(await measureApp(app.url, file, config.shots)) });
        const context = await launch();
        try {
          for (const reader of config.readers ?? READERS) {
            results.readers.push({ label: file.label, rep, reader, ...(await measureReader(context, site.url, reader, file)) });
          }
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await app.close();
    await site.close();
  }
  await writeFile(config.out, JSON.stringify(results, null, 1));
}

await main();
