// `npm run bench:compare`: how long Compare's pipeline takes (import, tag, figures with 1,000
// bootstrap resamples) for 5,000 transcripts in Node and through `loupe compare`, and, in
// Chromium, a 10,000-transcript 50 MB file read in the analysis worker: the longest main-thread
// task while it runs (the page must stay under 200 ms) and how fast Cancel ends the work.
// Needs a build (`npm run build`). Optional: `-- DIR` adds the released MathCoder files in DIR.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseTranscript } from '../src/lib/analysis/analyse';
import { MATHCODER_MODELS } from '../src/lib/compare/bundled';
import { transcriptRow } from '../src/lib/compare/row';
import { groupStats } from '../src/lib/compare/stats';
import { readTranscripts } from '../src/lib/transcript/import';
import { startBench } from './setup.js';

const DATA = 'public/data/mathcoder';
const bundled = MATHCODER_MODELS.flatMap((m) =>
  m.files.flatMap((f) =>
    readFileSync(join(DATA, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim()),
  ),
);
const dir = mkdtempSync(join(tmpdir(), 'loupe-bench-'));

/** `count` lines cycled from the bundled sample, each with its own id; `repeat` lengthens each. */
function syntheticFile(name: string, count: number, repeat = 1): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const record = JSON.parse(bundled[i % bundled.length] as string) as {
      id: string;
      debug_result: unknown[];
    };
    record.id = `${record.id}-${i}`;
    const [user, ...turns] = record.debug_result;
    record.debug_result = [user, ...Array.from({ length: repeat }, () => turns).flat()];
    lines.push(JSON.stringify(record));
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const rows: string[][] = [];
const mb = (path: string) => (statSync(path).size / 1e6).toFixed(1);

function nodePipeline(label: string, files: string[]) {
  const t0 = performance.now();
  const tagged = [];
  for (const file of files)
    for (const step of readTranscripts(readFileSync(file, 'utf8'), file))
      if (step.transcript) tagged.push(transcriptRow(analyseTranscript(step.transcript)));
  const t1 = performance.now();
  groupStats({ name: label, rows: tagged });
  const t2 = performance.now();
  rows.push([
    label,
    String(tagged.length),
    files.map(mb).join('+'),
    `${((t1 - t0) / 1000).toFixed(2)} s`,
    `${((t2 - t1) / 1000).toFixed(2)} s`,
    `${((t2 - t0) / 1000).toFixed(2)} s`,
  ]);
}

const browserOnly = process.env.BENCH_BROWSER_ONLY === '1';
const five = syntheticFile('five-thousand.jsonl', 5000);
if (!browserOnly) nodePipeline('5,000 (bundled lines cycled), in process', [five]);
const cliStart = performance.now();
const cli = browserOnly
  ? { stdout: '{"n": 0}' }
  : spawnSync('node', ['bin/loupe.js', 'compare', five, '--format', 'json'], { encoding: 'utf8' });
const cliSeconds = (performance.now() - cliStart) / 1000;
rows.push([
  '5,000 through `loupe compare` (wall)',
  JSON.parse(cli.stdout).n,
  mb(five),
  '',
  '',
  `${cliSeconds.toFixed(2)} s`,
]);
const released = process.argv[2];
if (released && !browserOnly) {
  for (const { model } of MATHCODER_MODELS) {
    const folder = join(released, model, 'GSM8K');
    nodePipeline(
      `${model} (released, all)`,
      readdirSync(folder).map((f) => join(folder, f)),
    );
  }
}

console.log('\nNode: import and tag, then figures with 1,000 bootstrap resamples\n');
console.log(
  '| transcripts | n | MB | import + tag | figures | total |\n|---|---:|---:|---:|---:|---:|',
);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// The browser: a 10,000-transcript, ~50 MB file, read and tagged in the analysis worker.
const big = syntheticFile('ten-thousand.jsonl', 10_000, 2);
const bench = await startBench(4190);
try {
  const page = await bench.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${bench.base}#/compare`);
  const remove = page.getByRole('button', { name: /^Remove / });
  await remove.first().waitFor();
  while ((await remove.count()) > 0) await remove.first().click();
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const input = page.getByLabel('Add files as a group');
  const start = performance.now();
  await input.setInputFiles(big);
  const group = page.locator('[data-testid=compare-group][data-name=ten-thousand]');
  await group.getByText('10000 transcripts').waitFor({ timeout: 1_800_000 });
  await page.getByTestId('compare-table').waitFor();
  const seconds = (performance.now() - start) / 1000;
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

  console.log(`\nChromium: ${mb(big)} MB, 10,000 transcripts added to Compare as a file\n`);
  console.log('| measure | value |\n|---|---:|');
  console.log(`| read, import, tag (worker) and figures, until shown | ${seconds.toFixed(1)} s |`);
  console.log(`| main-thread long tasks (> 50 ms) | ${tasks.length} |`);
  console.log(`| longest main-thread task | ${Math.round(Math.max(0, ...tasks))} ms |`);
  console.log(`| tasks over 200 ms | ${tasks.filter((t) => t > 200).length} |`);

  await page.getByLabel('Name for the new group').fill('cancelled');
  await input.setInputFiles(big);
  const cancelled = page.locator('[data-testid=compare-group][data-name=cancelled]');
  await cancelled.getByText(/Tagging: \d+ transcripts/).waitFor({ timeout: 600_000 });
  const cancelAt = performance.now();
  await cancelled.getByRole('button', { name: 'Cancel', exact: true }).click();
  await cancelled.getByText('Cancelled;').waitFor();
  const cancelMs = performance.now() - cancelAt;

  const during = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  console.log(`| Cancel to "Cancelled" shown | ${Math.round(cancelMs)} ms |`);
  console.log(
    `| longest main-thread task, with the charts shown, while a second file loads | ${Math.round(Math.max(0, ...during.slice(tasks.length)))} ms |`,
  );
} finally {
  await bench.close();
}
