// End-to-end tests of the indicator half in headless Chromium: the scorecard (måluppföljning) and
// the comparison with other regions (Kolada), each from its sample dropped on the page, and the
// budget report's key figures naming their status in its own words. Screenshots in
// target/e2e/screenshots/ (09-…, 10-…).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dropFile } from './browser.mjs';
import { closeApp, literally, openApp, ROOT, SHOTS, waitForReport } from './setup.mjs';


let server;
let context;
let page;
let pageErrors;

before(async () => {
  ({ server, context, page, pageErrors } = await openApp({ ready: '[data-testid=report] .key-figures' }));
});

after(() => closeApp({ server, context }));

/** Removes every loaded file, then drops the sample `name` and waits for its report titled `heading`. */
async function only(name, heading) {
  while (await page.$('[data-testid=file-list] button.icon')) await page.click('[data-testid=file-list] button.icon');
  await dropFile(page, '.drop-zone', join(ROOT, 'samples', name));
  await page.waitForFunction((n) => document.querySelector('[data-testid=file-list]')?.textContent.includes(n), name);
  // Drawn whole (its charts come a frame after the rest), and made of the file (it names it).
  await waitForReport(page, [new RegExp(`^${heading.source}`, 'i'), new RegExp(`Underlag${literally(name).source}`)]);
}

/** The key-figure cards as { label, status }. */
async function cards() {
  return page.$$eval('.key-figures .card', (cs) => cs.map((c) => ({
    label: c.querySelector('.card-label')?.textContent.trim() ?? '',
    status: c.querySelector('.card-status')?.textContent.trim() ?? '',
  })));
}

test('the budget report names the status of its deviation in budget words, not goal words', async () => {
  await waitForReport(page, /Avvikelse mot budget/); // its charts are drawn a frame after its key figures
  const deviation = (await cards()).find((c) => c.label === 'Avvikelse mot budget');
  assert.equal(deviation?.status, 'Negativ avvikelse');
  const legend = await page.$eval('[data-testid=report] figure.chart svg', (svg) => svg.textContent);
  assert.match(legend, /Inom budget/);
  assert.doesNotMatch(legend, /Ej uppnått/);
});

test('the scorecard sample gives the måluppföljning with its statuses', async () => {
  await only('malupfoljning_2024.csv', /Måluppföljning/);
  assert.equal(await page.$eval('[data-testid=plugin-select]', (s) => s.value), 'scorecard', 'the closest fit is chosen');
  const report = await page.textContent('[data-testid=report]');
  for (const status of ['Uppnått', 'Delvis uppnått', 'Ej uppnått']) assert.match(report, new RegExp(status));
  assert.ok(await page.$('[data-testid=report] table.report-table'), 'a table is shown');
  assert.ok(await page.$('[data-testid=report] figure.chart svg title'), 'a chart with a title is shown');
  // Delvis is off with partial=100 (what many municipalities report): the statuses change.
  const before = await page.textContent('[data-testid=report] table.report-table');
  await page.fill('#param-partial', '100');
  await page.press('#param-partial', 'Tab');
  await page.waitForFunction((b) => document.querySelector('[data-testid=report] table.report-table')?.textContent !== b, before);
  await page.fill('#param-partial', '');
  await page.press('#param-partial', 'Tab');
  // Back to the statuses the file gives.
  await page.waitForFunction((b) => document.querySelector('[data-testid=report] table.report-table')?.textContent === b, before);
  await waitForReport(page, /Måluppföljning/);
  await page.screenshot({ path: join(SHOTS, '09-scorecard.png'), fullPage: true });
});

test('the Kolada sample gives the comparison: a place among the regions, credited to Kolada', async () => {
  await only('kolada_u79092_aterinskrivning_2018_2022.csv', /Jämförelse/);
  await page.fill('#param-region', 'Halland');
  await page.press('#param-region', 'Tab');
  // The ranking names every region, so the report for Halland is told by its place (the report is
  // computed in the session worker and comes a moment after the field changes).
  await waitForReport(page, /Region Halland[\s\S]*plats \d+ av \d+|plats \d+ av \d+[\s\S]*Region Halland/);
  const report = await page.textContent('[data-testid=report]');
  assert.match(report, /plats \d+ av \d+/);
  assert.match(report, /Källa: Kolada/);
  await page.screenshot({ path: join(SHOTS, '10-comparison.png'), fullPage: true });
  assert.deepEqual(pageErrors, [], 'no uncaught error on the page');
});
