import { transfer, type Remote } from 'comlink';
import { LoupeError, isAbort, messageOf } from '../core/errors';
import { WorkerBridge, type JobContext, type WorkerLike } from '../bridge/worker-bridge';
import { ActiveRun } from './active-run';
import type { InterpreterState } from './interpreter-state';
import {
  PACKAGE_LOAD_LIMIT_MS,
  relabel,
  sleep,
  RESTART_MESSAGE,
  crashError,
  failedRun,
  endedError,
  startError,
  stopError,
  stoppedError,
} from './run-errors';
import type {
  PythonErrorInfo,
  PythonRunResult,
  RunOptions,
  WorkerConfig,
  WorkerEvent,
} from './types';
import { DEFAULT_TIMEOUT_MS } from './types';
import type { PythonWorkerApi } from './worker-api';

export type { InterpreterState, InterpreterStatus } from './interpreter-state';

export interface PythonClientOptions extends WorkerConfig {
  /** How long Python gets to honour an interrupt before the worker is replaced. */
  graceMs?: number;
  createWorker?: () => WorkerLike;
  /** Worker name, shown in the browser's task manager. */
  name?: string;
}

/**
 * How long Python gets, by default, to honour an interrupt before its worker is replaced (and
 * its state lost). Idle, it answers in ~10 ms (`bench:python`); on a loaded 2-core machine it was
 * once seen to take over 1 s, so a replacement comes only after 2 s.
 */
const GRACE_MS = 2000;

/** `ended`: the worker was terminated or closed under the run; the bridge has settled its caller. */
type StopReason = 'stopped' | 'timeout' | 'packages' | 'crashed' | 'ended' | 'busy' | 'closed';

/**
 * The page's handle on Python: a WorkerBridge (lazy start, one queue, terminate settles every
 * pending call), plus what is Python's own: stop escalation (interrupt, then replace the worker),
 * streamed output, and a state for subscribers.
 */
