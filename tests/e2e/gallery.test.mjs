// End-to-end tests of the gallery of reports, the choice of file per input, and the mapping editor
// (issue #12, points 2 and 6): which reports the loaded files satisfy and what the others need,
// picking a report in the gallery (mouse and keyboard), two budget files and choosing the one the
// report is made of, an ignored column brought back, and a wrong header row fixed bringing back the
// report the user picked; axe-core on the gallery and the mapping editor.
// Screenshots 17a–17e in target/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dropFile } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { closeApp, openApp, ROOT, SHOTS, waitForSaved } from './setup.mjs';

const DRIFT = join(ROOT, 'samples/driftredovisning_2024_aug.xlsx');
const ENKEL = join(ROOT, 'crates/uppfolj-import/tests/fixtures/layouts/driftredovisning_enkel.xlsx');
const GRANTS = join(ROOT, 'samples/riktade_statsbidrag_2020.xlsx');

let server;
let context;
let page;
let pageErrors;

before(async () => {
  ({ server, context, page, pageErrors } = await openApp({ ready: '[data-testid=report] figure.chart svg' }));
  await page.setViewportSize({ width: 1400, height: 1000 });
});

after(() => closeApp({ server, context }));

/** The gallery's cards: id, whether satisfied, chosen, and the text. */
const cards = () => page.$$eval('[data-testid=gallery-card]', (cs) => cs.map((c) => ({
  id: c.dataset.id,
  satisfied: c.dataset.satisfied === 'true',
  chosen: c.querySelector('input[type=radio]').checked,
  text: c.textContent,
})));

const openGallery = async () => {
  if (!(await page.$eval('[data-testid=gallery]', (d) => d.open))) await page.click('[data-testid=gallery] > summary');
};

const closeGallery = async () => {
  if (await page.$eval('[data-testid=gallery]', (d) => d.open)) await page.click('[data-testid=gallery] > summary');
};

const reportTitle = () => page.textContent('[data-testid=report] h1');
const firstRowLabel = () => page.textContent('[data-testid=report] table.report-table tbody tr th');
const fileRow = (name) => page.locator('[data-testid=file-list] > li', { hasText: name });

test('the gallery lists every report, which the sample satisfies and what the others need', async () => {
  await openGallery();
  const all = await cards();
  assert.equal(all.length, await page.$$eval('#plugin-select option', (os) => os.length), 'every report offered');
  const byId = Object.fromEntries(all.map((c) => [c.id, c]));
  assert.ok(byId['budget-follow-up'].satisfied && byId['budget-follow-up'].chosen);
  assert.match(byId['budget-follow-up'].text, /Kan göras.*Görs av: Exempeldata – driftredovisning jan–aug 2024\.xlsx/s);
  assert.ok(!byId['balance-requirement'].satisfied);
  assert.match(byId['balance-requirement'].text, /Saknar fil.*Behöver en fil med:.*Balanskravsutredning.*Årets resultat/s);
  assert.match(byId['earmarked-grants'].text, /Behöver en fil med:.*beviljade medel/s);
  assert.match(await page.textContent('.gallery-summary'), /^\d+ av \d+ rapporter kan göras av de inlästa filerna\.$/);
  assert.deepEqual(await axeViolations(page), [], 'the gallery open');
  await page.locator('[data-testid=gallery]').screenshot({ path: join(SHOTS, '17a-gallery.png') });
});

test('a report picked in the gallery is the report shown, by mouse and by keyboard', async () => {
  await dropFile(page, '[data-testid=drop-zone]', GRANTS);
  await fileRow('riktade_statsbidrag_2020.xlsx').waitFor();
  await dropFile(page, '[data-testid=drop-zone]', DRIFT, 'drift_aug.xlsx');
  await fileRow('drift_aug.xlsx').waitFor();
  await openGallery();
  await page.click('[data-testid=gallery-card][data-id=earmarked-grants] label');
  await page.waitForFunction(() => /Riktade statsbidrag/.test(document.querySelector('[data-testid=report] h1')?.textContent ?? ''));
  assert.equal(await page.inputValue('#plugin-select'), 'earmarked-grants', 'the same pick as the report list');
  // The keyboard: the radio group takes the focus with a visible outline; an arrow picks the one before.
  await page.focus('#gallery-earmarked-grants');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('#plugin-select').value === 'action-plan');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, outline: getComputedStyle(el).outlineStyle, visible: el.matches(':focus-visible') };
  });
  assert.deepEqual(focused, { id: 'gallery-action-plan', outline: 'solid', visible: true });
  assert.ok(await page.$('[data-testid=report-error]'), 'the plan is missing: the reason in place of the report');
  await page.screenshot({ path: join(SHOTS, '17b-gallery-keyboard.png') });
  await page.click('[data-testid=gallery-card][data-id=budget-follow-up] label');
  await page.waitForFunction(() => /Budgetuppföljning/.test(document.querySelector('[data-testid=report] h1')?.textContent ?? ''));
});

