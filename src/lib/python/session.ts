import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { classifyDeath, InterpreterDiedError } from './death';
import { HARNESS_SOURCE } from './harness';
import type { OutputStream, PythonErrorInfo, PythonRunResult } from './types';

export interface SessionRunHooks {
  onOutput?: (stream: OutputStream, text: string) => void;
  /** Python is about to block (time.sleep): deliver any output held back for batching. */
  onFlush?: () => void;
  onNote?: (note: string) => void;
  /** Called once packages are loaded, just before the user's code starts. */
  onExecuting?: () => void;
}

export interface SessionOptions {
  maxOutputBytes: number;
  /** Shown in messages about packages that fail to load. */
  packageIndexURL: string;
}

const TRUNCATION_MARKER = (limit: number) =>
  `\n[output truncated: this run printed more than ${Math.round(limit / 1024)} KB; the rest was dropped]\n`;

/**
 * One Python interpreter with a persistent namespace: runs code, captures its output (capped),
 * and reports errors with tracebacks trimmed to the user's code. Runs in a worker and in Node.
 */
export class PythonSession {
  readonly #pyodide: PyodideAPI;
  readonly #options: SessionOptions;
  readonly #harness: PyProxy;
  readonly #findImports: (code: string) => PyProxy;
  #namespace: PyProxy;
  #cell = 0;
  #capture: OutputCapture | null = null;
  #death: InterpreterDiedError | null = null;
  #onDeath: ((error: InterpreterDiedError) => void) | null = null;

