import { expect, test } from 'vitest';
import { analyseTranscript } from '../../src/lib/analysis/analyse';
import { readout } from '../../src/lib/compare/readout';
import { isErrorOutput, transcriptRow, type TranscriptRow } from '../../src/lib/compare/row';
import { FIGURES, groupStats, splitByOutcome } from '../../src/lib/compare/stats';
import { statsCsv, statsJson, statsTable } from '../../src/lib/compare/table';

const counts = (v = 0, b = 0, s = 0, c = 0) => ({
  verification: v,
  backtracking: b,
  subgoal_setting: s,
  backward_chaining: c,
});

const row = (over: Partial<TranscriptRow>): TranscriptRow => ({
  id: 'x',
  correct: true,
  tokens: 100,
  codeBlocks: 1,
  errors: 0,
  crucial: 1,
  units: 10,
  counts: counts(),
  ...over,
});

const ROWS: TranscriptRow[] = [
  row({ correct: true, tokens: 100, counts: counts(1, 0, 2, 0), crucial: 2 }),
  row({ correct: true, tokens: 200, counts: counts(0, 0, 1, 0), codeBlocks: 3 }),
  row({ correct: false, tokens: 600, counts: counts(2, 1, 0, 0), errors: 2, crucial: 3 }),
  row({ correct: null, tokens: 100, units: 20 }),
];

test('group figures are the plain counts and means, with the counts behind them', () => {
  const s = groupStats({ name: 'g', rows: ROWS });
  expect(s.counts).toMatchObject({ n: 4, correct: 2, wrong: 1, ungraded: 1, units: 50 });
  expect(s.values.accuracy).toBeCloseTo(2 / 3);
  expect(s.values.tokens_mean).toBe(250);
  expect(s.values.tokens_mean_correct).toBe(150);
  expect(s.values.tokens_mean_wrong).toBe(600);
  expect(s.values.code_blocks_mean).toBe(1.5);
  expect(s.values.errors_mean).toBe(0.5);
  expect(s.values.crucial_per_1k).toBe((1000 * 7) / 1000);
  expect(s.values['prevalence.verification']).toBe(0.5);
  expect(s.values['prevalence.backtracking']).toBe(0.25);
  expect(s.values['unit_share.subgoal_setting']).toBe(3 / 50);
  expect(s.counts.withBehaviour.verification).toBe(2);
  expect(s.counts.behaviourUnits.verification).toBe(3);
});

test('bootstrap intervals are seeded, contain the estimate, and narrow with more data', () => {
  const many = Array.from({ length: 400 }, (_, i) =>
    row({ correct: i % 3 !== 0, tokens: 100 + (i % 7) * 50, counts: counts(i % 4 === 0 ? 1 : 0) }),
  );
  const a = groupStats({ name: 'm', rows: many });
  const b = groupStats({ name: 'm', rows: many });
  expect(a.ci).toEqual(b.ci);
  for (const f of FIGURES) {
    const ci = a.ci[f];
    const v = a.values[f];
    if (v === null || v === undefined || !ci) continue;
    expect(ci[0]).toBeLessThanOrEqual(v + 1e-9);
    expect(ci[1]).toBeGreaterThanOrEqual(v - 1e-9);
  }
  const [low, high] = a.ci.accuracy as [number, number];
  // Binomial: 267/400, standard error about 0.024, so the 95% interval is about ±0.046.
  expect(high - low).toBeGreaterThan(0.06);
  expect(high - low).toBeLessThan(0.13);
  const few = groupStats({ name: 'm', rows: many.slice(0, 40) });
  const [fl, fh] = few.ci.accuracy as [number, number];
  expect(fh - fl).toBeGreaterThan(high - low);
});

test('undefined figures are null, not zero: no wrong transcripts, no rows', () => {
  const s = groupStats({ name: 'g', rows: [row({ correct: true })] });
  expect(s.values.tokens_mean_wrong).toBeNull();
  expect(s.ci.tokens_mean_wrong).toBeNull();
  const empty = groupStats({ name: 'e', rows: [] });
  expect(empty.values.accuracy).toBeNull();
  expect(empty.counts.n).toBe(0);
});

