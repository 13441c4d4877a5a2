import { chat } from '../engine/chat';
import type { GenerationEngine } from '../engine/types';
import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import type { TemplateId } from '../transcript/format';

/**
 * What each behaviour means to the judge, in the manner of Gandhi et al. (2025): one prompt per
 * behaviour, asking for a count between <count> tags.
 */
const DEFINITIONS: Record<Behaviour, string> = {
  verification:
    'answer-verification steps: places where the reasoning checks a result it already obtained, for example by substituting it back, comparing it with the target or a constraint, or recomputing it another way (in prose or with code)',
  backtracking:
    'backtracking: places where the reasoning realises that a path, result or piece of code is wrong or will not work, and abandons or revises it',
  subgoal_setting:
    'subgoal setting: places where the reasoning breaks the problem into smaller intermediate goals or announces a plan of steps, such as "First, I will find ..., then ..."',
  backward_chaining:
    'backward chaining: places where the reasoning starts from the goal or the desired answer and works backwards to what is needed to reach it',
};

export function judgePrompt(behaviour: Behaviour, question: string, transcript: string): string {
  return [
    `Here is a problem and a chain of reasoning, with code and its outputs, that tries to solve it.`,
    '',
    `Problem: ${question}`,
    '',
    'Reasoning:',
    transcript,
    '',
    `Evaluate whether the reasoning contains any ${DEFINITIONS[behaviour]}.`,
    'Count the number of distinct instances. Think briefly, then give the count between <count> and </count>, for example <count>2</count>. If there are none, give <count>0</count>.',
  ].join('\n');
}

/** The number between the last <count> tags, or null when the reply has none. */
export function parseCount(reply: string): number | null {
  const match = [...reply.matchAll(/<count>\s*(\d+)\s*<\/count>/gi)].at(-1);
  return match ? Number(match[1]) : null;
}

export type JudgeCounts = Record<Behaviour, number | null>;

/** Asks the model once per behaviour; a reply without a count gives null for that behaviour. */
export async function judgeTranscript(
  engine: GenerationEngine,
  template: TemplateId,
  question: string,
  transcript: string,
  signal?: AbortSignal,
  onCount?: (behaviour: Behaviour, count: number | null) => void,
): Promise<JudgeCounts> {
  const counts = Object.fromEntries(BEHAVIOURS.map((b) => [b, null])) as JudgeCounts;
  for (const behaviour of BEHAVIOURS) {
    const reply = await chat(
      engine,
      template,
      'You are a careful grader of reasoning.',
      judgePrompt(behaviour, question, transcript),
      {
        maxTokens: 512,
        signal,
      },
    );
    counts[behaviour] = parseCount(reply.text);
    onCount?.(behaviour, counts[behaviour]);
    if (signal?.aborted) break;
  }
  return counts;
}
