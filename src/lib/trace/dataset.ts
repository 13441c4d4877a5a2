import { formatTrace } from './format';
import { reasoningFromTrace, type Reasoning } from './reasoning';
import type { TraceRequest, TraceResult } from './types';

/** The question that the training examples ask (the paper's output-prediction task). */
export function questionFor(request: TraceRequest): string {
  return [
    'You are given a Python program and an input. Predict the output of the program by tracing its execution step by step.',
    '',
    '```python',
    request.code.trimEnd(),
    '```',
    '',
    `Input: \`${request.call}\``,
    '',
    'Reason step by step, with the exact value of each variable as it changes, and end with the line "Final answer: <the returned value>".',
  ].join('\n');
}

export interface ChatExample {
  messages: { role: 'user' | 'assistant'; content: string }[];
}

/** A training example in the chat format, from a trace whose answer matched the expected output. */
export function chatExample(
  request: TraceRequest,
  reasoning: Pick<Reasoning, 'text'>,
): ChatExample {
  return {
    messages: [
      { role: 'user', content: questionFor(request) },
      { role: 'assistant', content: reasoning.text },
    ],
  };
}

/** Everything known about one traced program, as the command line and the exports write it. */
export interface TracedProgram {
  id: string;
  trace: string;
  reasoning: string | null;
  answer: string | null;
  expected: string | null;
  match: boolean | null;
  status: TraceResult['status'];
  reason?: string;
  /** Whether the row goes into the training set (always set by tracedProgram). */
  training?: boolean;
  /** Why it does not, when it does not. */
  leftOut?: LeftOutReason;
}

/** Why a traced program gives no training example. */
export type LeftOutReason =
  | 'no-expected'
  | 'mismatch'
  | 'raised'
  | 'invalid'
  | 'timeout'
  | 'truncated'
  | 'opaque'
  | 'capped'
  /** Only from the command line's sandbox: the process was killed, or the row cut. */
  | 'memory'
  | 'crashed'
  | 'output-limit';

export const LEFT_OUT_LABELS: Record<LeftOutReason, string> = {
  'no-expected': 'no expected output to check against',
  mismatch: 'answer differs from the expected output',
  raised: 'raised an exception',
  invalid: 'could not be defined',
  timeout: 'stopped at the time limit',
  truncated: 'trace cut at the step limit',
  opaque: 'state inside an object the trace cannot show',
  capped: 'a value too long to show in full',
  memory: 'ran out of memory',
  crashed: 'crashed the interpreter',
  'output-limit': 'a result too large for a row',
};

/**
 * Why a trace cannot teach: a reasoning written from it would skip state it cannot see (an
 * object shown only as `<... object>`, a value cut to fit, a trace cut short), or its answer is
 * not known to be right. Null when it can.
 */
export function leftOutReason(result: TraceResult): LeftOutReason | null {
  if (result.status !== 'ok') return result.status;
  if (result.match === null) return 'no-expected';
  if (!result.match) return 'mismatch';
  if (result.answerOpaque) return 'opaque';
  if (result.answerCapped) return 'capped';
  let capped = false;
  for (const event of result.events) {
    if ('opaque' in event && event.opaque) return 'opaque';
    if ('capped' in event && event.capped) capped = true;
  }
  return capped ? 'capped' : null;
}

/** How many rows were left out, and why, in a sentence; empty when none were. */
export function describeLeftOut(counts: Partial<Record<LeftOutReason, number>>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n && n > 0)
    .sort((a, b) => (b[1] as number) - (a[1] as number))
    .map(([reason, n]) => `${n} ${LEFT_OUT_LABELS[reason as LeftOutReason]}`);
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return total === 0 ? '' : `${total} left out: ${parts.join(', ')}.`;
}

/** The training set in the chat format, and what was left out of it and why. */
export function trainingSet(rows: readonly { request: TraceRequest; row: TracedProgram }[]): {
  text: string;
  kept: number;
  leftOut: Partial<Record<LeftOutReason, number>>;
} {
  let text = '';
  let kept = 0;
  const leftOut: Partial<Record<LeftOutReason, number>> = {};
  for (const { request, row } of rows) {
    if (row.training && row.reasoning) {
      text += `${JSON.stringify(chatExample(request, { text: row.reasoning }))}\n`;
      kept += 1;
    } else {
      const reason = row.leftOut ?? 'mismatch';
      leftOut[reason] = (leftOut[reason] ?? 0) + 1;
    }
  }
  return { text, kept, leftOut };
}

export function tracedProgram(
  request: TraceRequest,
  result: TraceResult,
): { row: TracedProgram; reasoning: Reasoning | null } {
  const reasoning =
    result.status === 'ok' && result.answer !== null
      ? reasoningFromTrace(result.events, request.call, result.answer, request.code)
      : null;
  const row: TracedProgram = {
    id: request.id,
    trace: formatTrace(result.events, result),
    reasoning: reasoning?.text ?? null,
    answer: result.answer,
    expected: request.expected ?? null,
    match: result.match,
    status: result.status,
    training: false,
  };
  const leftOut = leftOutReason(result);
  if (leftOut) row.leftOut = leftOut;
  else row.training = reasoning !== null;
  const reason = reasonFor(result);
  if (reason) row.reason = reason;
  return { row, reasoning };
}

/** Why a program did not give a usable example, in words. */
export function reasonFor(result: TraceResult): string | undefined {
  switch (result.status) {
    case 'raised':
      return `raised ${result.error?.type}: ${result.error?.message}`;
    case 'invalid':
      return `could not be defined: ${result.error?.type}: ${result.error?.message}`;
    case 'truncated':
      if (result.error?.type === 'TraceDisabled')
        return `the trace is incomplete: ${result.error.message}`;
      return result.answer === null
        ? 'stopped at the step limit'
        : `trace cut at the step limit; the program went on and returned ${result.answer}`;
    case 'timeout':
      return result.error
        ? `stopped at the time limit: ${result.error.message}`
        : 'stopped at the time limit';
    case 'ok':
      return result.match === false
        ? `returned ${result.answer}, expected something else`
        : undefined;
  }
}
