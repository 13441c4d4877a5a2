import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { TRACER_SOURCE } from './tracer-source';
import {
  DEFAULT_TRACE_LIMITS,
  TRACE_FILENAME,
  type TraceLimits,
  type TraceRequest,
  type TraceResult,
} from './types';

type TraceFunction = (
  source: string,
  call: string,
  expected: string | undefined,
  filename: string,
  maxEvents: number,
  maxRepr: number,
  timeout: number,
) => string;

/** Traces programs in a Pyodide instance (a worker's, or Node's for the command line). */
export class TraceRunner {
  readonly #trace: TraceFunction;
  readonly #module: PyProxy;

  constructor(pyodide: PyodideAPI) {
    this.#module = pyodide.runPython(`
import types
_loupe_tracer = types.ModuleType("_loupe_tracer")
exec(${JSON.stringify(TRACER_SOURCE)}, _loupe_tracer.__dict__)
_loupe_tracer`) as PyProxy;
    this.#trace = this.#module.trace as TraceFunction;
  }

  trace(request: TraceRequest, limits: Partial<TraceLimits> = {}): TraceResult {
    const { maxEvents, maxRepr, timeoutSeconds } = { ...DEFAULT_TRACE_LIMITS, ...limits };
    const started = performance.now();
    const raw = this.#trace(
      request.code,
      request.call,
      // undefined, not null: Pyodide turns null into jsnull, not None.
      request.expected ?? undefined,
      TRACE_FILENAME,
      maxEvents,
      maxRepr,
      timeoutSeconds,
    );
    const parsed = JSON.parse(raw) as Omit<TraceResult, 'id' | 'durationMs'>;
    return {
      ...parsed,
      events: parsed.events ?? [],
      id: request.id,
      durationMs: performance.now() - started,
    };
  }
}
