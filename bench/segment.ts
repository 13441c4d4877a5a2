// `npm run bench:segment`: the segmenter's cost on crafted worst cases (thousands of `$` on one
// line, a single 5 MB line, 100k short lines, unclosed display math), at growing sizes. Linear
// cost shows as a flat "ns per character" column and a time ratio equal to the size ratio.
import { segment } from '../src/lib/tagger/segment';
import { tagText } from '../src/lib/tagger/tagger';

type Maker = (n: number) => string;

const CASES: { name: string; unit: string; make: Maker; sizes: number[] }[] = [
  {
    name: '`$a ` repeated on one line (each `$` opens math that never closes)',
    unit: '`$` signs',
    make: (n) => '$a '.repeat(n),
    sizes: [2_500, 10_000, 40_000],
  },
  {
    name: '`$5 and $` repeated (dollar amounts)',
    unit: '`$` signs',
    make: (n) => 'I paid $5 and $'.repeat(n / 2),
    sizes: [2_500, 10_000, 40_000],
  },
  {
    name: 'one line of words and dots, no sentence end',
    unit: 'characters',
    make: (n) => 'a.b.c...d e.g. x '.repeat(Math.ceil(n / 17)).slice(0, n),
    sizes: [1_250_000, 2_500_000, 5_000_000],
  },
  {
    name: 'short sentences, one per line',
    unit: 'lines',
    make: (n) => 'The total is 42, which matches.\n'.repeat(n),
    sizes: [25_000, 50_000, 100_000],
  },
  {
    name: 'lines opening display math that never closes',
    unit: 'lines',
    make: (n) => 'So we get:\n\\[ x\n'.repeat(n / 2),
    sizes: [25_000, 50_000, 100_000],
  },
  {
    name: 'code fences that never close, after prose',
    unit: 'lines',
    make: (n) => 'Run it.\n```python\nx = 1\n'.repeat(n / 3),
    sizes: [25_000, 50_000, 100_000],
  },
];

function time(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[1] as number;
}

console.log('\nSegmenter (and whole tagger) on crafted worst cases; median of 3 runs\n');
console.log(
  '| input | size | characters | segment (ms) | ns/char | ratio to the smallest | tag whole text (ms) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
// Warm the JIT first, so the smallest size is not charged for compiling.
for (const c of CASES) segment(c.make(c.sizes[0] as number));
for (const c of CASES) {
  let base = 0;
  for (const size of c.sizes) {
    const text = c.make(size);
    const ms = time(() => segment(text));
    const tagMs = time(() => tagText(text));
    if (!base) base = ms;
    console.log(
      `| ${c.name} | ${size.toLocaleString('en')} ${c.unit} | ${text.length.toLocaleString('en')} | ${ms.toFixed(1)} | ${((ms * 1e6) / text.length).toFixed(0)} | ${(ms / base).toFixed(2)} | ${tagMs.toFixed(0)} |`,
    );
  }
}
