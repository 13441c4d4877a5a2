import { wrap, type Remote } from 'comlink';
import { LoupeError, abortError, type LoupeErrorCode } from '../core/errors';
import { installErrorTransfer } from './transfer';

/** The part of a Worker the bridge uses (a MessagePort-backed fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

export interface BridgeOptions<Api> {
  create: () => WorkerLike;
  /** Start-up steps after the worker exists (load Pyodide...); rejects when start-up fails. */
  init?: (remote: Remote<Api>, signal: AbortSignal) => Promise<void>;
  /** An uncaught error inside the worker (the bridge keeps the worker unless told otherwise). */
  onError?: (event: Event) => void;
}

/** What a running job may ask of the bridge. */
export interface JobContext {
  /** Replace the worker once this job has settled, before the next queued job starts. */
  retire(reason: string): void;
}

export type Job<Api, T> = (remote: Remote<Api>, context: JobContext) => Promise<T>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Wait for earlier queued calls to finish first (default). Off for interrupts and lookups. */
  queued?: boolean;
  /** When aborted while running, terminate the worker: the only way to stop what cannot listen. */
  hardCancel?: boolean;
}

interface Connection<Api> {
  worker: WorkerLike;
  remote: Remote<Api>;
  ready: Promise<void>;
  /** Aborted when this connection is terminated: every await on it ends. */
  ended: AbortController;
  onError: (event: Event) => void;
}

/**
 * One worker behind one queue, in the manner of squoosh's WorkerBridge: the worker starts on the
 * first call, calls run one at a time, `terminate(reason)` rejects every pending call with a coded
 * error (the next call starts a new worker), an abort is honoured at every await including
 * start-up, and a disposed bridge never starts a worker again.
 */
export class WorkerBridge<Api> {
  readonly #options: BridgeOptions<Api>;
  #connection: Connection<Api> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  /** Aborted by terminate: calls queued before it are rejected with it, not run on a new worker. */
  #epoch = new AbortController();
  #disposed = false;
  #starts = 0;

  constructor(options: BridgeOptions<Api>) {
    installErrorTransfer();
    this.#options = options;
  }

  /** How many workers this bridge has created (for tests and the status line). */
  get starts(): number {
    return this.#starts;
  }

  get running(): boolean {
    return this.#connection !== null;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Starts the worker if needed; resolves when its start-up steps are done. */
  async start(signal?: AbortSignal): Promise<Remote<Api>> {
    const connection = this.#connect();
    await settleOrEnd(connection.ready, connection.ended.signal, signal);
    return connection.remote;
  }

  /** Runs `job` on the worker; see CallOptions for queueing and cancellation. */
  call<T>(job: Job<Api, T>, options: CallOptions = {}): Promise<T> {
    const { queued = true, signal } = options;
    if (!queued) return this.#run(job, options);
    const turn = this.#queue;
    const epoch = this.#epoch.signal;
    const result = (async () => {
      await settleOrEnd(
        turn.catch(() => undefined),
        epoch,
        signal,
      );
      return this.#run(job, options);
    })();
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the worker now; every pending call rejects with `code` and `reason`. */
  terminate(
    reason: string,
    code: LoupeErrorCode = 'worker/terminated',
    queued: 'reject' | 'keep' = 'reject',
  ): void {
    if (queued === 'reject') {
      this.#epoch.abort(new LoupeError(code, reason));
      this.#epoch = new AbortController();
    }
    const connection = this.#connection;
    if (!connection) return;
    this.#connection = null;
    connection.worker.removeEventListener('error', connection.onError);
    connection.worker.terminate();
    connection.ended.abort(new LoupeError(code, reason));
  }

  /** Terminates, and refuses every later call: no worker is started for a disposed client. */
  dispose(reason = 'The worker was closed.'): void {
    this.#disposed = true;
    this.terminate(reason, 'worker/disposed');
  }

  async #run<T>(job: Job<Api, T>, options: CallOptions): Promise<T> {
    const { signal, hardCancel = false } = options;
    if (signal?.aborted) throw abortError(reasonText(signal));
    const connection = this.#connect();
    await settleOrEnd(connection.ready, connection.ended.signal, signal);
    let retired: string | null = null;
    const work = job(connection.remote, { retire: (reason) => (retired = reason) });
    const cancellable = hardCancel && signal;
    // Settled first, so the caller sees its AbortError rather than the termination it caused.
    const settled = settleOrEnd(work, connection.ended.signal, cancellable ? signal : null);
    // A hard cancel ends this job's worker only; jobs queued behind it run on a new one.
    const onAbort = () => this.terminate(reasonText(signal as AbortSignal), undefined, 'keep');
    if (cancellable) signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await settled;
    } finally {
      if (cancellable) signal.removeEventListener('abort', onAbort);
      if (retired !== null && this.#connection === connection)
        this.terminate(retired, undefined, 'keep');
    }
  }

  #connect(): Connection<Api> {
    if (this.#disposed) throw new LoupeError('worker/disposed');
    if (this.#connection) return this.#connection;
    const worker = this.#options.create();
    this.#starts += 1;
    const remote = wrap<Api>(worker as unknown as Worker);
    const ended = new AbortController();
    const onError = (event: Event) => {
      event.preventDefault?.();
      this.#options.onError?.(event);
    };
    worker.addEventListener('error', onError);
    const ready = this.#options.init
      ? settleOrEnd(this.#options.init(remote, ended.signal), ended.signal, null)
      : Promise.resolve();
    const connection: Connection<Api> = { worker, remote, ready, ended, onError };
    this.#connection = connection;
    // A failed start-up leaves no half-started worker behind: the next call starts afresh.
    ready.catch((error: unknown) => {
      if (this.#connection === connection)
        this.terminate(error instanceof Error ? error.message : String(error), 'worker/failed');
    });
    return connection;
  }
}

function reasonText(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name !== 'AbortError') return reason.message;
  return typeof reason === 'string' ? reason : 'Stopped.';
}

/**
 * `promise`, unless `ended` fires first (reject with its coded reason) or `signal` aborts first
 * (reject with an AbortError). Listeners are removed either way.
 */
export function settleOrEnd<T>(
  promise: Promise<T>,
  ended: AbortSignal | null,
  signal: AbortSignal | null | undefined,
): Promise<T> {
  if (ended?.aborted) return Promise.reject(ended.reason as Error);
  if (signal?.aborted) return Promise.reject(abortError(reasonText(signal)));
  if (!ended && !signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onEnded = () => {
      cleanup();
      reject(ended?.reason as Error);
    };
    const onAbort = () => {
      cleanup();
      reject(abortError(signal ? reasonText(signal) : undefined));
    };
    const cleanup = () => {
      ended?.removeEventListener('abort', onEnded);
      signal?.removeEventListener('abort', onAbort);
    };
    ended?.addEventListener('abort', onEnded, { once: true });
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error as Error);
      },
    );
  });
}
