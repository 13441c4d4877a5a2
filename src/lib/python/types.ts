import type { LoupeErrorCode } from '../core/errors';

/** What a Python run reports; the same shape in the page, the worker and Node. */
export interface PythonRunResult {
  stdout: string;
  stderr: string;
  /** repr() of the last expression, when it is not None. */
  value: string | null;
  error: PythonErrorInfo | null;
  /** PNG images, base64, one per open matplotlib figure at the end of the run. */
  figures: string[];
  durationMs: number;
  /** The run printed more than the output cap; the rest was dropped. */
  truncated: boolean;
  /** The interpreter had to be restarted: every variable of the session is gone. */
  restarted: boolean;
}

export interface PythonErrorInfo {
  /** Python exception class (`ZeroDivisionError`), or a Loupe kind (`TimeoutError`, `PackageLoadError`). */
  type: string;
  /** Set when Loupe made the error (time limit, stop, crash); absent for the program's own. */
  code?: LoupeErrorCode;
  message: string;
  /** Traceback trimmed to the user's code; empty when there is none. */
  traceback: string;
}

export type OutputStream = 'stdout' | 'stderr';

export interface RunOptions {
  /** Stop the run after this long (not counting package downloads). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Output as it is printed, in order. */
  onOutput?: (stream: OutputStream, text: string) => void;
  /** Progress notes such as "Loading numpy". */
  onNote?: (note: string) => void;
}

export type StartupStep = 'runtime' | 'stdlib' | 'ready';

export const STARTUP_STEP_LABELS: Record<StartupStep, string> = {
  runtime: 'Downloading and compiling the Python runtime',
  stdlib: 'Starting Python and its standard library',
  ready: 'Python ready',
};

/** Messages the worker sends beside the RPC, on a MessagePort. */
export type WorkerEvent =
  | { type: 'startup'; step: StartupStep }
  | { type: 'output'; runId: number; stream: OutputStream; text: string }
  | { type: 'note'; runId: number; text: string }
  | { type: 'executing'; runId: number }
  /** The worker took the run: anything before this was the worker still busy with older work. */
  | { type: 'accepted'; runId: number }
  /** The worker is closing itself (code reached its `close()`). */
  | { type: 'closed' };

export interface WorkerConfig {
  /** URL of the folder holding the self-hosted Pyodide core, ending in `/`. */
  indexURL: string;
  /** Where packages outside the core (numpy, sympy, ...) are downloaded from. */
  packageIndexURL: string;
  maxOutputBytes: number;
}

export const PYODIDE_VERSION = '314.0.7';
export const DEFAULT_PACKAGE_INDEX = `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;
