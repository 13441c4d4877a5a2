import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
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

  constructor(pyodide: PyodideAPI, options: SessionOptions) {
    this.#pyodide = pyodide;
    this.#options = options;
    const module = pyodide.runPython(`
import types
_loupe = types.ModuleType("_loupe_harness")
exec(${JSON.stringify(HARNESS_SOURCE)}, _loupe.__dict__)
_loupe`) as PyProxy;
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

  async run(code: string, hooks: SessionRunHooks = {}): Promise<PythonRunResult> {
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
    let raw: string;
    try {
      raw = (await this.#harness.run(code, this.#namespace, `<cell-${this.#cell}>`)) as string;
    } finally {
      this.#capture = null;
    }
    const parsed = JSON.parse(raw) as {
      value: string | null;
      error: PythonErrorInfo | null;
      figures: string[];
    };
    return {
      ...capture.result(),
      ...parsed,
      durationMs: performance.now() - started,
      restarted: false,
    };
  }

  /** A fresh namespace: every variable, function and import of the session is forgotten. */
  reset(): void {
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
