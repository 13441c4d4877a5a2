import { readFile } from 'node:fs/promises';
import { loadPyodide } from 'pyodide';
import { tracedProgram } from '../lib/trace/dataset';
import { parsePrograms } from '../lib/trace/programs';
import { TraceRunner } from '../lib/trace/runner';
import type { TraceLimits } from '../lib/trace/types';
import { UsageError } from './usage';

export const TRACE_USAGE = `loupe trace FILE.jsonl [--max-events N] [--timeout SECONDS] [--max-repr N]

Traces every program of FILE (CRUXEval {code, input, output, id} or CodeI/O {refcode, ios})
in Pyodide and writes one JSON line per program to standard output:
  {id, trace, reasoning, answer, expected, match, status}
Progress and a report go to standard error.`;

export async function traceCommand(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const { file, limits } = parseArgs(args);
  const text = await readFile(file, 'utf8');
  const { programs, errors } = parsePrograms(text);
  for (const error of errors) err.write(`${file}:${error.line}: skipped: ${error.message}\n`);
  const runner = new TraceRunner(await loadPyodide());
  const counts = {
    traced: 0,
    matched: 0,
    mismatched: 0,
    raised: 0,
    truncated: 0,
    timeout: 0,
    invalid: 0,
  };
  const started = performance.now();
  for (const [index, program] of programs.entries()) {
    const result = runner.trace(program, limits);
    const { row } = tracedProgram(program, result);
    out.write(`${JSON.stringify(row)}\n`);
    counts.traced += 1;
    if (result.status === 'ok') {
      if (result.match === true) counts.matched += 1;
      if (result.match === false) counts.mismatched += 1;
    } else counts[result.status] += 1;
    if (row.reason && result.status !== 'ok') err.write(`${program.id}: ${row.reason}\n`);
    if (result.match === false) err.write(`${program.id}: ${row.reason}: ${program.expected}\n`);
    if ((index + 1) % 50 === 0) err.write(`… ${index + 1}/${programs.length}\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  err.write(
    `Traced ${counts.traced} programs in ${seconds.toFixed(1)} s: ${counts.matched} matched the expected output, ` +
      `${counts.mismatched} did not, ${counts.raised} raised, ${counts.truncated} hit the step limit, ` +
      `${counts.timeout} hit the time limit, ${counts.invalid} could not be defined; ${errors.length} bad lines skipped.\n`,
  );
  return 0;
}

function parseArgs(args: string[]): { file: string; limits: Partial<TraceLimits> } {
  const limits: Partial<TraceLimits> = {};
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const number = (name: string) => {
      const value = Number(args[++i]);
      if (!Number.isFinite(value) || value <= 0)
        throw new UsageError(`${name} needs a positive number`);
      return value;
    };
    if (arg === '--max-events') limits.maxEvents = Math.floor(number(arg));
    else if (arg === '--timeout') limits.timeoutSeconds = number(arg);
    else if (arg === '--max-repr') limits.maxRepr = Math.floor(number(arg));
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!file) throw new UsageError('give the JSONL file to trace');
  return { file, limits };
}
