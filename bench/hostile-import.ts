// `npm run bench:hostile-import`: the page must stay responsive (no main-thread task over 200 ms)
// whatever file is opened. Opens three hostile files in Analyse (Playground → Analyse recordings)
// and in Compare, in Chromium, and prints the longest main-thread task while each is read, tagged
// and shown, and the time until it is shown. Needs a build (`npm run build`).
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBench } from './setup.js';

const dir = mkdtempSync(join(tmpdir(), 'loupe-hostile-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const sentence = 'Let me check the total again, since 18 is far below 60. ';
const FILES = [
  {
    label: 'one 5 MB line (one transcript)',
    path: write(
      'five-mb-line.jsonl',
      JSON.stringify({ id: 'huge', text: sentence.repeat(Math.ceil(5e6 / sentence.length)) }) +
        '\n',
    ),
    count: 1,
  },
  {
    label: '10,000 `$` signs in one transcript',
    path: write(
      'dollars.jsonl',
      JSON.stringify({
        id: 'dollars',
        text: `Cost: ${'$'.repeat(10_000)} then $x$ and \\boxed{4}`,
      }) + '\n',
    ),
    count: 1,
  },
  {
    label: '100,000 lines (100,000 short transcripts)',
    path: write(
      'hundred-k.jsonl',
      Array.from({ length: 100_000 }, (_, i) =>
        JSON.stringify({ id: `t${i}`, text: `Wait, let me verify ${i} + 1. \\boxed{${i + 1}}` }),
      ).join('\n') + '\n',
    ),
    count: 100_000,
  },
];

// Chromium's own trace of the page's main thread: every task with its wall time and the CPU time
// the main thread itself spent in it. Wall time is what a person feels, but on a loaded machine it
// also counts the time other processes held the core; CPU time is the page's own work.
interface Task {
  wall: number;
  cpu: number;
}
const CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline'];
async function mainThreadTasks(trace: Buffer): Promise<Task[]> {
  type Event = {
    ph: string;
    name: string;
    pid: number;
    tid: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  };
  const parsed = JSON.parse(trace.toString()) as { traceEvents: Event[] } | Event[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }))
    .filter((t) => t.wall > 50);
}

const rows: string[] = [];
function row(view: string, file: (typeof FILES)[number], seconds: number, tasks: Task[]) {
  const mb = (statSync(file.path).size / 1e6).toFixed(1);
  const longest = (key: keyof Task) => `${Math.round(Math.max(0, ...tasks.map((t) => t[key])))} ms`;
  const over = (key: keyof Task) => tasks.filter((t) => t[key] > 200).length;
  rows.push(
    `| ${view} | ${file.label} | ${mb} | ${seconds.toFixed(1)} s | ${tasks.length} | ${longest('wall')} | ${longest('cpu')} | ${over('wall')} | ${over('cpu')} |`,
  );
}

const bench = await startBench(4191);
try {
  for (const file of FILES) {
    const page = await bench.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${bench.base}#/playground/recordings`);
    const input = page.getByLabel('Open a file');
    await input.waitFor();
    await page.waitForTimeout(500);
    await bench.browser.startTracing(page, { categories: CATEGORIES });
    const start = performance.now();
    await input.setInputFiles(file.path);
    // One transcript is shown alone; a file of many gets the table too.
    if (file.count > 1)
      await page
        .getByRole('heading', { name: `${file.count} transcripts` })
        .waitFor({ timeout: 600_000 });
    await page.getByTestId('tagged-transcript').waitFor({ timeout: 600_000 });
    await page.waitForTimeout(500);
    const seconds = (performance.now() - start) / 1000;
    row('Analyse', file, seconds, await mainThreadTasks(await bench.browser.stopTracing()));
    await page.close();
  }
  for (const file of FILES) {
    const page = await bench.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${bench.base}#/compare`);
    const remove = page.getByRole('button', { name: /^Remove / });
    await remove.first().waitFor();
    while ((await remove.count()) > 0) await remove.first().click();
    await page.waitForTimeout(500);
    await bench.browser.startTracing(page, { categories: CATEGORIES });
    const start = performance.now();
    await page.getByLabel('Add files as a group').setInputFiles(file.path);
    await page
      .locator('[data-testid=compare-group]')
      .getByText(`${file.count} transcripts`)
      .first()
      .waitFor({ timeout: 600_000 });
    await page.waitForTimeout(500);
    const seconds = (performance.now() - start) / 1000;
    row('Compare', file, seconds, await mainThreadTasks(await bench.browser.stopTracing()));
    await page.close();
  }
} finally {
  await bench.close();
}

console.log(
  `\nChromium: hostile files opened; main-thread tasks over 50 ms (wall) until shown, from Chromium's trace; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`,
);
console.log(
  '| view | file | MB | until shown | long tasks | longest (wall) | longest (CPU) | over 200 ms (wall) | over 200 ms (CPU) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|',
);
for (const r of rows) console.log(r);
