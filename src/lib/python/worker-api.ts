import type { PyodideAPI } from 'pyodide';
import { LoupeError, messageOf, type SerializedError } from '../core/errors';
import { InterpreterDiedError } from './death';
import { PythonSession } from './session';
import type { OutputStream, PythonRunResult, WorkerConfig, WorkerEvent } from './types';

type LoadPyodide = typeof import('pyodide').loadPyodide;

/** Output is posted to the page at most this often while Python keeps the worker busy. */
const FLUSH_INTERVAL_MS = 30;

/**
 * What `import js` gives Python: only timers. Without this, `js` would be the worker's global
 * scope (`fetch`, `indexedDB`, `postMessage`...). Timers set by the code are cancelled when its
 * run ends, so a callback cannot run later, between runs, outside any time limit.
 */
export class PythonTimers {
  readonly #timeouts = new Set<ReturnType<typeof setTimeout>>();
  readonly #intervals = new Set<ReturnType<typeof setInterval>>();

  globals(): object {
    const globals = Object.assign(Object.create(null) as object, {
      setTimeout: (callback: () => void, ms?: number, ...args: unknown[]) => {
        const id = setTimeout(() => {
          this.#timeouts.delete(id);
          callback(...(args as []));
        }, ms);
        this.#timeouts.add(id);
        return id;
      },
      clearTimeout: (id: ReturnType<typeof setTimeout>) => {
        this.#timeouts.delete(id);
        clearTimeout(id);
      },
      setInterval: (callback: () => void, ms?: number, ...args: unknown[]) => {
        const id = setInterval(() => callback(...(args as [])), ms);
        this.#intervals.add(id);
        return id;
      },
      clearInterval: (id: ReturnType<typeof setInterval>) => {
        this.#intervals.delete(id);
        clearInterval(id);
      },
    });
    return Object.freeze(globals);
  }

  /** Cancels every timer still pending; returns how many there were. */
  cancelAll(): number {
    const count = this.#timeouts.size + this.#intervals.size;
    for (const id of this.#timeouts) clearTimeout(id);
    for (const id of this.#intervals) clearInterval(id);
    this.#timeouts.clear();
    this.#intervals.clear();
    return count;
  }
}

/** The object the Python worker exposes through comlink. */
export class PythonWorkerApi {
  #session: PythonSession | null = null;
  #port: MessagePort | null = null;
  readonly #timers = new PythonTimers();

  async init(
    config: WorkerConfig,
    port: MessagePort,
    interruptBuffer: Int32Array | null,
  ): Promise<SerializedError | null> {
    this.#port = port;
    this.#announceClose();
    try {
      this.#post({ type: 'startup', step: 'runtime' });
      const module = (await import(/* @vite-ignore */ `${config.indexURL}pyodide.mjs`)) as {
        loadPyodide: LoadPyodide;
      };
      const pyodide: PyodideAPI = await module.loadPyodide({
        indexURL: config.indexURL,
        packageBaseUrl: config.packageIndexURL,
        jsglobals: this.#timers.globals(),
        env: { MPLBACKEND: 'Agg' },
        fsInit: async () => this.#post({ type: 'startup', step: 'stdlib' }),
      });
      if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
      this.#session = new PythonSession(pyodide, {
        maxOutputBytes: config.maxOutputBytes,
        packageIndexURL: config.packageIndexURL,
      });
      this.#post({ type: 'startup', step: 'ready' });
      return null;
    } catch (error) {
      return new LoupeError(
        'python/start-failed',
        `Python could not start: ${messageOf(error)}. Reload the page; if it keeps failing, ` +
          `check that this browser supports WebAssembly and module workers.`,
      ).toJSON();
    }
  }

  async run(runId: number, code: string): Promise<PythonRunResult> {
    const session = this.#requireSession();
    const pending: { stream: OutputStream; text: string }[] = [];
    let lastFlush = -Infinity;
    let idleFlush: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(idleFlush);
      idleFlush = undefined;
      for (const chunk of pending) this.#post({ type: 'output', runId, ...chunk });
      pending.length = 0;
      lastFlush = performance.now();
    };
    // An error that escapes Python's event loop means the run will never settle: name it now.
    const onEscaped = (event: ErrorEvent | PromiseRejectionEvent) => {
      event.preventDefault();
      session.fail('reason' in event ? event.reason : (event.error ?? event.message));
    };
    const scope = globalThis as unknown as EventTarget;
    scope.addEventListener('error', onEscaped as EventListener);
    scope.addEventListener('unhandledrejection', onEscaped as EventListener);
    this.#post({ type: 'accepted', runId });
    try {
      return await session.run(code, {
        onOutput: (stream, text) => {
          const last = pending.at(-1);
          if (last && last.stream === stream) last.text += text;
          else pending.push({ stream, text });
          if (performance.now() - lastFlush >= FLUSH_INTERVAL_MS) flush();
          // Python may go quiet without blocking (await asyncio.sleep): flush when it yields.
          else idleFlush ??= setTimeout(flush, FLUSH_INTERVAL_MS);
        },
        onFlush: flush,
        onNote: (text) => this.#post({ type: 'note', runId, text }),
        onExecuting: () => this.#post({ type: 'executing', runId }),
      });
    } catch (error) {
      // comlink keeps an Error's name and message: the page reads the name as the kind.
      if (error instanceof InterpreterDiedError) {
        throw Object.assign(new Error(error.message), { name: error.name });
      }
      throw error;
    } finally {
      scope.removeEventListener('error', onEscaped as EventListener);
      scope.removeEventListener('unhandledrejection', onEscaped as EventListener);
      const cancelled = this.#timers.cancelAll();
      if (cancelled > 0) {
        this.#post({
          type: 'note',
          runId,
          text: `Cancelled ${cancelled} timer${cancelled > 1 ? 's' : ''} the code left pending (js.setTimeout/setInterval).`,
        });
      }
      flush();
    }
  }

  reset(): void {
    this.#requireSession().reset();
  }

  #requireSession(): PythonSession {
    if (!this.#session) throw new LoupeError('python/not-started', 'Python has not started yet.');
    return this.#session;
  }

  /**
   * Code that reaches the worker's `close()` (through a JavaScript function's constructor) would
   * end the worker without a word, and the page would wait for its time limit: say so first.
   */
  #announceClose(): void {
    const scope = globalThis as { close?: () => void };
    const close = scope.close;
    if (typeof close !== 'function') return;
    scope.close = () => {
      this.#post({ type: 'closed' });
      close.call(globalThis);
    };
  }

  #post(event: WorkerEvent): void {
    this.#port?.postMessage(event);
  }
}
