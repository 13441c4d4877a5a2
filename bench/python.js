// `npm run bench:python`: Python start-up and run latency in headless Chromium, against the built
// app (`npm run build` first). Prints a table of medians over RUNS runs. Each cold start of the
// build (its standard library with precompiled bytecode) is followed, in the same browser, by one
// with the stock Pyodide standard library (sources only) served in its place, so the ratio
// compares the two under the same load.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startBench } from './setup.js';

const stockStdlib = readFileSync(
  join(
    dirname(createRequire(import.meta.url).resolve('pyodide/package.json')),
    'python_stdlib.zip',
  ),
);

const RUNS = Number(process.env.RUNS ?? 5);
const { browser, base, chromiumPath, close } = await startBench(4181);
const url = `${base}#/python`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Milliseconds from navigation start to Python ready, in a fresh profile (empty cache). With
 * `stock`, the stock standard library is served instead of the build's.
 */
async function coldStart(stock = false) {
  // No service worker: both variants fetch from the server, and the route below sees every request.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (stock)
    await context.route('**/pyodide/python_stdlib.zip', (route) =>
      route.fulfill({ body: stockStdlib, contentType: 'application/zip' }),
    );
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
const stock = [];
const warmRuns = [];
for (let i = 0; i < RUNS; i++) {
  cold.push(await coldStart());
  stock.push(await coldStart(true));
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
console.log(`\nCold start against stock Pyodide (interleaved, same browser, ${RUNS} each)\n`);
console.log('| standard library | median (ms) | ratio |\n|---|---:|---:|');
console.log(`| stock (sources only) | ${median(stock).toFixed(0)} | 1.00 |`);
console.log(
  `| Loupe's build (precompiled bytecode) | ${median(cold).toFixed(0)} | ${(median(cold) / median(stock)).toFixed(2)} |`,
);
console.log(`Stock cold starts (ms): ${stock.map((ms) => ms.toFixed(0)).join(', ')}`);
