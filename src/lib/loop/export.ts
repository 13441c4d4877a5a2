import type { LoopResult, Part } from './loop';

/** The run as Markdown: the question, the assistant's turn with inserted text marked, the result. */
export function transcriptMarkdown(
  question: string,
  engineLabel: string,
  parts: readonly Part[],
  result: LoopResult | null,
): string {
  const body = parts
    .map((part) => {
      if (part.kind === 'model') return part.text;
      if (part.kind === 'inserted')
        return `${part.text.replace(/^\n+/, '\n\n')} _(inserted by Loupe)_ `;
      return part.spliced;
    })
    .join('');
  const lines = [`# ${engineLabel}`, '', `**Question.** ${question}`, '', body.trim(), ''];
  if (result) {
    lines.push(
      '---',
      '',
      `Ended: ${result.reason} (${result.message}) · answer: ${result.answer ?? 'none'}${result.correct === null ? '' : result.correct ? ' (correct)' : ' (wrong)'} · ${result.rounds} rounds · ${result.completionTokens} tokens`,
    );
  }
  return lines.join('\n');
}

export function transcriptJson(
  question: string,
  engineLabel: string,
  parts: readonly Part[],
  result: LoopResult | null,
): string {
  return JSON.stringify({ engine: engineLabel, question, parts, result }, null, 2);
}
