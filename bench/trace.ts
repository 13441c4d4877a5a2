// `npm run bench:trace`: the tracer on the CRUXEval dev set (200 programs), in Node and in headless
// Chromium through the Trace view's batch (`npm run build` first). Prints a table.
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { estimateTokens } from '../src/lib/core/tokens';
import { tracedProgram } from '../src/lib/trace/dataset';
import { parsePrograms } from '../src/lib/trace/programs';
import { TraceRunner } from '../src/lib/trace/runner';
import { startBench } from './setup.js';

// `npm run bench:trace -- --pyedu`: only the 50 PyEdu-style programs (bench/trace-pyedu.ts).
if (process.argv.includes('--pyedu')) await import('./trace-pyedu');

const FILE = 'public/data/cruxeval-dev.jsonl';
const { programs } = parsePrograms(readFileSync(FILE, 'utf8'));

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

// Node
const nodeStart = performance.now();
const runner = new TraceRunner(await loadPyodide());
const nodeReady = performance.now();
let nodeEvents = 0;
const traceTokens: number[] = [];
const reasoningTokens: number[] = [];
let matched = 0;
for (const program of programs) {
  const result = runner.trace(program);
  const { row } = tracedProgram(program, result);
  nodeEvents += result.events.length;
  if (result.match) matched += 1;
  traceTokens.push(estimateTokens(row.trace));
  if (row.reasoning) reasoningTokens.push(estimateTokens(row.reasoning));
}
const nodeEnd = performance.now();

// Browser
const { browser, base, close } = await startBench(4184);
const page = await browser.newPage();
await page.goto(`${base}#/trace`);
// Start watching once the page has settled (editor loaded, Python view's interpreter ready).
await page.waitForSelector('[data-testid=code-editor][data-ready=true]');
await page.waitForSelector('[data-status=ready]', { timeout: 60_000 });
await page.evaluate(() => {
  const w = window as unknown as { longest: number };
  w.longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: false });
});
await page.getByRole('button', { name: /CRUXEval sample/ }).click();
await page.getByRole('button', { name: `Trace ${programs.length} programs` }).click();
const browserStart = Date.now();
await page.waitForFunction(
  (total) =>
    document.querySelector('[data-testid=batch-progress]')?.textContent === `${total} / ${total}`,
  programs.length,
  { timeout: 300_000, polling: 50 },
);
const browserMs = Date.now() - browserStart;
const { events: browserEvents, longest } = await page.evaluate(() => {
  const w = window as unknown as {
    longest: number;
    loupe: { trace: { batchRows: { outcome: { result: { events: unknown[] } } }[] } };
  };
  return {
    events: w.loupe.trace.batchRows.reduce((n, r) => n + r.outcome.result.events.length, 0),
    longest: w.longest,
  };
});
await close();

const nodeMs = nodeEnd - nodeReady;
console.log(`\nTracing ${programs.length} CRUXEval programs (${FILE}); ${matched} answers match\n`);
console.log('| measure | Node | headless Chromium |');
console.log('|---|---:|---:|');
console.log(`| Python start-up (ms) | ${(nodeReady - nodeStart).toFixed(0)} | included below |`);
console.log(
  `| all programs: trace + reasoning (ms) | ${nodeMs.toFixed(0)} | ${browserMs} (first Trace click to 200/200, incl. tracer start) |`,
);
console.log(`| trace events | ${nodeEvents} | ${browserEvents} |`);
console.log(
  `| events per second | ${Math.round(nodeEvents / (nodeMs / 1000))} | ${Math.round(browserEvents / (browserMs / 1000))} |`,
);
console.log(`| longest main-thread task during the batch (ms) | | ${longest.toFixed(0)} |`);
console.log('\n| tokens (estimated: words and symbols) | median | p90 |');
console.log('|---|---:|---:|');
console.log(`| trace | ${quantile(traceTokens, 0.5)} | ${quantile(traceTokens, 0.9)} |`);
console.log(
  `| reasoning | ${quantile(reasoningTokens, 0.5)} | ${quantile(reasoningTokens, 0.9)} |`,
);
