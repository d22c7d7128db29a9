// End-to-end tests of two files of the same kind (issue #12, points 2 and 7): two budget files
// dropped give the budget report with the choice of file in sight and the offer to compare them;
// the user switches file, picks the comparison (a line in only one file: no change in percent),
// and swaps A and B; a file that cannot be read has
// a message with its name until it is read again. Screenshots 19a–19d in target/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dropFile } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { closeApp, openApp, ROOT, OUT, SHOTS, waitForReport } from './setup.mjs';

const Y2023 = 'driftredovisning_2023_aug.xlsx';
const Y2024 = 'driftredovisning_2024_aug.xlsx';

let server;
let context;
let page;
let pageErrors;

before(async () => {
  ({ server, context, page, pageErrors } = await openApp({ ready: '[data-testid=report] figure.chart svg' }));
  await page.setViewportSize({ width: 1400, height: 1000 });
});

after(() => closeApp({ server, context }));

const reportTitle = () => page.textContent('[data-testid=report] h1');
const waitForTitle = (pattern) => page.waitForFunction(
  (p) => new RegExp(p).test(document.querySelector('[data-testid=report] h1')?.textContent ?? ''),
  pattern.source,
);
const choice = (input) => page.locator(`[data-testid=input-choice][data-input=${input}]`);
/** The words of the option chosen in the list box of `input`. */
const chosen = (input) => choice(input).evaluate((s) => s.selectedOptions[0]?.textContent);

test('two budget files: the budget report, which file it shows, and the offer to compare them', async () => {
  await dropFile(page, '[data-testid=drop-zone]', join(ROOT, 'samples', Y2023));
  await page.locator('[data-testid=file-list] li', { hasText: Y2023 }).waitFor();
  await dropFile(page, '[data-testid=drop-zone]', join(ROOT, 'samples', Y2024));
  await choice('budget').waitFor();
  await waitForTitle(/Budgetuppföljning/);
  assert.equal(await choice('budget').inputValue(), '', 'the report chooses');
  assert.equal(await chosen('budget'), `Automatiskt (${Y2023})`, 'and the file it shows is said');
  assert.deepEqual(await choice('budget').locator('option').allTextContents(), [`Automatiskt (${Y2023})`, Y2023, Y2024]);
  const compare = page.locator('[data-testid=compare-files][data-id=budget-compare]');
  assert.match(await compare.textContent(), /^Jämför de två filerna: Jämförelse av budgetfiler$/);
  assert.match(await page.textContent('[data-testid=report]'), /januari–augusti 2023/);
  await page.screenshot({ path: join(SHOTS, '19a-two-budget-files.png') });

  await choice('budget').selectOption(Y2024);
  await page.waitForFunction(() => /januari–augusti 2024/.test(document.querySelector('[data-testid=report]')?.textContent ?? ''));
  assert.equal(await choice('budget').inputValue(), Y2024);
  assert.match(await reportTitle(), /Budgetuppföljning/, 'still the budget report');
  await page.screenshot({ path: join(SHOTS, '19b-other-budget-file.png') });
});

test('the comparison: A and B said, line by line, lines only in one file, and A and B swapped', async () => {
  await page.click('[data-testid=compare-files]');
  await waitForReport(page, /^Jämförelse av budgetfiler/); // drawn whole, for axe and the picture
  assert.equal(await chosen('a'), `Automatiskt (${Y2023})`, 'A: the first file loaded');
  assert.equal(await chosen('b'), `Automatiskt (${Y2024})`, 'B: the other');
  const report = await page.textContent('[data-testid=report]');
  assert.match(report, /Bara i A \(1 rad\): Område Kvalitet och utbildning\./);
  assert.match(report, /Bara i B \(1 rad\): Område Patientsäkerhet, utbildning och forskning\./);
  assert.match(report, /−310\s800/, 'the change of the totals');
  const headers = await page.$$eval('[data-testid=report] table.report-table thead th', (ths) => ths.map((t) => t.textContent.trim()));
  assert.deepEqual(headers.slice(0, 6), ['Rad', 'A: Årsbudget, tkr', 'B: Årsbudget, tkr', 'Skillnad B − A, tkr', 'Förändring, %', 'Finns i']);
  // A line in only one file has no change in percent: the cell is empty, "Finns i" says where it is.
  const line = (label) => page.$$eval('[data-testid=report] table.report-table tbody tr', (trs, l) => trs
    .filter((tr) => tr.querySelector('th')?.textContent === l)
    .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))[0], label);
  assert.deepEqual((await line('Område Kvalitet och utbildning')).slice(3), ['–', 'Bara i A']);
  assert.deepEqual((await line('Område Patientsäkerhet, utbildning och forskning')).slice(3), ['–', 'Bara i B']);
  assert.match(report, /En rad som bara finns i en fil har ingen förändring i procent/);
  assert.deepEqual(await axeViolations(page), [], 'no serious axe violation on the comparison');
  await page.screenshot({ path: join(SHOTS, '19c-budget-compare.png'), fullPage: true });

  await choice('a').selectOption(Y2024);
  await page.waitForFunction(() => /A: driftredovisning_2024_aug\.xlsx – B: driftredovisning_2023_aug\.xlsx/.test(document.querySelector('[data-testid=report]')?.textContent ?? ''));
  assert.equal(await choice('b').inputValue(), Y2023, 'choosing B\'s file for A swaps them');
  assert.equal(await chosen('a'), Y2024);
  assert.match(await page.textContent('[data-testid=report]'), /\+310\s800/, 'the change the other way');
  await page.screenshot({ path: join(SHOTS, '19d-compare-swapped.png') });
});

test('a file that cannot be read: a message with its name until the file is read again', async () => {
  const broken = join(OUT, 'budget_trasig.xlsx');
  await writeFile(broken, (await readFile(join(ROOT, 'samples', Y2024))).subarray(0, 2000));
  await dropFile(page, '[data-testid=drop-zone]', broken, 'budget_2025.xlsx');
  const about = page.locator('.messages .message', { hasText: 'budget_2025.xlsx' });
  await about.first().waitFor();
  assert.equal(await about.count(), 1);
  assert.equal(await about.getAttribute('data-testid'), 'error');
  await dropFile(page, '[data-testid=drop-zone]', join(ROOT, 'samples', Y2024), 'budget_2025.xlsx');
  await page.locator('[data-testid=file-list] li', { hasText: 'budget_2025.xlsx' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.messages .message')]
    .filter((m) => m.textContent.includes('budget_2025.xlsx')).every((m) => m.dataset.testid === 'info'));
  assert.equal(await about.count(), 1, 'the error replaced by the news that it was read');
  assert.match(await about.textContent(), /budget_2025\.xlsx lästes in/);
  assert.deepEqual(pageErrors, []);
});