export class PythonClient {
  readonly #options: PythonClientOptions;
  readonly #interrupt: Int32Array | null;
  readonly #listeners = new Set<(state: InterpreterState) => void>();
  readonly #bridge: WorkerBridge<PythonWorkerApi>;
  #state: InterpreterState;
  #events: MessagePort | null = null;
  #active: ActiveRun | null = null;
  #nextRunId = 1;

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
    this.#bridge = new WorkerBridge<PythonWorkerApi>({
      create: options.createWorker ?? (() => this.#createWorker()),
      init: (remote) => this.#init(remote),
      onError: () => this.#active?.requestStop('crashed'),
    });
  }

  get state(): InterpreterState {
    return this.#state;
  }

  /** Workers started so far (a restart starts one more). */
  get workerStarts(): number {
    return this.#bridge.starts;
  }

  /** Calls `listener` on every change from now on (read `state` for the current one). */
  subscribe(listener: (state: InterpreterState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts Python if it is not running; resolves when it is ready. */
  async start(signal?: AbortSignal): Promise<void> {
    await this.#bridge.start(signal);
  }

  /** Runs code after any run already queued; never rejects for errors in the Python code. */
  async run(code: string, options: RunOptions = {}): Promise<PythonRunResult> {
    const started = performance.now();
    try {
      const result = await this.#bridge.call(
        (remote, context) => this.#runNow(remote, context, code, options, started),
        { signal: options.signal },
      );
      // The worker was retired with the run: start its replacement now, not on the next run.
      if (result.restarted && !this.#bridge.disposed) {
        this.#update({ status: 'restarting', restartNote: RESTART_MESSAGE });
        this.start().catch(() => undefined);
      }
      return result;
    } catch (error) {
      // Stop honoured while queued or while Python starts: no worker is touched.
      if (isAbort(error)) return failedRun(started, stoppedError('Stopped before it started.'));
      if (error instanceof LoupeError && error.code.startsWith('worker/'))
        return failedRun(started, endedError(error));
      return failedRun(started, startError(error));
    }
  }

  /** Stops the current run, if any. */
  stop(): void {
    this.#active?.requestStop('stopped');
  }

  /** Forgets every variable of the session (after any queued run). */
  async reset(): Promise<void> {
    await this.#bridge.call((remote) => remote.reset());
    this.#update({ restartNote: null });
  }

  /** Replaces the worker with a fresh one; a run in progress ends at once. */
  async restart(note: string | null = null): Promise<void> {
    this.#active?.requestStop('ended');
    this.#bridge.terminate(note ?? 'The interpreter was restarted.');
    this.#update({ status: 'restarting', restartNote: note });
    await this.start();
  }

  /** Closes the worker for good: a run in progress ends at once, and no worker starts again. */
  dispose(): void {
    this.#active?.requestStop('ended');
    this.#bridge.dispose('The interpreter was closed.');
    this.#events?.close();
    this.#events = null;
    this.#update({ status: 'off', step: null });
  }

  #createWorker(): WorkerLike {
    return new Worker(new URL('./python.worker.ts', import.meta.url), {
      type: 'module',
      name: this.#options.name ?? 'python',
    });
  }

  async #init(remote: Remote<PythonWorkerApi>): Promise<void> {
    const startedAt = performance.now();
    // A stop request that the previous worker never read must not interrupt the new one.
    if (this.#interrupt) Atomics.store(this.#interrupt, 0, 0);
    this.#events?.close();
    const channel = new MessageChannel();
    this.#events = channel.port1;
    channel.port1.onmessage = (event: MessageEvent<WorkerEvent>) => this.#onEvent(event.data);
    this.#update({
      status: this.#state.status === 'restarting' ? 'restarting' : 'starting',
      step: null,
      error: null,
    });
    try {
      const { indexURL, packageIndexURL, maxOutputBytes } = this.#options;
      const failed = await remote.init(
        { indexURL, packageIndexURL, maxOutputBytes },
        transfer(channel.port2, [channel.port2]),
        this.#interrupt,
      );
      if (failed) throw LoupeError.from(failed);
    } catch (error) {
      this.#update({ status: 'failed', error: messageOf(error) });
      throw error;
    }
    performance.mark('loupe:python-ready');
    this.#update({ status: 'ready', step: 'ready', startupMs: performance.now() - startedAt });
  }

  async #runNow(
    remote: Remote<PythonWorkerApi>,
    context: JobContext,
    code: string,
    options: RunOptions,
    started: number,
  ): Promise<PythonRunResult> {
    const { signal } = options;
    const id = this.#nextRunId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let stopReason: StopReason | null = null;
    let lastNote = '';
    let resolveStop: (why: StopReason) => void = () => {};
    const stopRequested = new Promise<StopReason>((resolve) => (resolveStop = resolve));
    const requestStop = (why: StopReason) => {
      if (stopReason) return;
      stopReason = why;
      resolveStop(why);
    };
    // Until the worker takes the run, it is busy with older work (a callback an earlier run left
    // behind, say): that counts against this run's time limit.
    let timer = setTimeout(() => requestStop('busy'), timeoutMs);
    const active = new ActiveRun(
      id,
      {
        ...options,
        onNote: (note) => {
          lastNote = note;
          options.onNote?.(note);
        },
      },
      () => {
        clearTimeout(timer);
        // Package downloads are not the code's time, but a stalled download must not hang the run.
        timer = setTimeout(() => requestStop('packages'), PACKAGE_LOAD_LIMIT_MS);
      },
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => requestStop('timeout'), timeoutMs);
      },
      (why) => requestStop(why as StopReason),
    );
    this.#active = active;
    const onAbort = () => requestStop('stopped');
    signal?.addEventListener('abort', onAbort);
    if (signal?.aborted) requestStop('stopped');
    if (this.#interrupt) Atomics.store(this.#interrupt, 0, 0);
    this.#update({ status: 'busy', restartNote: null });

    const finished = remote.run(id, code).then(
      (result) => ({ kind: 'result' as const, result }),
      (error: unknown) => ({ kind: 'crash' as const, error }),
    );
    try {
      const first = await Promise.race([finished, stopRequested]);
      if (typeof first !== 'string') {
        if (first.kind === 'result') return relabel(first.result, stopReason, timeoutMs);
        if ((first.error as LoupeError).code?.startsWith('worker/'))
          return failedRun(started, endedError(first.error), active);
        return this.#replaceWorker(context, started, crashError(first.error), active);
      }
      if (first === 'ended') return failedRun(started, endedError(null), active);
      // Asked to stop: interrupt, give Python a moment, then replace the worker.
      if (this.#interrupt && first !== 'crashed' && first !== 'closed') {
        Atomics.store(this.#interrupt, 0, 2);
        const settled = await Promise.race([finished, sleep(this.#options.graceMs ?? GRACE_MS)]);
        if (settled?.kind === 'result') return relabel(settled.result, stopReason, timeoutMs);
      }
      const why = stopError(first, timeoutMs, lastNote, this.#interrupt !== null);
      return this.#replaceWorker(context, started, why, active);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (this.#active === active) this.#active = null;
      if (this.#state.status === 'busy') this.#update({ status: 'ready' });
    }
  }

  #replaceWorker(
    context: JobContext,
    started: number,
    error: PythonErrorInfo,
    active: ActiveRun,
  ): PythonRunResult {
    const failure = failedRun(
      started,
      { ...error, message: `${error.message} ${RESTART_MESSAGE}` },
      active,
    );
    failure.restarted = true;
    // The bridge replaces the worker once this run has settled, before the next queued run.
    context.retire(RESTART_MESSAGE);
    return failure;
  }

  #onEvent(event: WorkerEvent): void {
    if (event.type === 'startup') {
      this.#update({ step: event.step });
      return;
    }
    if (event.type === 'closed') {
      this.#active?.requestStop('closed');
      return;
    }
    this.#active?.handle(event);
  }

  #update(patch: Partial<InterpreterState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}
