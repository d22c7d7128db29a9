// End-to-end tests of the composite reports in headless Chromium: every sample chosen at once
// gives the delårsrapport with all its chapters, a part's parameter reaches its chapter, each
// part's file is a choice among the loaded files that fit it, the workbook has a sheet per
// chapter, and with one file left the other chapters say what file would fill them.
// Screenshots in target/e2e/screenshots/ (11-…, 12-…).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chooseAllSamples, closeApp, openApp, OUT, SHOTS, SAMPLES, waitForReport } from './setup.mjs';

const PYTHON = process.env.UPPFOLJ_PYTHON ?? 'python3';
const CHAPTERS = [
  'Sammanfattning',
  'Ekonomi',
  'Balanskrav och god ekonomisk hushållning',
  'Måluppfyllelse',
  'Jämförelse med andra',
  'Handlingsplaner och riktade statsbidrag',
  'Underlag',
  'Källor',
];

let server;
let context;
let page;
let pageErrors;

before(async () => {
  ({ server, context, page, pageErrors } = await openApp({ ready: '[data-testid=report] .key-figures' }));
});

after(() => closeApp({ server, context }));

const reportText = () => page.textContent('[data-testid=report]');

test('every sample chosen at once gives the delårsrapport with all its chapters', async () => {
  await chooseAllSamples(page);
  assert.equal(await page.$eval('[data-testid=plugin-select]', (s) => s.value), 'interim-report', 'files for several parts: the composite');
  const headings = await page.$$eval('[data-testid=report] h2', (hs) => hs.map((h) => h.textContent.trim()));
  // The parts' messages come first, under "Att kontrollera"; then the chapters, in order.
  assert.deepEqual(headings.filter((h) => h !== 'Att kontrollera'), CHAPTERS);
  const text = await reportText();
  assert.match(text, /den delårsrapport lagen kräver/);
  assert.match(text, /Underlaget talar för att god ekonomisk hushållning/);
  for (const sample of SAMPLES) assert.ok(text.includes(sample), `Underlag names ${sample}`);
  assert.deepEqual(pageErrors, []);
});

test("a part's parameter, in its own group, reaches its chapter", async () => {
  await page.click('details.param-group:has(#param-comparison-region) > summary');
  await page.fill('#param-comparison-region', 'Halland');
  await page.press('#param-comparison-region', 'Tab');
  await waitForReport(page, /Region Halland redovisar/);
  assert.match(await reportText(), /plats 13 av 19/);
  await page.screenshot({ path: join(SHOTS, '11-interim-report.png'), fullPage: true });
});

test("each part's file is a choice among the loaded files that fit it, and the report follows it", async () => {
  const select = '#param-budget-follow-up-file';
  await page.click(`details.param-group:has(${select}) > summary`);
  const options = () => page.$$eval(`${select} option`, (os) => os.map((o) => [o.value, o.textContent]));
  const offered = await options();
  assert.deepEqual(offered[0], ['', 'Automatiskt (driftredovisning_2024_aug.xlsx)'], 'the report chooses unless the user does, and says which file it takes');
  assert.ok(offered.some(([v]) => v === 'driftredovisning_2024_aug.xlsx'), JSON.stringify(offered));
  assert.ok(!offered.some(([v]) => v === 'malupfoljning_2024.csv'), 'a file that does not fit the part is not offered');
  const grants = await page.$$eval('#param-earmarked-grants-file option', (os) => os.map((o) => o.value));
  assert.ok(grants.includes('riktade_statsbidrag_2020.xlsx') && !grants.includes('driftredovisning_2024_aug.xlsx'), grants.join(', '));
  await page.selectOption(select, 'driftredovisning_2024_aug.xlsx');
  await page.waitForFunction((s) => document.querySelector(s)?.value === 'driftredovisning_2024_aug.xlsx'
    && document.querySelector(`details.param-group:has(${s})`)?.open, select);
  await page.waitForFunction(() => /Delårsrapport/.test(document.querySelector('[data-testid=report] h1')?.textContent ?? ''));
  assert.ok((await reportText()).includes('driftredovisning_2024_aug.xlsx'), 'the chosen file feeds the report');
  await page.locator('details.param-group', { has: page.locator(select) }).screenshot({ path: join(SHOTS, '11b-interim-part-file.png') });
  // Back to the report's own choice.
  await page.selectOption(select, '');
  await page.waitForFunction((s) => document.querySelector(s)?.value === '', select);
  assert.deepEqual(pageErrors, []);
});

test('the workbook has a sheet per chapter and the input sheets', async () => {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=export-xlsx]')]);
  const saved = join(OUT, `composite-${download.suggestedFilename()}`);
  await download.saveAs(saved);
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({"sheets": wb.sheetnames}))
`;
  const { sheets } = JSON.parse(execFileSync(PYTHON, ['-c', script, saved]).toString());
  for (const sheet of ['Om rapporten', 'Sammanfattning', 'Ekonomi', 'Måluppfyllelse', 'Underlag', 'Källor']) {
    assert.ok(sheets.includes(sheet), `${sheet} in ${sheets}`);
  }
  assert.ok(sheets.filter((s) => s.startsWith('Indata')).length >= 6, `an input sheet per file: ${sheets}`);
});

test('with one file left, the picked composite stays and the other chapters say what file fills them', async () => {
  await page.selectOption('[data-testid=plugin-select]', 'interim-report');
  const removed = SAMPLES.filter((s) => s !== 'malupfoljning_2024.csv');
  for (const sample of removed) {
    await page.click(`[data-testid=file-list] button[aria-label="Ta bort ${sample}"]`);
  }
  // The files are removed one after the other and the report follows each: in the one of the
  // last file left, every other part says that no file has what it needs.
  const parts = ['Ekonomi', 'Balanskrav', 'Jämförelse', 'Handlingsplan', 'Riktade statsbidrag'];
  await waitForReport(page, [/Underlag saknas för ekonomi/, ...parts.map((part) => new RegExp(`${part}: ingen inläst fil har de uppgifterna`))]);
  const text = await reportText();
  assert.match(text, /driftredovisning med budget och utfall per verksamhet/);
  assert.match(text, /Av 13 indikatorer 2024/, 'the goals are still judged');
  await page.screenshot({ path: join(SHOTS, '12-interim-report-one-file.png'), fullPage: true });
});
