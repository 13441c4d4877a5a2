import { sameAnswer } from '../core/answer';
import type { ImportedTranscript } from './types';

interface Turn {
  role: string;
  content: string;
}

/** Whether a parsed line looks like a MathCoder result line (it has `debug_result` turns). */
export function isMathCoder(record: Record<string, unknown>): boolean {
  return Array.isArray(record.debug_result);
}

/**
 * The verdict a MathCoder results file name carries (`…-correct.jsonl`, `…-wrong.jsonl`), as
 * released; null for any other name.
 */
export function verdictFromName(name: string): boolean | null {
  const base = name.split(/[\\/]/).at(-1) ?? name;
  if (/-correct(\.\w+)*$/i.test(base)) return true;
  if (/-wrong(\.\w+)*$/i.test(base)) return false;
  return null;
}

/**
 * A MathCoder result line as a Markdown TIR transcript: `text` turns as prose, `code` as a
 * ```python block, `execution` as a ```output block. A last `text` turn that is only the extracted
 * answer is the pipeline's, not the model's reasoning: it becomes the answer, not prose. Throws
 * an Error with a message for the line's report when the turns are malformed.
 */
export function mathcoderTranscript(
  record: Record<string, unknown>,
  fallbackId: string,
  fileVerdict: boolean | null,
): ImportedTranscript {
  const turns = (record.debug_result as unknown[]).map(checkTurn);
  const question = turns.find((t) => t.role === 'user')?.content ?? null;
  const body = turns.filter(
    (t) => t.role === 'text' || t.role === 'code' || t.role === 'execution',
  );
  const last = body.at(-1);
  const bare = last && last.role === 'text' && body.length > 1 && isBareAnswer(last.content);
  const reasoning = bare ? body.slice(0, -1) : body;
  const text = reasoning.map(markdownOf).join('\n\n');
  if (!text.trim()) throw new Error('"debug_result" has no text, code or execution turn');
  const modelAnswer = scalar(record.model_answer);
  const answer = modelAnswer ?? (bare ? last.content.trim() : null);
  const truth = record.ground_truth as { answer?: unknown } | undefined;
  const expected = scalar(truth?.answer);
  const graded = answer !== null && expected !== null ? sameAnswer(answer, expected) : null;
  return {
    id: String(scalar(record.id) ?? fallbackId),
    question,
    text,
    expected,
    format: 'mathcoder',
    answer,
    verdict: fileVerdict ?? graded,
  };
}

function checkTurn(turn: unknown, index: number): Turn {
  const t = turn as Partial<Turn> | null;
  if (typeof t?.role !== 'string' || typeof t.content !== 'string')
    throw new Error(`"debug_result" turn ${index + 1} is not {role, content} strings`);
  return t as Turn;
}

function markdownOf(turn: Turn): string {
  const content = turn.content.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (turn.role === 'code') return `\`\`\`python\n${content}\n\`\`\``;
  if (turn.role === 'execution') return `\`\`\`output\n${content}\n\`\`\``;
  return content;
}

/** One short line with at most three words: an extracted answer such as `3`, `52{wpm}`, `€27`. */
function isBareAnswer(content: string): boolean {
  const trimmed = content.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= 60 &&
    !trimmed.includes('\n') &&
    trimmed.split(/\s+/).length <= 3
  );
}

function scalar(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
