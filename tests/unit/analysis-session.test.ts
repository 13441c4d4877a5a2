import { expect, test } from 'vitest';
import { analyseTranscript } from '../../src/lib/analysis/analyse';
import { AnalysisSession, ERRORS_KEPT } from '../../src/lib/analysis/session';
import {
  SessionHandler,
  UNITS_PER_PART,
  type SessionMessage,
} from '../../src/lib/analysis/session-api';
import { DEFAULT_QUERY } from '../../src/lib/analysis/table';
import type { NewRecord } from '../../src/lib/library/records';

const line = (i: number, text = `Let me check step ${i}.\n\\boxed{${i}}`) =>
  JSON.stringify({ id: `t${i}`, text, gt: String(i % 2 ? i : -1) });

test('a session pages, sorts and sums its rows, and hands out one transcript whole', () => {
  const session = new AnalysisSession();
  for (let i = 0; i < 30; i++)
    session.add(
      analyseTranscript({
        id: `t${i}`,
        question: `q${i}`,
        text: `Wait, let me check ${i}. `.repeat(1 + (i % 4)),
        expected: null,
      }),
    );
  const view = session.view({ ...DEFAULT_QUERY, sort: 'units', descending: true }, 10);
  expect(view).toMatchObject({ rows: 30, matching: 30 });
  expect(view.shown).toHaveLength(10);
  const units = view.shown.map((r) => r.units);
  expect(units).toEqual([...units].sort((a, b) => b - a));
  expect(units[0]).toBe(Math.max(...session.rows.map((r) => r.units)));
  expect(session.transcript(view.shown[0]!.index)?.stats.units).toBe(view.shown[0]!.units);
  expect(view.totals.units).toBe(session.items.reduce((n, item) => n + item.stats.units, 0));
  const search = session.view({ ...DEFAULT_QUERY, text: 'q2' }, 200);
  expect(search.shown.map((r) => r.id)).toEqual([
    't2',
    't20',
    't21',
    't22',
    't23',
    't24',
    't25',
    't26',
    't27',
    't28',
    't29',
  ]);
  expect(search.totals.rows).toBe(11);
  // The CSV holds every matching row, not only the page shown.
  expect(session.csv(DEFAULT_QUERY).trim().split('\n')).toHaveLength(31);
  expect(session.transcript(99)).toBeNull();
});

test('a session keeps the first bad lines and counts them all', () => {
  const session = new AnalysisSession();
  for (let i = 0; i < 25; i++) session.skip({ line: i + 1, message: 'not valid JSON' });
  expect(session.errors).toHaveLength(ERRORS_KEPT);
  expect(session.skipped).toBe(25);
});

function handler(options: { pause?: (h: SessionHandler) => void } = {}) {
  const messages: SessionMessage[] = [];
  const kept: NewRecord<'analysis'>[] = [];
  let clock = 0;
  const h: SessionHandler = new SessionHandler({
    post: (m) => messages.push(m),
    keep: async (record) => void kept.push(record),
    now: () => (clock += 30),
    pause: async () => options.pause?.(h),
  });
  return { h, messages, kept };
}

test('the worker tags a file, keeps it in the Library, then answers views and transcripts', async () => {
  const { h, messages, kept } = handler();
  const text = [line(0), 'oops', line(1), line(2)].join('\n');
  await h.handle({ type: 'analyse', source: { kind: 'text', name: 'f.jsonl', text }, keep: true });
  expect(messages.find((m) => m.type === 'done')).toEqual({
    type: 'done',
    transcripts: 3,
    skipped: 1,
    cancelled: false,
  });
  const progress = messages.filter((m) => m.type === 'progress').at(-1);
  expect(progress).toMatchObject({ errors: [{ line: 2 }], progress: { phase: 'done' } });
  expect(kept).toEqual([
    expect.objectContaining({
      kind: 'analysis',
      title: 'f.jsonl',
      summary: '3 transcripts, 1 line skipped',
      data: { name: 'f.jsonl', content: text },
    }),
  ]);
  expect(messages.at(-1)).toEqual({ type: 'kept' });

  messages.length = 0;
  await h.handle({
    type: 'view',
    id: 7,
    query: { ...DEFAULT_QUERY, sort: 'id', descending: true },
    limit: 2,
  });
  await h.handle({ type: 'transcript', id: 8, index: 1 });
  const [view, transcript] = messages;
  expect(view).toMatchObject({ type: 'view', id: 7, view: { rows: 3, matching: 3 } });
  expect(view?.type === 'view' && view.view.shown.map((r) => [r.id, r.index])).toEqual([
    ['t2', 2],
    ['t1', 1],
  ]);
  expect(transcript).toMatchObject({ type: 'transcript', id: 8, item: { id: 't1' } });
});

test('a long transcript is sent in parts, without its duplicate list of crucial tokens', async () => {
  const { h, messages } = handler();
  const long = 'Wait, let me check it again. '.repeat(UNITS_PER_PART * 2 + 10);
  await h.handle({
    type: 'analyse',
    source: { kind: 'text', name: 'l.jsonl', text: line(0, long) },
    keep: false,
  });
  messages.length = 0;
  await h.handle({ type: 'transcript', id: 1, index: 0 });
  expect(messages.map((m) => m.type)).toEqual(['transcript', 'units', 'units']);
  const first = messages[0]!;
  if (first.type !== 'transcript' || !first.item) throw new Error('no transcript');
  expect(first.unitsTotal).toBe(h.session.items[0]!.tags.units.length);
  expect(first.item.tags.units).toHaveLength(UNITS_PER_PART);
  expect(first.item.tags.crucial).toEqual([]);
  const units = [
    ...first.item.tags.units,
    ...messages.slice(1).flatMap((m) => (m.type === 'units' ? m.units : [])),
  ];
  expect(units).toEqual(h.session.items[0]!.tags.units);
});

test('Cancel stops tagging between transcripts: what was tagged stays, and nothing is kept', async () => {
  const { h, messages, kept } = handler({ pause: (self) => void self.handle({ type: 'cancel' }) });
  const text = Array.from({ length: 50 }, (_, i) => line(i)).join('\n');
  await h.handle({ type: 'analyse', source: { kind: 'text', name: 'c.jsonl', text }, keep: true });
  const done = messages.find((m) => m.type === 'done');
  expect(done).toMatchObject({ cancelled: true });
  expect(done?.type === 'done' && done.transcripts).toBeLessThan(50);
  expect(h.session.items.length).toBeGreaterThan(0);
  expect(kept).toEqual([]);
});

test('a refused file fails with its sentence', async () => {
  const { h, messages } = handler();
  await h.handle({
    type: 'analyse',
    source: { kind: 'text', name: 'e.jsonl', text: '  ' },
    keep: true,
  });
  expect(messages.at(-1)).toEqual({
    type: 'failed',
    error: { code: 'import/refused', message: 'e.jsonl is empty: there is no transcript in it.' },
  });
});
