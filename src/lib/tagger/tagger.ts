import { crucialPattern, findCrucial, type CrucialToken } from './crucial';
import { BEHAVIOURS, DEFAULT_CRUCIAL_TOKENS, type Behaviour } from './labels';
import { advanceDiscourse, newDiscourse } from './discourse';
import { defaultModel } from './default-model';
import type { LinearModel } from './model';
import { tagUnit, type Evidence } from './rules';
import { newScanMemo, nextUnit, type Unit } from './segment';

export interface TaggedUnit extends Unit {
  evidence: Evidence[];
  crucial: CrucialToken[];
  /** False while the unit is still being written: its tags may change. */
  settled: boolean;
}

export interface TagResult {
  units: TaggedUnit[];
  crucial: CrucialToken[];
  counts: Record<Behaviour, number>;
}

export interface TaggerOptions {
  crucialTokens?: readonly string[];
  /** The learned model (default: the shipped weights). */
  model?: LinearModel;
}

/**
 * Tags a transcript as it streams. Each `push` looks only at text after the last settled unit,
 * so the cost follows the new text; settled units never change, and tagging a text in chunks of
 * any sizes gives exactly the result of tagging it whole.
 */
export class StreamTagger {
  /** Every chunk so far; joined only when the whole text is asked for. */
  readonly #chunks: string[] = [];
  /** The text from `#base` on: settled units before it are never read again. */
  #tail = '';
  #base = 0;
  #position = 0;
  readonly #settled: TaggedUnit[] = [];
  /** The unit being written, tagged only when asked for (most pushes are never looked at). */
  #open: TaggedUnit | null = null;
  #openStart = -1;
  #memo = newScanMemo();
  readonly #discourse = newDiscourse();
  readonly #pattern: RegExp;
  readonly #model: LinearModel;

  constructor(options: TaggerOptions = {}) {
    this.#pattern = crucialPattern(options.crucialTokens ?? DEFAULT_CRUCIAL_TOKENS);
    this.#model = options.model ?? defaultModel();
  }

  get text(): string {
    const text = this.#chunks.join('');
    this.#chunks.length = 0;
    this.#chunks.push(text);
    return text;
  }

  /** Adds streamed text; returns the units settled by it. */
  push(chunk: string): TaggedUnit[] {
    this.#chunks.push(chunk);
    this.#tail += chunk;
    return this.#advance(false);
  }

  /** The stream has ended: the last unit settles. */
  finish(): TaggedUnit[] {
    return this.#advance(true);
  }

  /** The unit being written, tagged as it stands; null between units. */
  get openUnit(): TaggedUnit | null {
    return this.#openTagged();
  }

  /** Settled units, then the one being written (tagged as it stands). */
  get units(): TaggedUnit[] {
    const open = this.#openTagged();
    return open ? [...this.#settled, open] : [...this.#settled];
  }

  result(): TagResult {
    const units = this.units;
    const counts = Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as Record<Behaviour, number>;
    for (const unit of units) for (const e of unit.evidence) counts[e.label] += 1;
    return { units, crucial: units.flatMap((u) => u.crucial), counts };
  }

  #advance(final: boolean): TaggedUnit[] {
    const settled: TaggedUnit[] = [];
    for (;;) {
      const found = nextUnit(this.#tail, this.#position - this.#base, final, this.#memo);
      if (!found) break;
      this.#position = Math.max(found.next + this.#base, this.#position + 1);
      if (found.unit.end <= found.unit.start) continue;
      const { unit, families } = this.#tag(found.unit, true);
      const labels = unit.evidence.map((e) => e.label);
      advanceDiscourse(this.#discourse, this.#tail, found.unit, this.#base, families, labels);
      this.#settled.push(unit);
      settled.push(unit);
    }
    // Drop what no unit will read again (one character stays: a block must start a line).
    if (this.#position - this.#base > 4096) {
      this.#tail = this.#tail.slice(this.#position - this.#base - 1);
      this.#base = this.#position - 1;
      this.#memo = newScanMemo();
    }
    this.#open = null;
    this.#openStart = -1;
    if (!final) {
      const start = skipSpace(this.#tail, this.#position - this.#base);
      if (start < this.#tail.length) this.#openStart = start;
    }
    return settled;
  }

  #openTagged(): TaggedUnit | null {
    if (this.#openStart !== -1 && !this.#open)
      this.#open = this.#tag(openUnit(this.#tail, this.#openStart), false).unit;
    return this.#open;
  }

  /** Tags a unit given in `#tail` offsets; the result has offsets into the whole text. */
  #tag(unit: Unit, settled: boolean): { unit: TaggedUnit; families: string[] } {
    const shift = (c: CrucialToken) => ({
      ...c,
      start: c.start + this.#base,
      end: c.end + this.#base,
    });
    const { evidence, families } = tagUnit(
      this.#tail,
      unit,
      this.#discourse,
      this.#model,
      this.#base,
    );
    const tagged: TaggedUnit = {
      start: unit.start + this.#base,
      end: unit.end + this.#base,
      kind: unit.kind,
      evidence,
      crucial: findCrucial(this.#tail, unit, this.#pattern).map(shift),
      settled,
    };
    return { unit: tagged, families };
  }
}

function skipSpace(text: string, from: number): number {
  let pos = from;
  while (pos < text.length && /\s/.test(text[pos] as string)) pos += 1;
  return pos;
}

function openUnit(text: string, start: number): Unit {
  const at = (prefix: string) => text.startsWith(prefix, start);
  const kind: Unit['kind'] =
    at('```output') || at('<interpreter>') ? 'output' : at('```') || at('<code>') ? 'code' : 'text';
  return { start, end: text.length, kind };
}

/** Tags a whole transcript at once. */
export function tagText(text: string, options: TaggerOptions = {}): TagResult {
  const tagger = new StreamTagger(options);
  tagger.push(text);
  tagger.finish();
  return tagger.result();
}
