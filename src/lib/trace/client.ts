import { wrap, type Remote } from 'comlink';
import { LoupeError, messageOf } from '../core/errors';
import { tracedProgram } from './dataset';
import type { TraceOutcome, TraceWorkerApi } from './worker-api';
import {
  DEFAULT_TRACE_LIMITS,
  type TraceLimits,
  type TraceRequest,
  type TraceResult,
} from './types';

interface Connection {
  worker: Worker;
  remote: Remote<TraceWorkerApi>;
  ready: Promise<void>;
}

/**
 * Extra time the worker gets beyond a program's own time limit before it is replaced. Python
 * stops itself at the limit between lines; this catches a program stuck inside one long call.
 */
const WATCHDOG_GRACE_MS = 1500;

/**
 * The page's handle on the trace worker. Traces one program at a time; a program that hangs
 * where Python cannot check the clock (inside a C call) is ended by replacing the worker.
 */
export class TraceClient {
  readonly #indexURL: string;
  #connection: Connection | null = null;

  constructor(indexURL: string) {
    this.#indexURL = indexURL;
  }

  start(): Promise<void> {
    this.#connection ??= this.#connect();
    return this.#connection.ready;
  }

  async trace(
    request: TraceRequest,
    limits: Partial<TraceLimits> = {},
    signal?: AbortSignal,
  ): Promise<TraceOutcome> {
    await this.start();
    const connection = this.#connection;
    if (!connection) throw new LoupeError('python/not-started', 'The tracer has not started.');
    const budget =
      (limits.timeoutSeconds ?? DEFAULT_TRACE_LIMITS.timeoutSeconds) * 1000 + WATCHDOG_GRACE_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort = () => {};
    const stopped = new Promise<'timeout' | 'cancelled'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), budget);
      onAbort = () => resolve('cancelled');
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const outcome = await Promise.race([
        connection.remote.trace(request, limits).catch((error: unknown) => {
          // The worker's Python died under this program (a fatal error, memory): start afresh.
          this.restart();
          return failedOutcome(request, 'raised', {
            type: 'PythonCrashed',
            message: `Python stopped while running it (${messageOf(error)}); a new tracer was started`,
          });
        }),
        stopped,
      ]);
      if (typeof outcome !== 'string') return outcome;
      this.restart();
      if (outcome === 'cancelled') throw new DOMException('Tracing was cancelled.', 'AbortError');
      return failedOutcome(request, 'timeout', {
        type: 'TimeLimit',
        message: 'still running inside one long call at the time limit; its worker was replaced',
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  restart(): void {
    this.#connection?.worker.terminate();
    this.#connection = null;
  }

  dispose(): void {
    this.restart();
  }

  #connect(): Connection {
    const worker = new Worker(new URL('./trace.worker.ts', import.meta.url), {
      type: 'module',
      name: 'tracer',
    });
    const remote = wrap<TraceWorkerApi>(worker);
    const ready = remote.init(this.#indexURL).then((failed) => {
      if (failed) throw LoupeError.from(failed);
    });
    ready.catch(() => {
      worker.terminate();
      if (this.#connection?.worker === worker) this.#connection = null;
    });
    return { worker, remote, ready };
  }
}

function failedOutcome(
  request: TraceRequest,
  status: TraceResult['status'],
  error: TraceResult['error'],
): TraceOutcome {
  const result: TraceResult = {
    id: request.id,
    status,
    events: [],
    answer: null,
    match: null,
    error,
    stdout: '',
    durationMs: 0,
  };
  return { result, row: tracedProgram(request, result).row, sentences: null };
}
