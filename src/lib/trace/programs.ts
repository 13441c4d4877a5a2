import { JsonNumber, parseJsonKeepingNumbers } from './json-numbers';
import type { TraceRequest } from './types';

/** A line of a programs file that could not be used, and why. */
export interface ProgramLineError {
  line: number;
  message: string;
}

/**
 * Reads a JSONL file of programs: CRUXEval's `{code, input, output, id}` (the call is
 * `f(<input>)`), or CodeI/O's `{refcode, ios: [{input: {kwargs}, output}]}` (one request per io,
 * calling `main_solution(**input)`). Bad lines are reported and skipped.
 */
export function parsePrograms(text: string): {
  programs: TraceRequest[];
  errors: ProgramLineError[];
} {
  const programs: TraceRequest[] = [];
  const errors: ProgramLineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = parseJsonKeepingNumbers(raw);
    } catch (error) {
      errors.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    try {
      programs.push(...programsFrom(value, line));
    } catch (error) {
      errors.push({ line, message: (error as Error).message });
    }
  });
  return { programs, errors };
}

function programsFrom(value: unknown, line: number): TraceRequest[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('expected a JSON object');
  }
  const record = value as Record<string, unknown>;
  const id =
    typeof record.id === 'string' || typeof record.id === 'number'
      ? String(record.id)
      : record.id instanceof JsonNumber
        ? record.id.text
        : `line-${line}`;
  if (typeof record.code === 'string' && typeof record.input === 'string') {
    const program: TraceRequest = { id, code: record.code, call: `f(${record.input})` };
    if (typeof record.output === 'string') program.expected = record.output;
    return [program];
  }
  const { refcode, ios } = record;
  if (typeof refcode === 'string' && Array.isArray(ios)) {
    return ios.map((io: unknown, k) => {
      const entry = io as { input?: unknown; output?: unknown };
      if (
        typeof entry?.input !== 'object' ||
        entry.input === null ||
        Array.isArray(entry.input) ||
        entry.input instanceof JsonNumber
      ) {
        throw new Error(`ios[${k}].input must be an object of keyword arguments`);
      }
      const args = Object.entries(entry.input as Record<string, unknown>)
        .map(([name, arg]) => `${name}=${pythonLiteral(arg)}`)
        .join(', ');
      const program: TraceRequest = {
        id: ios.length > 1 ? `${id}-${k}` : id,
        code: refcode,
        call: `main_solution(${args})`,
        compare: 'json',
      };
      if (entry.output !== undefined) program.expected = pythonLiteral(entry.output);
      return program;
    });
  }
  throw new Error(
    'expected CRUXEval fields {code, input, output} or CodeI/O fields {refcode, ios}',
  );
}

/** A JSON value written as the Python literal that evaluates to it (numbers as written). */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value instanceof JsonNumber) return value.text;
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return "float('nan')";
    if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "-float('inf')";
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${JSON.stringify(key)}: ${pythonLiteral(item)}`)
    .join(', ')}}`;
}
