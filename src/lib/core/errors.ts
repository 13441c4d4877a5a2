/**
 * Errors that cross module and worker boundaries carry a stable `code`, so callers branch on the
 * code and show the message, which says what to do next. This is the one table of codes: each has
 * a default message and what the interface offers to do about it.
 */

/** What the interface offers when an error has this code. */
export type ErrorAction =
  'smaller-model' | 'reload-model' | 'reload-page' | 'restart-python' | null;

interface ErrorEntry {
  message: string;
  action: ErrorAction;
}

export const ERROR_TABLE = {
  'python/start-failed': {
    message:
      'Python could not start. Reload the page; if it keeps failing, check that this browser supports WebAssembly and module workers.',
    action: 'reload-page',
  },
  'python/died': {
    message: 'Python stopped: the code ended or broke the interpreter. It restarts, state lost.',
    action: 'restart-python',
  },
  'python/not-started': { message: 'Python has not started yet.', action: null },
  'python/worker-crashed': {
    message: 'The Python worker stopped unexpectedly. It restarts on the next run, state lost.',
    action: 'restart-python',
  },
  'python/timeout': {
    message: 'The code ran past its time limit. Raise it in Settings if the code needs longer.',
    action: null,
  },
  'python/stopped': { message: 'Stopped.', action: null },
  'python/package-timeout': {
    message:
      'Downloading packages did not finish in time. Check the connection, or set another package index in Settings.',
    action: null,
  },
  'worker/terminated': {
    message: 'The worker was stopped before it answered.',
    action: null,
  },
  'worker/disposed': {
    message: 'This worker was closed; nothing more can run on it.',
    action: 'reload-page',
  },
  'worker/failed': {
    message: 'The worker failed to load its script. Reload the page.',
    action: 'reload-page',
  },
  'model/not-loaded': { message: 'No model is loaded. Load one first.', action: null },
  'model/busy': {
    message: 'The model is busy with another generation. Wait for it to finish, or stop it.',
    action: null,
  },
  'model/out-of-memory': {
    message: 'The GPU ran out of memory. Pick a smaller model, such as Llama 3.2 1B or Qwen3 0.6B.',
    action: 'smaller-model',
  },
  'model/device-lost': {
    message: 'The GPU device was lost (a driver reset or another tab took it). Reload the model.',
    action: 'reload-model',
  },
  'model/download-failed': {
    message:
      'The model could not be downloaded. Check the connection, or for an offline classroom use a custom model URL on your own server.',
    action: null,
  },
  'model/load-failed': { message: 'The model could not be loaded.', action: null },
  'model/context-exceeded': {
    message:
      "The prompt no longer fits the model's context window. Use fewer rounds, shorter outputs, or a model with a longer window.",
    action: null,
  },
  'model/generation-failed': { message: 'The model failed while generating.', action: null },
  'library/quota-exceeded': {
    message:
      'The browser has no room left for Loupe. Delete large items in the Library (analysed files, batch reports) or export them first.',
    action: null,
  },
  'library/unavailable': {
    message: 'This browser does not let Loupe keep anything (private mode, or storage blocked).',
    action: null,
  },
  'library/bad-file': { message: 'This file is not a Loupe export.', action: null },
  'experiment/not-kept': {
    message: 'This experiment is no longer in the Library. Start a new experiment.',
    action: null,
  },
  'import/refused': {
    message: 'This file is not a transcript file Loupe can read.',
    action: null,
  },
  internal: { message: 'Something went wrong inside Loupe.', action: null },
} as const satisfies Record<string, ErrorEntry>;

export type LoupeErrorCode = keyof typeof ERROR_TABLE;

export class LoupeError extends Error {
  override name = 'LoupeError';
  constructor(
    readonly code: LoupeErrorCode,
    message: string = ERROR_TABLE[code].message,
  ) {
    super(message);
  }

  get action(): ErrorAction {
    return ERROR_TABLE[this.code].action;
  }

  /** Plain data for postMessage: comlink keeps only name, message and stack of an Error. */
  toJSON(): SerializedError {
    return { code: this.code, message: this.message };
  }

  static from(data: SerializedError): LoupeError {
    return new LoupeError(isErrorCode(data.code) ? data.code : 'internal', data.message);
  }
}

export interface SerializedError {
  code: LoupeErrorCode;
  message: string;
}

export function isErrorCode(code: unknown): code is LoupeErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_TABLE, code);
}

/** The code of any thrown value: a LoupeError's own, or null. */
export function codeOf(error: unknown): LoupeErrorCode | null {
  return error instanceof LoupeError ? error.code : null;
}

export function actionOf(error: unknown): ErrorAction {
  const code = codeOf(error);
  return code ? ERROR_TABLE[code].action : null;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

export function abortError(message = 'Stopped.'): DOMException {
  return new DOMException(message, 'AbortError');
}
