/**
 * An estimate of how many tokens a text takes, for comparing lengths without a model's tokenizer:
 * each word, number and symbol counts as one, and long words as one per six characters. Close to
 * BPE counts for code and English prose; always shown as an estimate.
 */
export function estimateTokens(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/[A-Za-z]+|\d+|[^\sA-Za-z\d]/g)) {
    count += Math.max(1, Math.ceil(match[0].length / 6));
  }
  return count;
}
