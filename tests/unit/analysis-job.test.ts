import { expect, test } from 'vitest';
import {
  runAnalysis,
  UNITS_PER_MESSAGE,
  type AnalysisBatch,
  type AnalysisProgress,
} from '../../src/lib/analysis/job';
import { joinParts } from '../../src/lib/analysis/parts';
import { packRows, unpackRows } from '../../src/lib/compare/packed';
import { tagText } from '../../src/lib/tagger/tagger';
import {
  handleAnalysis,
  handleRequest,
  type AnalysisMessage,
} from '../../src/lib/analysis/worker-api';

const LINES = Array.from({ length: 25 }, (_, i) =>
  JSON.stringify({
    id: `t${i}`,
    text: `Let me check step ${i}.\n\\boxed{${i}}`,
    gt: String(i % 2 ? i : -1),
  }),
);

test('runAnalysis hands back rows in batches, with skipped lines and progress', () => {
  const content = [...LINES.slice(0, 10), 'oops', ...LINES.slice(10)].join('\n');
  const batches: AnalysisBatch[] = [];
  const progress: AnalysisProgress[] = [];
  let clock = 0;
  const summary = runAnalysis(
    content,
    'f.jsonl',
    { mode: 'rows', batchSize: 10 },
    (p) => progress.push(p),
    (b) => batches.push(b),
    () => (clock += 60),
  );
  expect(summary).toEqual({ transcripts: 25, skipped: 1 });
  expect(batches.map((b) => b.rows.length)).toEqual([10, 10, 5]);
  expect(batches.flatMap((b) => b.errors)).toEqual([
    { line: 11, message: expect.stringMatching(/^not valid JSON/) },
  ]);
  const rows = batches.flatMap((b) => b.rows);
  expect(rows.filter((r) => r.correct).length).toBe(12);
  expect(rows[0]?.crucial).toBe(2);
  expect(progress.length).toBeGreaterThan(3);
  expect(progress.at(-1)).toMatchObject({ phase: 'done', transcripts: 25, skipped: 1 });
  const done = progress.map((p) => p.done);
  expect([...done].sort((a, b) => a - b)).toEqual(done);
});

test('full mode keeps each transcript with its tags, for the Analyse view', () => {
  const batches: AnalysisBatch[] = [];
  runAnalysis(
    LINES.slice(0, 3).join('\n'),
    'f.jsonl',
    { mode: 'full' },
    () => {},
    (b) => batches.push(b),
  );
  const items = batches.flatMap((b) => b.items);
  expect(items.map((i) => i.id)).toEqual(['t0', 't1', 't2']);
  expect(items[1]?.tags.crucial).toHaveLength(2);
  expect(items[1]?.correct).toBe(true);
  expect(structuredClone(items[0])).toEqual(items[0]);
});

test('the worker side posts progress and batches, then done, or a refusal as data', async () => {
  const messages: AnalysisMessage[] = [];
  await handleAnalysis(
    {
      type: 'analyse',
      source: { kind: 'text', name: 'f.jsonl', text: LINES.join('\n') },
      options: { mode: 'rows' },
    },
    (m) => messages.push(m),
  );
  expect(messages[0]?.type).toBe('progress');
  expect(messages.at(-1)).toEqual({ type: 'done', summary: { transcripts: 25, skipped: 0 } });
  const refused: AnalysisMessage[] = [];
  await handleAnalysis(
    {
      type: 'analyse',
      source: { kind: 'text', name: 'a.json', text: '[1, 2]' },
      options: { mode: 'rows' },
    },
    (m) => refused.push(m),
  );
  expect(refused.at(-1)).toEqual({
    type: 'failed',
    error: {
      code: 'import/refused',
      message: expect.stringContaining('a.json is a JSON array'),
    },
  });
});

test('the figures job computes each group whole and split by outcome', async () => {
  const batches: AnalysisBatch[] = [];
  runAnalysis(
    LINES.join('\n'),
    'f.jsonl',
    { mode: 'rows' },
    () => {},
    (b) => batches.push(b),
  );
  const rows = batches.flatMap((b) => b.rows);
  const messages: AnalysisMessage[] = [];
  await handleRequest({ type: 'figures', groups: [{ name: 'g', packed: packRows(rows) }] }, (m) =>
    messages.push(m),
  );
  const [message] = messages;
  if (message?.type !== 'figures') throw new Error('expected figures');
  expect(message.figures.whole.map((s) => [s.group, s.counts.n])).toEqual([['g', 25]]);
  expect(message.figures.split.map((s) => [s.group, s.counts.n])).toEqual([
    ['g/correct', 12],
    ['g/wrong', 13],
  ]);
  // Packed for the message, the rows lose only their ids.
  expect(unpackRows(packRows(rows))).toEqual(rows.map((row, i) => ({ ...row, id: String(i) })));
});

test('a transcript too long for one message is sent in parts and put back together whole', () => {
  const text = Array.from({ length: 4000 }, (_, i) => `Let me check ${i}.`).join(' ');
  const sent: AnalysisBatch[] = [];
  runAnalysis(
    JSON.stringify({ id: 'long', text }),
    'long.jsonl',
    { mode: 'full' },
    () => {},
    (b) => sent.push(b),
  );
  expect(sent.length).toBeGreaterThan(2);
  for (const batch of sent)
    expect((batch.items[0]?.tags.units ?? batch.moreUnits ?? []).length).toBeLessThanOrEqual(
      UNITS_PER_MESSAGE,
    );
  const whole: AnalysisBatch[] = [];
  const join = joinParts((b) => whole.push(b));
  // Through a structured clone, as a worker message would be.
  for (const batch of sent) join(structuredClone(batch));
  expect(whole).toHaveLength(1);
  const item = whole[0]!.items[0]!;
  expect(item.tags.units).toHaveLength(4000);
  expect(item.tags.units.map((u) => u.start)).toEqual(tagText(text).units.map((u) => u.start));
});
