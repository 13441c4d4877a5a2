// `npm run bench:stream`: replays a long transcript (over 10k tokens) at full speed through the
// reasoning loop and the live transcript in headless Chromium (`npm run build` first). Prints the
// sustained tokens per second, the longest main-thread task, and the initial bundle size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startBench } from './setup.js';

const { browser, base, close } = await startBench(4188);

// The initial bundle: what index.html loads before anything is asked for.
const html = readFileSync('dist/index.html', 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map(
  (m) => m[1] as string,
);
const initialGzip = initial.reduce(
  (sum, file) => sum + gzipSync(readFileSync(join('dist', file))).length,
  0,
);

// A long recording: the labelled transcripts one after another.
const texts = readFileSync('tests/fixtures/behaviours-dev.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) =>
    (JSON.parse(line) as { text: string }).text.replace(
      /<\/?think>|<answer>[\s\S]*?<\/answer>|\\boxed\{[^}]*\}/g,
      '',
    ),
  );
let long = '';
while ((long.match(/\s*\S{1,8}/g) ?? []).length < 12_000) long += texts.join('\n\n') + '\n\n';

const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${base}#/playground`);
await page.waitForSelector('[data-status=ready]', { timeout: 60_000 });
await page.waitForSelector('[aria-label=Recording]');
const rows = await page.evaluate(async (text) => {
  type Store = {
    recordings: unknown[];
    recordingSource: string;
    pickRecording(i: number): void;
    speed: number;
    maxRounds: number;
    maxTokensPerRound: number;
    maxTotalTokens: number;
    run(): Promise<void>;
    result: { completionTokens: number; durationMs: number; rounds: number; reason: string } | null;
    parts: { kind: string; result?: { durationMs: number } | null }[];
  };
  const store = (globalThis as unknown as { loupe: { playground: Store } }).loupe.playground;
  store.recordings = [{ id: 'long', question: 'A long transcript', text, expected: null }];
  store.recordingSource = 'bench';
  store.pickRecording(0);
  store.speed = 1000;
  store.maxRounds = 1000;
  store.maxTokensPerRound = 1_000_000;
  store.maxTotalTokens = 1_000_000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const started = performance.now();
  await store.run();
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  const result = store.result;
  const runSeconds =
    store.parts.reduce(
      (sum, part) => sum + (part.kind === 'run' ? (part.result?.durationMs ?? 0) : 0),
      0,
    ) / 1000;
  return {
    tokens: result?.completionTokens ?? 0,
    seconds,
    runSeconds,
    rounds: result?.rounds ?? 0,
    reason: result?.reason ?? 'none',
    longest,
    units: document.querySelectorAll('[data-testid=live-transcript] [data-start]').length,
  };
}, long);
await close();

console.log(
  '\nStreaming a long replay through the loop and the live transcript (headless Chromium)\n',
);
console.log('| measure | value |');
console.log('|---|---:|');
console.log(`| tokens replayed | ${rows.tokens.toLocaleString('en')} |`);
console.log(`| code blocks run live | ${rows.rounds} |`);
console.log(`| wall time, including the runs (s) | ${rows.seconds.toFixed(1)} |`);
console.log(`| of which Python runs (s) | ${rows.runSeconds.toFixed(1)} |`);
console.log(
  `| tokens/s over the whole run | ${Math.round(rows.tokens / rows.seconds).toLocaleString('en')} |`,
);
console.log(
  `| sustained tokens/s while streaming (runs excluded) | ${Math.round(rows.tokens / (rows.seconds - rows.runSeconds)).toLocaleString('en')} |`,
);
console.log(`| longest main-thread task (ms) | ${rows.longest.toFixed(0)} |`);
console.log(`| units rendered | ${rows.units} |`);
console.log(
  `| initial JS + CSS, gzip (KB) | ${(initialGzip / 1024).toFixed(1)} (${initial.join(', ')}) |`,
);
console.log(`\nEnded: ${rows.reason}`);
