import { LoupeError } from '../core/errors';
import type { LoopResult, Part } from '../loop/loop';
import { importTranscripts } from '../transcript/import';
import {
  RECORD_KINDS,
  type LibraryRecord,
  type NewRecord,
  type RecordKind,
  type RunData,
} from './records';

/** The one-file export of a whole Library: `{"format": "loupe-library", "version": 1, …}`. */
export const LIBRARY_FORMAT = 'loupe-library';
export const LIBRARY_VERSION = 1;

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  version: number;
  exportedAt: string;
  records: LibraryRecord[];
}

export function exportLibrary(records: readonly LibraryRecord[], now: Date): string {
  const file: LibraryFile = {
    format: LIBRARY_FORMAT,
    version: LIBRARY_VERSION,
    exportedAt: now.toISOString(),
    records: [...records],
  };
  return JSON.stringify(file);
}

export type ParsedFile =
  | { kind: 'library'; records: LibraryRecord[]; skipped: string[] }
  | { kind: 'record'; record: NewRecord };

/**
 * Reads a file dropped on Loupe or chosen in the Library: a Library export, one run exported
 * from the Playground as JSON, or a JSONL file of transcripts (kept as an analysed file).
 */
export function parseLoupeFile(name: string, text: string): ParsedFile {
  const trimmed = text.trim();
  if (!trimmed) throw badFile(name, 'it is empty');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    json = undefined;
  }
  if (isObject(json) && json.format === LIBRARY_FORMAT) return libraryFile(name, json);
  if (isObject(json) && 'parts' in json) return { kind: 'record', record: runExport(name, json) };
  const { transcripts, errors } = importTranscripts(text, name);
  if (transcripts.length > 0) {
    return {
      kind: 'record',
      record: {
        kind: 'analysis',
        id: analysisId(name, text),
        title: name,
        summary: `${transcripts.length} transcript${transcripts.length === 1 ? '' : 's'}${errors.length ? `, ${errors.length} line${errors.length === 1 ? '' : 's'} skipped` : ''}`,
        searchText: transcripts
          .map((t) => t.question ?? '')
          .join('\n')
          .slice(0, 4000),
        data: { name, content: text },
      },
    };
  }
  const first = errors[0];
  throw badFile(
    name,
    first
      ? `line ${first.line}: ${first.message}`
      : 'it is neither a Library export, a run exported as JSON, nor transcripts',
  );
}

/** A run as the Library keeps it, from the loop's output. */
export function runRecord(run: RunData, source = ''): NewRecord<'run'> {
  const result = run.result;
  const verdict = !result
    ? 'no result'
    : `${result.reason}${result.answer !== null ? ` · answer ${result.answer}` : ''}${result.correct === null ? '' : result.correct ? ' (correct)' : ' (wrong)'}`;
  const question = run.question.replace(/\s+/g, ' ').trim();
  return {
    kind: 'run',
    title: question.length > 90 ? `${question.slice(0, 89)}…` : question || 'A run',
    summary: `${run.engine} · ${verdict}${source ? ` · from ${source}` : ''}`,
    searchText: `${run.question}\n${run.engine}\n${result?.answer ?? ''}`,
    data: run,
  };
}

/** Loupe's own single-run JSON export (src/lib/loop/export.ts): `{engine, question, parts, result}`. */
function runExport(name: string, json: Record<string, unknown>): NewRecord<'run'> {
  const { engine, question, parts, result } = json;
  if (typeof engine !== 'string' || typeof question !== 'string')
    throw badFile(name, 'a run export needs "engine" and "question" strings');
  if (!Array.isArray(parts) || !parts.every(isPart))
    throw badFile(name, '"parts" must be a list of model, inserted and run parts');
  if (result !== null && !(isObject(result) && typeof result.reason === 'string'))
    throw badFile(name, '"result" must be null or the loop\'s result');
  const expected = typeof json.expected === 'string' ? json.expected : null;
  return runRecord(
    {
      engine,
      question,
      expected,
      parts: parts as Part[],
      result: (result as LoopResult | null) ?? null,
      settings: isObject(json.settings) ? json.settings : {},
      counts: null,
    },
    name,
  );
}

function libraryFile(name: string, json: Record<string, unknown>): ParsedFile {
  if (typeof json.version !== 'number' || json.version > LIBRARY_VERSION)
    throw badFile(
      name,
      `it is a Library export of version ${String(json.version)}, newer than this Loupe (${LIBRARY_VERSION}): update Loupe, then import it`,
    );
  if (!Array.isArray(json.records)) throw badFile(name, '"records" must be a list');
  const records: LibraryRecord[] = [];
  const skipped: string[] = [];
  json.records.forEach((record: unknown, index) => {
    const problem = recordProblem(record);
    if (problem) skipped.push(`record ${index + 1}: ${problem}`);
    else records.push(record as LibraryRecord);
  });
  return { kind: 'library', records, skipped };
}

function recordProblem(record: unknown): string | null {
  if (!isObject(record)) return 'not an object';
  if (typeof record.id !== 'string' || !record.id) return 'no "id"';
  if (!RECORD_KINDS.includes(record.kind as RecordKind))
    return `unknown kind "${String(record.kind)}"`;
  if (typeof record.title !== 'string') return 'no "title"';
  if (typeof record.createdAt !== 'number' || typeof record.updatedAt !== 'number')
    return 'no dates';
  if (!('data' in record)) return 'no "data"';
  if (typeof record.bytes !== 'number') record.bytes = JSON.stringify(record.data ?? null).length;
  if (typeof record.summary !== 'string') record.summary = '';
  if (typeof record.searchText !== 'string') record.searchText = '';
  return null;
}

function isPart(part: unknown): boolean {
  if (!isObject(part)) return false;
  if (part.kind === 'model' || part.kind === 'inserted') return typeof part.text === 'string';
  return part.kind === 'run' && typeof part.code === 'string' && typeof part.spliced === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badFile(name: string, why: string): LoupeError {
  return new LoupeError(
    'library/bad-file',
    `${name} cannot be opened: ${why}. Nothing was changed.`,
  );
}

/** The assistant's turn as one text: what the model wrote, what Loupe inserted, the outputs. */
export function runText(parts: readonly Part[]): string {
  return parts.map((part) => (part.kind === 'run' ? part.spliced : part.text)).join('');
}

/** A run as a file to share: the Playground's JSON export, with its settings and expected answer. */
export function runFile(run: RunData): string {
  const { engine, question, parts, result, expected, settings } = run;
  return JSON.stringify({ engine, question, parts, result, expected, settings }, null, 2);
}

/** A file of transcripts opened in Analyse, as the Library keeps it (once: its id is its contents). */
export function analysisRecord(
  name: string,
  content: string,
  count: number,
  skipped: number,
): NewRecord<'analysis'> {
  return {
    kind: 'analysis',
    id: analysisId(name, content),
    title: name,
    summary: `${count} transcript${count === 1 ? '' : 's'}${skipped ? `, ${skipped} line${skipped === 1 ? '' : 's'} skipped` : ''}`,
    searchText: name,
    data: { name, content },
  };
}

/** The same file opened twice is one record: its id comes from its name and contents (FNV-1a). */
export function analysisId(name: string, content: string): string {
  let hash = 0x811c9dc5;
  const text = `${name}\0${content}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `analysis-${hash.toString(36)}-${content.length.toString(36)}`;
}
