/**
 * Stepping through a transcript in presenter mode. A transcript is a list of units (sentences,
 * code blocks, outputs); `shown` is how many of them are on screen. Each step size has its stops:
 * the counts at which a step ends.
 */
export type UnitKind = 'text' | 'code' | 'output';
export type StepSize = 'sentence' | 'block' | 'round';

export const STEP_SIZES: { id: StepSize; label: string }[] = [
  { id: 'sentence', label: 'Sentence' },
  { id: 'block', label: 'Code block' },
  { id: 'round', label: 'Round' },
];

/**
 * The counts at which a step of this size ends, ascending, always ending with the whole transcript.
 * A sentence step shows one more unit; a code-block step ends after the next code block and its
 * output; a round ends after each output (the model's reasoning, its code and what the code printed).
 */
export function stops(kinds: readonly UnitKind[], size: StepSize): number[] {
  const out: number[] = [];
  kinds.forEach((kind, i) => {
    const end = i + 1;
    const next = kinds[i + 1];
    if (size === 'sentence') out.push(end);
    else if (size === 'block' && kind === 'code' && next !== 'output') out.push(end);
    else if (size === 'block' && kind === 'output' && kinds[i - 1] === 'code') out.push(end);
    else if (size === 'round' && kind === 'output') out.push(end);
  });
  if (out.at(-1) !== kinds.length && kinds.length > 0) out.push(kinds.length);
  return out;
}

/** How many units a step forward shows (unchanged at the end). */
export function stepForward(kinds: readonly UnitKind[], shown: number, size: StepSize): number {
  return stops(kinds, size).find((stop) => stop > shown) ?? Math.max(shown, kinds.length);
}

/** How many units a step back shows (0 at the start). */
export function stepBack(kinds: readonly UnitKind[], shown: number, size: StepSize): number {
  return (
    stops(kinds, size)
      .filter((stop) => stop < shown)
      .at(-1) ?? 0
  );
}

/** Where the presenter is, in words: "Sentence 4 of 31 · round 2 of 3". */
export function position(kinds: readonly UnitKind[], shown: number): string {
  const rounds = kinds.filter((k) => k === 'output').length;
  const round = Math.min(
    kinds.slice(0, shown - 1).filter((k) => k === 'output').length + 1,
    rounds,
  );
  const where = `Unit ${shown} of ${kinds.length}`;
  return rounds > 0 ? `${where} · round ${Math.max(round, 1)} of ${rounds}` : where;
}
