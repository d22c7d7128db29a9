// The page's Content-Security-Policy and its network log in headless Chromium: while the app
// loads, runs a report, saves a chart and exports to Excel, every request goes to the page's own
// origin, the policy reports no violation, and a connection to another origin is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './setup.mjs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';


let server;
let context;
let page;
const requests = [];
const consoleErrors = [];

before(async () => {
  server = await serve(DIST);
  context = await launch();
  page = await context.newPage();
  // Every request of the page and of its workers, from the first one on.
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // The policy's violations, as the page sees them (an init script runs before the page's own).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=report] figure.chart svg', { timeout: 30_000 });
});

after(async () => {
  await context?.close();
  await server?.close();
});

test('the page carries a strict Content-Security-Policy', async () => {
  const csp = await page.$eval('meta[http-equiv=Content-Security-Policy]', (m) => m.content);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/, 'no inline script, no eval');
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, 'no inline script allowed');
  assert.equal(await page.$$eval('script:not([src])', (s) => s.length), 0, 'no inline script in the page');
});

test('loading, a report, saving a chart and the Excel export stay on the page\'s own origin', async () => {
  await page.selectOption('[data-testid=plugin-select]', 'budget-follow-up');
  await page.fill('#param-threshold', '5');
  await page.press('#param-threshold', 'Tab');
  const figure = page.locator('[data-testid=report] figure.chart').first();
  await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /^Spara som PNG/ }).click()]);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=export-xlsx]')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const origin = new URL(server.url).origin;
  const elsewhere = requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(elsewhere, [], 'no request leaves the page\'s origin');
  assert.ok(requests.some((u) => u.includes('uppfolj-export-worker_bg.wasm')), `the log holds the worker's requests too: ${requests}`);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'nothing the app does is blocked');
  assert.deepEqual(consoleErrors, []);
});

test('a connection to another origin is refused by the policy', async () => {
  const result = await page.evaluate(() => fetch('http://127.0.0.2:9/').then(() => 'connected', () => 'refused'));
  assert.equal(result, 'refused');
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.ok(violations.some((v) => v.startsWith('connect-src')), `a connect-src violation: ${violations}`);
});