  constructor(pyodide: PyodideAPI, options: SessionOptions) {
    this.#pyodide = pyodide;
    this.#options = options;
    // The harness resolves builtins from a private copy, so code that deletes or replaces
    // `len` or `print` cannot break the way its result comes back.
    const module = pyodide.runPython(`
import builtins, types
_loupe = types.ModuleType("_loupe_harness")
_loupe.__dict__["__builtins__"] = dict(builtins.__dict__)
exec(${JSON.stringify(HARNESS_SOURCE)}, _loupe.__dict__)
_loupe`) as PyProxy;
    // Pyodide calls this once it can no longer be used (os._exit, a stack overflow in C, a
    // trap): the run in flight would otherwise never settle and end only at its time limit.
    const api = (pyodide as unknown as { _api?: { on_fatal?: (error: unknown) => void } })._api;
    if (api) api.on_fatal = (error) => this.fail(error);
    this.#harness = module;
    this.#namespace = this.#newNamespace();
    this.#findImports = pyodide.pyimport('pyodide.code').find_imports as (code: string) => PyProxy;
    (this.#harness.set_output_flush as (hook: () => void) => void)(() => this.#capture?.flush());
    for (const stream of ['stdout', 'stderr'] as const) {
      const decoder = new TextDecoder();
      const write = (bytes: Uint8Array) => {
        this.#capture?.write(stream, decoder.decode(bytes, { stream: true }));
        return bytes.length;
      };
      if (stream === 'stdout') pyodide.setStdout({ write });
      else pyodide.setStderr({ write });
    }
    pyodide.setStdin({ error: true });
  }

  get pyodide(): PyodideAPI {
    return this.#pyodide;
  }

  /** Why the interpreter can no longer be used, or null while it can. */
  get death(): InterpreterDiedError | null {
    return this.#death;
  }

  /**
   * The interpreter is unusable: Pyodide reported a fatal error, or the host saw an error escape
   * from Python's event loop during a run. The run in flight and every later call reject with an
   * `InterpreterDiedError` naming the cause.
   */
  fail(error: unknown): void {
    if (this.#death) return;
    this.#death = error instanceof InterpreterDiedError ? error : classifyDeath(error);
    this.#onDeath?.(this.#death);
  }

  async run(code: string, hooks: SessionRunHooks = {}): Promise<PythonRunResult> {
    if (this.#death) throw this.#death;
    const started = performance.now();
    const capture = new OutputCapture(this.#options.maxOutputBytes, hooks.onOutput, hooks.onFlush);
    const packageError = await this.#loadPackages(code, hooks.onNote);
    if (packageError) {
      return {
        ...capture.result(),
        value: null,
        error: packageError,
        figures: [],
        durationMs: performance.now() - started,
        restarted: false,
      };
    }
    hooks.onExecuting?.();
    this.#capture = capture;
    this.#cell += 1;
    let raw: PyProxy;
    try {
      raw = await this.#untilDeath(
        () => this.#harness.run(code, this.#namespace, `<cell-${this.#cell}>`) as Promise<PyProxy>,
      );
    } finally {
      this.#capture = null;
    }
    const [value, error, figures, notes] = raw.toJs({
      dict_converter: Object.fromEntries,
      create_pyproxies: false,
    }) as [string | undefined, PythonErrorInfo | undefined, string[], string[]];
    raw.destroy();
    for (const note of notes) capture.write('stderr', `[Loupe] ${note}\n`);
    return {
      ...capture.result(),
      value: value ?? null,
      error: error ?? null,
      figures,
      durationMs: performance.now() - started,
      restarted: false,
    };
  }

  /** Settles with the call's promise, or rejects as soon as the interpreter dies. */
  #untilDeath<T>(start: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#onDeath = reject;
      try {
        start().then(resolve, (error: unknown) => reject(this.#death ?? error));
      } catch (error) {
        reject(this.#death ?? error);
      }
    }).finally(() => {
      this.#onDeath = null;
    });
  }

  /**
   * Forgets every variable, function and import, and puts back what code can change outside
   * its namespace: standard streams, `sys` hooks, tracing, the recursion limit and the builtins.
   */
  reset(): void {
    if (this.#death) throw this.#death;
    try {
      (this.#harness.reset_state as () => void)();
    } catch (error) {
      this.fail(new InterpreterDiedError('damaged', String(error)));
      throw this.#death;
    }
    this.#namespace.destroy();
    this.#namespace = this.#newNamespace();
  }

  #newNamespace(): PyProxy {
    return this.#harness.new_namespace() as PyProxy;
  }

  /** Packages of the lock file that the code imports and that are not loaded yet. */
  packagesFor(code: string): string[] {
    const imports = new Set(this.#findImports(code).toJs() as string[]);
    const loaded = this.#pyodide.loadedPackages as Record<string, unknown>;
    return Object.entries(this.#pyodide.lockfile.packages)
      .filter(([name, pkg]) => !(name in loaded) && pkg.imports.some((i) => imports.has(i)))
      .map(([name]) => name);
  }

  async #loadPackages(
    code: string,
    onNote?: (note: string) => void,
  ): Promise<PythonErrorInfo | null> {
    const wanted = this.packagesFor(code);
    if (wanted.length === 0) return null;
    const details: string[] = [];
    try {
      await this.#pyodide.loadPackage(wanted, {
        messageCallback: (message) => onNote?.(message),
        errorCallback: (message) => details.push(message),
      });
    } catch (error) {
      details.push(error instanceof Error ? error.message : String(error));
    }
    const loaded = this.#pyodide.loadedPackages as Record<string, unknown>;
    const missing = wanted.filter((name) => !(name in loaded));
    if (missing.length === 0) return null;
    return {
      type: 'PackageLoadError',
      message:
        `Could not load the package${missing.length > 1 ? 's' : ''} ${missing.map((n) => `'${n}'`).join(', ')} ` +
        `from the package index ${this.#options.packageIndexURL}. Check the connection, or set another ` +
        `package index in Settings.` +
        (details.length > 0 ? ` Details: ${details.join(' ').slice(0, 500)}` : ''),
      traceback: '',
    };
  }
}

/** Collects a run's output up to a byte budget shared by stdout and stderr. */
export class OutputCapture {
  #stdout = '';
  #stderr = '';
  #bytes = 0;
  #truncated = false;
  readonly #limit: number;
  readonly #onOutput?: (stream: OutputStream, text: string) => void;
  readonly #onFlush?: () => void;

  constructor(
    limit: number,
    onOutput?: (stream: OutputStream, text: string) => void,
    onFlush?: () => void,
  ) {
    this.#limit = limit;
    this.#onOutput = onOutput;
    this.#onFlush = onFlush;
  }

  flush(): void {
    this.#onFlush?.();
  }

  write(stream: OutputStream, text: string): void {
    if (this.#truncated || text.length === 0) return;
    const room = this.#limit - this.#bytes;
    let kept = text;
    // Length in UTF-16 units bounds UTF-8 bytes from below; good enough for a display cap.
    if (text.length > room) {
      kept = text.slice(0, Math.max(0, room)) + TRUNCATION_MARKER(this.#limit);
      this.#truncated = true;
    }
    this.#bytes += kept.length;
    if (stream === 'stdout') this.#stdout += kept;
    else this.#stderr += kept;
    this.#onOutput?.(stream, kept);
  }

  result(): Pick<PythonRunResult, 'stdout' | 'stderr' | 'truncated'> {
    return { stdout: this.#stdout, stderr: this.#stderr, truncated: this.#truncated };
  }
}
