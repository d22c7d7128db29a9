// A CPU profile of the session worker while the real page imports a file and makes its report:
// where the browser's time goes (docs/benchmarks.md compares the totals; this says why). The
// page (a Trunk build) is opened with its sample data removed, the file is chosen in its file
// input, and Chromium's sampling profiler runs in the session worker until the report shows.
//
//   node bench/browser/profile-worker.mjs <dist> <file.xlsx> <out.cpuprofile>
//
// Writes the profile (open it in Chromium's DevTools, Performance → Load profile) and prints the
// functions with the most time of their own. Function names need the name section: build the
// dist with `data-wasm-opt="0"` on the session worker's line of web/index.html (wasm-opt strips
// names).
import { writeFile } from 'node:fs/promises';
import { launch } from '../../tests/e2e/browser.mjs';
import { serve } from '../../tests/e2e/server.mjs';

const [dist, file, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node bench/browser/profile-worker.mjs <dist> <file.xlsx> <out.cpuprofile>');
  process.exit(2);
}

/** Commands to the session worker through the page's CDP session (Playwright gives none for workers). */
async function attachToSessionWorker(cdp) {
  let sessionId = null;
  const pending = new Map();
  let next = 1;
  cdp.on('Target.attachedToTarget', ({ sessionId: id, targetInfo }) => {
    if (targetInfo.url.includes('session-worker')) sessionId = id;
  });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  for (let waited = 0; !sessionId && waited < 5000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (!sessionId) throw new Error('the session worker was not found');
  return (method, params = {}) => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, (reply) => (reply.error ? reject(new Error(reply.error.message)) : resolve(reply.result)));
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  });
}

/** The functions with the most samples of their own, as "ms  %  name" lines. */
function selfTimes(profile, count = 30) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byName = new Map();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const name = frame.functionName || frame.url || '(anonymous)';
    byName.set(name, (byName.get(name) ?? 0) + profile.timeDeltas[i]);
  });
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name.slice(0, 120)}`)
    .concat(`${(total / 1000).toFixed(0).padStart(7)} ms total`);
}

const app = await serve(dist);
const context = await launch({ serviceWorkers: 'block' });
try {
  const page = await context.newPage();
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=report] table', { timeout: 60_000 });
  for (let i = 0; i < 20 && (await page.$('[data-testid=file-list] button.icon')); i++) {
    await page.click('[data-testid=file-list] button.icon');
  }
  const send = await attachToSessionWorker(await context.newCDPSession(page));
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  await (await page.$('input[type=file]')).setInputFiles(file);
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=progress]') && document.querySelector('[data-testid=report] table'),
    null,
    { timeout: 300_000, polling: 100 },
  );
  const { profile } = await send('Profiler.stop');
  await writeFile(out, JSON.stringify(profile));
  console.log(selfTimes(profile).join('\n'));
} finally {
  await context.close();
  await app.close();
}
