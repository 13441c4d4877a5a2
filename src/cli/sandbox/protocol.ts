import type { PythonRunResult } from '../../lib/python/types';
import type { TraceLimits, TraceRequest, TraceResult } from '../../lib/trace/types';

/**
 * Messages between the command line and a sandboxed child, over Node's IPC channel (never the
 * child's stdout, which the program could write to). The child's side is plain JavaScript that
 * Python cannot reach, so a program cannot forge or break this protocol by replacing `json`,
 * `sys.stdout` or `print`.
 */
export type ParentMessage =
  /** First message: start Python, from a memory snapshot of a fresh interpreter when there is one. */
  | { type: 'start'; snapshot: Uint8Array | null; makeSnapshot: boolean }
  | { type: 'trace'; job: number; request: TraceRequest; limits: Partial<TraceLimits> }
  | { type: 'replay'; job: number; blocks: string[] };

export type ChildMessage =
  | { type: 'ready'; startMs: number }
  /** A memory snapshot of Python right after start-up, before any program ran. */
  | { type: 'snapshot'; bytes: Uint8Array }
  | { type: 'traced'; job: number; result: TraceResult }
  /** One code block of a replay job ran (sent per block, so a hang is pinned to its block). */
  | { type: 'block'; job: number; index: number; result: PythonRunResult }
  | { type: 'replayed'; job: number }
  /** The job failed inside the runner itself (a fatal Pyodide error, a poisoned harness). */
  | { type: 'failed'; job: number; kind: FailureKind; message: string }
  /** After each job: the child takes the next one. */
  | { type: 'idle' }
  /** After a job: the interpreter's state was changed in a way later jobs must not inherit. */
  | { type: 'retire'; reason: string };

export type FailureKind = 'crashed' | 'memory' | 'output-limit';

/** What the child needs to start (passed as its command line arguments, JSON). */
export interface ChildConfig {
  pyodideURL: string;
  /** Largest IPC message the child sends; a bigger result becomes an output-limit failure. */
  maxMessageBytes: number;
  /** Retire the interpreter once its WebAssembly memory has grown past this. */
  maxWasmBytes: number;
  maxOutputBytes: number;
}
