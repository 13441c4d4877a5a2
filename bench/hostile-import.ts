// `npm run bench:hostile-import`: the page must stay responsive (no main-thread task over 200 ms)
// whatever file is opened. Opens three hostile files in Analyse (Playground → Analyse recordings)
// and in Compare, in Chromium, and prints the longest main-thread task while each is read, tagged
// and shown, and the time until it is shown. Needs a build (`npm run build`).
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
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

async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
const resetTasks = (page: Page) =>
  page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
const readTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

const rows: string[] = [];
function row(view: string, file: (typeof FILES)[number], seconds: number, tasks: number[]) {
  const mb = (statSync(file.path).size / 1e6).toFixed(1);
  rows.push(
    `| ${view} | ${file.label} | ${mb} | ${seconds.toFixed(1)} s | ${tasks.length} | ${Math.round(Math.max(0, ...tasks))} ms | ${tasks.filter((t) => t > 200).length} |`,
  );
}

const bench = await startBench(4191);
try {
  for (const file of FILES) {
    const page = await bench.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await watchLongTasks(page);
    await page.goto(`${bench.base}#/playground/recordings`);
    const input = page.getByLabel('Open a file');
    await input.waitFor();
    await resetTasks(page);
    const start = performance.now();
    await input.setInputFiles(file.path);
    // One transcript is shown alone; a file of many gets the table too.
    if (file.count > 1)
      await page
        .getByRole('heading', { name: `${file.count} transcripts` })
        .waitFor({ timeout: 600_000 });
    await page.getByTestId('tagged-transcript').waitFor({ timeout: 600_000 });
    await page.waitForTimeout(500);
    row('Analyse', file, (performance.now() - start) / 1000, await readTasks(page));
    await page.close();
  }
  for (const file of FILES) {
    const page = await bench.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await watchLongTasks(page);
    await page.goto(`${bench.base}#/compare`);
    const remove = page.getByRole('button', { name: /^Remove / });
    await remove.first().waitFor();
    while ((await remove.count()) > 0) await remove.first().click();
    await resetTasks(page);
    const start = performance.now();
    await page.getByLabel('Add files as a group').setInputFiles(file.path);
    await page
      .locator('[data-testid=compare-group]')
      .getByText(`${file.count} transcripts`)
      .first()
      .waitFor({ timeout: 600_000 });
    await page.waitForTimeout(500);
    row('Compare', file, (performance.now() - start) / 1000, await readTasks(page));
    await page.close();
  }
} finally {
  await bench.close();
}

console.log('\nChromium: hostile files opened; main-thread long tasks (> 50 ms) until shown\n');
console.log(
  '| view | file | MB | until shown | long tasks | longest | over 200 ms |\n|---|---|---:|---:|---:|---:|---:|',
);
for (const r of rows) console.log(r);
