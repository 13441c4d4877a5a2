import type { ImportedTranscript } from './types';

/** Whether a parsed object is one of Loupe's own JSON exports (`{engine, question, parts, result}`). */
export function isLoupeExport(record: Record<string, unknown>): boolean {
  return Array.isArray(record.parts) && 'engine' in record;
}

/**
 * A run exported by Loupe as JSON, back as a transcript: the assistant's turn as the model read it
 * (its text, inserted text, and each run's spliced output), with the run's answer and verdict.
 */
export function loupeExportTranscript(
  record: Record<string, unknown>,
  fallbackId: string,
): ImportedTranscript {
  const parts = record.parts as unknown[];
  const text = parts
    .map((part, index) => {
      const p = part as { kind?: unknown; text?: unknown; spliced?: unknown } | null;
      if (p?.kind === 'run' && typeof p.spliced === 'string') return p.spliced;
      if ((p?.kind === 'model' || p?.kind === 'inserted') && typeof p.text === 'string')
        return p.text;
      throw new Error(`part ${index + 1} is not a model, inserted or run part`);
    })
    .join('');
  if (!text.trim()) throw new Error('the exported run has no text');
  const result = (record.result ?? null) as { answer?: unknown; correct?: unknown } | null;
  const engine = typeof record.engine === 'string' ? record.engine : fallbackId;
  return {
    id: typeof record.id === 'string' ? record.id : `${engine} (${fallbackId})`,
    question: typeof record.question === 'string' ? record.question : null,
    text,
    expected: null,
    format: 'loupe-export',
    answer: typeof result?.answer === 'string' ? result.answer : null,
    verdict: typeof result?.correct === 'boolean' ? result.correct : null,
  };
}
