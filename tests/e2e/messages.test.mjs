// End-to-end tests of the messages (issue #12, point 7): a library's own words only in small print
// after a Swedish sentence, a parameter named by its label, news replaced rather than stacked and an
// error gone once resolved. Screenshots 16a, 16b in target/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dropFile } from './browser.mjs';
import { closeApp, openApp, ROOT, OUT, SHOTS } from './setup.mjs';

const GRANTS = join(ROOT, 'samples/riktade_statsbidrag_2020.xlsx');

let server;
let context;
let page;
let pageErrors;

before(async () => {
  ({ server, context, page, pageErrors } = await openApp({ ready: '[data-testid=report] figure.chart svg' }));
});

after(() => closeApp({ server, context }));

const messages = () => page.$$eval('.messages .message', (ms) => ms.map((m) => ({
  error: m.dataset.testid === 'error',
  text: m.querySelector('span')?.firstChild?.textContent ?? '',
  detail: m.querySelector('small.detail')?.textContent ?? null,
})));

test('a broken workbook: a Swedish sentence that says what to do, the library\'s words in small print', async () => {
  // The first 3 000 bytes of a real workbook: a zip without its directory.
  const broken = join(OUT, 'avbruten.xlsx');
  await writeFile(broken, (await readFile(GRANTS)).subarray(0, 3000));
  await dropFile(page, '[data-testid=drop-zone]', broken, 'bidrag_avbruten.xlsx');
  await page.waitForSelector('[data-testid=error]');
  const [error] = (await messages()).filter((m) => m.error);
  assert.match(error.text, /^bidrag_avbruten\.xlsx är skadad och kan inte läsas\. Öppna den i Excel/, error.text);
  assert.doesNotMatch(error.text, /[A-Za-z]+ (not|find|found|invalid)\b/, 'no English in the sentence');
  assert.match(error.detail ?? '', /^Teknisk orsak: ./, 'the library\'s text follows in small print');
  await page.screenshot({ path: join(SHOTS, '16a-library-error.png'), clip: { x: 0, y: 0, width: 1400, height: 400 } });
});

test('news replaces news, and an error goes once its file is read', async () => {
  await dropFile(page, '[data-testid=drop-zone]', GRANTS, 'bidrag_avbruten.xlsx');
  await page.waitForFunction(() => !document.querySelector('[data-testid=error]'));
  await dropFile(page, '[data-testid=drop-zone]', GRANTS, 'bidrag_2.xlsx');
  await page.waitForFunction(() => /bidrag_2\.xlsx lästes in/.test(document.querySelector('.messages')?.textContent ?? ''));
  const now = await messages();
  assert.equal(now.length, 1, `one message, the newest: ${JSON.stringify(now)}`);
});

test('a wrong parameter is named by its label, and the report comes back when it is fixed', async () => {
  await page.selectOption('[data-testid=plugin-select]', 'earmarked-grants');
  await page.fill('#param-frame', 'tre miljoner');
  await page.press('#param-frame', 'Tab');
  const error = await page.waitForSelector('[data-testid=report-error]');
  const text = await error.textContent();
  assert.match(text, /Inställningen ”Beslutad ram” kan inte användas: 'tre miljoner' är inte ett tal\. Ändra den/);
  assert.doesNotMatch(text, /\bframe\b/, 'never the key');
  await page.screenshot({ path: join(SHOTS, '16b-parameter-label.png') });
  await page.fill('#param-frame', '');
  await page.press('#param-frame', 'Tab');
  await page.waitForSelector('[data-testid=report] h1');
  assert.equal(await page.$('[data-testid=report-error]'), null);
  assert.deepEqual(pageErrors, []);
});
