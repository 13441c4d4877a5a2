/** What a family's verifier decides about one extracted answer. */
export interface Check {
  correct: boolean;
  reason: string;
}

export type FamilyVerifier = (answer: string, reference: unknown, question: string) => Check;

export const ok: Check = { correct: true, reason: 'correct' };

export function wrong(reason: string): Check {
  return { correct: false, reason };
}

/** A reference field that must be there; a pack built by `loupe pack` always has it. */
export function field<T>(reference: unknown, key: string): T {
  const value = (reference as Record<string, unknown> | null)?.[key];
  if (value === undefined) throw new Error(`the pack line's reference has no "${key}"`);
  return value as T;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : /(x|s|ch)$/.test(word) ? 'es' : 's'}`;
}

/** Which items a list uses too often and which it misses, against the multiset `expected`. */
export function multisetDifference<T>(used: readonly T[], expected: readonly T[]): string | null {
  const counts = new Map<T, number>();
  for (const item of expected) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const item of used) counts.set(item, (counts.get(item) ?? 0) - 1);
  const extra = [...counts].filter(([, c]) => c < 0).map(([k]) => String(k));
  const missing = [...counts].filter(([, c]) => c > 0).map(([k]) => String(k));
  if (!extra.length && !missing.length) return null;
  const parts = [];
  if (extra.length) parts.push(`uses ${extra.join(', ')} more often than given`);
  if (missing.length) parts.push(`does not use ${missing.join(', ')}`);
  return parts.join(' and ');
}
