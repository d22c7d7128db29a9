// End-to-end tests of the web app in headless Chromium: what a controller does with it.
// Run by `cargo xtask test` (which builds the app into target/web-dist first). Screenshots go to
// target/e2e/screenshots/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, DIST, OUT, SHOTS, waitForReport } from './setup.mjs';
import { serve } from './server.mjs';
import { launch, dropFile, parseSwedish } from './browser.mjs';

const PYTHON = process.env.UPPFOLJ_PYTHON ?? 'python3';
const SAMPLE = join(ROOT, 'samples/driftredovisning_2024_aug.xlsx');

let server;
let context;
let page;
const consoleErrors = [];

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serve(DIST);
  // Some tests below hold back or replace the export worker's files with page.route, which the
  // service worker would answer first (persist.test.mjs tests the app with it).
  context = await launch({ serviceWorkers: 'block' });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(server.url);
});

after(async () => {
  await context?.close();
  await server?.close();
});

/** The rows of the first report table as { label, cells: [text…] }. */
async function firstTable() {
  return page.evaluate(() => {
      const table = document.querySelector('table.report-table');
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({
        label: tr.querySelector('th')?.textContent.trim() ?? '',
        total: tr.classList.contains('total'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
      }));
      return { headers, rows };
    });
}

test('opens with the sample data: a complete report with table and accessible chart', async () => {
  await page.waitForSelector('[data-testid=report] figure.chart svg', { timeout: 30_000 });
  const title = await page.textContent('[data-testid=report] h1');
  assert.match(title, /Budgetuppföljning|Driftredovisning/i);
  assert.match(await page.textContent('[data-testid=file-list]'), /Exempeldata/);
  const svgTitle = await page.$eval('figure.chart svg title', (t) => t.textContent);
  assert.ok(svgTitle.length > 3, 'the chart has an accessible title');
  const { rows } = await firstTable();
  const totals = rows.filter((r) => r.total);
  assert.equal(totals.length, 1, 'exactly one total row');
  // The total of the sample's "Summa" row is not counted twice: the total equals the sum of the data rows.
  const data = rows.filter((r) => !r.total && !r.label.startsWith(' '));
  const col = 0; // the first numeric column (budget)
  const sum = data.reduce((s, r) => s + (parseSwedish(r.cells[col]) ?? 0), 0);
  assert.ok(Math.abs(sum - parseSwedish(totals[0].cells[col])) < 0.5, `sum of lines ${sum} = total ${totals[0].cells[col]}`);
  await page.screenshot({ path: join(SHOTS, '01-exempeldata.png'), fullPage: true });
});

