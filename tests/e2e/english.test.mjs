// The English interface (issue #12 point 8): the toggle in the header switches every interface
// text to English and sets <html lang="en">; the choice comes back after a reload; reports and the
// import's notes stay Swedish and the page says so; axe finds no serious or critical violation in
// English; a large file's progress and its cancel are said in English, and so is <noscript>; the
// toggle switches back to Swedish. Screenshots 70–74 in target/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dropFile } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { closeApp, DIST, openApp, ROOT, SHOTS, waitForIdle, waitForSaved } from './setup.mjs';

const GRANTS = join(ROOT, 'samples/riktade_statsbidrag_2020.xlsx');
const LEDGER = join(ROOT, 'crates/uppfolj-import/tests/fixtures/real/Orebro_leverantorsreskontra_2016-03.masked.xlsx');
const REPORT = '[data-testid=report] figure.chart svg';

let server;
let context;
let page;

before(async () => {
  ({ server, context, page } = await openApp({ ready: REPORT }));
});

after(() => closeApp({ server, context }));

const lang = () => page.evaluate(() => document.documentElement.lang);
const text = (selector) => page.textContent(selector);
/** The page's own text: without what is marked Swedish (the report, the plugins' names and labels, the import's notes). */
const chrome = () => page.evaluate(() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('[lang=sv]').forEach((el) => el.remove());
  return copy.textContent;
});

test('the page starts in Swedish with a toggle to English', async () => {
  assert.equal(await lang(), 'sv');
  assert.equal((await text('[data-testid=lang-toggle]')).trim(), 'English');
  assert.equal(await page.$eval('[data-testid=lang-toggle]', (b) => b.lang), 'en', 'the button is named in English');
  assert.equal(await text('.skip-link'), 'Hoppa till rapporten');
  assert.equal(await page.$('[data-testid=lang-note]'), null, 'no note in Swedish');
});

