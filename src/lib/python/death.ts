import { LoupeError, messageOf } from '../core/errors';

/** Why an interpreter can no longer run code. */
export type DeathKind = 'exited' | 'stack' | 'memory' | 'corrupted' | 'damaged';

const EXPLANATIONS: Record<DeathKind, string> = {
  exited: 'Python stopped: the code ended the interpreter (os._exit() or a C-level exit).',
  stack:
    'Python ran out of stack: the code nested too deeply for WebAssembly ' +
    '(a very deep structure passed to json.loads, or recursion below Python, for instance).',
  memory: 'Python ran out of memory (in the browser it has at most 4 GB, often less).',
  corrupted:
    "Python's memory was corrupted (ctypes writing to a raw address, for instance) and the " +
    'interpreter stopped.',
  damaged:
    "The code broke Python's own machinery (removed or replaced built-in functions, or the " +
    'event loop), so the interpreter cannot go on.',
};

/**
 * The interpreter is gone: the run that killed it and every later call end with this error at
 * once, never with a time limit. The host replaces the interpreter; every variable is lost.
 */
export class InterpreterDiedError extends LoupeError {
  override name = 'InterpreterDied';
  constructor(
    readonly kind: DeathKind,
    readonly detail: string,
  ) {
    super('python/died', EXPLANATIONS[kind]);
  }
}

/** Names what killed the interpreter from the error Pyodide or the host reported. */
export function classifyDeath(error: unknown): InterpreterDiedError {
  const detail = messageOf(error);
  const name = error instanceof Error ? error.name : '';
  const status = (error as { status?: unknown } | null)?.status;
  if (
    name === 'ExitStatus' ||
    name === 'Exit' ||
    typeof status === 'number' ||
    /exit\(\d+\)/.test(detail)
  ) {
    return new InterpreterDiedError('exited', detail);
  }
  if (/maximum call stack|too much recursion|stack overflow/i.test(detail)) {
    return new InterpreterDiedError('stack', detail);
  }
  if (
    /out of memory|cannot enlarge memory|memory\.grow|allocation failed|array buffer allocation/i.test(
      detail,
    )
  ) {
    return new InterpreterDiedError('memory', detail);
  }
  if (
    /unreachable|memory access out of bounds|null function|table index|indirect call/i.test(detail)
  ) {
    return new InterpreterDiedError('corrupted', detail);
  }
  return new InterpreterDiedError('damaged', detail);
}
