import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { recordsCsv, experimentJson } from '../../../src/lib/experiment/export';
import { buildPlan, PlanError, sampleTasks } from '../../../src/lib/experiment/plan';
import { summarise, wilson } from '../../../src/lib/experiment/results';
import { ExperimentRunner, type ExperimentBackend } from '../../../src/lib/experiment/runner';
import { ExperimentStore } from '../../../src/lib/experiment/store';
import type { Experiment, ExperimentConfig, RunRecord } from '../../../src/lib/experiment/types';
import { PROTOCOLS } from '../../../src/lib/loop/protocols';
import type { PackLine } from '../../../src/lib/tasks/types';
import { rightAnswer } from '../tasks/solutions';
import { ScriptedEngine } from './scripted-engine';

const read = (family: string) =>
  readFileSync(`public/data/packs/${family}.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PackLine);
const lines = [
  ...read('new_operator'),
  ...read('permutations_and_combinations'),
  ...read('string_insertion'),
];
const byQuestion = new Map(lines.map((l) => [l.question, l]));
const tasks = new Map(lines.map((l) => [l.id, l]));

const CONFIG: ExperimentConfig = {
  families: ['new_operator', 'permutations_and_combinations', 'string_insertion'],
  sampleSize: 2,
  protocol: 'markdown-tir',
  template: 'chatml',
  system: PROTOCOLS['markdown-tir'].systemPrompt,
  token: 'Wait',
  conditions: [0, 1],
  seeds: [7],
  maxRounds: 2,
  maxTokensPerRound: 256,
  maxTotalTokens: 1024,
  temperature: 0.6,
  topP: 0.95,
  contextWindow: 4096,
};

function backend(options: ConstructorParameters<typeof ScriptedEngine>[1] = {}): ExperimentBackend {
  const engine = new ScriptedEngine((prompt) => {
    const line = [...byQuestion.entries()].find(([q]) => prompt.includes(q))?.[1];
    if (!line) throw new Error('unknown question');
    return { right: rightAnswer(line), wrong: 'nonsense' };
  }, options);
  return {
    label: engine.label,
    engine,
    runCode: () => Promise.reject(new Error('no code in these tests')),
  };
}

function experiment(config = CONFIG): Experiment {
  const sample = sampleTasks(lines, config.families, config.sampleSize);
  return {
    id: 'e1',
    createdAt: '2026-01-01T00:00:00Z',
    model: 'Scripted test engine',
    config,
    plan: buildPlan(config, sample),
    status: 'running',
  };
}

describe('plan', () => {
  test('tasks × conditions × seeds, each task with all its conditions together', () => {
    const plan = experiment({ ...CONFIG, seeds: [1, 2] }).plan;
    expect(plan).toHaveLength(3 * 2 * 2 * 2);
    expect(plan.slice(0, 2).map((p) => [p.taskId, p.n, p.seed])).toEqual([
      [plan[0]?.taskId, 0, 1],
      [plan[0]?.taskId, 1, 1],
    ]);
    expect(new Set(plan.map((p) => p.key)).size).toBe(plan.length);
  });

  test('the same choice draws the same sample; a size past the family takes all of it', () => {
    expect(sampleTasks(lines, ['new_operator'], 5)).toEqual(
      sampleTasks(lines, ['new_operator'], 5),
    );
    expect(sampleTasks(lines, ['new_operator'], 1000)).toHaveLength(60);
  });

  test('bad conditions are refused with a message that says what to change', () => {
    const sample = sampleTasks(lines, ['new_operator'], 1);
    expect(() => buildPlan({ ...CONFIG, conditions: [6] }, sample)).toThrow(PlanError);
    expect(() => buildPlan({ ...CONFIG, conditions: [] }, sample)).toThrow('at least one number');
    expect(() => buildPlan({ ...CONFIG, seeds: [] }, sample)).toThrow('seed');
    expect(() => buildPlan({ ...CONFIG, token: ' ' }, sample)).toThrow('text to insert');
    expect(() => buildPlan(CONFIG, [])).toThrow('at least one family');
  });
});

describe('runner', () => {
  test('the scripted model answers wrong at N=0 and right once Wait is put in', async () => {
    const exp = experiment();
    const records: RunRecord[] = [];
    const runner = new ExperimentRunner(backend(), exp, tasks, new Set(), {
      onRecord: (r) => void records.push(r),
    });
    expect(await runner.run()).toBe('finished');
    expect(records).toHaveLength(exp.plan.length);
    for (const r of records) {
      expect(r.status).toBe('scored');
      expect(r.verdict.correct).toBe(r.n === 1);
      expect(r.insertions).toBe(r.n);
    }
    const inserted = records.find((r) => r.n === 1)?.parts.find((p) => p.kind === 'inserted');
    expect(inserted).toEqual({ kind: 'inserted', text: '\n\nWait' });
    const summary = summarise(records);
    const all = summary.filter((p) => p.category === 'all');
    expect(all.map((p) => [p.n, p.correct, p.scored])).toEqual([
      [0, 0, 6],
      [1, 6, 6],
    ]);
    expect(summary.map((p) => p.category)).toEqual([
      'math',
      'math',
      'ordering',
      'ordering',
      'controls',
      'controls',
      'all',
      'all',
    ]);
    expect(all[1]?.prevalence.verification).toBeGreaterThan(0);
  });

  test('pause ends the current run without recording it; a new runner resumes where it stopped', async () => {
    const exp = experiment();
    const records: RunRecord[] = [];
    let runner: ExperimentRunner;
    runner = new ExperimentRunner(backend({ delayMs: 5 }), exp, tasks, new Set(), {
      onRecord: (r) => {
        records.push(r);
        if (records.length === 3) runner.pause();
      },
    });
    expect(await runner.run()).toBe('paused');
    expect(records).toHaveLength(3);
    runner = new ExperimentRunner(backend(), exp, tasks, new Set(records.map((r) => r.key)), {
      onRecord: (r) => void records.push(r),
    });
    expect(await runner.run()).toBe('finished');
    expect(records.map((r) => r.key)).toEqual(exp.plan.map((p) => p.key));
  });

  test('a run that reaches the context window is reported as such, not as wrong', async () => {
    const exp = experiment({
      ...CONFIG,
      conditions: [0],
      sampleSize: 1,
      contextWindow: 300,
      maxTotalTokens: 4000,
    });
    const records: RunRecord[] = [];
    const runner = new ExperimentRunner(backend({ tokensPerCall: 400 }), exp, tasks, new Set(), {
      onRecord: (r) => void records.push(r),
    });
    await runner.run();
    expect(records.map((r) => r.status)).toEqual(['context', 'context', 'context']);
    expect(records[0]?.message).toContain('context window');
    const all = summarise(records).find((p) => p.category === 'all');
    expect([all?.scored, all?.context, all?.accuracy]).toEqual([0, 3, null]);
  });
});

describe('results and export', () => {
  test('Wilson intervals match the published values', () => {
    const { low, high } = wilson(8, 10);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });

  test('CSV has one row per run; JSON keeps transcripts and the summary', async () => {
    const exp = experiment({ ...CONFIG, sampleSize: 1 });
    const records: RunRecord[] = [];
    await new ExperimentRunner(backend(), exp, tasks, new Set(), {
      onRecord: (r) => void records.push(r),
    }).run();
    const csv = recordsCsv(records).trim().split('\n');
    expect(csv).toHaveLength(records.length + 1);
    expect(csv[0]).toContain('task,family,category,n,seed,status,correct');
    const json = JSON.parse(experimentJson(exp, records));
    expect(json.runs[0].parts.length).toBeGreaterThan(0);
    expect(json.summary.length).toBeGreaterThan(0);
  });

  test('the store keeps the experiment and its runs across instances', async () => {
    const exp = experiment({ ...CONFIG, sampleSize: 1 });
    const records: RunRecord[] = [];
    await new ExperimentRunner(backend(), exp, tasks, new Set(), {
      onRecord: (r) => void records.push(r),
    }).run();
    const store = new ExperimentStore();
    await store.saveExperiment(exp);
    for (const r of records) await store.saveRun(exp.id, r);
    const again = new ExperimentStore();
    expect((await again.latest())?.plan).toEqual(exp.plan);
    expect((await again.runs(exp.id)).map((r) => r.key).sort()).toEqual(
      records.map((r) => r.key).sort(),
    );
    await again.delete(exp.id);
    expect(await again.latest()).toBeNull();
    expect(await again.runs(exp.id)).toEqual([]);
  });
});
