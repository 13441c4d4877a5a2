import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { EXPECTED_SOURCE } from './py-expected';
import { HARNESS_SOURCE } from './py-harness';
import { VALUES_SOURCE } from './py-values';
import { LOOPS_SOURCE } from './tracer-loops';
import { TRACER_SOURCE } from './tracer-source';
import {
  DEFAULT_TRACE_LIMITS,
  MAX_ANSWER_CHARS,
  MAX_TRACE_CHARS,
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
  maxChars: number,
  answerLimit: number,
  jsonCompare: boolean,
) => PyProxy;

/** Traces programs in a Pyodide instance (a worker's, or Node's for the command line). */
export class TraceRunner {
  readonly #trace: TraceFunction;
  readonly #module: PyProxy;

  constructor(pyodide: PyodideAPI) {
    // The tracer's own builtins are a private copy: a program replacing `repr` cannot reach them.
    this.#module = pyodide.runPython(`
import builtins, types
_loupe_tracer = types.ModuleType("_loupe_tracer")
_loupe_tracer.__dict__["__builtins__"] = dict(builtins.__dict__)
exec(${JSON.stringify(VALUES_SOURCE + LOOPS_SOURCE + TRACER_SOURCE + EXPECTED_SOURCE + HARNESS_SOURCE)}, _loupe_tracer.__dict__)
_loupe_tracer`) as PyProxy;
    this.#trace = this.#module.trace as TraceFunction;
  }

  trace(request: TraceRequest, limits: Partial<TraceLimits> = {}): TraceResult {
    const { maxEvents, maxRepr, timeoutSeconds } = { ...DEFAULT_TRACE_LIMITS, ...limits };
    const started = performance.now();
    const proxy = this.#trace(
      request.code,
      request.call,
      // undefined, not null: Pyodide turns null into jsnull, not None.
      request.expected ?? undefined,
      TRACE_FILENAME,
      maxEvents,
      maxRepr,
      timeoutSeconds,
      MAX_TRACE_CHARS,
      MAX_ANSWER_CHARS,
      request.compare === 'json',
    );
    // Converted here, in JavaScript: nothing the program can replace takes part.
    let parsed: Omit<TraceResult, 'id' | 'durationMs'>;
    try {
      parsed = proxy.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false }) as Omit<
        TraceResult,
        'id' | 'durationMs'
      >;
    } finally {
      proxy.destroy();
    }
    // Python's None arrives as undefined.
    return {
      ...parsed,
      answer: parsed.answer ?? null,
      match: parsed.match ?? null,
      error: parsed.error ?? null,
      events: parsed.events ?? [],
      id: request.id,
      durationMs: performance.now() - started,
    };
  }
}
