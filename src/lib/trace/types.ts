/** One changed variable of a run of folded loop iterations: its first and last values. */
export interface FoldedChange {
  name: string;
  /** Values after the first folded iterations where it changed (up to three). */
  head: string[];
  /** Values after the last ones (up to three), after `head`; empty when all are in `head`. */
  tail: string[];
  /** How many of the folded iterations changed it. */
  count: number;
  /** Its value after the last folded iteration. */
  final: string;
}

/** Marks on a value: cut to the length limit, or an object whose state the text does not show. */
interface ValueFlags {
  capped?: boolean;
  opaque?: boolean;
}

/** One step of an execution trace, as recorded by the tracer (snoop's format, as data). */
export type TraceEvent =
  | { kind: 'call'; depth: number; func: string; verb: string; line: number; gen?: number }
  | { kind: 'line'; depth: number; line: number; source: string }
  | ({
      kind: 'var';
      depth: number;
      name: string;
      value: string;
      dots: number;
      length?: number;
    } & ValueFlags)
  | ({ kind: 'return'; depth: number; func: string; value: string } & ValueFlags)
  | ({ kind: 'yield'; depth: number; func: string; value: string } & ValueFlags)
  | { kind: 'exception'; depth: number; type: string; message: string }
  | { kind: 'unwind'; depth: number; func: string }
  | ({
      /** Iterations first..last of the loop at `line` took paths already shown, so are folded. */
      kind: 'loop';
      depth: number;
      line: number;
      first: number;
      last: number;
      changes: FoldedChange[];
      /** Functions those iterations called. */
      calls: string[];
    } & ValueFlags);

/** How a traced call ended. */
export type TraceStatus = 'ok' | 'raised' | 'truncated' | 'timeout' | 'invalid';

/**
 * Seconds a traced program may run, everywhere: the browser's single trace and batch, and the
 * command line. Python stops itself at it; the browser also replaces a worker stuck past it.
 */
export const TRACE_TIME_LIMIT_SECONDS = 5;

export interface TraceLimits {
  /** Events recorded (shown) at most; past it the program runs on unrecorded (default 10,000). */
  maxEvents: number;
  /** Longest text of a value in the trace; longer ones end in "...". */
  maxRepr: number;
  /** Seconds before the program is stopped. */
  timeoutSeconds: number;
}

export const DEFAULT_TRACE_LIMITS: TraceLimits = {
  maxEvents: 10_000,
  maxRepr: 200,
  timeoutSeconds: TRACE_TIME_LIMIT_SECONDS,
};

/** Characters of trace text recorded at most, whatever the step limit: a page never gets more. */
export const MAX_TRACE_CHARS = 1_000_000;
/** Longest answer text; the match is still decided on the whole value. */
export const MAX_ANSWER_CHARS = 10_000;

/** A program and the call to trace. */
export interface TraceRequest {
  id: string;
  /** Source that defines the function(s). */
  code: string;
  /** A Python expression that calls it, e.g. `f(1, 2)`. */
  call: string;
  /** The expected return value as a Python literal, when known. */
  expected?: string;
  /**
   * How the answer is compared with `expected`: as Python values (the default), or as JSON
   * would store them (CodeI/O's outputs: tuples are lists, dict keys are strings).
   */
  compare?: 'python' | 'json';
}

export interface TraceResult {
  id: string;
  status: TraceStatus;
  events: TraceEvent[];
  /** The return value's text, capped at MAX_ANSWER_CHARS; null unless the call returned. */
  answer: string | null;
  /** The answer text was cut (a huge value). */
  answerCapped?: boolean;
  /** The answer is an object whose state its text does not show. */
  answerOpaque?: boolean;
  /** Whether the return value equals `expected`; null when there was none or no value. */
  match: boolean | null;
  error: { type: string; message: string } | null;
  /** What the program printed (not part of the trace). */
  stdout: string;
  durationMs: number;
}

export const TRACE_FILENAME = '<program>';
