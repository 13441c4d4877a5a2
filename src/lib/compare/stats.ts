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
  const columns = columnsOf(rows);
  const values = measure(columns, null);
  const draws: Record<string, number[]> = Object.fromEntries(FIGURES.map((f) => [f, []]));
  const random = seededRandom(seedOf(group.name, options.seed ?? 1));
  for (let r = 0; r < resamples && rows.length > 0; r++) {
    const sample = measure(columns, random);
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

/** The rows as typed columns: resampling reads numbers, not objects. */
interface Columns {
  n: number;
  /** 1 correct, 0 wrong, -1 unknown. */
  outcome: Int8Array;
  tokens: Float64Array;
  code: Float64Array;
  errors: Float64Array;
  crucial: Float64Array;
  units: Float64Array;
  behaviour: Float64Array[];
}

function columnsOf(rows: readonly TranscriptRow[]): Columns {
  const n = rows.length;
  const c: Columns = {
    n,
    outcome: new Int8Array(n),
    tokens: new Float64Array(n),
    code: new Float64Array(n),
    errors: new Float64Array(n),
    crucial: new Float64Array(n),
    units: new Float64Array(n),
    behaviour: BEHAVIOURS.map(() => new Float64Array(n)),
  };
  rows.forEach((row, i) => {
    c.outcome[i] = row.correct === null ? -1 : row.correct ? 1 : 0;
    c.tokens[i] = row.tokens;
    c.code[i] = row.codeBlocks;
    c.errors[i] = row.errors;
    c.crucial[i] = row.crucial;
    c.units[i] = row.units;
    BEHAVIOURS.forEach((b, k) => ((c.behaviour[k] as Float64Array)[i] = row.counts[b]));
  });
  return c;
}

/**
 * The figures of the rows: all of them once (`random` null), or n rows drawn with replacement
 * (a bootstrap resample).
 */
function measure(c: Columns, random: (() => number) | null): Record<string, number | null> {
  let graded = 0;
  let correct = 0;
  let tokens = 0;
  let tokensCorrect = 0;
  let tokensWrong = 0;
  let code = 0;
  let errors = 0;
  let crucial = 0;
  let units = 0;
  const k = BEHAVIOURS.length;
  const withB = new Float64Array(k);
  const unitsB = new Float64Array(k);
  const { n } = c;
  for (let j = 0; j < n; j++) {
    const i = random ? Math.floor(random() * n) : j;
    const outcome = c.outcome[i] as number;
    const t = c.tokens[i] as number;
    if (outcome >= 0) {
      graded += 1;
      if (outcome === 1) {
        correct += 1;
        tokensCorrect += t;
      } else tokensWrong += t;
    }
    tokens += t;
    code += c.code[i] as number;
    errors += c.errors[i] as number;
    crucial += c.crucial[i] as number;
    units += c.units[i] as number;
    for (let b = 0; b < k; b++) {
      const count = (c.behaviour[b] as Float64Array)[i] as number;
      if (count > 0) withB[b] = (withB[b] as number) + 1;
      unitsB[b] = (unitsB[b] as number) + count;
    }
  }
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
  BEHAVIOURS.forEach((b, index) => {
    values[`prevalence.${b}`] = ratio(withB[index] as number, n);
    values[`unit_share.${b}`] = ratio(unitsB[index] as number, units);
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
