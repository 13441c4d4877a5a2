/** Where the final answer was found in a response. */
export type AnswerSource = 'angle' | 'boxed' | 'answer-tag';

export interface FoundAnswer {
  text: string;
  source: AnswerSource;
}

/**
 * The final answer of a response: the last `<<<...>>>`, else the last `\boxed{...}`, else the
 * last `<answer>...</answer>`. Models often restate the format while reasoning, so the last wins.
 */
export function findAnswer(response: string): FoundAnswer | null {
  const angle = [...response.matchAll(/<<<([\s\S]*?)>>>/g)].at(-1)?.[1];
  if (angle !== undefined) return { text: angle.trim(), source: 'angle' };
  const boxed = lastBoxed(response);
  if (boxed !== null) return { text: boxed.trim(), source: 'boxed' };
  const tagged = [...response.matchAll(/<answer>([\s\S]*?)(?:<\/answer>|$)/g)].at(-1)?.[1];
  if (tagged !== undefined && tagged.trim()) {
    const inner = lastBoxed(tagged);
    return { text: (inner ?? tagged).trim(), source: 'answer-tag' };
  }
  return null;
}

function lastBoxed(text: string): string | null {
  const start = text.lastIndexOf('\\boxed{');
  if (start === -1) return null;
  let depth = 0;
  for (let i = start + 6; i < text.length; i++) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) return text.slice(start + 7, i);
  }
  return null;
}

export const NO_ANSWER = 'no answer in <<<>>> (nor in \\boxed{} or <answer>)';
