import { LoupeError, messageOf } from '../core/errors';
import { WorkerBridge, type WorkerLike } from '../bridge/worker-bridge';
import { tracedProgram } from './dataset';
import type { TraceOutcome, TraceWorkerApi } from './worker-api';
import {
  DEFAULT_TRACE_LIMITS,
  type TraceLimits,
  type TraceRequest,
  type TraceResult,
} from './types';

/**
 * Extra time the worker gets beyond a program's own time limit before it is replaced. Python
 * stops itself at the limit between lines; this catches a program stuck inside one long call
 * (the command line's sandbox allows the same 2 s).
 */
const WATCHDOG_GRACE_MS = 2000;

/**
 * The page's handle on the trace worker, through a WorkerBridge: programs are traced one at a
 * time in its queue, so one program's watchdog only ever ends that program; a program that hangs
 * where Python cannot check the clock (inside a C call) is ended by replacing the worker.
 */
export class TraceClient {
  readonly #bridge: WorkerBridge<TraceWorkerApi>;

  constructor(indexURL: string, createWorker?: () => WorkerLike) {
    this.#bridge = new WorkerBridge<TraceWorkerApi>({
      create:
        createWorker ??
        (() =>
          new Worker(new URL('./trace.worker.ts', import.meta.url), {
            type: 'module',
            name: 'tracer',
          })),
      init: async (remote) => {
        const failed = await remote.init(indexURL);
        if (failed) throw LoupeError.from(failed);
      },
    });
  }

  async start(signal?: AbortSignal): Promise<void> {
    await this.#bridge.start(signal);
  }

  /** Traces one program after those queued before it; cancelling replaces the worker. */
  trace(
    request: TraceRequest,
    limits: Partial<TraceLimits> = {},
    signal?: AbortSignal,
  ): Promise<TraceOutcome> {
    const budget =
      (limits.timeoutSeconds ?? DEFAULT_TRACE_LIMITS.timeoutSeconds) * 1000 + WATCHDOG_GRACE_MS;
    return this.#bridge.call(
      async (remote, context) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        // The watchdog starts with this program, not while it waits its turn.
        const hung = new Promise<'hung'>((resolve) => {
          timer = setTimeout(() => resolve('hung'), budget);
        });
        try {
          const outcome = await Promise.race([
            remote.trace(request, limits).catch((error: unknown) => {
              // The worker's Python died under this program (a fatal error, memory): start afresh.
              context.retire('Python stopped while tracing a program.');
              return failedOutcome(request, 'raised', {
                type: 'PythonCrashed',
                message: `Python stopped while running it (${messageOf(error)}); a new tracer was started`,
              });
            }),
            hung,
          ]);
          if (outcome !== 'hung') return outcome;
          context.retire('A traced program did not return in time.');
          return failedOutcome(request, 'timeout', {
            type: 'TimeLimit',
            message:
              'still running inside one long call at the time limit; its worker was replaced',
          });
        } finally {
          clearTimeout(timer);
        }
      },
      { signal, hardCancel: true },
    );
  }

  restart(): void {
    this.#bridge.terminate('The tracer was restarted.');
  }

  dispose(): void {
    this.#bridge.dispose('The tracer was closed.');
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
