import { estimateTokens } from '../core/tokens';
import type { GenerationEngine } from '../engine/types';
import {
  ReasoningLoop,
  type CodeRunner,
  type LoopResult,
  type LoopSettings,
  type Part,
} from '../loop/loop';
import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import { repetitionRatio } from '../tagger/stats';
import { StreamTagger, type TaggedUnit } from '../tagger/tagger';
import { TranscriptView, type RunPart, type UnitView } from './view';

/** Everything a view of the run needs, as plain values: new objects wherever something changed. */
export interface LiveSnapshot {
  running: boolean;
  parts: Part[];
  /** Settled units in blocks that stay the same once full, and the unit being written. */
  blocks: UnitView[][];
  open: UnitView | null;
  counts: Record<Behaviour, number>;
  unitCount: number;
  crucialCount: number;
  marks: { start: number; label: Behaviour }[];
  textLength: number;
  /** Streamed chunks so far (about one token each from a live model). */
  tokensSoFar: number;
  approxTokens: number;
  /** The assistant's text, once the run has ended. */
  assistant: string;
  /** Share of sentences that closely repeat an earlier one, once the run has ended. */
  repetition: number | null;
  result: LoopResult | null;
}

export function emptySnapshot(): LiveSnapshot {
  return {
    running: false,
    parts: [],
    blocks: [],
    open: null,
    counts: zeroCounts(),
    unitCount: 0,
    crucialCount: 0,
    marks: [],
    textLength: 0,
    tokensSoFar: 0,
    approxTokens: 0,
    assistant: '',
    repetition: null,
    result: null,
  };
}

export interface LiveRunOptions {
  crucialTokens: readonly string[];
  recordedOutput?: (index: number) => string | null;
  /** Something changed: a view schedules a paint and reads `snapshot()` then. */
  onChange?: () => void;
}

/**
 * One run as it unfolds, with no framework: the reasoning loop, the streaming tagger over what
 * the model writes and what is put into its turn, and the transcript view built from both. A page
 * paints `snapshot()` once a frame; tests drive whole runs and read the same snapshots.
 */
export class LiveRun {
  readonly loop: ReasoningLoop;
  readonly #tagger: StreamTagger;
  readonly #view = new TranscriptView();
  readonly #settled: TaggedUnit[] = [];
  readonly #spliced = new WeakSet<Part>();
  readonly #onChange: () => void;
  #inserted: { start: number; end: number }[] = [];
  #text = '';
  #snapshot = emptySnapshot();
  #finished = false;
  #chunks = 0;
  #approxTokens = 0;

  constructor(
    engine: GenerationEngine,
    runCode: CodeRunner,
    settings: LoopSettings,
    options: LiveRunOptions,
  ) {
    this.#tagger = new StreamTagger({ crucialTokens: [...options.crucialTokens] });
    this.#onChange = options.onChange ?? (() => {});
    this.loop = new ReasoningLoop(engine, runCode, settings, {
      recordedOutput: options.recordedOutput,
      onText: (chunk) => {
        this.#feed(chunk);
        this.#chunks += 1;
        this.#approxTokens += estimateTokens(chunk);
        this.#onChange();
      },
      onPart: (part) => {
        if (part.kind === 'model') return; // its text arrives through onText
        if (part.kind === 'inserted') {
          const start = this.#text.length;
          this.#inserted = [...this.#inserted, { start, end: start + part.text.length }];
          this.#feed(part.text);
        } else if (part.kind === 'run' && part.spliced && !this.#spliced.has(part)) {
          this.#spliced.add(part);
          this.#feed(part.spliced);
        }
        this.#onChange();
      },
    });
  }

  /** Runs to the end; resolves with why it ended (the loop reports failures as an end reason). */
  async start(signal: AbortSignal): Promise<LoopResult> {
    this.#snapshot = { ...this.#snapshot, running: true };
    let result: LoopResult | null = null;
    try {
      result = await this.loop.start(signal);
      return result;
    } finally {
      this.#settled.push(...this.#tagger.finish());
      this.#finished = true;
      const snapshot = this.snapshot();
      this.#snapshot = {
        ...snapshot,
        running: false,
        result,
        assistant: this.#text,
        repetition: repetitionRatio(
          snapshot.blocks
            .flat()
            .filter((v) => v.unit.kind === 'text')
            .map((v) => v.body),
        ),
      };
      this.#onChange();
    }
  }

  /** The run now: units settled since the last snapshot are added to the view and the counts. */
  snapshot(): LiveSnapshot {
    const runs = this.loop.parts.filter((p): p is RunPart => p.kind === 'run');
    const settled = this.#settled.splice(0);
    let next = { ...this.#snapshot };
    if (this.#view.add(settled, this.#text, this.#inserted, runs)) {
      const counts = { ...next.counts };
      const marks: { start: number; label: Behaviour }[] = [];
      for (const unit of settled) {
        if (unit.kind === 'output') continue;
        next.unitCount += 1;
        next.crucialCount += unit.crucial.length;
        for (const e of unit.evidence) {
          counts[e.label] += 1;
          marks.push({ start: unit.start, label: e.label });
        }
      }
      next = {
        ...next,
        counts,
        blocks: this.#view.blocks.slice(),
        marks: marks.length ? [...next.marks, ...marks] : next.marks,
      };
    }
    const current = this.#finished ? null : this.#tagger.openUnit;
    next.open = current ? this.#view.view(current, this.#text, this.#inserted, runs) : null;
    next.parts = this.loop.parts.slice();
    next.textLength = this.#text.length;
    next.tokensSoFar = this.#chunks;
    next.approxTokens = this.#approxTokens;
    this.#snapshot = next;
    return next;
  }

  #feed(piece: string): void {
    this.#text += piece;
    this.#settled.push(...this.#tagger.push(piece));
  }
}

function zeroCounts(): Record<Behaviour, number> {
  return Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as Record<Behaviour, number>;
}