test('dropping a file replaces the sample, and the xlsx download has the numbers on the page', async () => {
  await dropFile(page, '[data-testid=drop-zone]', SAMPLE, 'driftredovisning_augusti.xlsx');
  await page.waitForFunction(() => document.querySelector('[data-testid=file-list]')?.textContent.includes('driftredovisning_augusti.xlsx'));
  assert.doesNotMatch(await page.textContent('[data-testid=file-list]'), /Exempeldata/);
  // The file list comes with the worker's answer, the report a few frames later: until then the
  // sample's report is on the page. The new one names its file.
  await waitForReport(page, /driftredovisning_augusti\.xlsx/);
  const { headers, rows } = await firstTable();
  const total = rows.find((r) => r.total);
  await page.screenshot({ path: join(SHOTS, '02-dropped-file.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const saved = join(OUT, download.suggestedFilename());
  await download.saveAs(saved);
  // Read the workbook back with openpyxl (cached values, as Excel shows them before recalculating).
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
label = sys.argv[2]
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        cells = [c for c in row if c is not None]
        if cells and isinstance(cells[0], str) and cells[0].strip() == label:
            print(json.dumps({"sheet": ws.title, "sheets": wb.sheetnames, "numbers": [c for c in cells[1:] if isinstance(c, (int, float))]}))
            sys.exit(0)
print(json.dumps({"sheets": wb.sheetnames, "numbers": None}))
`;
  const out = JSON.parse(execFileSync(PYTHON, ['-c', script, saved, total.label]).toString());
  assert.ok(out.numbers, `a row '${total.label}' exists in the workbook (sheets: ${out.sheets})`);
  // Excel stores percentages as fractions (3,3 % is 0.033); the page shows percentage points.
  const pageNumbers = total.cells
    .map((text, i) => ({ v: parseSwedish(text), percent: text.includes('%') || headers[i + 1]?.includes('%') }))
    .filter(({ v }) => v !== null);
  assert.equal(out.numbers.length, pageNumbers.length, `numbers in the total row: ${out.numbers} vs ${total.cells}`);
  for (const [i, { v, percent }] of pageNumbers.entries()) {
    const got = percent ? out.numbers[i] * 100 : out.numbers[i];
    const decimals = total.cells.filter((t) => parseSwedish(t) !== null)[i].split(',')[1]?.replace(/\D/g, '').length ?? 0;
    assert.ok(Math.abs(got - v) <= 0.5 * 10 ** -decimals + 1e-9, `total column ${i}: workbook ${got} vs page ${v}`);
  }
});

test('correcting the unit in "Ändra tolkningen" re-reads the file at once and the report follows', async () => {
  const editor = page.locator('details.mapping-editor').first();
  await editor.locator('summary').click();
  await editor.locator('select[id^=unit-]').selectOption('mnkr');
  await page.waitForFunction(() => [...document.querySelectorAll('table.report-table thead th')].some((th) => th.textContent.includes('mnkr')));
  await page.screenshot({ path: join(SHOTS, '02b-mapping.png'), fullPage: true });
  // Back to what the file says, so that later tests see the file as it is.
  await editor.locator('select[id^=unit-]').selectOption('');
  await page.waitForFunction(() => ![...document.querySelectorAll('table.report-table thead th')].some((th) => th.textContent.includes('mnkr')));
});

test('a corrupt file gives a clear Swedish message and the report stays', async () => {
  const before = await page.textContent('[data-testid=report] h1');
  const bogus = join(OUT, 'not-a-spreadsheet.xlsx');
  await writeFile(bogus, '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
  await dropFile(page, '[data-testid=drop-zone]', bogus, 'budget_2025.xlsx');
  const error = await page.waitForSelector('[data-testid=error]');
  const text = await error.textContent();
  assert.match(text, /budget_2025\.xlsx/, 'the message names the file');
  assert.match(text, /PDF|kalkylark|inte/i, 'the message says what is wrong');
  assert.equal(await page.textContent('[data-testid=report] h1'), before, 'the previous report stays');
  assert.ok(await page.$('[data-testid=report] figure.chart svg'), 'the chart stays');
  await page.screenshot({ path: join(SHOTS, '03-corrupt-file.png'), fullPage: true });
});

test('picking another report from the file dialog switches plugin', async () => {
  const input = await page.$('[data-testid=file-input]');
  await input.setInputFiles(join(ROOT, 'samples/handlingsplan_2024_2026.xlsx'));
  await page.waitForFunction(() => document.querySelector('[data-testid=file-list]')?.textContent.includes('handlingsplan_2024_2026.xlsx'));
  await page.selectOption('[data-testid=plugin-select]', 'action-plan');
  await page.waitForFunction(() => /Handlingsplan|åtgärd/i.test(document.querySelector('[data-testid=report] h1')?.textContent ?? ''));
  await page.waitForSelector('[data-testid=report] figure.chart svg');
  // The controller enters the required reduction (325 mnkr); 175 are planned, so 150 lack measures.
  await page.fill('#param-required', '325');
  await page.press('#param-required', 'Tab');
  await waitForReport(page, /150,0/);
  const keyFigures = await page.textContent('.key-figures');
  assert.match(keyFigures, /325/, 'the requirement is shown');
  await page.screenshot({ path: join(SHOTS, '04-action-plan.png'), fullPage: true });
});

for (const [plugin, sample, heading] of [
  ['earmarked-grants', 'riktade_statsbidrag_2020.xlsx', /statsbidrag|stimulansmedel/i],
  ['balance-requirement', 'balanskravsutredning_2021_2024.xlsx', /Balanskrav/i],
]) {
  test(`the ${plugin} report renders from its sample`, async () => {
    await page.$eval('[data-testid=file-input]', (el) => el.scrollIntoView());
    await (await page.$('[data-testid=file-input]')).setInputFiles(join(ROOT, 'samples', sample));
    await page.waitForFunction((name) => document.querySelector('[data-testid=file-list]')?.textContent.includes(name), sample);
    await page.selectOption('[data-testid=plugin-select]', plugin);
    await page.waitForFunction((re) => new RegExp(re, 'i').test(document.querySelector('[data-testid=report] h1')?.textContent ?? ''), heading.source);
    assert.ok(await page.$('[data-testid=report] table.report-table'), 'a table is shown');
    // The charts are drawn the frame after the report's head and first rows (components/later.rs).
    assert.ok(await page.waitForSelector('[data-testid=report] figure.chart svg title', { state: 'attached' }), 'a chart with a title is shown');
    assert.match(await page.textContent('[data-testid=report] .report-meta'), new RegExp(sample.replace('.', '\\.')), 'the report names its own input file');
    await page.screenshot({ path: join(SHOTS, `05-${plugin}.png`), fullPage: true });
  });
}

test('a large file (120 000 lines) shows its first rows and downloads whole, with the input sheet', async () => {
  // A driftredovisning per enhet och konto, larger than any browser export limit the app once had.
  const n = 120_000;
  const lines = ['Enhet;Budget, tkr;Utfall, tkr'];
  for (let i = 0; i < n; i++) {
    const budget = -(100 + (i % 997));
    lines.push(`Enhet ${Math.floor(i / 40)} konto ${4000 + (i % 40)};${budget};${budget + (i % 13) - 6}`);
  }
  const big = join(OUT, 'stor_driftredovisning.csv');
  await writeFile(big, lines.join('\n') + '\n');
  // Files are used in load order: remove the ones loaded before, so the large file feeds the report.
  while (await page.$('[data-testid=file-list] button.icon')) await page.click('[data-testid=file-list] button.icon');
  await page.$eval('[data-testid=file-input]', (el) => el.scrollIntoView());
  await (await page.$('[data-testid=file-input]')).setInputFiles(big);
  await page.waitForFunction(() => document.querySelector('[data-testid=file-list]')?.textContent.includes('stor_driftredovisning.csv'), null, { timeout: 120_000 });
  page.setDefaultTimeout(120_000); // importing and computing 120 000 lines takes a few seconds
  await page.selectOption('[data-testid=plugin-select]', 'budget-follow-up');
  const more = await page.waitForSelector('[data-testid=more-rows]', { timeout: 120_000 });
  const note = (await more.textContent()).replace(/[\s\u00a0\u202f]/g, '');
  assert.match(note, /Visar250av120000rader/, `the table says how much it shows: ${note}`);
  const shownRows = await page.$$eval('[data-testid=report] table.report-table:first-of-type tbody tr', (trs) => trs.length);
  assert.ok(shownRows < 300, `the page shows the first rows only (${shownRows})`);
  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, '06-large-file.png') });

  // The export runs in a worker of its own: while it works the page answers, and "Avbryt" stops it.
  await page.click('[data-testid=export-xlsx]');
  const cancel = await page.waitForSelector('[data-testid=export-cancel]');
  assert.equal((await page.textContent('[data-testid=export-xlsx]')).trim(), 'Skapar Excelfilen…');
  await page.screenshot({ path: join(SHOTS, '07-export-running.png') });
  await cancel.click();
  await page.waitForFunction(() => document.body.textContent.includes('Excelexporten avbröts.'));
  assert.equal((await page.textContent('[data-testid=export-xlsx]')).trim(), 'Exportera till Excel');
  assert.equal(await page.$('[data-testid=export-cancel]'), null, 'no cancel button once stopped');

  // The longest pause between two frames while the workbook is made (reported, not asserted: the
  // machine is shared). Only packing the job happens on the page.
  await page.evaluate(() => {
    const gaps = (window.__frameGaps = { longest: 0, last: performance.now(), stop: false });
    const tick = (now) => {
      gaps.longest = Math.max(gaps.longest, now - gaps.last);
      gaps.last = now;
      if (!gaps.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.click('[data-testid=export-xlsx]'),
  ]);
  const longest = await page.evaluate(() => {
    window.__frameGaps.stop = true;
    return window.__frameGaps.longest;
  });
  console.log(`longest pause of the page while exporting ${n} lines: ${Math.round(longest)} ms`);
  const saved = join(OUT, 'stor_driftredovisning.xlsx');
  await download.saveAs(saved);
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
lines = {}
for ws in wb.worksheets:
    lines[ws.title] = sum(1 for row in ws.iter_rows(max_col=3, values_only=True)
                          if any(isinstance(c, str) and c.startswith("Enhet ") and " konto " in c for c in row))
print(json.dumps({"sheets": wb.sheetnames, "lines": lines}))
`;
  const out = JSON.parse(execFileSync(PYTHON, ['-c', script, saved], { maxBuffer: 1 << 24 }).toString());
  assert.ok(out.sheets.includes('Indata'), `the workbook has the input sheet: ${out.sheets}`);
  assert.equal(out.lines['Indata'], n, 'every input line is on the input sheet');
  const reportSheets = Object.entries(out.lines).filter(([name, count]) => name !== 'Indata' && count >= n);
  assert.ok(reportSheets.length >= 1, `a report sheet holds every line: ${JSON.stringify(out.lines)}`);
});

test('an export whose worker cannot be loaded says so, and the report stays', async () => {
  const needle = 'kunde inte läsa in exportens programfiler';
  // The loader script, the worker's JavaScript, its WebAssembly: each missing in turn.
  for (const file of ['uppfolj-export-worker-loader.js', 'uppfolj-export-worker.js', 'uppfolj-export-worker_bg.wasm']) {
    const pattern = `**/${file}*`; // the URLs carry the version: ?v=…
    await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'not found' }));
    const errorsBefore = consoleErrors.length;
    while (await page.$('.messages button.icon')) await page.click('.messages button.icon');
    await page.click('[data-testid=export-xlsx]');
    await page.waitForFunction((n) => document.querySelector('.messages')?.textContent.includes(n), needle);
    await page.waitForSelector('[data-testid=export-cancel]', { state: 'detached' });
    assert.equal((await page.textContent('[data-testid=export-xlsx]')).trim(), 'Exportera till Excel', `${file}: the button is back`);
    assert.ok(await page.$('[data-testid=report] table'), `${file}: the report is still shown`);
    if (file.endsWith('.wasm')) await page.screenshot({ path: join(SHOTS, '08-export-worker-missing.png') });
    await page.unroute(pattern);
    // The browser logs the failed load itself; those lines are expected.
    const unexpected = consoleErrors.splice(errorsBefore).filter((e) => !/404|Failed to load|NetworkError|did not load/.test(e));
    assert.deepEqual(unexpected, [], file);
  }
});

