// End-to-end tests of what the browser keeps (issue #12, point 3 "Nothing lost"): the workspace
// (files, mappings, the chosen report, its parameters) comes back after a reload, "Rensa all data"
// removes it, a mapping given one file is used again for the next file of the same layout, and the
// Excel export works after the network is gone. Screenshots 13–15 in target/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve } from './server.mjs';
import { launch, dropFile } from './browser.mjs';
import { closeApp, openApp, ROOT, DIST, SHOTS, waitForReport, waitForSaved } from './setup.mjs';

const DRIFT = join(ROOT, 'samples/driftredovisning_2024_aug.xlsx');
const GRANTS = join(ROOT, 'samples/riktade_statsbidrag_2020.xlsx');

let server;
let context;
let page;
const consoleErrors = [];

before(async () => {
  ({ server, context, page } = await openApp({
    prepare: async (page) => {
      page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
    },
  }));
});

after(() => closeApp({ server, context }));

const fileList = () => page.textContent('[data-testid=file-list]');
const saves = () => page.$eval('[data-testid=storage]', (el) => Number(el.dataset.saves));

/** Waits until the changes made so far are saved in the browser. */
async function saved(since) {
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=storage]')?.dataset.saves) > n, since);
}

/** What the app keeps in IndexedDB: the number of records in each store. */
function stored() {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('uppfolj');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      if (names.length === 0) { db.close(); resolve({}); return; }
      const tx = db.transaction(names);
      const counts = {};
      for (const name of names) {
        const request = tx.objectStore(name).count();
        request.onsuccess = () => { counts[name] = request.result; };
      }
      tx.oncomplete = () => { db.close(); resolve(counts); };
    };
  }));
}

test('a first visit shows the sample and keeps nothing', async () => {
  await page.waitForSelector('[data-testid=report] figure.chart svg', { timeout: 30_000 });
  assert.match(await fileList(), /Exempeldata/);
  await saved(0); // the first save after the start, which has nothing to keep
  const counts = await stored();
  assert.equal(counts.workspace ?? 0, 0, `the untouched sample is not stored: ${JSON.stringify(counts)}`);
});

test('two files, a picked report and a parameter come back after a reload', async () => {
  const input = await page.$('[data-testid=file-input]');
  await input.setInputFiles([DRIFT, GRANTS]);
  await page.waitForFunction(() => /riktade_statsbidrag_2020\.xlsx/.test(document.querySelector('[data-testid=file-list]')?.textContent ?? ''));
  await page.selectOption('[data-testid=plugin-select]', 'earmarked-grants');
  await page.waitForFunction(() => /statsbidrag|stimulansmedel/i.test(document.querySelector('[data-testid=report] h1')?.textContent ?? ''));
  await page.fill('#param-low_use', '30');
  await page.press('#param-low_use', 'Tab');
  // The report made with the parameter (it names it), and the workspace saved with it.
  await waitForReport(page, /Låg förbrukning under \(%\)30/);
  await waitForSaved(page, (w) => w.files.length === 2 && w.plugin === 'earmarked-grants'
    && w.params.some(([key, value]) => key === 'low_use' && value === '30'));
  const counts = await stored();
  assert.deepEqual(counts, { files: 2, layouts: 0, workspace: 1 }, 'the workspace and both files\' bytes are stored');
  const report = await page.textContent('[data-testid=report]');

  await page.reload();
  await page.waitForSelector('[data-testid=report] h1', { timeout: 30_000 });
  // The restored report drawn whole (its charts come a frame after it).
  await waitForReport(page, /Låg förbrukning under \(%\)30/);
  const files = await fileList();
  assert.match(files, /driftredovisning_2024_aug\.xlsx/);
  assert.match(files, /riktade_statsbidrag_2020\.xlsx/);
  assert.doesNotMatch(files, /Exempeldata/, 'the saved workspace, not the sample');
  assert.equal(await page.$eval('[data-testid=plugin-select]', (s) => s.value), 'earmarked-grants', 'the picked report');
  assert.equal(await page.$eval('#param-low_use', (i) => i.value), '30', 'the parameter');
  assert.equal(await page.textContent('[data-testid=report]'), report, 'the same report');
  assert.match(await page.textContent('.messages'), /arbetsyta från förra gången återställdes: 2 filer/);
  await page.screenshot({ path: join(SHOTS, '13-restored-after-reload.png'), fullPage: true });
});

