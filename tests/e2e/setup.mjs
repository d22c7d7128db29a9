// What every browser test file shares: where things are, and the app served and opened in a new
// page of headless Chromium.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

/** The repository. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built app (Trunk's dist). */
export const DIST = process.env.UPPFOLJ_DIST ?? join(ROOT, 'target/web-dist');
/** Where tests write downloads, PDFs and screenshots. */
export const OUT = process.env.UPPFOLJ_OUT ?? join(ROOT, 'target/e2e');
/** The six samples, one per built-in report, in the order the composite reports read them. */
export const SAMPLES = [
  'driftredovisning_2024_aug.xlsx',
  'balanskravsutredning_2021_2024.xlsx',
  'malupfoljning_2024.csv',
  'kolada_u79092_aterinskrivning_2018_2022.csv',
  'handlingsplan_2024_2026.xlsx',
  'riktade_statsbidrag_2020.xlsx',
];
/** The screenshots, which a person looks at. */
export const SHOTS = join(OUT, 'screenshots');

/**
 * Serves the app and opens it in a new page: `launchOptions` go to the browser context,
 * `prepare(page)` runs before the page is loaded (listeners, viewport), and `ready`, when given, is
 * a selector to wait for. Returns { server, context, page, pageErrors } (the page's uncaught
 * errors, collected from the start); close them with `closeApp`.
 */
export async function openApp({ launchOptions, prepare, ready } = {}) {
  await mkdir(SHOTS, { recursive: true });
  const server = await serve(DIST);
  const context = await launch(launchOptions);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await prepare?.(page);
  await page.goto(server.url);
  if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
  return { server, context, page, pageErrors };
}

/** Closes what `openApp` opened (either may be missing when opening failed). */
export async function closeApp({ server, context }) {
  await context?.close();
  await server?.close();
}

/**
 * Removes every loaded file and chooses all six samples at once, as a person would, then waits
 * until every one of them is listed and read (no progress bar) and the delårsrapport made of all
 * six is drawn (it names each). The files are read one after the other and the report follows
 * each: waiting for the heading alone would look at a report made from the first few files, and
 * waiting for the file list alone at the report of five (the page draws a report a few frames
 * after the answer that announced it).
 */
export async function chooseAllSamples(page) {
  while (await page.$('[data-testid=file-list] button.icon')) await page.click('[data-testid=file-list] button.icon');
  await (await page.$('[data-testid=file-input]')).setInputFiles(SAMPLES.map((s) => join(ROOT, 'samples', s)));
  await page.waitForFunction((names) => {
    const listed = new Set([...document.querySelectorAll('[data-testid=file-list] .file-name')].map((e) => e.textContent));
    return names.every((n) => listed.has(n)) && !document.querySelector('[data-testid=progress]');
  }, SAMPLES, { timeout: 60_000 });
  await waitForReport(page, [/^Delårsrapport/, ...SAMPLES.map(literally)]);
}

/**
 * Waits until the page shows the answer to everything asked of it and its report is drawn whole,
 * and the report's text matches `pattern`: the session worker has nothing left to answer (no
 * progress bar, "Exportera till Excel" not held back), the report's charts are drawn and its
 * tables' rows too (the page draws a new report in steps, components/later.rs, and the report
 * drawn before stays until then). `pattern` (a RegExp, or several that must all match) tells
 * the new report from the one before it: a parameter's value, a file's name, a title.
 */
export async function waitForReport(page, pattern, { timeout = 60_000 } = {}) {
  const patterns = [pattern].flat().map((p) => ({ source: p.source, flags: p.flags }));
  try {
    await page.waitForFunction(reportState, { patterns, drawn: true }, { timeout });
  } catch (e) {
    const seen = await page.evaluate(reportState, { patterns, drawn: false }).catch(() => null);
    throw new Error(`${e.message.split('\n')[0]} waiting for the report; the page shows ${JSON.stringify(seen)}`);
  }
}

/**
 * In the page: with `drawn`, whether the report is drawn whole, nothing is on its way and its
 * text matches every one of `patterns`; without, what of that is so (for the message of a test
 * that waited in vain). Self-contained: it is run in the page.
 */
function reportState({ patterns, drawn }) {
  const report = document.querySelector('[data-testid=report]');
  const s = {
    title: document.querySelector('[data-testid=report] h1, [data-testid=report-error] h1')?.textContent ?? null,
    report: report !== null,
    progress: document.querySelector('[data-testid=progress]') !== null,
    exportHeldBack: document.querySelector('[data-testid=export-xlsx][disabled]') !== null,
    // A chart is drawn the frame after its report; a table's rows 60 a frame, each chunk an
    // empty <tbody> until then (the last <tbody> holds the totals, and may be empty).
    pendingCharts: report?.querySelectorAll('figure.chart.pending').length ?? 0,
    chunksToDraw: report?.querySelectorAll('table.report-table > tbody:not(:last-of-type):empty').length ?? 0,
    unmatched: patterns.filter(({ source, flags }) => !new RegExp(source, flags).test(report?.textContent ?? '')).map((p) => p.source),
  };
  if (!drawn) return s;
  return s.report && !s.progress && !s.exportHeldBack && s.pendingCharts === 0 && s.chunksToDraw === 0 && s.unmatched.length === 0;
}

/**
 * Waits until the session worker has answered everything asked of it: no progress bar, and
 * "Exportera till Excel" not held back (or no report, but the reason there is none).
 */
export async function waitForIdle(page, { timeout = 60_000 } = {}) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=progress]')
    && document.querySelector('[data-testid=export-xlsx]:not([disabled]), [data-testid=report-error]'), null, { timeout });
}

/** `text` as a regular expression that matches it literally. */
export const literally = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** The workspace the app keeps in the browser's IndexedDB (its JSON, parsed), or null. */
export function savedWorkspace(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('uppfolj');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('workspace')) { db.close(); resolve(null); return; }
      const get = db.transaction('workspace').objectStore('workspace').get('current');
      get.onsuccess = () => { db.close(); resolve(get.result ? JSON.parse(get.result) : null); };
      get.onerror = () => { db.close(); reject(get.error); };
    };
  }));
}

/**
 * Waits until the workspace kept in the browser satisfies `check` (given the parsed workspace):
 * the app saves a moment after each change (web/src/persist.rs), and a reload before that
 * brings back what was saved before. Fails with the last workspace seen.
 */
export async function waitForSaved(page, check, { timeout = 30_000 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const workspace = await savedWorkspace(page);
    if (workspace && check(workspace)) return workspace;
    if (Date.now() > until) throw new Error(`the workspace was not saved as expected within ${timeout} ms: ${JSON.stringify(workspace)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
