import { BEHAVIOURS, type Behaviour } from '../tagger/labels';

/** A tagged unit as the timeline sees it: where it starts, its number, and its labels. */
export interface TimelineUnit {
  start: number;
  /** 1-based, counting sentences and code blocks (outputs are not counted). */
  number: number;
  kind: 'text' | 'code';
  labels: readonly Behaviour[];
}

/** A stretch of one lane holding at least one tagged unit. */
export interface TimelineBin {
  label: Behaviour;
  /** 0-based position of the bin in its lane. */
  slot: number;
  units: TimelineUnit[];
}

/**
 * One lane per behaviour, each cut into `slots` equal stretches of the text; a stretch with tagged
 * units becomes one target (wide enough to point at on a phone) that lists which units it holds.
 */
export function timelineBins(
  units: readonly TimelineUnit[],
  length: number,
  slots = 12,
): Record<Behaviour, TimelineBin[]> {
  const lanes = Object.fromEntries(BEHAVIOURS.map((b) => [b, [] as TimelineBin[]])) as Record<
    Behaviour,
    TimelineBin[]
  >;
  const bySlot = Object.fromEntries(BEHAVIOURS.map((b) => [b, [] as TimelineBin[]])) as Record<
    Behaviour,
    TimelineBin[]
  >;
  for (const unit of units) {
    const slot = Math.min(slots - 1, Math.floor((slots * unit.start) / Math.max(length, 1)));
    // A label listed twice counts once (no Set per unit: a long transcript has 100,000 units).
    for (const [at, label] of unit.labels.entries()) {
      if (unit.labels.indexOf(label) !== at) continue;
      const bin = bySlot[label][slot];
      if (bin) bin.units.push(unit);
      else lanes[label].push((bySlot[label][slot] = { label, slot, units: [unit] }));
    }
  }
  return lanes;
}

/** Units a bin names at most; a 5 MB transcript's bin may hold 10,000 of them. */
export const NAMED_UNITS = 8;

/**
 * What a bin says to a screen reader: "Verification in sentence 4 and code block 7", or past
 * NAMED_UNITS, "Verification in sentence 4, …, sentence 31 and 9,992 more".
 */
export function describeBin(name: string, bin: TimelineBin): string {
  const parts = bin.units
    .slice(0, NAMED_UNITS)
    .map((u) => `${u.kind === 'code' ? 'code block' : 'sentence'} ${u.number}`);
  const more = bin.units.length - parts.length;
  if (more > 0) return `${name} in ${parts.join(', ')} and ${more.toLocaleString('en')} more`;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `${name} in ${list}`;
}
