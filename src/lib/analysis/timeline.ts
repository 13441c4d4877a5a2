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
  for (const unit of units) {
    const slot = Math.min(slots - 1, Math.floor((slots * unit.start) / Math.max(length, 1)));
    for (const label of new Set(unit.labels)) {
      const lane = lanes[label];
      const bin = lane.find((b) => b.slot === slot);
      if (bin) bin.units.push(unit);
      else lane.push({ label, slot, units: [unit] });
    }
  }
  return lanes;
}

/** What a bin says to a screen reader: "Verification in sentence 4 and code block 7". */
export function describeBin(name: string, bin: TimelineBin): string {
  const parts = bin.units.map(
    (u) => `${u.kind === 'code' ? 'code block' : 'sentence'} ${u.number}`,
  );
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `${name} in ${list}`;
}
