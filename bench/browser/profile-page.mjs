// What fills the page's long tasks while a file is dropped (issue #12: the longest pause under
// 100 ms). The real page is opened with its sample, the file is dropped on the drop zone as in
// tests/e2e/worker.test.mjs, and Chromium's sampling profiler runs on the page (not the worker)
// from the drop until its report has been drawn. Repeated `runs` times, a fresh browser each: the
// long task is not in every run.
//
//   node bench/browser/profile-page.mjs <dist> <file.xlsx> <out-dir> [runs]
//
// For each run it prints the longest gap between animation frames, the long tasks the browser
// reported (PerformanceObserver 'longtask'), and every stretch of the profile over 40 ms in which
// the page was busy, with the functions that took most of it, of their own and with what they
// called. `<out-dir>/run-<n>.cpuprofile` opens in Chromium's DevTools (Performance → Load
// profile). The names need the page's name section: build the dist with `data-wasm-opt="0"` on
// the page's `<link data-trunk rel="rust" … data-bin="uppfolj-web">` line of web/index.html.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { launch } from '../../tests/e2e/browser.mjs';
import { serve } from '../../tests/e2e/server.mjs';

const [dist, file, out, runs = '5'] = process.argv.slice(2);
/** Whether the CPU is sampled too (the trace alone disturbs the page less): UPPFOLJ_SAMPLE=0 to leave it out. */
const sampled = process.env.UPPFOLJ_SAMPLE !== '0';
if (!out) {
  console.error('usage: node bench/browser/profile-page.mjs <dist> <file.xlsx> <out-dir> [runs]');
  process.exit(2);
}

/** Every sample of `profile`: its time (µs, the trace's clock), how long it stands for, and its stack (innermost first). */
function samples(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = profile.startTime;
  return profile.samples.map((id, i) => {
    t += profile.timeDeltas[i];
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at).callFrame.functionName || '(anonymous)');
    return { t, dt: profile.timeDeltas[i + 1] ?? 0, stack };
  });
}

/** The page's main thread's complete events (`ph: 'X'`), sorted, with their self time. */
function mainThread(events) {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const frames = (m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'FireAnimationFrame').length;
  const main = mains.sort((a, b) => frames(b) - frames(a))[0];
  const own = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of own) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    e.self = e.dur;
    if (stack.length) stack.at(-1).self -= e.dur;
    stack.push(e);
  }
  return own;
}

/** The `count` names with the most time, of their own (`self`) or with their callees. */
function heaviest(stretch, count, self) {
  const time = new Map();
  for (const s of stretch) {
    const names = self ? [s.stack[0]] : [...new Set(s.stack)];
    for (const n of names) time.set(n, (time.get(n) ?? 0) + s.dt / 1000);
  }
  return [...time.entries()].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([name, ms]) => `      ${ms.toFixed(1).padStart(6)} ms  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
}

/** One line on a task: its length, the browser's work in it, and the page's components drawn in it. */
function summary(task, events, all) {
  const end = task.ts + task.dur;
  const byName = new Map();
  for (const e of events) {
    if (e.ts >= task.ts && e.ts + e.dur <= end && e !== task) byName.set(e.name, (byName.get(e.name) ?? 0) + e.self / 1000);
  }
  const work = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, ms]) => `${n} ${ms.toFixed(0)}`);
  const ours = new Map();
  for (const s of all.filter((s) => s.t >= task.ts && s.t <= end)) {
    for (const n of new Set(s.stack.map((f) => /uppfolj_web::(?:components::)?([a-z_]+::[A-Za-z_]+)/.exec(f)?.[1]).filter(Boolean))) {
      ours.set(n, (ours.get(n) ?? 0) + s.dt / 1000);
    }
  }
  const drawn = [...ours.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, ms]) => `${n} ${ms.toFixed(0)}`);
  return `${Math.round(task.dur / 1000)} ms [${work.join(', ')}] {${drawn.join(', ')}}`;
}

/** What a long task of the main thread holds: the trace's events by their own time, and the functions sampled in it. */
function describe(task, events, all) {
  const end = task.ts + task.dur;
  const byName = new Map();
  for (const e of events) {
    if (e.ts >= task.ts && e.ts + e.dur <= end) byName.set(e.name, (byName.get(e.name) ?? 0) + e.self / 1000);
  }
  console.log(`  long task ${Math.round(task.dur / 1000)} ms; events by their own time:`);
  console.log([...byName.entries()].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 0.5).slice(0, 14)
    .map(([n, ms]) => `      ${ms.toFixed(1).padStart(6)} ms  ${n}`).join('\n'));
  const inside = all.filter((s) => s.t >= task.ts && s.t <= end);
  console.log('    functions, with callees:');
  console.log(heaviest(inside.filter((s) => !s.stack[0].startsWith('(')), 30, false).join('\n'));
  console.log('    of their own:');
  console.log(heaviest(inside, 12, true).join('\n'));
}

/** The trace's categories: the main thread's tasks and what the browser did in them. */
const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8,blink,disabled-by-default-v8.gc';

/** Tasks this long or longer are described (µs). */
const MIN_TASK_US = 40_000;

async function run(n, server, bytes) {
  const context = await launch();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=report] figure.chart svg', { timeout: 60_000 });
    await page.evaluate((b) => { window.__bytes = new Uint8Array(b); }, bytes);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    if (sampled) await cdp.send('Profiler.start');
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const w = window;
      w.__frames = [];
      w.__longTasks = [];
      w.__stop = false;
      const tick = (t) => { w.__frames.push(t); if (!w.__stop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      w.__observer = new PerformanceObserver((l) => w.__longTasks.push(...l.getEntries().map((e) => [e.startTime, e.duration])));
      w.__observer.observe({ type: 'longtask' });
    });
    const name = basename(file);
    await page.$eval('[data-testid=drop-zone]', (el, name) => {
      const dt = new DataTransfer();
      dt.items.add(new File([window.__bytes], name));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    }, name);
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid=file-list] .file-name')].some((e) => e.textContent === n)
      && !document.querySelector('[data-testid=progress]') && document.querySelector('[data-testid=report], [data-testid=report-error]'),
    name, { timeout: 120_000 });
    await page.waitForTimeout(1500);
    const { profile } = sampled ? await cdp.send('Profiler.stop') : { profile: null };
    await cdp.send('Tracing.end');
    await traced;
    const { frames, longTasks } = await page.evaluate(() => { window.__stop = true; return { frames: window.__frames, longTasks: window.__longTasks }; });
    if (profile) await writeFile(join(out, `run-${n}.cpuprofile`), JSON.stringify(profile));
    await writeFile(join(out, `run-${n}.trace.json`), JSON.stringify(events));
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    console.log(`run ${n}: longest frame gap ${Math.round(Math.max(0, ...gaps))} ms; long tasks ${longTasks.map(([, d]) => Math.round(d)).join(', ') || 'none'}`);
    const main = mainThread(events);
    const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur >= MIN_TASK_US);
    const all = profile ? samples(profile) : [];
    const drop = main.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'drop')?.ts ?? 0;
    for (const task of main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts > drop && e.dur >= 16_000)) {
      console.log(`  +${Math.round((task.ts - drop) / 1000)} ms: ${summary(task, main, all)}`);
    }
    for (const task of tasks) describe(task, main, all);
  } finally {
    await context.close();
  }
}

await mkdir(out, { recursive: true });
const bytes = [...(await readFile(file))];
const server = await serve(dist);
try {
  for (let n = 1; n <= Number(runs); n++) await run(n, server, bytes);
} finally {
  await server.close();
}