test('splitting by outcome makes NAME/correct and NAME/wrong, leaving unknown out', () => {
  const parts = splitByOutcome([{ name: 'm', rows: ROWS }]);
  expect(parts.map((p) => [p.name, p.rows.length])).toEqual([
    ['m/correct', 2],
    ['m/wrong', 1],
  ]);
});

test('the JSON line has exactly the documented fields', () => {
  const json = statsJson(groupStats({ name: 'g', rows: ROWS }));
  expect(Object.keys(json)).toEqual([
    'group',
    'n',
    'correct',
    'accuracy',
    'tokens_mean',
    'tokens_mean_correct',
    'tokens_mean_wrong',
    'code_blocks_mean',
    'errors_mean',
    'crucial_per_1k',
    'prevalence',
    'unit_share',
    'ci',
  ]);
  expect(Object.keys(json.prevalence as object)).toEqual([
    'verification',
    'backtracking',
    'subgoal_setting',
    'backward_chaining',
  ]);
  expect((json.ci as Record<string, unknown>)['prevalence.verification']).toHaveLength(2);
});

test('CSV and the readable table carry every group and figure', () => {
  const list = [groupStats({ name: 'a,b', rows: ROWS }), groupStats({ name: 'c', rows: ROWS })];
  const csv = statsCsv(list).trim().split('\n');
  expect(csv).toHaveLength(3);
  expect(csv[0]?.split(',').slice(0, 7)).toEqual([
    'group',
    'n',
    'correct',
    'wrong',
    'accuracy',
    'accuracy_low',
    'accuracy_high',
  ]);
  expect(csv[1]?.startsWith('"a,b",4,2,1,0.666667,')).toBe(true);
  const table = statsTable(list);
  expect(table).toContain('verification, prevalence');
  expect(table).toContain('50.0% [');
});

test('the readout states what the figures show, in order of accuracy', () => {
  const strong = Array.from({ length: 200 }, (_, i) =>
    row({ correct: i % 10 !== 0, counts: counts(i % 2 === 0 ? 1 : 0) }),
  );
  const weak = Array.from({ length: 200 }, (_, i) =>
    row({
      correct: i % 2 === 0,
      tokens: i % 2 === 0 ? 100 : 400,
      counts: counts(i % 10 === 0 ? 1 : 0),
    }),
  );
  const text = readout([
    groupStats({ name: 'strong', rows: strong }),
    groupStats({ name: 'weak', rows: weak }),
  ]);
  expect(text).toContain(
    'Accuracy ranges from 50.0% (weak, 200 transcripts) to 90.0% (strong, 200)',
  );
  expect(text).toContain('verification rises from 10.0% to 50.0% (intervals apart)');
  expect(text).toContain('Wrong transcripts are longer than correct ones in 1 of 2 groups');
});

test('a tagged transcript becomes a row: code blocks, interpreter errors, units', () => {
  const text = [
    'Let me compute it.',
    '```python\nprint(x)\n```',
    '```output\nTraceback (most recent call last):\nNameError: x\n```',
    'Wait, I forgot to set x. Let me check it again.',
    '```python\nx = 2\nprint(x)\n```',
    '```output\n2\n```',
    'So the answer is \\boxed{2}.',
  ].join('\n');
  const r = transcriptRow(analyseTranscript({ id: 't', question: null, text, expected: '2' }));
  expect(r).toMatchObject({ id: 't', correct: true, codeBlocks: 2, errors: 1 });
  expect(r.crucial).toBeGreaterThanOrEqual(3);
  expect(r.units).toBeGreaterThanOrEqual(5);
  expect(
    isErrorOutput('The history saving thread hit an unexpected error (OperationalError)'),
  ).toBe(false);
  expect(isErrorOutput('  File "x", line 1\nSyntaxError: invalid syntax')).toBe(true);
});
