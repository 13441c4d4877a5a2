import type { TaggedUnit } from '../tagger/tagger';
import type { Part } from '../loop/loop';

export type RunPart = Extract<Part, { kind: 'run' }>;

/** A unit of the live transcript with everything its view needs, fixed once the unit settles. */
export interface UnitView {
  unit: TaggedUnit;
  body: string;
  /** The whitespace before it: nothing, a line break, or a paragraph break. */
  gap: 'none' | 'line' | 'paragraph';
  inserted: boolean;
  run: RunPart | null;
}

/** Builds unit views as the transcript grows, in blocks that stay the same once full. */
export class TranscriptView {
  readonly blocks: UnitView[][] = [];
  #runsSeen = 0;
  #previousEnd = 0;
  static readonly BLOCK = 40;

  /** Adds settled units; returns true when anything changed. */
  add(
    units: readonly TaggedUnit[],
    text: string,
    inserted: readonly { start: number; end: number }[],
    runs: readonly RunPart[],
  ): boolean {
    for (const unit of units) {
      const view = this.view(unit, text, inserted, runs);
      if (unit.kind === 'output') this.#runsSeen += 1;
      this.#previousEnd = unit.end;
      const last = this.blocks.at(-1);
      // A full block is never touched again; the last one is replaced by a copy so views see the change.
      if (!last || last.length >= TranscriptView.BLOCK) this.blocks.push([view]);
      else this.blocks[this.blocks.length - 1] = [...last, view];
    }
    return units.length > 0;
  }

  /** The view of a unit at this point (for the one still being written, too). */
  view(
    unit: TaggedUnit,
    text: string,
    inserted: readonly { start: number; end: number }[],
    runs: readonly RunPart[],
  ): UnitView {
    const gapText = text.slice(this.#previousEnd, unit.start);
    return {
      unit,
      body: text.slice(unit.start, unit.end),
      gap: gapText.includes('\n\n') ? 'paragraph' : gapText.includes('\n') ? 'line' : 'none',
      inserted: inserted.some((r) => r.start < unit.end && r.end > unit.start),
      run: unit.kind === 'output' ? (runs[this.#runsSeen] ?? null) : null,
    };
  }
}
