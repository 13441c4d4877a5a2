import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { ExperimentStore } from '../../src/lib/experiment/store';
import type { Experiment, RunRecord } from '../../src/lib/experiment/types';
import { exportLibrary, parseLoupeFile } from '../../src/lib/library/files';
import { Library } from '../../src/lib/library/library';
import { PROTOCOLS } from '../../src/lib/loop/protocols';

function experiment(id: string, createdAt: string): Experiment {
  return {
    id,
    createdAt,
    model: 'Scripted test engine',
    config: {
      families: ['game24'],
      sampleSize: 1,
      protocol: 'markdown-tir',
      template: 'chatml',
      system: PROTOCOLS['markdown-tir'].systemPrompt,
      token: 'Wait',
      conditions: [0, 1],
      seeds: [1],
      maxRounds: 2,
      maxTokensPerRound: 64,
      maxTotalTokens: 128,
      temperature: 0.6,
      topP: 0.95,
      contextWindow: 4096,
    },
    plan: [0, 1].map((n) => ({
      key: `t1|N=${n}|seed=1`,
      taskId: 't1',
      family: 'game24',
      category: 'math' as const,
      n,
      seed: 1,
    })),
    status: 'running',
  };
}

function run(n: number, correct: boolean): RunRecord {
  return {
    key: `t1|N=${n}|seed=1`,
    taskId: 't1',
    family: 'game24',
    category: 'math',
    n,
    seed: 1,
    status: 'scored',
    verdict: { correct, answer: correct ? '24' : '23', reason: correct ? 'correct' : 'wrong' },
    end: 'answer',
    message: 'Answered',
    completionTokens: 12,
    rounds: 1,
    insertions: n,
    durationMs: 5,
    counts: { verification: n, backtracking: 0, subgoal_setting: 0, backward_chaining: 0 },
    units: 3,
    parts: [{ kind: 'model', text: `So \\boxed{${correct ? 24 : 23}}.` }],
  };
}

describe('experiments in the Library', () => {
  it('are Library records: listed, renamed (the name survives new runs), counted, deleted', async () => {
    const library = new Library({ name: 'exp-records' });
    const store = new ExperimentStore(library, { legacyName: 'exp-records-legacy' });
    const exp = experiment('exp-a', '2026-01-01T00:00:00Z');
    await store.saveExperiment(exp);
    await Promise.all([store.saveRun(exp.id, run(0, false)), store.saveRun(exp.id, run(1, true))]);
    const [meta] = await library.list({ kind: 'experiment' });
    expect(meta).toMatchObject({ id: 'exp-a', kind: 'experiment' });
    expect(meta?.summary).toContain('2 of 2 runs · 1 of 2 scored correct');
    expect(meta?.bytes).toBeGreaterThan(500);
    expect(await library.list({ text: 'game24 wait' })).toHaveLength(1);

    await library.rename('exp-a', 'Wait on Game of 24');
    await store.saveExperiment({ ...exp, status: 'finished' });
    expect((await library.get('exp-a'))?.title).toBe('Wait on Game of 24');
    expect((await store.get('exp-a'))?.experiment.status).toBe('finished');
    expect((await store.runs('exp-a')).map((r) => r.n).sort()).toEqual([0, 1]);

    await store.saveExperiment(experiment('exp-b', '2026-02-01T00:00:00Z'));
    expect((await store.latest())?.id).toBe('exp-b');
    await store.delete('exp-b');
    expect((await store.latest())?.id).toBe('exp-a');
    await expect(store.saveRun('exp-b', run(0, true))).rejects.toMatchObject({
      code: 'experiment/not-kept',
    });
  });

  it('moves experiments from the old loupe-experiments database, then removes it', async () => {
    const legacyName = 'exp-legacy';
    const legacy = await openDB(legacyName, 1, {
      upgrade(db) {
        db.createObjectStore('experiments', { keyPath: 'id' });
        const runs = db.createObjectStore('runs', { keyPath: ['experimentId', 'key'] });
        runs.createIndex('experiment', 'experimentId');
      },
    });
    const old = { ...experiment('exp-old', '2025-12-01T00:00:00Z'), status: 'finished' as const };
    await legacy.put('experiments', old);
    await legacy.put('runs', { ...run(0, true), experimentId: old.id });
    await legacy.put('runs', { ...run(1, true), experimentId: old.id });
    legacy.close();

    const library = new Library({ name: 'exp-migrate' });
    const store = new ExperimentStore(library, { legacyName });
    expect((await store.latest())?.id).toBe('exp-old');
    expect(await store.runs('exp-old')).toHaveLength(2);
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(legacyName);
    // A second store (the next page load) finds it in the Library, once.
    expect(await new ExperimentStore(library, { legacyName }).runs('exp-old')).toHaveLength(2);
    expect(await library.list({ kind: 'experiment' })).toHaveLength(1);
  });

  it('go into the one-file export and come back from it', async () => {
    const source = new Library({ name: 'exp-export' });
    const store = new ExperimentStore(source, { legacyName: 'none' });
    await store.saveExperiment(experiment('exp-x', '2026-03-01T00:00:00Z'));
    await store.saveRun('exp-x', run(1, true));
    const parsed = parseLoupeFile('lib.json', exportLibrary(await source.all(), new Date()));
    if (parsed.kind !== 'library') throw new Error('not a library file');
    const target = new Library({ name: 'exp-import' });
    expect(await target.importRecords(parsed.records)).toMatchObject({ added: 1 });
    const again = new ExperimentStore(target, { legacyName: 'none' });
    expect((await again.get('exp-x'))?.runs).toEqual([run(1, true)]);
  });
});
