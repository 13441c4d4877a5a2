import { wrap, transfer, type Remote } from 'comlink';
import { LoupeError, messageOf } from '../core/errors';
import type {
  OutputStream,
  PythonErrorInfo,
  PythonRunResult,
  RunOptions,
  StartupStep,
  WorkerConfig,
  WorkerEvent,
} from './types';
import { DEFAULT_TIMEOUT_MS } from './types';
import type { PythonWorkerApi } from './worker-api';

export type InterpreterStatus = 'off' | 'starting' | 'ready' | 'busy' | 'restarting' | 'failed';

export interface InterpreterState {
  status: InterpreterStatus;
  step: StartupStep | null;
  /** SharedArrayBuffer is available, so Stop can interrupt Python without losing its state. */
  canInterrupt: boolean;
  /** Set when the last start failed. */
  error: string | null;
  /** Why the interpreter was last restarted, until the next run. */
  restartNote: string | null;
  /** Milliseconds from the first start request to ready. */
  startupMs: number | null;
}

export interface PythonClientOptions extends WorkerConfig {
  /** How long Python gets to honour an interrupt before the worker is replaced. */
  graceMs?: number;
  createWorker?: () => Worker;
}

interface Connection {
  worker: Worker;
  remote: Remote<PythonWorkerApi>;
  ready: Promise<void>;
}

interface ActiveRun {
  id: number;
  stdout: string;
  stderr: string;
  options: RunOptions;
  onAccepted: () => void;
  onExecuting: () => void;
}

type StopReason = 'stopped' | 'timeout' | 'packages' | 'busy' | 'closed';

/** Longest wait for packages to download before the code starts. */
const PACKAGE_LOAD_LIMIT_MS = 120_000;

const RESTART_MESSAGE =
  'The interpreter was restarted, state lost: every variable and import is gone.';

/**
 * The page's handle on Python: starts the worker, runs code one run at a time, stops runaway code
 * (interrupt first, then terminate and restart), and reports its state to subscribers.
 */
export class PythonClient {
  readonly #options: PythonClientOptions;
  readonly #interrupt: Int32Array | null;
  readonly #listeners = new Set<(state: InterpreterState) => void>();
  #state: InterpreterState;
  #connection: Connection | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #active: ActiveRun | null = null;
  #nextRunId = 1;
  #startedAt = 0;

