import { LoupeError } from '../core/errors';
import { verdictFromName } from './mathcoder';
import { recordTranscript } from './records';
import type { ImportedTranscript, ImportError, ImportResult } from './types';

export type { ImportedTranscript, ImportError, ImportResult, TranscriptFormat } from './types';

/** A file Loupe cannot read as transcripts at all; the message says why and what would work. */
export class ImportRefusedError extends LoupeError {
  constructor(message: string) {
    super('import/refused', message);
  }
}

/** One step of reading: a transcript or a skipped line, and how far into the text it ends. */
export type ImportStep =
  | { transcript: ImportedTranscript; error?: undefined; offset: number }
  | { transcript?: undefined; error: ImportError; offset: number };

const JSONL_NAME = /\.(jsonl|ndjson|json)$/i;

/**
 * Reads transcripts from a file or a paste, one step at a time (so a worker can report progress):
 * JSONL in any format `recordTranscript` knows, a whole-file Loupe JSON export, or, for a paste or
 * a `.md`/`.txt` file, one Markdown transcript. A leading byte-order mark is dropped. A malformed
 * line is reported with its number and skipped. An empty file, a binary file, a JSON array, or a
 * `.jsonl` file that is not JSONL is refused with an `ImportRefusedError`.
 */
export function* readTranscripts(content: string, name = 'pasted'): Generator<ImportStep> {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const start = text.search(/\S/);
  if (start === -1) throw new ImportRefusedError(`${name} is empty: there is no transcript in it.`);
  if (looksBinary(text))
    throw new ImportRefusedError(
      `${name} is not a text file (it has binary bytes): open a JSONL file of transcripts or a Markdown transcript.`,
    );
  const first = text[start];
  if (first === '[')
    throw new ImportRefusedError(
      `${name} is a JSON array: Loupe reads JSONL, one transcript object a line (convert it with \`jq -c '.[]'\`).`,
    );
  if (first !== '{') {
    if (JSONL_NAME.test(name))
      throw new ImportRefusedError(
        `${name} is not JSONL: its first line does not start with "{". Each line must be one JSON object.`,
      );
    yield {
      transcript: { id: name, question: null, text, expected: null, format: 'markdown' },
      offset: text.length,
    };
    return;
  }
  const whole = wholeObject(text);
  if (whole) {
    yield { transcript: recordTranscript(whole, 1, null), offset: text.length };
    return;
  }
  const verdict = verdictFromName(name);
  let lineStart = 0;
  let line = 0;
  let found = 0;
  let firstError: ImportError | null = null;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    line += 1;
    const raw = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (!raw.trim()) continue;
    const offset = Math.min(lineStart, text.length);
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      const err = { line, message: `not valid JSON (${(error as Error).message})` };
      firstError ??= err;
      yield { error: err, offset };
      continue;
    }
    try {
      yield { transcript: recordTranscript(record, line, verdict), offset };
      found += 1;
    } catch (error) {
      const err = { line, message: (error as Error).message };
      firstError ??= err;
      yield { error: err, offset };
    }
  }
  if (found === 0 && firstError)
    throw new ImportRefusedError(
      `${name} has no transcript Loupe can read: every line was skipped (line ${firstError.line}: ${firstError.message}).`,
    );
}

/** Reads every transcript at once; see `readTranscripts`. */
export function importTranscripts(content: string, name = 'pasted'): ImportResult {
  const transcripts: ImportedTranscript[] = [];
  const errors: ImportError[] = [];
  for (const step of readTranscripts(content, name)) {
    if (step.transcript) transcripts.push(step.transcript);
    else errors.push(step.error);
  }
  return { transcripts, errors };
}

/** A whole file that is one (pretty-printed) JSON object, such as Loupe's JSON export. */
function wholeObject(text: string): unknown {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0).trim();
  if (firstLine !== '{') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** NUL bytes, or many replacement characters (bytes that were not UTF-8), in the first 64 KB. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 65536);
  if (head.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad += 1;
  }
  return bad > Math.max(8, head.length * 0.01);
}
