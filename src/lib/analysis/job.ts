import { transcriptRow, type TranscriptRow } from '../compare/row';
import { readTranscripts } from '../transcript/import';
import type { ImportError } from '../transcript/types';
import type { TaggedUnit } from '../tagger/tagger';
import { analyseTranscript, type AnalysedTranscript } from './analyse';

/** `rows`: counts only (Compare); `full`: every transcript with its text and tags (Analyse). */
export type AnalysisMode = 'rows' | 'full';

export interface AnalysisOptions {
  mode: AnalysisMode;
  crucialTokens?: readonly string[];
  /** Transcripts per batch handed back; small batches keep each message (and render) short. */
  batchSize?: number;
}

export interface AnalysisProgress {
  phase: 'reading' | 'tagging' | 'done';
  /** Characters of the text read so far, of `total`. */
  done: number;
  total: number;
  transcripts: number;
  skipped: number;
}

export interface AnalysisBatch {
  rows: TranscriptRow[];
  items: AnalysedTranscript[];
  errors: ImportError[];
  /**
   * A transcript too long for one message (a 5 MB line): `items` holds it with its first units,
   * and `unitsTotal` says how many it has; the batches after carry the rest in `moreUnits`.
   * Each message stays small enough to be read on the page without a long stall.
   */
  unitsTotal?: number;
  moreUnits?: TaggedUnit[];
}

/** Units of one transcript per message at most. */
export const UNITS_PER_MESSAGE = 1500;

export interface AnalysisSummary {
  transcripts: number;
  skipped: number;
}

/**
 * Imports and tags a file's text, handing back results in batches and reporting progress at most
 * every `intervalMs`. Pure: runs the same in the analysis worker, in Node and in tests.
 */
export function runAnalysis(
  text: string,
  name: string,
  options: AnalysisOptions,
  onProgress: (progress: AnalysisProgress) => void,
  onBatch: (batch: AnalysisBatch) => void,
  now: () => number = Date.now,
  intervalMs = 100,
): AnalysisSummary {
  const size = options.batchSize ?? (options.mode === 'full' ? 100 : 500);
  let batch: AnalysisBatch = { rows: [], items: [], errors: [] };
  let transcripts = 0;
  let skipped = 0;
  let last = now();
  const flush = () => {
    if (batch.items.length || batch.rows.length || batch.errors.length) onBatch(batch);
    batch = { rows: [], items: [], errors: [] };
  };
  for (const step of readTranscripts(text, name)) {
    if (step.error) {
      batch.errors.push(step.error);
      skipped += 1;
    } else {
      const item = analyseTranscript(step.transcript, options.crucialTokens);
      if (options.mode === 'full' && item.tags.units.length > UNITS_PER_MESSAGE) {
        flush();
        sendInParts(item, onBatch);
      } else if (options.mode === 'full') batch.items.push(item);
      else batch.rows.push(transcriptRow(item));
      transcripts += 1;
    }
    if (batch.items.length + batch.rows.length >= size) flush();
    const t = now();
    if (t - last >= intervalMs) {
      last = t;
      onProgress({ phase: 'tagging', done: step.offset, total: text.length, transcripts, skipped });
    }
  }
  flush();
  onProgress({ phase: 'done', done: text.length, total: text.length, transcripts, skipped });
  return { transcripts, skipped };
}

function sendInParts(item: AnalysedTranscript, onBatch: (batch: AnalysisBatch) => void): void {
  const units = item.tags.units;
  onBatch({
    rows: [],
    items: [{ ...item, tags: { ...item.tags, units: units.slice(0, UNITS_PER_MESSAGE) } }],
    errors: [],
    unitsTotal: units.length,
  });
  for (let at = UNITS_PER_MESSAGE; at < units.length; at += UNITS_PER_MESSAGE)
    onBatch({
      rows: [],
      items: [],
      errors: [],
      moreUnits: units.slice(at, at + UNITS_PER_MESSAGE),
    });
}
