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
  };
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
      return 'stopped at the step limit';
    case 'timeout':
      return 'stopped at the time limit';
    case 'ok':
      return result.match === false
        ? `returned ${result.answer}, expected something else`
        : undefined;
  }
}
