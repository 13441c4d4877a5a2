/**
 * Errors that cross module and worker boundaries carry a stable `code`, so callers branch on the
 * code and show the message, which says what to do next.
 */
export type LoupeErrorCode =
  | 'python/start-failed'
  | 'python/worker-crashed'
  | 'python/died'
  | 'python/not-started'
  | 'model/not-loaded'
  | 'model/out-of-memory'
  | 'model/download-failed'
  | 'model/load-failed'
  | 'library/quota-exceeded'
  | 'library/unavailable'
  | 'library/bad-file'
  | 'internal';

export class LoupeError extends Error {
  override name = 'LoupeError';
  constructor(
    readonly code: LoupeErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** Plain data for postMessage: comlink keeps only name, message and stack of an Error. */
  toJSON(): SerializedError {
    return { code: this.code, message: this.message };
  }

  static from(data: SerializedError): LoupeError {
    return new LoupeError(data.code, data.message);
  }
}

export interface SerializedError {
  code: LoupeErrorCode;
  message: string;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
