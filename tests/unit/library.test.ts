import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoupeError } from '../../src/lib/core/errors';
import { transcriptJson } from '../../src/lib/loop/export';
import type { LoopResult, Part } from '../../src/lib/loop/loop';
import { exportLibrary, parseLoupeFile, runRecord } from '../../src/lib/library/files';
import { compareRecord, packSet, unpackSet } from '../../src/lib/library/compare-sets';
import { Library } from '../../src/lib/library/library';
import type { RunData } from '../../src/lib/library/records';

const PARTS: Part[] = [
  { kind: 'model', text: 'Let me compute.\n```python\nprint(6 * 7)\n```\n' },
  {
    kind: 'run',
    index: 0,
    code: 'print(6 * 7)',
    spliced: '```output\n42\n```\n',
    result: null,
    recorded: null,
  },
  { kind: 'model', text: 'So \\boxed{42}.' },
];
const RESULT: LoopResult = {
  reason: 'answer',
  message: 'Answered',
  answer: '42',
  correct: true,
  rounds: 2,
  completionTokens: 20,
  promptTokens: 30,
  usage: [],
  decodeTokensPerSecond: null,
  timeToFirstTokenMs: null,
  durationMs: 100,
};
const RUN: RunData = {
  engine: 'Replay: sample #1',
  question: 'What is six times seven?',
  expected: '42',
  parts: PARTS,
  result: RESULT,
  settings: { protocol: 'markdown-tir', maxRounds: 4 },
  counts: { verification: 0 },
};

let opened: Library[] = [];
let clock = 1_000;
function library(name: string): Library {
  const lib = new Library({ name, now: () => (clock += 1) });
  opened.push(lib);
  return lib;
}

afterEach(() => {
  opened.forEach((lib) => lib.close());
  opened = [];
  vi.restoreAllMocks();
});

