// Accessibility in headless Chromium: axe-core finds no serious or critical WCAG 2.1 A/AA
// violation on any screen (first load, every report incl. the composite, the mapping editor open,
// a message shown, the composite's parameter groups open); the page is used with the keyboard
// alone, with a visible focus on every control and a skip link; only the messages are live.
// Screenshots in target/e2e/screenshots/ (20-…).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dropFile } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { chooseAllSamples, closeApp, openApp, OUT, SHOTS, waitForReport } from './setup.mjs';


let server;
let context;
let page;

before(async () => {
  ({ server, context, page } = await openApp({ ready: '[data-testid=report] figure.chart svg' }));
});

after(() => closeApp({ server, context }));

/** The title of the report drawn now, or null when there is none. */
const drawnTitle = () => page.evaluate(() => document.querySelector('[data-testid=report] h1')?.textContent ?? null);

/**
 * Picks the report `plugin` in the list and waits until it is shown: the reason there is none in
 * its place, or its report drawn whole. The report drawn before stays until the new one is drawn,
 * a few frames after the rest of the page: the new one is told by its title (`before`, the title
 * of the report drawn before; every report has a title of its own).
 */
async function pick(plugin) {
  const before = await drawnTitle();
  await page.selectOption('[data-testid=plugin-select]', plugin);
  await page.waitForFunction(({ plugin, before }) => {
    if (document.querySelector('[data-testid=plugin-select]')?.value !== plugin) return false;
    if (document.querySelector('[data-testid=report-error]')) return true;
    const title = document.querySelector('[data-testid=report] h1')?.textContent;
    return title !== undefined && title !== before;
  }, { plugin, before }, { timeout: 60_000 });
  if (await page.$('[data-testid=report]')) await waitForReport(page, /./);
}

test('first load: no serious or critical axe violation', async () => {
  assert.deepEqual(await axeViolations(page), []);
});

test('only the messages are a live region, and the skip link leads to the report', async () => {
  const live = await page.$$eval('[aria-live]', (els) => els.map((e) => e.className));
  assert.deepEqual(live, ['messages']);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hoppa till rapporten');
  assert.equal(await page.$eval('.skip-link', (a) => getComputedStyle(a).outlineStyle), 'solid');
  await page.screenshot({ path: join(SHOTS, '20-skip-link.png') });
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rapport');
});

test('the keyboard reaches the file button, the report picker, a parameter and export, each with a visible focus', async () => {
  await page.evaluate(() => document.activeElement.blur());
  await page.goto(server.url);
  // Every chart drawn (each brings its two buttons to Tab through), not only the first.
  await waitForReport(page, /./);
  /** Presses Tab until `selector` has the focus; returns the outline of `shown` (the focused control or its label). */
  const tabTo = async (selector, shown = selector) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) {
        return page.$eval(shown, (el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
      }
    }
    assert.fail(`Tab never reached ${selector}`);
  };
  assert.match(await tabTo('[data-testid=file-input]', '[data-testid=drop-zone] label'), /solid 3px/, '"Välj filer…" shows its focus');
  await page.screenshot({ path: join(SHOTS, '21-focus-file-button.png') });
  assert.match(await tabTo('[data-testid=plugin-select]'), /solid 3px/);
  assert.match(await tabTo('#param-threshold'), /solid 3px/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  // The report made again with the threshold names it.
  await waitForReport(page, /Tröskel för avvikelse \(%\)10/);
  assert.match(await tabTo('[data-testid=export-xlsx]'), /solid 3px/);
  await page.screenshot({ path: join(SHOTS, '22-focus-export.png') });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
});

test('every control Tab reaches shows a visible focus', async () => {
  await page.goto(server.url);
  // Every chart drawn (each brings its two buttons to Tab through), not only the first.
  await waitForReport(page, /./);
  for (const details of await page.$$('details:not([open]) > summary')) await details.click();
  await page.focus('.skip-link'); // Tab goes on from the top of the page
  const seen = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (!el.matches(':focus-visible')) return { name: `${el.tagName} without :focus-visible`, outline: false };
      // A visually hidden input shows its focus on its label (the file button).
      const shown = el.classList.contains('visually-hidden') ? el.closest('label') : el;
      const style = getComputedStyle(shown);
      const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 40)}`;
      const again = el.dataset.tabSeen === 'yes';
      el.dataset.tabSeen = 'yes';
      return { name, again, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (!focus || focus.again) break;
    seen.push(focus);
  }
  assert.ok(seen.length > 20, `Tab reaches the controls: ${seen.map((s) => s.name).join(' | ')}`);
  assert.deepEqual(seen.filter((s) => !s.outline).map((s) => s.name), [], 'every focused control has an outline');
  console.log(`Tab reached ${seen.length} controls, each with a visible focus`);
});

test('the mapping editor open, and a message shown: no serious or critical axe violation', async () => {
  await page.locator('details.mapping-editor summary').first().click();
  assert.deepEqual(await axeViolations(page), [], 'mapping editor');
  await page.locator('details.mapping-editor summary').first().click();
  const bogus = join(OUT, 'inte-ett-kalkylark.xlsx');
  await writeFile(bogus, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
  await dropFile(page, '[data-testid=drop-zone]', bogus, 'budget_2025.xlsx');
  await page.waitForSelector('[data-testid=error]');
  assert.deepEqual(await axeViolations(page), [], 'message');
  await page.screenshot({ path: join(SHOTS, '23-message.png') });
});

test('every report, the composite with its parameter groups open: no serious or critical axe violation', async () => {
  await chooseAllSamples(page);
  for (const group of await page.$$('details.param-group:not([open]) > summary')) await group.click();
  assert.deepEqual(await axeViolations(page), [], 'the composite, parameter groups open');
  await page.screenshot({ path: join(SHOTS, '24-composite-groups-open.png'), fullPage: true });
  const plugins = await page.$$eval('[data-testid=plugin-select] option', (os) => os.map((o) => o.value));
  const found = {};
  for (const plugin of plugins) {
    await pick(plugin);
    const violations = await axeViolations(page);
    if (violations.length) found[plugin] = violations;
  }
  assert.deepEqual(found, {});
});