  constructor(options: PythonClientOptions) {
    this.#options = options;
    const isolated =
      typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
    this.#interrupt = isolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.#state = {
      status: 'off',
      step: null,
      canInterrupt: isolated,
      error: null,
      restartNote: null,
      startupMs: null,
    };
  }

  get state(): InterpreterState {
    return this.#state;
  }

  /** Calls `listener` on every change from now on (read `state` for the current one). */
  subscribe(listener: (state: InterpreterState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts Python if it is not running; resolves when it is ready. */
  start(): Promise<void> {
    this.#connection ??= this.#connect();
    return this.#connection.ready;
  }

  /** Runs code after any run already queued; never rejects for errors in the Python code. */
  run(code: string, options: RunOptions = {}): Promise<PythonRunResult> {
    const result = this.#queue.then(() => this.#runNow(code, options));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the current run, if any. */
  stop(): void {
    this.#stopActive?.('stopped');
  }

  /** Forgets every variable of the session. */
  async reset(): Promise<void> {
    await this.#queue;
    await this.start();
    await this.#connection?.remote.reset();
    this.#update({ restartNote: null });
  }

  /** Replaces the worker with a fresh one. */
  async restart(note: string | null = null): Promise<void> {
    this.#connection?.worker.terminate();
    this.#connection = null;
    this.#update({ status: 'restarting', restartNote: note });
    await this.start();
  }

  dispose(): void {
    this.#connection?.worker.terminate();
    this.#connection = null;
    this.#update({ status: 'off', step: null });
  }

  #stopActive: ((why: StopReason) => void) | null = null;

  async #runNow(code: string, options: RunOptions): Promise<PythonRunResult> {
    const { signal } = options;
    const started = performance.now();
    if (signal?.aborted)
      return this.#failure(started, stoppedError('Stopped before it started.'), false);
    await this.start();
    const connection = this.#connection;
    if (!connection) throw new LoupeError('python/not-started', 'Python has not started.');

    const id = this.#nextRunId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopReason: StopReason | null = null;
    let requestStop: (why: StopReason) => void = () => {};
    const stopRequested = new Promise<StopReason>((resolve) => {
      requestStop = (why) => {
        if (stopReason) return;
        stopReason = why;
        resolve(why);
      };
    });
    let lastNote = '';
    // Until the worker takes the run, it is busy with older work (a callback an earlier run left
    // behind, say): that counts against this run's time limit.
    timer = setTimeout(() => requestStop('busy'), timeoutMs);
    this.#active = {
      id,
      stdout: '',
      stderr: '',
      options: {
        ...options,
        onNote: (note) => {
          lastNote = note;
          options.onNote?.(note);
        },
      },
      onAccepted: () => {
        clearTimeout(timer);
        // Package downloads are not the code's time, but a stalled download must not hang the run.
        timer = setTimeout(() => requestStop('packages'), PACKAGE_LOAD_LIMIT_MS);
      },
      onExecuting: () => {
        clearTimeout(timer);
        timer = setTimeout(() => requestStop('timeout'), timeoutMs);
      },
    };
    this.#stopActive = requestStop;
    const onAbort = () => requestStop('stopped');
    signal?.addEventListener('abort', onAbort);
    if (this.#interrupt) Atomics.store(this.#interrupt, 0, 0);
    this.#update({ status: 'busy', restartNote: null });

    const finished = connection.remote.run(id, code).then(
      (result) => ({ kind: 'result' as const, result }),
      (error: unknown) => ({ kind: 'crash' as const, error }),
    );
    try {
      const first = await Promise.race([finished, stopRequested]);
      if (typeof first !== 'string') {
        if (first.kind === 'result') return this.#relabel(first.result, stopReason, timeoutMs);
        return this.#replaceWorker(started, crashError(first.error));
      }
      // Asked to stop: interrupt, give Python a moment, then replace the worker.
      if (this.#interrupt && first !== 'closed') {
        Atomics.store(this.#interrupt, 0, 2);
        const settled = await Promise.race([finished, sleep(this.#options.graceMs ?? 1000)]);
        if (settled && settled.kind === 'result') {
          return this.#relabel(settled.result, stopReason, timeoutMs);
        }
      }
      const why =
        first === 'timeout'
          ? timeoutError(timeoutMs)
          : first === 'busy'
            ? busyError(timeoutMs)
            : first === 'closed'
              ? closedError()
              : first === 'packages'
                ? packageTimeoutError(lastNote)
                : stoppedError(
                    this.#interrupt
                      ? 'You stopped the run, and Python did not answer the interrupt in time.'
                      : 'You stopped the run.',
                  );
      return this.#replaceWorker(started, why);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      this.#active = null;
      this.#stopActive = null;
      if (this.#state.status === 'busy') this.#update({ status: 'ready' });
    }
  }

  /**
   * A KeyboardInterrupt that Loupe caused is named for its cause (the time limit, or Stop); one
   * the code raised itself stays the code's own.
   */
  #relabel(result: PythonRunResult, reason: StopReason | null, timeoutMs: number): PythonRunResult {
    if (result.error?.type !== 'KeyboardInterrupt' || reason === null) return result;
    const error = reason === 'timeout' ? timeoutError(timeoutMs) : stoppedError('Stopped.');
    return { ...result, error: { ...error, traceback: result.error.traceback } };
  }

  #replaceWorker(started: number, error: PythonErrorInfo): PythonRunResult {
    const failure = this.#failure(started, error, true);
    // The run's result is ready now; the next run waits for the new worker anyway.
    this.restart(RESTART_MESSAGE).catch(() => undefined);
    return failure;
  }

  #failure(started: number, error: PythonErrorInfo, restarted: boolean): PythonRunResult {
    const active = this.#active;
    return {
      stdout: active?.stdout ?? '',
      stderr: active?.stderr ?? '',
      value: null,
      error: restarted ? { ...error, message: `${error.message} ${RESTART_MESSAGE}` } : error,
      figures: [],
      durationMs: performance.now() - started,
      truncated: false,
      restarted,
    };
  }

  #connect(): Connection {
    this.#startedAt = performance.now();
    const worker =
      this.#options.createWorker?.() ??
      new Worker(new URL('./python.worker.ts', import.meta.url), {
        type: 'module',
        name: 'python',
      });
    const remote = wrap<PythonWorkerApi>(worker);
    // A stop request that the previous worker never read must not interrupt the new one.
    if (this.#interrupt) Atomics.store(this.#interrupt, 0, 0);
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<WorkerEvent>) => this.#onEvent(event.data);
    this.#update({
      status: this.#state.status === 'restarting' ? 'restarting' : 'starting',
      step: null,
      error: null,
    });
    const ready = (async () => {
      const { indexURL, packageIndexURL, maxOutputBytes } = this.#options;
      const failed = await remote.init(
        { indexURL, packageIndexURL, maxOutputBytes },
        transfer(channel.port2, [channel.port2]),
        this.#interrupt,
      );
      if (failed) throw LoupeError.from(failed);
      performance.mark('loupe:python-ready');
      this.#update({
        status: 'ready',
        step: 'ready',
        startupMs: performance.now() - this.#startedAt,
      });
    })();
    ready.catch((error: unknown) => {
      worker.terminate();
      if (this.#connection?.worker === worker) this.#connection = null;
      this.#update({ status: 'failed', error: messageOf(error) });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#stopActive?.('stopped');
    });
    return { worker, remote, ready };
  }

  #onEvent(event: WorkerEvent): void {
    if (event.type === 'startup') {
      this.#update({ step: event.step });
      return;
    }
    if (event.type === 'closed') {
      this.#stopActive?.('closed');
      return;
    }
    const active = this.#active;
    if (!active || active.id !== event.runId) return; // a stale message from a finished run
    if (event.type === 'output') {
      appendOutput(active, event.stream, event.text);
      active.options.onOutput?.(event.stream, event.text);
    } else if (event.type === 'note') {
      active.options.onNote?.(event.text);
    } else if (event.type === 'accepted') {
      active.onAccepted();
    } else {
      active.onExecuting();
    }
  }

  #update(patch: Partial<InterpreterState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}

