import type { AnalysedTranscript } from '../analysis/analyse';
import { BEHAVIOURS, type Behaviour } from '../tagger/labels';

/** What Compare keeps of one tagged transcript: counts only, no text. */
export interface TranscriptRow {
  id: string;
  correct: boolean | null;
  /** Estimated tokens of the whole transcript, interpreter outputs included (see estimateTokens). */
  tokens: number;
  codeBlocks: number;
  /** Interpreter outputs that report an error (a traceback, or a line `NameError: …`). */
  errors: number;
  crucial: number;
  /** Sentences and code blocks (outputs are not units). */
  units: number;
  counts: Record<Behaviour, number>;
}

const ERROR_OUTPUT = /Traceback \(most recent call last\)|^\s*\w*(?:Error|Exception)\b:/m;

export function transcriptRow(item: AnalysedTranscript): TranscriptRow {
  const outputs = item.tags.units.filter((u) => u.kind === 'output');
  return {
    id: item.id,
    correct: item.correct,
    tokens: item.stats.tokens,
    codeBlocks: item.stats.rounds,
    errors: outputs.filter((u) => ERROR_OUTPUT.test(item.text.slice(u.start, u.end))).length,
    crucial: item.tags.crucial.length,
    units: item.stats.units,
    counts: Object.fromEntries(BEHAVIOURS.map((b) => [b, item.tags.counts[b]])) as Record<
      Behaviour,
      number
    >,
  };
}

/** Whether an interpreter output reports an error. */
export function isErrorOutput(output: string): boolean {
  return ERROR_OUTPUT.test(output);
}
