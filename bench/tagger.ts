// `npm run bench:tagger`: the behaviour tagger's cost per streamed token, incremental against
// re-tagging the whole text on every token, at growing lengths; and transcripts per second over
// the ToRA GSM8K transcripts. Prints tables. Wall time suffers when other processes share the
// cores; the CPU-time column (this process's own user + system time) does not, and the load
// average is printed with the table.
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { StreamTagger, tagText } from '../src/lib/tagger/tagger';

const dev = readFileSync('tests/fixtures/behaviours-dev.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text);
const tora = readFileSync('bench/data/tora-gsm8k-dev.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { transcript: string }).transcript);

/** Word-sized pieces, as a model would stream them (about one token each). */
function tokens(text: string): string[] {
  return text.match(/\s*\S{1,6}/g) ?? [];
}

function transcriptOf(count: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; pieces.length < count; i++) pieces.push(...tokens(`${dev[i % dev.length]}\n\n`));
  return pieces.slice(0, count);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

console.log('\nTagger cost per streamed token (microseconds; median of 5 runs)\n');
console.log(
  `Load average (1, 5, 15 min): ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}\n`,
);
console.log(
  '| transcript length (tokens) | incremental, mean over the stream | incremental, CPU time, mean | incremental, last 1,000 tokens | re-tag whole text, one token at this length |',
);
console.log('|---:|---:|---:|---:|---:|');
for (const size of [1_000, 10_000, 50_000]) {
  const pieces = transcriptOf(size);
  const text = pieces.join('');
  const means: number[] = [];
  const cpu: number[] = [];
  const tails: number[] = [];
  const whole: number[] = [];
  for (let run = 0; run < 5; run++) {
    const tagger = new StreamTagger();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    let tailStart = start;
    pieces.forEach((piece, i) => {
      if (i === pieces.length - 1000) tailStart = performance.now();
      tagger.push(piece);
    });
    const end = performance.now();
    const used = process.cpuUsage(cpuStart);
    tagger.finish();
    cpu.push((used.user + used.system) / pieces.length);
    means.push(((end - start) * 1000) / pieces.length);
    tails.push(((end - tailStart) * 1000) / Math.min(1000, pieces.length));
    const t0 = performance.now();
    tagText(text);
    whole.push((performance.now() - t0) * 1000);
  }
  console.log(
    `| ${size.toLocaleString('en')} | ${median(means).toFixed(1)} | ${median(cpu).toFixed(1)} | ${median(tails).toFixed(1)} | ${median(whole).toFixed(0)} |`,
  );
}

const started = performance.now();
let units = 0;
for (let run = 0; run < 5; run++)
  for (const transcript of tora) units += tagText(transcript).units.length;
const seconds = (performance.now() - started) / 1000;
console.log(
  `\nToRA GSM8K (${tora.length} transcripts, 5 passes): ${Math.round((5 * tora.length) / seconds)} transcripts/s, ${Math.round(units / seconds)} units/s`,
);