test('an export that works again clears the error of the one that failed', async () => {
  const needle = 'kunde inte läsa in exportens programfiler';
  const wasm = '**/uppfolj-export-worker_bg.wasm*';
  await page.route(wasm, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.click('[data-testid=export-xlsx]');
  await page.waitForFunction((n) => document.querySelector('.messages')?.textContent.includes(n), needle);
  await page.waitForSelector('[data-testid=export-cancel]', { state: 'detached' });
  await page.unroute(wasm);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  await page.waitForFunction((n) => !document.querySelector('.messages')?.textContent.includes(n), needle);
  assert.equal(await page.$('.messages [data-testid=error]'), null, 'no error left once the export worked');
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/404|Failed to load|NetworkError|did not load/.test(e)));
});

test('closing the report stops an export that is running', async () => {
  // The worker's WebAssembly is held back, so the export is surely still running when the report closes.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const wasm = '**/uppfolj-export-worker_bg.wasm*';
  await page.route(wasm, async (route) => {
    await held;
    await route.continue().catch(() => {}); // the worker may be gone
  });
  let downloads = 0;
  const onDownload = () => downloads++;
  page.on('download', onDownload);
  const started = page.waitForEvent('worker');
  await page.click('[data-testid=export-xlsx]');
  const worker = await started;
  const closed = new Promise((resolve) => worker.once('close', resolve));
  // Remove every file: the report, and its export button, go away.
  while (await page.$('[data-testid=file-list] button.icon')) await page.click('[data-testid=file-list] button.icon');
  await page.waitForSelector('[data-testid=export-xlsx]', { state: 'detached' });
  await closed; // terminated, not left running
  release();
  await page.unroute(wasm);
  page.off('download', onDownload);
  assert.equal(downloads, 0, 'nothing is downloaded for a report that was closed');
});

test('no errors in the browser console', () => {
  assert.deepEqual(consoleErrors, []);
});
