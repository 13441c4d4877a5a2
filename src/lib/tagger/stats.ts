import { estimateTokens } from '../core/tokens';
import { BEHAVIOURS, type Behaviour } from './labels';
import type { TagResult } from './tagger';

export interface TranscriptStats {
  units: number;
  counts: Record<Behaviour, number>;
  /** Share of units (sentences and code blocks) carrying each behaviour. */
  prevalence: Record<Behaviour, number>;
  tokens: number;
  crucialPer1k: number;
  /** Code blocks, one per interpreter round. */
  rounds: number;
  tokensPerRound: number;
  /** Share of sentences that closely repeat an earlier one: a sign of overthinking. */
  repetition: number;
}

/** Counts and ratios of one tagged transcript (tokens are estimated, see estimateTokens). */
export function transcriptStats(text: string, result: TagResult): TranscriptStats {
  const units = result.units.filter((u) => u.kind !== 'output');
  const tokens = estimateTokens(text);
  const rounds = units.filter((u) => u.kind === 'code').length;
  const prevalence = Object.fromEntries(
    BEHAVIOURS.map((b) => [b, units.length ? result.counts[b] / units.length : 0]),
  ) as Record<Behaviour, number>;
  const sentences = units.filter((u) => u.kind === 'text').map((u) => text.slice(u.start, u.end));
  return {
    units: units.length,
    counts: result.counts,
    prevalence,
    tokens,
    crucialPer1k: tokens ? (1000 * result.crucial.length) / tokens : 0,
    rounds,
    tokensPerRound: tokens / Math.max(rounds, 1),
    repetition: repetitionRatio(sentences),
  };
}

/** Earlier sentences remembered per word pair: bounds the work per sentence on any text. */
const RECENT_PER_PAIR = 32;

/**
 * Share of sentences whose word pairs overlap an earlier sentence's by 80% or more. An index from
 * each word pair to the most recent sentences holding it keeps this linear even on a text that
 * repeats one sentence thousands of times (a model in a loop); a sentence seen word for word
 * before counts at once.
 */
export function repetitionRatio(sentences: readonly string[]): number {
  const sizes: number[] = [];
  const index = new Map<string, number[]>();
  const seen = new Set<string>();
  let repeated = 0;
  sentences.forEach((sentence, id) => {
    const words = sentence.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const pairs = new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
    const key = words.join(' ');
    if (pairs.size >= 3 && (seen.has(key) || overlapsEarlier(pairs, index, sizes))) repeated += 1;
    seen.add(key);
    sizes.push(pairs.size);
    for (const pair of pairs) {
      const list = index.get(pair);
      if (!list) index.set(pair, [id]);
      else {
        list.push(id);
        if (list.length > RECENT_PER_PAIR) list.shift();
      }
    }
  });
  return sentences.length ? repeated / sentences.length : 0;
}

function overlapsEarlier(
  pairs: Set<string>,
  index: Map<string, number[]>,
  sizes: readonly number[],
): boolean {
  const shared = new Map<number, number>();
  for (const pair of pairs)
    for (const earlier of index.get(pair) ?? []) shared.set(earlier, (shared.get(earlier) ?? 0) + 1);
  for (const [earlier, count] of shared)
    if (count / Math.max(pairs.size, sizes[earlier] ?? 0) >= 0.8) return true;
  return false;
}

/** A CSV of per-transcript counts, prevalence and correctness, for a spreadsheet. */
export function summaryCsv(
  rows: readonly { id: string; stats: TranscriptStats; correct: boolean | null }[],
): string {
  const header = [
    'id',
    'units',
    ...BEHAVIOURS.map((b) => `${b}_count`),
    ...BEHAVIOURS.map((b) => `${b}_prevalence`),
    'crucial_per_1k_tokens',
    'rounds',
    'repetition',
    'correct',
  ];
  const lines = rows.map(({ id, stats, correct }) =>
    [
      csvField(id),
      stats.units,
      ...BEHAVIOURS.map((b) => stats.counts[b]),
      ...BEHAVIOURS.map((b) => stats.prevalence[b].toFixed(4)),
      stats.crucialPer1k.toFixed(2),
      stats.rounds,
      stats.repetition.toFixed(4),
      correct === null ? '' : String(correct),
    ].join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
