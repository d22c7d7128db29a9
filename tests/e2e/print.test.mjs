// Print and pictures in headless Chromium: the budget report and the composite delårsrapport
// printed to PDF (page.pdf with the page's own @page size) hold every column header and chapter
// heading (read back with pdftotext); wide tables fit the screen at 1280 px and the printed page;
// every chart saves as SVG and PNG. PDFs in target/e2e/, screenshots in target/e2e/screenshots/ (30-…).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chooseAllSamples, closeApp, openApp, OUT, SHOTS, waitForReport } from './setup.mjs';


let server;
let context;
let page;

before(async () => {
  ({ server, context, page } = await openApp({
    prepare: async (page) => {
      await page.setViewportSize({ width: 1280, height: 900 });
    },
    ready: '[data-testid=report] figure.chart svg',
  }));
});

after(() => closeApp({ server, context }));

/** Whitespace (line breaks of wrapped headers too) as single spaces. */
const squash = (text) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The column headers of every report table: [{ table, headers }]. */
const tableHeaders = () =>
  page.$$eval('[data-testid=report] table.report-table', (tables) =>
    tables.map((t) => ({ table: t.dataset.testid, headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent) })));

/** Tables wider than the space they have: [{ table, scroll, client }] (empty when all fit). */
const overflowing = () =>
  page.$$eval('[data-testid=report] .table-wrap', (wraps) =>
    wraps.filter((w) => w.scrollWidth > w.clientWidth + 1)
      .map((w) => ({ table: w.querySelector('table').dataset.testid, scroll: w.scrollWidth, client: w.clientWidth })));

/** Prints the page as the browser's print dialog does (its @page size) and returns the PDF's text. */
async function printed(name) {
  const path = join(OUT, `${name}.pdf`);
  // The tables laid out as on the paper: print media, as wide as an A4 landscape page within its
  // margins (297 − 2 × 8 mm = 281 mm = 1062 CSS px).
  const screen = page.viewportSize();
  await page.setViewportSize({ width: 1062, height: screen.height });
  await page.emulateMedia({ media: 'print' });
  const cut = await overflowing();
  await page.emulateMedia({ media: null }); // page.pdf prints with print media unless screen is emulated
  await page.setViewportSize(screen);
  assert.deepEqual(cut, [], 'every printed table fits the paper width');
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [path]).toString());
  assert.ok(Number(size[1]) > Number(size[2]), `landscape pages: ${size[0]}`);
  return { text: squash(execFileSync('pdftotext', [path, '-']).toString()), pages, path };
}

test('the budget report fits the screen at 1280 px, and its PDF holds every column header', async () => {
  await waitForReport(page, /^Budgetuppföljning/); // its charts too, a frame after the first
  assert.deepEqual(await overflowing(), [], 'no table scrolls sideways at 1280 px');
  await page.screenshot({ path: join(SHOTS, '30-budget-1280.png'), fullPage: true });
  const { text, pages } = await printed('budget-follow-up');
  const tables = await tableHeaders();
  assert.ok(tables.length >= 1);
  for (const { table, headers } of tables) {
    for (const header of headers) assert.ok(text.includes(squash(header)), `${table}: "${header}" is printed`);
  }
  console.log(`budget report: ${pages} landscape pages, ${tables.length} tables`);
});

test('the composite report prints every chapter heading and the last column of every table', async () => {
  await chooseAllSamples(page);
  assert.equal(await page.$eval('[data-testid=plugin-select]', (s) => s.value), 'interim-report');
  assert.deepEqual(await overflowing(), [], 'no table scrolls sideways at 1280 px');
  await page.screenshot({ path: join(SHOTS, '31-interim-report-1280.png'), fullPage: true });
  const { text, pages } = await printed('interim-report');
  const chapters = await page.$$eval('[data-testid=report] .report-section > h2', (hs) => hs.map((h) => h.textContent));
  assert.ok(chapters.length >= 7, `chapters: ${chapters}`);
  for (const chapter of chapters) assert.ok(text.includes(squash(chapter)), `chapter "${chapter}" is printed`);
  for (const { table, headers } of await tableHeaders()) {
    const last = squash(headers.at(-1));
    assert.ok(text.includes(last), `${table}: its last column "${last}" is printed`);
  }
  console.log(`interim report: ${pages} landscape pages`);
});

test('each chart saves as SVG and PNG, named after its title', async () => {
  const figure = page.locator('[data-testid=report] figure.chart').first();
  const title = await figure.locator('svg title').first().textContent();
  const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /^Spara som SVG/ }).click()]);
  const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /^Spara som PNG/ }).click()]);
  const stem = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  assert.equal(svg.suggestedFilename(), `${stem}.svg`);
  assert.equal(png.suggestedFilename(), `${stem}.png`);
  const svgText = await readFile(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg[\s\S]*<\/svg>\s*$/);
  assert.ok(svgText.includes(title), 'the SVG carries its title');
  const pngBytes = await readFile(await png.path());
  assert.deepEqual([...pngBytes.subarray(1, 4)], [...Buffer.from('PNG')]);
  const [width, height] = [pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)];
  const box = await figure.locator('svg').first().evaluate((s) => [s.width.baseVal.value, s.height.baseVal.value]);
  assert.deepEqual([width, height], box.map((v) => Math.round(v * 2)), 'the PNG is the chart at twice its size');
  await png.saveAs(join(SHOTS, '32-saved-chart.png'));
  const buttons = await page.$$eval('[data-testid=report] figure.chart', (fs) => fs.filter((f) => f.querySelectorAll('.chart-actions button').length === 2).length);
  assert.equal(buttons, await page.locator('[data-testid=report] figure.chart').count(), 'every chart has both buttons');
});
