// Drop anywhere, in headless Chromium: a file dropped on any part of the page (the report, the
// header, the page's margin) is loaded as if dropped on the drop zone, and the browser never
// opens a dropped file itself (the window cancels every dragover and drop). Screenshot in
// target/e2e/screenshots/ (40-…).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dropFile } from './browser.mjs';
import { closeApp, openApp, ROOT, SHOTS, waitForIdle } from './setup.mjs';


let server;
let context;
let page;

before(async () => {
  ({ server, context, page } = await openApp({ ready: '[data-testid=report] figure.chart svg' }));
});

after(() => closeApp({ server, context }));

const fileListHas = (name) =>
  page.waitForFunction((n) => document.querySelector('[data-testid=file-list]')?.textContent.includes(n), name);

for (const [where, selector, sample] of [
  ['the report', '[data-testid=report] h1', 'malupfoljning_2024.csv'],
  ['the page header', '.app-header', 'handlingsplan_2024_2026.xlsx'],
  ['the page itself', 'body', 'riktade_statsbidrag_2020.xlsx'],
]) {
  test(`a file dropped on ${where} is loaded, and the browser does not open it`, async () => {
    const { notCancelled } = await dropFile(page, selector, join(ROOT, 'samples', sample));
    await fileListHas(sample);
    assert.deepEqual(notCancelled, { dragenter: true, dragover: false, drop: false }, 'dragover and drop are cancelled: the browser keeps the page');
    assert.equal(new URL(page.url()).pathname, '/', 'the page is still the app');
  });
}

test('dragging over any part of the page lights up the drop zone, leaving the window turns it off', async () => {
  const drag = (selector, type, init = {}) => page.$eval(selector, (el, { type, init }) => {
    const dt = new DataTransfer();
    el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt, ...init }));
  }, { type, init });
  await drag('[data-testid=report] h1', 'dragover');
  await page.waitForSelector('[data-testid=drop-zone].hover');
  await page.waitForTimeout(300); // the highlight fades in
  await page.screenshot({ path: join(SHOTS, '41-dragging-over-the-report.png') });
  await drag('[data-testid=report] h1', 'dragleave'); // relatedTarget null: out of the window
  await page.waitForSelector('[data-testid=drop-zone]:not(.hover)');
});

test('a drop on the drop zone loads the file once', async () => {
  const sample = 'balanskravsutredning_2021_2024.xlsx';
  await dropFile(page, '[data-testid=drop-zone]', join(ROOT, 'samples', sample));
  await fileListHas(sample);
  await waitForIdle(page); // a second load, were there one, would have been answered too
  const count = await page.$$eval('[data-testid=file-list] .file-name', (ns, n) => ns.filter((e) => e.textContent === n).length, sample);
  assert.equal(count, 1);
  await page.screenshot({ path: join(SHOTS, '40-dropped-anywhere.png'), fullPage: true });
});
