// Starts Debian's Chromium through playwright-core (never a downloaded browser) and offers the
// actions a person does: drop a file on the page, pick one, download.
import { chromium } from 'playwright-core';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const CHROMIUM = process.env.UPPFOLJ_CHROMIUM ?? '/usr/bin/chromium';

/**
 * A headless Chromium with a fresh profile and no background network traffic. `options` go to
 * playwright (`{ serviceWorkers: 'block' }` for tests that route the page's requests: requests the
 * app's service worker answers never reach `page.route`).
 *
 * On these shared machines Debian's Chromium now and then dies of a signal while it starts, before
 * any page exists (seen as SIGSEGV in a few of hundreds of launches). That is started once more,
 * and said on stderr; any other failure to launch, and a second crash, fail the test.
 */
export async function launch(options = {}) {
  let context;
  try {
    context = await launchOnce(options);
  } catch (e) {
    if (!crashedAtStart(e)) throw e;
    console.error(`Chromium crashed while starting; starting it once more (${String(e).split('\n')[0]})`);
    context = await launchOnce(options);
  }
  if (SLOWDOWN > 1) await slowedDown(context);
  return context;
}

/** `UPPFOLJ_CPU_SLOWDOWN=4`: every page runs as on a CPU that many times slower (DevTools' CPU
 * throttling), to find tests that pass only on a fast machine. Unset or 1: full speed. */
const SLOWDOWN = Number(process.env.UPPFOLJ_CPU_SLOWDOWN ?? 1);

/** Throttles the CPU of every page of `context`, those open now and those opened later. */
async function slowedDown(context) {
  const throttle = async (page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  };
  const newPage = context.newPage.bind(context);
  // Throttled before newPage resolves, so before the test loads anything into it.
  context.newPage = async () => {
    const page = await newPage();
    await throttle(page);
    return page;
  };
  await Promise.all(context.pages().map(throttle));
}

/** Whether a launch failed because the browser process died of a signal while it started. */
function crashedAtStart(error) {
  return /signal=SIG(SEGV|BUS|ILL|ABRT|TRAP)|Browser closed|has been closed/.test(String(error));
}

async function launchOnce(options) {
  const profile = await mkdtemp(join(tmpdir(), 'uppfolj-chromium-'));
  return chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Drops `path` (given the name `name`) on the element `selector`, as a person dragging a file does.
 * Resolves to { notCancelled: { dragenter, dragover, drop } }: false where the page cancelled the
 * event (a cancelled drop is one the browser does not handle itself by opening the file). */
export async function dropFile(page, selector, path, name = basename(path)) {
  const bytes = [...(await readFile(path))];
  const target = await page.waitForSelector(selector);
  return target.evaluate((el, { bytes, name }) => {
    const file = new File([new Uint8Array(bytes)], name);
    const dt = new DataTransfer();
    dt.items.add(file);
    const notCancelled = {};
    for (const type of ['dragenter', 'dragover', 'drop']) {
      notCancelled[type] = el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
    return { notCancelled };
  }, { bytes, name });
}

/** Parses a Swedish number as the page shows it: "−1 234,5" → -1234.5. */
export function parseSwedish(text) {
  const t = text.replace(/[\s\u00a0\u202f%]/g, '').replace('\u2212', '-').replace(',', '.');
  const n = t === '' ? NaN : Number(t);
  return Number.isFinite(n) ? n : null;
}
