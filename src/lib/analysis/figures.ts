import type { TranscriptRow } from '../compare/row';
import { groupStats, splitByOutcome, type GroupStats } from '../compare/stats';

export interface FiguresRequest {
  type: 'figures';
  /** Each group's rows as `packRows` packs them. */
  groups: { name: string; packed: Float64Array }[];
}

export interface Figures {
  /** Each group whole. */
  whole: GroupStats[];
  /** Each group's correct and wrong transcripts, where there are any. */
  split: GroupStats[];
}

/** Figures with bootstrap intervals for every group, whole and split by outcome. */
export function computeFigures(groups: { name: string; rows: TranscriptRow[] }[]): Figures {
  const whole = groups.map((g) => groupStats(g));
  const split = splitByOutcome(groups)
    .filter((g) => g.rows.length > 0)
    .map((g) => groupStats(g));
  return { whole, split };
}