test('"Rensa all data" asks first, then removes everything and shows the sample again', async () => {
  await page.click('[data-testid=clear-all]');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'clear-confirm', 'the question takes the focus');
  await page.screenshot({ path: join(SHOTS, '13b-clear-all-confirm.png') });
  const before = await saves();
  await page.click('[data-testid=clear-confirm]');
  await page.waitForFunction(() => /Exempeldata/.test(document.querySelector('[data-testid=file-list]')?.textContent ?? ''));
  assert.doesNotMatch(await fileList(), /riktade_statsbidrag/);
  assert.equal(await page.$eval('[data-testid=plugin-select]', (s) => s.value), 'budget-follow-up');
  assert.match(await page.textContent('.messages'), /All sparad data togs bort/);
  await saved(before); // the save after the sample came back, which keeps nothing
  assert.deepEqual(await stored(), { files: 0, layouts: 0, workspace: 0 });
  await page.reload();
  await page.waitForSelector('[data-testid=report] figure.chart svg', { timeout: 30_000 });
  assert.match(await fileList(), /Exempeldata/, 'a first visit again');
  assert.doesNotMatch(await page.textContent('.messages'), /återställdes/);
});

test('a mapping given one file is used for the next file with the same columns, and can be undone', async () => {
  await dropFile(page, '[data-testid=drop-zone]', DRIFT, 'drift_juli.xlsx');
  await page.waitForFunction(() => /drift_juli\.xlsx/.test(document.querySelector('[data-testid=file-list]')?.textContent ?? ''));
  const july = page.locator('[data-testid=file-list] > li', { hasText: 'drift_juli.xlsx' });
  await july.locator('details.mapping-editor summary').click();
  await july.locator('select[id^=unit-]').selectOption('mnkr');
  await page.waitForFunction(() => [...document.querySelectorAll('table.report-table thead th')].some((th) => th.textContent.includes('mnkr')));

  await dropFile(page, '[data-testid=drop-zone]', DRIFT, 'drift_augusti.xlsx');
  const august = page.locator('[data-testid=file-list] > li', { hasText: 'drift_augusti.xlsx' });
  await august.locator('[data-testid=remembered]').waitFor();
  assert.match(await page.textContent('.messages'), /drift_augusti\.xlsx lästes in.*samma kolumner användes/);
  await august.locator('details.mapping-editor summary').click();
  assert.equal(await august.locator('select[id^=unit-]').inputValue(), 'mnkr', 'read with the remembered unit');
  await page.screenshot({ path: join(SHOTS, '14-mapping-remembered.png') });

  await august.getByRole('button', { name: 'Ångra' }).click();
  await august.locator('[data-testid=remembered]').waitFor({ state: 'detached' });
  assert.equal(await august.locator('select[id^=unit-]').inputValue(), '', 'read automatically again');
  await waitForSaved(page, (w) => w.files.some((f) => f.name === 'drift_augusti.xlsx' && !f.remembered));
  assert.equal((await stored()).layouts, 1, 'the mapping stays remembered for later files');
});

test('the Excel export works after the network is gone, and so does a reload', async () => {
  await page.waitForSelector('html[data-offline=ready]', { timeout: 30_000 });
  await context.setOffline(true);
  await server.close(); // nothing answers any more, whatever the service worker's own requests do
  server = null;
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  const file = await readFile(await download.path());
  assert.equal(file.subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');
  assert.ok(file.includes('xl/workbook.xml'), 'with a workbook in it');
  assert.ok(!(await page.$('[data-testid=error]')), 'no error message');

  await page.reload();
  await page.waitForSelector('[data-testid=report] h1', { timeout: 30_000 });
  assert.match(await fileList(), /drift_augusti\.xlsx/, 'the page and the workspace come back offline');
  await page.screenshot({ path: join(SHOTS, '15-offline-after-reload.png') });
});

test('no errors in the browser console', () => {
  const unexpected = consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));
  assert.deepEqual(unexpected, []);
});

test('a browser that cannot store says so in Swedish, and the page works', async () => {
  const other = await launch();
  try {
    // As in a browser without IndexedDB (some private windows).
    await other.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
    const p = await other.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    const local = await serve(DIST);
    try {
      await p.goto(local.url);
      await p.waitForSelector('[data-testid=report] figure.chart svg', { timeout: 30_000 });
      const message = await p.textContent('.messages [data-testid=error]');
      assert.match(message, /sparade arbetsytan kunde inte läsas|kunde inte sparas i webbläsaren/);
      await p.selectOption('[data-testid=plugin-select]', 'earmarked-grants');
      // Saved a moment after the change: the message says it could not be.
      await p.waitForFunction(() => /kunde inte sparas i webbläsaren.*privat fönster/.test(document.querySelector('.messages')?.textContent ?? ''));
      assert.equal(await p.$$eval('.messages [data-testid=error]', (m) => m.length), 1, 'one message, not one per save');
      await p.screenshot({ path: join(SHOTS, '13c-storage-unavailable.png') });
      assert.deepEqual(errors, []);
    } finally {
      await local.close();
    }
  } finally {
    await other.close();
  }
});
