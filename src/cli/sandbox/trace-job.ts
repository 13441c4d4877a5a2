import { tracedProgram, type TracedProgram } from '../../lib/trace/dataset';
import { DEFAULT_TRACE_LIMITS, type TraceLimits, type TraceRequest } from '../../lib/trace/types';
import type { JobStop, SandboxChild } from './child-process';
import type { TraceResult } from '../../lib/trace/types';
import { KILL_GRACE_MS, MAX_ANSWER_CHARS } from './limits';

/** Statuses a program gets only from the sandbox, beside the tracer's own. */
export type SandboxStatus = 'memory' | 'crashed' | 'output-limit';

export interface SandboxRow extends Omit<TracedProgram, 'status'> {
  status: TracedProgram['status'] | SandboxStatus;
}

export interface TraceJobOutcome {
  row: SandboxRow;
  result: TraceResult | null;
}

/** Traces one program in a sandboxed child; whatever happens, one row comes back. */
export async function traceInSandbox(
  request: TraceRequest,
  limits: Partial<TraceLimits>,
  child: () => Promise<SandboxChild>,
): Promise<TraceJobOutcome> {
  const seconds = limits.timeoutSeconds ?? DEFAULT_TRACE_LIMITS.timeoutSeconds;
  let result: TraceResult | null = null;
  const sandbox = await child();
  const stop = await sandbox.run(
    { type: 'trace', job: 0, request, limits },
    seconds * 1000 + KILL_GRACE_MS,
    (message) => {
      if (message.type === 'traced') result = message.result;
    },
  );
  if (stop || !result) return { row: stoppedRow(request, stop, seconds), result: null };
  return { row: capped(tracedProgram(request, result).row), result };
}

function stoppedRow(request: TraceRequest, stop: JobStop | null, seconds: number): SandboxRow {
  const kind = stop?.kind ?? 'crashed';
  const reason =
    kind === 'timeout'
      ? `stopped at the time limit (${seconds} s): the program did not give control back, so its interpreter was replaced`
      : kind === 'memory'
        ? `stopped: out of memory (${stop?.message}); its interpreter was replaced`
        : kind === 'output-limit'
          ? `stopped: ${stop?.message}`
          : `the interpreter crashed: ${stop?.message ?? 'no result'}; it was replaced`;
  return {
    id: request.id,
    trace: '',
    reasoning: null,
    answer: null,
    expected: request.expected ?? null,
    match: null,
    training: false,
    leftOut: kind,
    status: kind,
    reason,
  };
}

/** A row whose answer is too big to write keeps its head and says so. */
function capped(row: TracedProgram): SandboxRow {
  if (row.answer === null || row.answer.length <= MAX_ANSWER_CHARS) return row;
  const size = row.answer.length;
  return {
    ...row,
    reasoning: null,
    answer: `${row.answer.slice(0, MAX_ANSWER_CHARS)}...`,
    training: false,
    leftOut: 'output-limit',
    status: 'output-limit',
    reason: `returned a value whose repr is ${size.toLocaleString('en')} characters; a row keeps ${MAX_ANSWER_CHARS.toLocaleString('en')}`,
  };
}