describe('the Library', () => {
  it('keeps a run, lists it newest first, searches, renames and deletes', async () => {
    const lib = library('crud');
    const run = await lib.save(runRecord(RUN));
    await lib.save({
      kind: 'analysis',
      title: 'tora.jsonl',
      data: { name: 'tora.jsonl', content: '' },
    });
    expect((await lib.list()).map((m) => m.kind)).toEqual(['analysis', 'run']);
    expect(run.summary).toBe('Replay: sample #1 · answer · answer 42 (correct)');
    expect((await lib.list({ text: 'SIX seven' })).map((m) => m.id)).toEqual([run.id]);
    expect(await lib.list({ text: 'six eight' })).toEqual([]);
    expect((await lib.list({ kind: 'analysis' })).map((m) => m.title)).toEqual(['tora.jsonl']);

    await lib.rename(run.id, 'Times table');
    const renamed = await lib.get(run.id);
    expect(renamed?.title).toBe('Times table');
    expect(renamed?.data).toEqual(RUN);
    expect(renamed?.bytes).toBe(new TextEncoder().encode(JSON.stringify(RUN)).length);

    await lib.remove(run.id);
    expect(await lib.get(run.id)).toBeNull();
    expect(await lib.list()).toHaveLength(1);
  });

  it('exports everything to one file that imports back into an empty Library', async () => {
    const source = library('export-from');
    const run = await source.save(runRecord(RUN));
    await source.rename(run.id, 'Renamed run');
    await source.save(
      compareRecord('compare-1', {
        groups: [{ name: 'Mine', sources: ['a.jsonl'], rows: [], errors: [], failure: null }],
        byOutcome: false,
      }),
    );
    const file = exportLibrary(await source.all(), new Date('2026-01-02T03:04:05Z'));

    const parsed = parseLoupeFile('loupe-library.json', file);
    expect(parsed.kind).toBe('library');
    if (parsed.kind !== 'library') return;
    expect(parsed.skipped).toEqual([]);
    const target = library('export-to');
    expect(await target.importRecords(parsed.records)).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await target.list()).toEqual(await source.list());
    expect((await target.get(run.id))?.data).toEqual(RUN);
    // Importing the same file again changes nothing.
    expect(await target.importRecords(parsed.records)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it("imports the Playground's single-run JSON export", () => {
    const text = transcriptJson(RUN.question, RUN.engine, PARTS, RESULT);
    const parsed = parseLoupeFile('run.json', text);
    expect(parsed.kind).toBe('record');
    if (parsed.kind !== 'record') return;
    expect(parsed.record.kind).toBe('run');
    expect(parsed.record.title).toBe('What is six times seven?');
    expect(parsed.record.data).toMatchObject({ engine: RUN.engine, parts: PARTS, result: RESULT });
  });

  it('keeps a JSONL file of transcripts as an analysed file', () => {
    const parsed = parseLoupeFile(
      'mine.jsonl',
      '{"id": "a", "question": "Q?", "transcript": "So \\\\boxed{1}."}\nnot json\n',
    );
    expect(parsed).toMatchObject({
      kind: 'record',
      record: { kind: 'analysis', title: 'mine.jsonl', summary: '1 transcript, 1 line skipped' },
    });
  });

  it.each([
    ['empty.json', '  ', 'it is empty'],
    [
      'run.json',
      '{"engine": "x", "question": "q", "parts": [{"kind": "alien"}], "result": null}',
      '"parts" must be',
    ],
    [
      'future.json',
      '{"format": "loupe-library", "version": 9, "records": []}',
      'newer than this Loupe',
    ],
  ])('says why %s cannot be opened', (name, text, why) => {
    expect(() => parseLoupeFile(name, text)).toThrow(why);
    try {
      parseLoupeFile(name, text);
    } catch (error) {
      expect((error as LoupeError).code).toBe('library/bad-file');
    }
  });

  it('skips bad records of an export and says which', () => {
    const parsed = parseLoupeFile(
      'lib.json',
      JSON.stringify({
        format: 'loupe-library',
        version: 1,
        records: [{ id: 'x', kind: 'nope', title: 't', createdAt: 1, updatedAt: 1, data: 1 }],
      }),
    );
    expect(parsed).toEqual({
      kind: 'library',
      records: [],
      skipped: ['record 1: unknown kind "nope"'],
    });
  });

  it('reports a full store with what was not kept and the largest records to delete', async () => {
    const lib = library('quota');
    await lib.save({
      kind: 'analysis',
      title: 'Big file',
      data: { name: 'big', content: 'x'.repeat(5000) },
    });
    await lib.save({
      kind: 'analysis',
      title: 'Small file',
      data: { name: 'small', content: 'x' },
    });
    const { IDBObjectStore } = globalThis;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = await lib.save(runRecord(RUN)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LoupeError);
    expect((failure as LoupeError).code).toBe('library/quota-exceeded');
    expect((failure as LoupeError).message).toMatch(
      /^Not kept: “What is six times seven\?” \(.+\): the browser’s storage for Loupe is full\. Delete something in the Library to make room; the largest are “Big file” \(5\.0 kB\), “Small file”/,
    );
    vi.restoreAllMocks();
    expect(await lib.list()).toHaveLength(2);
  });

  it('packs a compare set for a worker to keep, and reads its meta without its data', async () => {
    const row = (id: string, correct: boolean | null) => ({
      id,
      correct,
      tokens: 120,
      codeBlocks: 2,
      errors: 1,
      crucial: 3,
      units: 9,
      counts: { verification: 2, backtracking: 1, subgoal_setting: 0, backward_chaining: 4 },
    });
    const set = {
      byOutcome: true,
      groups: [
        {
          name: 'g',
          sources: ['a.jsonl'],
          rows: [row('x-1', true), row('x-2', null), row('x-3', false)],
          errors: [{ source: 'a.jsonl', line: 4, message: 'not valid JSON' }],
          failure: null,
        },
      ],
    };
    expect(unpackSet(packSet(set))).toEqual(set);
    const lib = library('meta');
    await lib.save(compareRecord('compare-9', set));
    expect(await lib.meta('compare-9')).toMatchObject({ id: 'compare-9', kind: 'compare' });
    expect(await lib.meta('compare-9')).not.toHaveProperty('data');
    expect(await lib.meta('nothing')).toBeNull();
  });
});