test('English: the interface in English, <html lang="en">, the report still Swedish with a note', async () => {
  await page.click('[data-testid=lang-toggle]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await text('[data-testid=lang-toggle]')).trim(), 'Svenska');
  assert.equal(await text('.skip-link'), 'Skip to the report');
  assert.equal(await page.title(), 'uppfolj – follow-up in the browser');
  assert.equal(await text('.drop-title'), 'Drop files here or anywhere on the page');
  assert.match(await text('[data-testid=drop-zone] label'), /Choose files…/);
  assert.equal(await text('#files-heading'), 'Loaded files');
  assert.match(await text('[data-testid=file-list]'), /Sample data/);
  assert.equal(await text('#plugin-heading'), 'Report');
  assert.equal(await text('#params-heading'), 'Settings');
  assert.equal((await text('[data-testid=export-xlsx]')).trim(), 'Export to Excel');
  assert.equal(await text('[data-testid=clear-all]'), 'Clear all data');
  assert.equal(await text('.gallery-title'), 'All reports');
  assert.match(await text('.gallery-summary'), /^\d+ of \d+ reports can be made of the loaded files\.$/);
  assert.match(await text('[data-testid=lang-note]'), /Reports are written in Swedish/);
  assert.equal(await page.$eval('[data-testid=report]', (r) => r.lang), 'sv', 'the report is marked Swedish');
  assert.match(await text('[data-testid=report]'), /Utfall/, 'the report stays Swedish');
  assert.equal(await page.getAttribute('[data-testid=save-svg]', 'aria-label').then((l) => l.startsWith('Save as SVG: ')), true);
  await page.screenshot({ path: join(SHOTS, '70-english.png') });
  // The mapping editor: its labels and the role names.
  await page.click('[data-testid=mapping-editor] > summary');
  assert.match(await text('[data-testid=mapping-editor]'), /Header row \(row number in Excel\)/);
  const roles = await page.$$eval('[data-testid=mapping-column] select option', (os) => os.map((o) => o.textContent));
  assert.ok(roles.includes('Outcome') && roles.includes('Ignore the column'), roles.join(', '));
  const label = await page.getAttribute('[data-testid=mapping-column] select', 'aria-label');
  assert.match(label, /^Role of column [A-Z]+$/);
  // No Swedish word of the interface is left outside the report and the import's own texts.
  const words = await chrome();
  for (const swedish of ['Inlästa filer', 'Välj filer', 'Rensa all data', 'Exportera', 'Inställningar', 'Ändra tolkningen', 'Skriv ut', 'Alla rapporter', 'automatisk']) {
    assert.ok(!words.includes(swedish), `"${swedish}" is still on the English page`);
  }
  const editor = await page.$('[data-testid=mapping-editor]');
  await editor.scrollIntoViewIfNeeded();
  await editor.screenshot({ path: join(SHOTS, '71-english-mapping-editor.png') });
});

test('English: no serious or critical axe violation, the mapping editor and gallery open', async () => {
  await page.click('[data-testid=gallery] > summary');
  assert.deepEqual(await axeViolations(page), []);
});

test('English: a large file\'s progress and its cancel are English; <noscript> says both', async () => {
  // What a browser without JavaScript shows (the app replaces the body it is started in).
  const noscript = (await readFile(join(DIST, 'index.html'), 'utf8')).match(/<noscript>(.*?)<\/noscript>/s)?.[1] ?? '';
  assert.match(noscript, /uppfolj kräver JavaScript/);
  assert.match(noscript, /uppfolj needs JavaScript and WebAssembly/);
  // The ledger is read long enough for its steps to be seen.
  const bytes = [...(await readFile(LEDGER))];
  await page.evaluate((b) => { window.__ledger = new Uint8Array(b); }, bytes);
  // What the progress says is read, and "Cancel" pressed, from the page the moment the rows are
  // being read: the ledger is read in well under a second, and a click sent from here could come
  // after the import had finished.
  const seen = page.evaluate(() => new Promise((resolve) => {
    const texts = new Set();
    const look = () => {
      const t = document.querySelector('[data-testid=progress-text]')?.textContent;
      if (t) texts.add(t);
      if (t && /^Reading the sheet '.+': [\d\s]+ rows$/.test(t)) {
        const title = document.querySelector('.progress-title')?.textContent;
        const swedish = document.querySelector('[data-testid=progress] [lang=sv]') !== null;
        document.querySelector('[data-testid=cancel-import]')?.click();
        resolve({ texts: [...texts], title, swedish });
      } else requestAnimationFrame(look);
    };
    look();
  }));
  await page.$eval('[data-testid=drop-zone]', (el) => {
    const dt = new DataTransfer();
    dt.items.add(new File([window.__ledger], 'reskontra.xlsx'));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  });
  // Never a hang: a run that missed the rows being read fails here, saying so.
  const missed = new Promise((_, reject) => setTimeout(() => reject(new Error('no "Reading the sheet …: N rows" seen within 60 s')), 60_000).unref());
  const { texts, title, swedish } = await Promise.race([seen, missed]);
  for (const t of texts) {
    assert.match(t, /^(Starting|Checking the file|Reading the (sheet '.+'|file): [\d\s]+ rows|Finding the tables|Computing the report)$/, t);
  }
  assert.equal(title, 'Reading reskontra.xlsx');
  assert.equal(swedish, false, 'nothing in the progress is Swedish');
  await page.screenshot({ path: join(SHOTS, '74-english-cancelled.png') });
  await page.waitForFunction(() => /Reading reskontra\.xlsx was cancelled\. What was already loaded is still there\./.test(document.querySelector('[data-testid=messages]')?.textContent ?? ''));
  // The fresh worker is given the workspace the page had (which the page shows meanwhile), and answers.
  await waitForIdle(page);
  const words = await chrome();
  for (const swedish of ['avbröts', 'Läser', 'Beräkningen', 'Jämför']) {
    assert.ok(!words.includes(swedish), `"${swedish}" is still on the English page`);
  }
});

test('English: the page\'s own messages are English, the choice survives a reload', async () => {
  await dropFile(page, '[data-testid=drop-zone]', GRANTS);
  await page.waitForFunction(() => /was read: \d+ tables?\./.test(document.querySelector('[data-testid=messages]')?.textContent ?? ''));
  // Saved in the browser before the reload.
  await waitForSaved(page, (w) => w.files.some((f) => f.name === 'riktade_statsbidrag_2020.xlsx'));
  assert.match(await text('[data-testid=messages] strong'), /^Note: $/);
  await page.screenshot({ path: join(SHOTS, '72-english-message.png') });
  await page.reload();
  await page.waitForSelector('[data-testid=report]', { timeout: 30_000 });
  assert.equal(await lang(), 'en');
  assert.equal(await text('.skip-link'), 'Skip to the report');
  await page.waitForFunction(() => /Your workspace from last time was restored: 1 file\./.test(document.querySelector('[data-testid=messages]')?.textContent ?? ''));
  assert.deepEqual(await axeViolations(page), []);
});

test('English: "Automatic" names the file it takes, for a report\'s input and a part of a composite', async () => {
  // A page of its own, so that this page's messages stay as the next test expects them.
  const other = await openApp({ ready: REPORT });
  try {
    const p = other.page;
    await p.click('[data-testid=lang-toggle]');
    await p.waitForFunction(() => document.documentElement.lang === 'en');
    for (const year of ['2023', '2024']) {
      await dropFile(p, '[data-testid=drop-zone]', join(ROOT, `samples/driftredovisning_${year}_aug.xlsx`));
      await p.locator('[data-testid=file-list] li', { hasText: `driftredovisning_${year}_aug.xlsx` }).waitFor();
    }
    const choice = p.locator('[data-testid=input-choice][data-input=budget]');
    await choice.waitFor();
    assert.equal(await choice.evaluate((s) => s.selectedOptions[0].textContent), 'Automatic (driftredovisning_2023_aug.xlsx)');
    await p.locator('[data-testid=input-choices]').screenshot({ path: join(SHOTS, '75-english-automatic-file.png') });
    await dropFile(p, '[data-testid=drop-zone]', GRANTS);
    const part = '#param-budget-follow-up-file';
    await p.waitForSelector(part, { state: 'attached' });
    assert.equal(await p.$eval(`${part} option[value=""]`, (o) => o.textContent), 'Automatic (driftredovisning_2023_aug.xlsx)');
    assert.equal(await p.$eval('#param-earmarked-grants-file option[value=""]', (o) => o.textContent), 'Automatic (riktade_statsbidrag_2020.xlsx)');
    assert.deepEqual(other.pageErrors, []);
  } finally {
    await closeApp(other);
  }
});

test('the toggle switches back to Swedish, which also survives a reload', async () => {
  await page.click('[data-testid=lang-toggle]');
  await page.waitForFunction(() => document.documentElement.lang === 'sv');
  assert.equal(await text('.skip-link'), 'Hoppa till rapporten');
  assert.equal(await text('[data-testid=clear-all]'), 'Rensa all data');
  assert.match(await text('[data-testid=messages]'), /Din arbetsyta från förra gången återställdes: 1 fil\./, 'messages follow the language');
  assert.equal(await page.$('[data-testid=lang-note]'), null);
  await page.reload();
  await page.waitForSelector('[data-testid=report]', { timeout: 30_000 });
  assert.equal(await lang(), 'sv');
  assert.equal((await text('[data-testid=lang-toggle]')).trim(), 'English');
  await page.screenshot({ path: join(SHOTS, '73-swedish-again.png') });
});
