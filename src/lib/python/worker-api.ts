import type { PyodideAPI } from 'pyodide';
import { LoupeError, messageOf, type SerializedError } from '../core/errors';
import { PythonSession } from './session';
import type { OutputStream, PythonRunResult, WorkerConfig, WorkerEvent } from './types';

type LoadPyodide = typeof import('pyodide').loadPyodide;

/** Output is posted to the page at most this often while Python keeps the worker busy. */
const FLUSH_INTERVAL_MS = 30;

/**
 * What `import js` gives Python: only the timers that Pyodide's helpers use. Without this,
 * `js` would be the worker's global scope (`fetch`, `indexedDB`, `postMessage`...).
 */
function pythonGlobals(): object {
  const globals = Object.assign(Object.create(null) as object, {
    setTimeout: setTimeout.bind(globalThis),
    clearTimeout: clearTimeout.bind(globalThis),
    setInterval: setInterval.bind(globalThis),
    clearInterval: clearInterval.bind(globalThis),
  });
  return Object.freeze(globals);
}

/** The object the Python worker exposes through comlink. */
export class PythonWorkerApi {
  #session: PythonSession | null = null;
  #port: MessagePort | null = null;

  async init(
    config: WorkerConfig,
    port: MessagePort,
    interruptBuffer: Int32Array | null,
  ): Promise<SerializedError | null> {
    this.#port = port;
    try {
      this.#post({ type: 'startup', step: 'runtime' });
      const module = (await import(/* @vite-ignore */ `${config.indexURL}pyodide.mjs`)) as {
        loadPyodide: LoadPyodide;
      };
      const pyodide: PyodideAPI = await module.loadPyodide({
        indexURL: config.indexURL,
        packageBaseUrl: config.packageIndexURL,
        jsglobals: pythonGlobals(),
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
    } finally {
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

  #post(event: WorkerEvent): void {
    this.#port?.postMessage(event);
  }
}
