// `npm run bench:trace`: the tracer on the CRUXEval dev set (200 programs), in Node and in headless
// Chromium through the Trace view's batch (`npm run build` first). Prints a table.
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { estimateTokens } from '../src/lib/core/tokens';
import { tracedProgram } from '../src/lib/trace/dataset';
import { parsePrograms } from '../src/lib/trace/programs';
import { TraceRunner } from '../src/lib/trace/runner';
import { startBench } from './setup.js';

// `npm run bench:trace -- --pyedu`: only the 50 PyEdu-style programs of tests/fixtures/pyedu, in
// Node: statuses, programs/s and the longest single program's wall time.
if (process.argv.includes('--pyedu')) {
  const text = readFileSync('tests/fixtures/pyedu/programs.jsonl', 'utf8');
  const set = parsePrograms(text).programs;
  const pyedu = new TraceRunner(await loadPyodide());
  const statuses = new Map<string, number>();
  const leftOut = new Map<string, number>();
  let longest = { id: '', ms: 0 };
  const begin = performance.now();
  for (const program of set) {
    const started = performance.now();
    const result = pyedu.trace(program);
    const { row } = tracedProgram(program, result);
    const ms = performance.now() - started;
    if (ms > longest.ms) longest = { id: program.id, ms };
    const status =
      result.status === 'ok' ? `ok, ${result.match ? 'matches' : 'differs'}` : result.status;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const use = row.training ? 'training example' : `left out: ${row.leftOut}`;
    leftOut.set(use, (leftOut.get(use) ?? 0) + 1);
  }
  const seconds = (performance.now() - begin) / 1000;
  console.log(
    `\n${set.length} PyEdu-style programs (tests/fixtures/pyedu), Node, one interpreter\n`,
  );
  console.log('| status | programs |\n|---|---:|');
  for (const [status, n] of statuses) console.log(`| ${status} | ${n} |`);
  console.log('\n| training set | programs |\n|---|---:|');
  for (const [use, n] of leftOut) console.log(`| ${use} | ${n} |`);
  console.log(`\n| measure | value |\n|---|---:|`);
  console.log(`| wall time, all programs (s) | ${seconds.toFixed(1)} |`);
  console.log(`| programs/s | ${(set.length / seconds).toFixed(2)} |`);
  console.log(`| longest single program (${longest.id}) (s) | ${(longest.ms / 1000).toFixed(2)} |`);
  process.exit(0);
}

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
