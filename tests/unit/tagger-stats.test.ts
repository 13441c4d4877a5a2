import { expect, test } from 'vitest';
import { repetitionRatio, summaryCsv, transcriptStats } from '../../src/lib/tagger/stats';
import { tagText } from '../../src/lib/tagger/tagger';

test('stats: prevalence, rounds, crucial tokens per 1,000 tokens', () => {
  const text =
    "Wait, that's wrong.\n```python\nassert 1 + 1 == 2\n```\n```output\n\n```\nThe output is 1.";
  const result = tagText(text);
  const stats = transcriptStats(text, result);
  expect(stats.units).toBe(3);
  expect(stats.counts.verification).toBeGreaterThanOrEqual(1); // the assert, by rule
  expect(stats.prevalence.verification).toBeCloseTo(result.counts.verification / 3);
  expect(stats.rounds).toBe(1);
  expect(stats.crucialPer1k).toBeGreaterThan(0);
});

test('repetition counts sentences that closely repeat an earlier one', () => {
  expect(
    repetitionRatio([
      'So the total cost is 12 dollars in all.',
      'Now let us add the tax.',
      'So the total cost is 12 dollars in all.',
      'The total cost is 12 dollars.',
    ]),
  ).toBe(0.25);
});

test('repetition on a model in a loop: every repeat counts, near or exact, on a long text', () => {
  const loop = Array.from({ length: 20_000 }, (_, i) =>
    i % 2 ? 'Let me check the total again, it is 12.' : 'Let me check the total again, it is 13.',
  );
  // The first of each of the two sentences is new; every later one repeats (exactly, or 80%).
  expect(repetitionRatio(loop)).toBeCloseTo(19_999 / 20_000);
});

test('the summary CSV quotes ids and leaves unknown correctness empty', () => {
  const text = 'First add, then divide.';
  const csv = summaryCsv([
    { id: 'a,b', stats: transcriptStats(text, tagText(text)), correct: null },
  ]);
  const [header, row] = csv.trim().split('\n');
  expect(header?.split(',')[0]).toBe('id');
  expect(row?.startsWith('"a,b",1,0,0,1,0,')).toBe(true);
  expect(row?.endsWith(',')).toBe(true);
});
