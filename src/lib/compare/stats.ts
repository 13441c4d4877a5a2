import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import { quantile, seededRandom, seedOf } from './random';
import type { TranscriptRow } from './row';

/** A named set of transcripts to compare (a model, a run, one outcome of either). */
export interface Group {
  name: string;
  rows: readonly TranscriptRow[];
}

/** The counts behind a group's figures. */
export interface GroupCounts {
  n: number;
  correct: number;
  wrong: number;
  /** Transcripts whose correctness is unknown (no verdict, no expected answer). */
  ungraded: number;
  tokens: number;
  codeBlocks: number;
  errors: number;
  crucial: number;
  units: number;
  /** Transcripts with at least one unit of each behaviour. */
  withBehaviour: Record<Behaviour, number>;
  /** Units carrying each behaviour. */
  behaviourUnits: Record<Behaviour, number>;
}

export interface GroupStats {
  group: string;
  counts: GroupCounts;
  /** Each figure by its name (`accuracy`, `prevalence.verification`, …); null when undefined. */
  values: Record<string, number | null>;
  /** 95% percentile bootstrap interval of each figure, resampling transcripts. */
  ci: Record<string, [number, number] | null>;
}

export interface BootstrapOptions {
  resamples?: number;
  /** Mixed with the group's name, so intervals are reproducible and differ between groups. */
  seed?: number;
  level?: number;
}

export const SCALAR_FIGURES = [
  'accuracy',
  'tokens_mean',
  'tokens_mean_correct',
  'tokens_mean_wrong',
  'code_blocks_mean',
  'errors_mean',
  'crucial_per_1k',
] as const;

/** Every figure's name, in the order tables show them. */
export const FIGURES: readonly string[] = [
  ...SCALAR_FIGURES,
  ...BEHAVIOURS.map((b) => `prevalence.${b}`),
  ...BEHAVIOURS.map((b) => `unit_share.${b}`),
];

/** A group's figures with bootstrap intervals; 1,000 resamples by default. */
export function groupStats(group: Group, options: BootstrapOptions = {}): GroupStats {
  const { rows } = group;
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const all = rows.map((_, i) => i);
  const values = measure(rows, all);
  const draws: Record<string, number[]> = Object.fromEntries(FIGURES.map((f) => [f, []]));
  const random = seededRandom(seedOf(group.name, options.seed ?? 1));
  const picked = new Array<number>(rows.length);
  for (let r = 0; r < resamples && rows.length > 0; r++) {
    for (let i = 0; i < rows.length; i++) picked[i] = Math.floor(random() * rows.length);
    const sample = measure(rows, picked);
    for (const f of FIGURES) {
      const v = sample[f];
      if (v !== null && v !== undefined) draws[f]?.push(v);
    }
  }
  const ci: Record<string, [number, number] | null> = {};
  for (const f of FIGURES) {
    const sorted = (draws[f] ?? []).sort((a, b) => a - b);
    ci[f] =
      values[f] === null || sorted.length === 0
        ? null
        : [quantile(sorted, (1 - level) / 2), quantile(sorted, 1 - (1 - level) / 2)];
  }
  return { group: group.name, counts: countsOf(rows), values, ci };
}

/** The figures of the rows at the given indices (an index may repeat: a bootstrap resample). */
function measure(
  rows: readonly TranscriptRow[],
  indices: readonly number[],
): Record<string, number | null> {
  let graded = 0;
  let correct = 0;
  let tokens = 0;
  let tokensCorrect = 0;
  let tokensWrong = 0;
  let code = 0;
  let errors = 0;
  let crucial = 0;
  let units = 0;
  const withB = BEHAVIOURS.map(() => 0);
  const unitsB = BEHAVIOURS.map(() => 0);
  for (const i of indices) {
    const row = rows[i] as TranscriptRow;
    if (row.correct !== null) {
      graded += 1;
      if (row.correct) {
        correct += 1;
        tokensCorrect += row.tokens;
      } else tokensWrong += row.tokens;
    }
    tokens += row.tokens;
    code += row.codeBlocks;
    errors += row.errors;
    crucial += row.crucial;
    units += row.units;
    BEHAVIOURS.forEach((b, k) => {
      const count = row.counts[b];
      if (count > 0) withB[k] = (withB[k] as number) + 1;
      unitsB[k] = (unitsB[k] as number) + count;
    });
  }
  const n = indices.length;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const values: Record<string, number | null> = {
    accuracy: ratio(correct, graded),
    tokens_mean: ratio(tokens, n),
    tokens_mean_correct: ratio(tokensCorrect, correct),
    tokens_mean_wrong: ratio(tokensWrong, graded - correct),
    code_blocks_mean: ratio(code, n),
    errors_mean: ratio(errors, n),
    crucial_per_1k: tokens > 0 ? (1000 * crucial) / tokens : null,
  };
  BEHAVIOURS.forEach((b, k) => {
    values[`prevalence.${b}`] = ratio(withB[k] as number, n);
    values[`unit_share.${b}`] = ratio(unitsB[k] as number, units);
  });
  return values;
}

function countsOf(rows: readonly TranscriptRow[]): GroupCounts {
  const zero = () => Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as Record<Behaviour, number>;
  const counts: GroupCounts = {
    n: rows.length,
    correct: 0,
    wrong: 0,
    ungraded: 0,
    tokens: 0,
    codeBlocks: 0,
    errors: 0,
    crucial: 0,
    units: 0,
    withBehaviour: zero(),
    behaviourUnits: zero(),
  };
  for (const row of rows) {
    if (row.correct === true) counts.correct += 1;
    else if (row.correct === false) counts.wrong += 1;
    else counts.ungraded += 1;
    counts.tokens += row.tokens;
    counts.codeBlocks += row.codeBlocks;
    counts.errors += row.errors;
    counts.crucial += row.crucial;
    counts.units += row.units;
    for (const b of BEHAVIOURS) {
      if (row.counts[b] > 0) counts.withBehaviour[b] += 1;
      counts.behaviourUnits[b] += row.counts[b];
    }
  }
  return counts;
}

/** Each group as two, `NAME/correct` and `NAME/wrong`; transcripts of unknown outcome are left out. */
export function splitByOutcome(groups: readonly Group[]): Group[] {
  return groups.flatMap((g) => [
    { name: `${g.name}/correct`, rows: g.rows.filter((r) => r.correct === true) },
    { name: `${g.name}/wrong`, rows: g.rows.filter((r) => r.correct === false) },
  ]);
}
