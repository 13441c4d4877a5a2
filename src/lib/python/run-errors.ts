import { messageOf } from '../core/errors';
import type { PythonErrorInfo, PythonRunResult } from './types';

/** Longest wait for packages to download before the code starts. */
export const PACKAGE_LOAD_LIMIT_MS = 120_000;

export const RESTART_MESSAGE =
  'The interpreter was restarted, state lost: every variable and import is gone.';

/** The errors Loupe itself reports for a run, each with a stable code beside its display type. */
export function timeoutError(timeoutMs: number): PythonErrorInfo {
  return {
    type: 'TimeoutError',
    code: 'python/timeout',
    message: `Stopped after ${formatSeconds(timeoutMs)}, the time limit for a run. Raise it in Settings if the code needs longer.`,
    traceback: '',
  };
}

export function packageTimeoutError(lastNote: string): PythonErrorInfo {
  return {
    type: 'PackageLoadError',
    code: 'python/package-timeout',
    message:
      `Downloading packages did not finish in ${formatSeconds(PACKAGE_LOAD_LIMIT_MS)}` +
      (lastNote ? ` (last step: ${lastNote})` : '') +
      '. Check the connection, or set another package index in Settings.',
    traceback: '',
  };
}

export function stoppedError(message: string): PythonErrorInfo {
  return { type: 'Stopped', code: 'python/stopped', message, traceback: '' };
}

export function crashError(error: unknown): PythonErrorInfo {
  // The worker names a dead interpreter (os._exit, stack overflow, out of memory...).
  if (error instanceof Error && error.name === 'InterpreterDied') {
    return { type: 'InterpreterDied', code: 'python/died', message: error.message, traceback: '' };
  }
  return {
    type: 'InterpreterCrashed',
    code: 'python/worker-crashed',
    message: `The interpreter crashed (${messageOf(error)}).`,
    traceback: '',
  };
}

/** The worker was terminated or closed while the run waited on it. */
export function endedError(error: unknown): PythonErrorInfo {
  const disposed = (error as { code?: string } | null)?.code === 'worker/disposed';
  return {
    type: 'Stopped',
    code: disposed ? 'worker/disposed' : 'worker/terminated',
    message: disposed
      ? 'The interpreter was closed before the run ended.'
      : `The interpreter was restarted before the run ended (${messageOf(error)}).`,
    traceback: '',
  };
}

export function startError(error: unknown): PythonErrorInfo {
  return {
    type: 'StartError',
    code: 'python/start-failed',
    message: messageOf(error),
    traceback: '',
  };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/**
 * A KeyboardInterrupt that Loupe caused is named for its cause (the time limit, or Stop); one
 * the code raised itself stays the code's own.
 */
export function relabel(
  result: PythonRunResult,
  reason: string | null,
  timeoutMs: number,
): PythonRunResult {
  if (result.error?.type !== 'KeyboardInterrupt' || reason === null) return result;
  const error = reason === 'timeout' ? timeoutError(timeoutMs) : stoppedError('Stopped.');
  return { ...result, error: { ...error, traceback: result.error.traceback } };
}

export function busyError(timeoutMs: number): PythonErrorInfo {
  return {
    type: 'TimeoutError',
    code: 'python/timeout',
    message:
      `Python was still busy after ${formatSeconds(timeoutMs)} with work an earlier run left ` +
      `running (a callback scheduled with js.setTimeout, for instance), so this run could not start.`,
    traceback: '',
  };
}

export function closedError(): PythonErrorInfo {
  return {
    type: 'InterpreterDied',
    code: 'python/died',
    message: "The code closed Python's worker (it reached the worker's close()).",
    traceback: '',
  };
}

export function sleep(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

/** A run that produced no result of its own: what it printed before it ended, and why it ended. */
export function failedRun(
  started: number,
  error: PythonErrorInfo,
  output?: { stdout: string; stderr: string },
): PythonRunResult {
  return {
    stdout: output?.stdout ?? '',
    stderr: output?.stderr ?? '',
    value: null,
    error,
    figures: [],
    durationMs: performance.now() - started,
    truncated: false,
    restarted: false,
  };
}

/** Why a run that Loupe stopped ended, by the reason it was stopped. */
export function stopError(
  reason: string,
  timeoutMs: number,
  lastNote: string,
  canInterrupt: boolean,
): PythonErrorInfo {
  if (reason === 'timeout') return timeoutError(timeoutMs);
  if (reason === 'busy') return busyError(timeoutMs);
  if (reason === 'closed') return closedError();
  if (reason === 'packages') return packageTimeoutError(lastNote);
  if (reason === 'crashed') return crashError('an uncaught error in the worker');
  return stoppedError(
    canInterrupt
      ? 'You stopped the run, and Python did not answer the interrupt in time.'
      : 'You stopped the run.',
  );
}
