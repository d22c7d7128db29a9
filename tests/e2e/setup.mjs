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
 * until every one of them is listed and read (no progress bar) and the report is the
 * delårsrapport. The files are read one after the other and the report follows each: waiting
 * for the heading alone would look at a report made from the first few files.
 */
export async function chooseAllSamples(page) {
  while (await page.$('[data-testid=file-list] button.icon')) await page.click('[data-testid=file-list] button.icon');
  await (await page.$('[data-testid=file-input]')).setInputFiles(SAMPLES.map((s) => join(ROOT, 'samples', s)));
  await page.waitForFunction((names) => {
    const listed = new Set([...document.querySelectorAll('[data-testid=file-list] .file-name')].map((e) => e.textContent));
    return names.every((n) => listed.has(n)) && !document.querySelector('[data-testid=progress]')
      && /Delårsrapport/.test(document.querySelector('[data-testid=report] h1')?.textContent ?? '');
  }, SAMPLES, { timeout: 60_000 });
}
