/** One step of an execution trace, as recorded by the tracer (snoop's format, as data). */
export type TraceEvent =
  | { kind: 'call'; depth: number; func: string; verb: string; line: number }
  | { kind: 'line'; depth: number; line: number; source: string }
  | { kind: 'var'; depth: number; name: string; value: string; dots: number; length?: number }
  | { kind: 'return'; depth: number; func: string; value: string }
  | { kind: 'yield'; depth: number; func: string; value: string }
  | { kind: 'exception'; depth: number; type: string; message: string }
  | { kind: 'unwind'; depth: number; func: string };

/** How a traced call ended. */
export type TraceStatus = 'ok' | 'raised' | 'truncated' | 'timeout' | 'invalid';

export interface TraceLimits {
  /** Events recorded before the program is stopped (default 10,000). */
  maxEvents: number;
  /** Longest repr of a value in the trace; longer ones end in "...". */
  maxRepr: number;
  /** Seconds before the program is stopped. */
  timeoutSeconds: number;
}

export const DEFAULT_TRACE_LIMITS: TraceLimits = {
  maxEvents: 10_000,
  maxRepr: 200,
  timeoutSeconds: 5,
};

/** A program and the call to trace. */
export interface TraceRequest {
  id: string;
  /** Source that defines the function(s). */
  code: string;
  /** A Python expression that calls it, e.g. `f(1, 2)`. */
  call: string;
  /** The expected return value as a Python literal, when known. */
  expected?: string;
}

export interface TraceResult {
  id: string;
  status: TraceStatus;
  events: TraceEvent[];
  /** repr() of the return value, uncapped; null unless status is ok. */
  answer: string | null;
  /** Whether the return value equals `expected`; null when there was none or no value. */
  match: boolean | null;
  error: { type: string; message: string } | null;
  /** What the program printed (not part of the trace). */
  stdout: string;
  durationMs: number;
}

export const TRACE_FILENAME = '<program>';
