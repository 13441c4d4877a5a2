import { BEHAVIOURS } from '../tagger/labels';
import type { TranscriptRow } from './row';

/** Numbers per row: outcome, tokens, code blocks, errors, crucial, units, then each behaviour. */
const WIDTH = 6 + BEHAVIOURS.length;

/**
 * Rows as one array of numbers, without their ids, for the figures worker: 100,000 row objects
 * take the page a third of a second to clone into a message; their numbers are one copy.
 */
export function packRows(rows: readonly TranscriptRow[]): Float64Array {
  const packed = new Float64Array(rows.length * WIDTH);
  for (let i = 0, at = 0; i < rows.length; i++, at += WIDTH) {
    const row = rows[i]!;
    packed[at] = row.correct === null ? -1 : row.correct ? 1 : 0;
    packed[at + 1] = row.tokens;
    packed[at + 2] = row.codeBlocks;
    packed[at + 3] = row.errors;
    packed[at + 4] = row.crucial;
    packed[at + 5] = row.units;
    for (let k = 0; k < BEHAVIOURS.length; k++) packed[at + 6 + k] = row.counts[BEHAVIOURS[k]!];
  }
  return packed;
}

/** The rows back from `packRows`, numbered for ids (figures never read them). */
export function unpackRows(packed: Float64Array): TranscriptRow[] {
  const rows: TranscriptRow[] = [];
  for (let at = 0; at < packed.length; at += WIDTH) {
    const outcome = packed[at]!;
    rows.push({
      id: String(at / WIDTH),
      correct: outcome < 0 ? null : outcome === 1,
      tokens: packed[at + 1]!,
      codeBlocks: packed[at + 2]!,
      errors: packed[at + 3]!,
      crucial: packed[at + 4]!,
      units: packed[at + 5]!,
      counts: Object.fromEntries(
        BEHAVIOURS.map((b, k) => [b, packed[at + 6 + k]!]),
      ) as TranscriptRow['counts'],
    });
  }
  return rows;
}
