// `npm run bench:python`: Python start-up and run latency in headless Chromium, against the built
// app (`npm run build` first). Prints a table of medians over RUNS runs.
import { startBench } from './setup.js';

const RUNS = Number(process.env.RUNS ?? 5);
const { browser, base, chromiumPath, close } = await startBench(4181);
const url = `${base}#/python`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Milliseconds from navigation start to Python ready, in a fresh profile (empty cache). */
async function coldStart() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-status=ready]', { timeout: 60_000 });
  const ms = await page.evaluate(
    () => performance.getEntriesByName('loupe:python-ready')[0]?.startTime ?? NaN,
  );
  await context.close();
  return ms;
}

/** Everything measured on one warm page, through the same client the UI uses. */
async function warm() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-status=ready]', { timeout: 60_000 });
  const result = await page.evaluate(async () => {
    const python = globalThis.loupe.python;
    const time = async (code, times) => {
      const samples = [];
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        await python.run(code);
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      return samples[Math.floor(samples.length / 2)];
    };
    await time('pass', 5);
    const pass = await time('pass', 50);
    const sum = await time('print(sum(range(10**6)))', 5);
    const running = python.run('while True:\n    pass');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopAt = performance.now();
    python.stop();
    const stopped = await running;
    const interrupt = performance.now() - stopAt;
    const restartAt = performance.now();
    await python.restart();
    const restart = performance.now() - restartAt;
    return { pass, sum, interrupt, interruptedBy: stopped.error?.type, restart };
  });
  await context.close();
  return result;
}

const cold = [];
const warmRuns = [];
for (let i = 0; i < RUNS; i++) {
  cold.push(await coldStart());
  warmRuns.push(await warm());
}
await close();

const rows = [
  ['page load to Python ready (cold profile)', median(cold)],
  ['warm run round trip: pass', median(warmRuns.map((r) => r.pass))],
  ['warm run: print(sum(range(10**6)))', median(warmRuns.map((r) => r.sum))],
  ['interrupt latency, busy loop', median(warmRuns.map((r) => r.interrupt))],
  ['restart (terminate, new worker, ready)', median(warmRuns.map((r) => r.restart))],
];
const how = new Set(warmRuns.map((r) => r.interruptedBy));
console.log(`\nPython in headless Chromium (${chromiumPath}), median of ${RUNS} runs\n`);
console.log('| measure | median (ms) |');
console.log('|---|---:|');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(ms < 10 ? 2 : 0)} |`);
console.log(`\nBusy loop ended by: ${[...how].join(', ')}`);
console.log(`Cold starts (ms): ${cold.map((ms) => ms.toFixed(0)).join(', ')}`);