function appendOutput(run: ActiveRun, stream: OutputStream, text: string): void {
  if (stream === 'stdout') run.stdout += text;
  else run.stderr += text;
}

function timeoutError(timeoutMs: number): PythonErrorInfo {
  return {
    type: 'TimeoutError',
    message: `Stopped after ${formatSeconds(timeoutMs)}, the time limit for a run. Raise it in Settings if the code needs longer.`,
    traceback: '',
  };
}

function packageTimeoutError(lastNote: string): PythonErrorInfo {
  return {
    type: 'PackageLoadError',
    message:
      `Downloading packages did not finish in ${formatSeconds(PACKAGE_LOAD_LIMIT_MS)}` +
      (lastNote ? ` (last step: ${lastNote})` : '') +
      '. Check the connection, or set another package index in Settings.',
    traceback: '',
  };
}

function stoppedError(message: string): PythonErrorInfo {
  return { type: 'Stopped', message, traceback: '' };
}

function busyError(timeoutMs: number): PythonErrorInfo {
  return {
    type: 'TimeoutError',
    message:
      `Python was still busy after ${formatSeconds(timeoutMs)} with work an earlier run left ` +
      `running (a callback scheduled with js.setTimeout, for instance), so this run could not start.`,
    traceback: '',
  };
}

function closedError(): PythonErrorInfo {
  return {
    type: 'InterpreterDied',
    message: "The code closed Python's worker (it reached the worker's close()).",
    traceback: '',
  };
}

function crashError(error: unknown): PythonErrorInfo {
  // The worker names a dead interpreter (os._exit, stack overflow, out of memory...).
  if (error instanceof Error && error.name === 'InterpreterDied') {
    return { type: 'InterpreterDied', message: error.message, traceback: '' };
  }
  return {
    type: 'InterpreterCrashed',
    message: `The interpreter crashed (${messageOf(error)}).`,
    traceback: '',
  };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function sleep(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}
