import { parsePrograms } from '../lib/trace/programs';
import { DEFAULT_TRACE_LIMITS, type TraceLimits } from '../lib/trace/types';
import { lineErrorMessages, terminalSafe } from './input';
import { integerOption, positiveOption, shardOption } from './options';
import { Progress } from './progress';
import { readJsonlInput } from './read-input';
import { DEFAULT_MEMORY_MB, defaultJobs, sandboxOptions } from './sandbox/limits';
import { SandboxPool } from './sandbox/pool';
import { traceInSandbox, type SandboxRow } from './sandbox/trace-job';
import { UsageError } from './usage';

export const TRACE_USAGE = `loupe trace FILE.jsonl [--max-events N] [--timeout SECONDS] [--max-repr N]
                       [--jobs N] [--shard I/N] [--memory MB]

Traces every program of FILE (- for standard input; CRUXEval {code, input, output, id} or
CodeI/O {refcode, ios}) in sandboxed Pyodide processes and writes one JSON line per program to
standard output, in input order:
  {id, trace, reasoning, answer, expected, match, status}
status is ok, raised, truncated, timeout, invalid, memory, crashed or output-limit.
--timeout is each program's wall-clock limit (default ${DEFAULT_TRACE_LIMITS.timeoutSeconds} s); --jobs the number of processes
(default: one per core); --shard I/N traces only the I-th of N equal consecutive parts of the
file; --memory caps each process (default ${DEFAULT_MEMORY_MB} MB). Progress and a report go to standard error.`;

interface TraceArgs {
  file: string;
  limits: Partial<TraceLimits>;
  jobs: number;
  shard: { index: number; count: number } | null;
  memoryMB: number;
}

export async function traceCommand(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const options = parseArgs(args);
  const { name, text } = await readJsonlInput(options.file);
  const { programs: all, errors } = parsePrograms(text);
  for (const line of lineErrorMessages(name, errors)) err.write(`${line}\n`);
  const programs = options.shard ? shardOf(all, options.shard) : all;
  if (options.shard) {
    err.write(
      `Shard ${options.shard.index}/${options.shard.count}: ${programs.length} of ${all.length} programs.\n`,
    );
  }
  const counts = new Map<SandboxRow['status'] | 'matched' | 'mismatched', number>();
  const count = (key: Parameters<typeof counts.get>[0]) =>
    counts.set(key, (counts.get(key) ?? 0) + 1);
  const pool = new SandboxPool(
    Math.min(options.jobs, Math.max(1, programs.length)),
    sandboxOptions('trace', options.memoryMB),
  );
  const progress = new Progress(programs.length, 'programs', (line) => err.write(line));
  const started = performance.now();
  let traced = 0;
  try {
    await pool.map(
      programs,
      (program, child) => traceInSandbox(program, options.limits, child),
      ({ row }) => {
        out.write(`${JSON.stringify(row)}\n`);
        traced += 1;
        count(row.status);
        if (row.status === 'ok' && row.match === true) count('matched');
        if (row.status === 'ok' && row.match === false) count('mismatched');
        if (row.reason)
          err.write(`${terminalSafe(row.id)}: ${terminalSafe(row.reason.slice(0, 500))}\n`);
        progress.tick();
      },
    );
  } catch (error) {
    err.write(
      `loupe: tracing stopped after ${traced} of ${programs.length} programs: ${terminalSafe((error as Error).message)}\n`,
    );
    return 1;
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const n = (key: Parameters<typeof counts.get>[0]) => counts.get(key) ?? 0;
  err.write(
    `Traced ${traced} programs in ${seconds.toFixed(1)} s: ${n('matched')} matched the expected output, ` +
      `${n('mismatched')} did not, ${n('raised')} raised, ${n('truncated')} hit the step limit, ` +
      `${n('timeout')} hit the time limit, ${n('invalid')} could not be defined, ` +
      `${n('memory')} ran out of memory, ${n('crashed')} crashed the interpreter, ` +
      `${n('output-limit')} gave too much output; ${errors.length} bad lines skipped.\n`,
  );
  return traced === programs.length ? 0 : 1;
}

/** The I-th of N consecutive, nearly equal parts: concatenating the shards' outputs in order gives the whole. */
export function shardOf<T>(items: readonly T[], shard: { index: number; count: number }): T[] {
  const start = Math.floor(((shard.index - 1) * items.length) / shard.count);
  const end = Math.floor((shard.index * items.length) / shard.count);
  return items.slice(start, end);
}

function parseArgs(args: string[]): TraceArgs {
  const limits: Partial<TraceLimits> = {};
  const parsed: TraceArgs = {
    file: '',
    limits,
    jobs: defaultJobs(),
    shard: null,
    memoryMB: DEFAULT_MEMORY_MB,
  };
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--max-events') limits.maxEvents = integerOption(arg, args[++i]);
    else if (arg === '--timeout') limits.timeoutSeconds = positiveOption(arg, args[++i]);
    else if (arg === '--max-repr') limits.maxRepr = integerOption(arg, args[++i], 10);
    else if (arg === '--jobs') parsed.jobs = integerOption(arg, args[++i]);
    else if (arg === '--shard') parsed.shard = shardOption(args[++i]);
    else if (arg === '--memory') parsed.memoryMB = integerOption(arg, args[++i], 256);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!file) throw new UsageError('give the JSONL file to trace (or - for standard input)');
  parsed.file = file;
  return parsed;
}
