import { isLoupeExport, loupeExportTranscript } from './loupe-export';
import { isMathCoder, mathcoderTranscript } from './mathcoder';
import type { ImportedTranscript } from './types';

/**
 * One parsed JSON line as a transcript, whatever the format: MathCoder result lines, Loupe's JSON
 * export, ToRA's `{question, transcript|code, gt}`, the labelled set's `{id, text, units}` and
 * `{id, text}`. Throws an Error whose message explains what the line lacks.
 */
export function recordTranscript(
  record: unknown,
  line: number,
  fileVerdict: boolean | null,
): ImportedTranscript {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw new Error(`expected a JSON object, found ${describe(record)}`);
  const r = record as Record<string, unknown>;
  if (isMathCoder(r)) return mathcoderTranscript(r, String(line), fileVerdict);
  if (isLoupeExport(r)) return loupeExportTranscript(r, `line ${line}`);
  // ToRA's released outputs keep the transcript in `code`, a list with one string per sample.
  const code = Array.isArray(r.code) ? r.code[0] : r.code;
  const text = [r.text, r.transcript, code].find((v) => typeof v === 'string') as
    string | undefined;
  if (text === undefined)
    throw new Error('no "text", "transcript", "code" or "debug_result" field with the transcript');
  if (!text.trim()) throw new Error('the transcript text is empty');
  const expected = r.gt ?? r.expected ?? r.answer;
  const format =
    typeof r.text === 'string' ? (Array.isArray(r.units) ? 'labelled' : 'plain') : 'tora';
  return {
    id: String(r.id ?? r.idx ?? line),
    question: typeof r.question === 'string' ? r.question : null,
    text,
    expected:
      typeof expected === 'string' || typeof expected === 'number' ? String(expected) : null,
    format,
  };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
