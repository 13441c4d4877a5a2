import { ANSWER_PREFIX } from './reasoning';
import type { TraceRequest } from './types';

/**
 * The prompt that asks a model to turn a trace into reasoning, with the rules of Jung et al.:
 * exact values from the trace, no code, no mention of the trace, the answer last.
 */
export function translationPrompt(request: TraceRequest, trace: string): string {
  return [
    'Below is a Python program, a call to it, and a record of every step the program took when it ran.',
    'Rewrite that record as a step-by-step explanation of how the program computes its result, the way a careful person would reason through the code by hand.',
    '',
    'Rules:',
    '- Use the exact values from the record; do not round, guess or skip any value you state.',
    '- Do not write code, and do not quote the record line by line.',
    '- Do not mention the record, a trace, a log or a debugger: write as if you were reasoning it out yourself.',
    `- End with one line of the form "${ANSWER_PREFIX} <the value the call returns>".`,
    '',
    '```python',
    request.code.trimEnd(),
    '```',
    '',
    `Call: \`${request.call}\``,
    '',
    'Record:',
    '```',
    trace,
    '```',
  ].join('\n');
}

export interface TranslationCheck {
  /** The answer the text states, or null when it states none. */
  stated: string | null;
  /** The stated answer equals the executed return value. */
  matches: boolean;
  /** What breaks the rules, in words; empty when nothing does. */
  problems: string[];
}

/** Checks a model's translation against the executed return value and the rules. */
export function checkTranslation(text: string, answer: string): TranslationCheck {
  const problems: string[] = [];
  const lines = [...text.matchAll(new RegExp(`${ANSWER_PREFIX}\\s*(.+)`, 'g'))];
  const stated = lines.at(-1)?.[1]?.trim().replace(/\.$/, '').replace(/^`|`$/g, '').trim() ?? null;
  const matches = stated !== null && normalise(stated) === normalise(answer);
  if (stated === null) problems.push(`It does not end with "${ANSWER_PREFIX} …".`);
  else if (!matches) problems.push(`It states ${stated}, but the program returned ${answer}.`);
  if (/```/.test(text)) problems.push('It contains code.');
  if (/\b(trace|traced|tracing|log|debugger|snoop)\b/i.test(text))
    problems.push('It mentions the trace.');
  return { stated, matches, problems };
}

function normalise(value: string): string {
  return value.replace(/\s+/g, '').replace(/"/g, "'");
}