test('two budget files: the report says which one it is made of, the user chooses the other, and a reload keeps it', async () => {
  await page.click('[data-testid=file-list] button[aria-label="Ta bort riktade_statsbidrag_2020.xlsx"]');
  await dropFile(page, '[data-testid=drop-zone]', ENKEL);
  const choice = page.locator('[data-testid=input-choice][data-input=budget]');
  await choice.waitFor();
  assert.equal(await choice.evaluate((s) => s.selectedOptions[0].textContent), 'Automatiskt (drift_aug.xlsx)', 'the first file loaded, said');
  assert.deepEqual(await choice.locator('option').allTextContents(), ['Automatiskt (drift_aug.xlsx)', 'drift_aug.xlsx', 'driftredovisning_enkel.xlsx']);
  const before = await firstRowLabel();
  assert.match(before, /Länssjukvårdsområde Somatik/);
  await choice.selectOption('driftredovisning_enkel.xlsx');
  await page.waitForFunction(() => /Hälso- och sjukvård/.test(document.querySelector('[data-testid=report] table.report-table tbody tr th')?.textContent ?? ''));
  const report = await page.textContent('[data-testid=report]');
  assert.match(report, /driftredovisning_enkel\.xlsx/, 'the report names its file');
  assert.doesNotMatch(report, /drift_aug\.xlsx/, 'and not the other');
  await page.screenshot({ path: join(SHOTS, '17c-two-budget-files.png') });
  // The choice is kept with the workspace (saved a moment after it is made): it comes back after a reload.
  await waitForSaved(page, (w) => w.bindings.some((b) => b.input === 'budget' && b.file === 'driftredovisning_enkel.xlsx'));
  await page.reload();
  await page.waitForSelector('[data-testid=report] table.report-table');
  assert.equal(await choice.inputValue(), 'driftredovisning_enkel.xlsx', 'the choice survives a reload');
  assert.match(await firstRowLabel(), /Hälso- och sjukvård/);
  await choice.selectOption('drift_aug.xlsx');
  await page.waitForFunction((b) => document.querySelector('[data-testid=report] table.report-table tbody tr th')?.textContent === b, before);
});

test('the mapping editor applies each change at once and brings an ignored column back', async () => {
  await page.click('[data-testid=file-list] button[aria-label="Ta bort driftredovisning_enkel.xlsx"]');
  await page.locator('[data-testid=input-choices]').waitFor({ state: 'detached' });
  const editor = fileRow('drift_aug.xlsx').locator('details.mapping-editor');
  await editor.locator('summary').click();
  // Without the file's forecast column the report makes its own, linear, forecast.
  const linear = () => [...document.querySelectorAll('table.report-table thead th')].some((th) => /Helårsprognos \(linjär\)/.test(th.textContent));
  assert.equal(await page.evaluate(linear), false);
  await editor.locator('select[aria-label="Roll för kolumn F"]').selectOption('ignore');
  await page.waitForFunction(linear);
  const row = editor.locator('[data-testid=mapping-column][data-column=F]');
  assert.match(await row.getAttribute('class'), /ignored/, 'the ignored column stays listed');
  assert.match(await row.textContent(), /F Helårsprognos \(ignoreras\)/, 'named as it was read');
  assert.deepEqual(await axeViolations(page), [], 'the mapping editor with an ignored column');
  await editor.screenshot({ path: join(SHOTS, '17d-mapping-ignored.png') });
  await row.getByRole('button', { name: 'Ta tillbaka kolumn F' }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('table.report-table thead th')].some((th) => /Helårsprognos \(linjär\)/.test(th.textContent)));
  assert.equal(await editor.locator('select[aria-label="Roll för kolumn F"]').inputValue(), '', 'read automatically again');
});

test('a wrong header row, fixed, brings back the report the user picked', async () => {
  await openGallery();
  await page.click('[data-testid=gallery-card][data-id=budget-follow-up] label');
  await closeGallery();
  const editor = fileRow('drift_aug.xlsx').locator('details.mapping-editor');
  const header = editor.locator('input[id^=hdr-]');
  await header.fill('6');
  await header.press('Enter');
  await page.waitForSelector('[data-testid=report-error]');
  assert.equal(await page.inputValue('#plugin-select'), 'budget-follow-up', 'the pick stays');
  await page.screenshot({ path: join(SHOTS, '17e-wrong-header-row.png') });
  await header.fill('');
  await header.press('Enter');
  await page.waitForFunction(() => /Budgetuppföljning/.test(document.querySelector('[data-testid=report] h1')?.textContent ?? ''));
  assert.equal(await page.inputValue('#plugin-select'), 'budget-follow-up');
  assert.match(await reportTitle(), /Budgetuppföljning/);
  assert.deepEqual(pageErrors, []);
});
