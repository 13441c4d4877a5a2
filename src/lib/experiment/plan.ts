import type { PackLine } from '../tasks/types';
import { MAX_INSERTIONS, type Experiment, type ExperimentConfig, type PlannedRun } from './types';

/** A small seeded generator (mulberry32): the same seed draws the same sample everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` instances of each chosen family, drawn with seed 1 (all of them if there are fewer). */
export function sampleTasks(
  lines: readonly PackLine[],
  families: readonly string[],
  size: number,
): PackLine[] {
  return families.flatMap((family) => {
    const own = lines.filter((l) => l.family === family);
    const random = seededRandom(1);
    const shuffled = own.map((line) => ({ line, r: random() })).sort((a, b) => a.r - b.r);
    return shuffled.slice(0, Math.max(0, size)).map((x) => x.line);
  });
}

export class PlanError extends Error {
  override name = 'PlanError';
}

/**
 * Every run: tasks × conditions × seeds, ordered seed by seed and task by task with all conditions
 * of a task together, so a stopped experiment still compares conditions on the same tasks.
 */
export function buildPlan(config: ExperimentConfig, tasks: readonly PackLine[]): PlannedRun[] {
  if (tasks.length === 0) throw new PlanError('Choose at least one family with tasks in it.');
  const conditions = [...new Set(config.conditions)].sort((a, b) => a - b);
  if (conditions.length === 0) throw new PlanError('Choose at least one number of insertions (N).');
  if (conditions.some((n) => !Number.isInteger(n) || n < 0 || n > MAX_INSERTIONS))
    throw new PlanError(`N must be a whole number from 0 to ${MAX_INSERTIONS}.`);
  const seeds = [...new Set(config.seeds)];
  if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s)))
    throw new PlanError('Give at least one seed, as whole numbers.');
  if (conditions.some((n) => n > 0) && !config.token.trim())
    throw new PlanError('Give the text to insert (Wait, Let, Check or your own).');
  return seeds.flatMap((seed) =>
    tasks.flatMap((task) =>
      conditions.map((n) => ({
        key: `${task.id}|N=${n}|seed=${seed}`,
        taskId: task.id,
        family: task.family,
        category: task.category,
        n,
        seed,
      })),
    ),
  );
}

/** How many runs a choice makes: tasks × distinct conditions × distinct seeds. */
export function runCount(
  tasks: number,
  config: Pick<ExperimentConfig, 'conditions' | 'seeds'>,
): number {
  return tasks * new Set(config.conditions).size * new Set(config.seeds).size;
}

export function newExperiment(
  config: ExperimentConfig,
  plan: PlannedRun[],
  model: string,
): Experiment {
  const now = new Date();
  return {
    id: `exp-${now.getTime().toString(36)}`,
    createdAt: now.toISOString(),
    model,
    config,
    plan,
    status: 'running',
  };
}
