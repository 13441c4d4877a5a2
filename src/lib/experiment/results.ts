import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import { CATEGORIES, type Category } from '../tasks/types';
import type { RunRecord } from './types';

/** Wilson score interval for k successes in n trials (95% with z = 1.96). */
export function wilson(k: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** One point of the results: a category (or all) at one N. */
export interface ResultPoint {
  category: Category | 'all';
  n: number;
  /** Runs with a verdict that counts (context-window and engine failures excluded). */
  scored: number;
  correct: number;
  accuracy: number | null;
  low: number | null;
  high: number | null;
  context: number;
  errors: number;
  meanTokens: number | null;
  meanRounds: number | null;
  meanInsertions: number | null;
  /** Share of tagged units showing each behaviour. */
  prevalence: Record<Behaviour, number | null>;
  /** The runs behind the point, to open their transcripts. */
  keys: string[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function point(category: Category | 'all', n: number, records: RunRecord[]): ResultPoint {
  const scored = records.filter((r) => r.status === 'scored');
  const correct = scored.filter((r) => r.verdict.correct).length;
  const interval = scored.length ? wilson(correct, scored.length) : null;
  const units = scored.reduce((sum, r) => sum + r.units, 0);
  const prevalence = Object.fromEntries(
    BEHAVIOURS.map((b) => [
      b,
      units ? scored.reduce((sum, r) => sum + r.counts[b], 0) / units : null,
    ]),
  ) as Record<Behaviour, number | null>;
  return {
    category,
    n,
    scored: scored.length,
    correct,
    accuracy: scored.length ? correct / scored.length : null,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    context: records.filter((r) => r.status === 'context').length,
    errors: records.filter((r) => r.status === 'error').length,
    meanTokens: mean(scored.map((r) => r.completionTokens)),
    meanRounds: mean(scored.map((r) => r.rounds)),
    meanInsertions: mean(scored.map((r) => r.insertions)),
    prevalence,
    keys: records.map((r) => r.key),
  };
}

/** Accuracy, tokens, rounds and prevalence against N, per category present and over all. */
export function summarise(records: readonly RunRecord[]): ResultPoint[] {
  const ns = [...new Set(records.map((r) => r.n))].sort((a, b) => a - b);
  const categories = CATEGORIES.filter((c) => records.some((r) => r.category === c));
  const points: ResultPoint[] = [];
  for (const category of [...categories, 'all' as const])
    for (const n of ns) {
      const group = records.filter(
        (r) => r.n === n && (category === 'all' || r.category === category),
      );
      if (group.length) points.push(point(category, n, group));
    }
  return points;
}
