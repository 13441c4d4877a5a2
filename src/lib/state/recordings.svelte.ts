import { messageOf } from '../core/errors';
import { ReplayEngine } from '../engine/replay';
import { importTranscripts, type ImportedTranscript } from '../transcript/import';

/**
 * The recordings the Playground replays: the file they came from, the one chosen, how fast it
 * plays and whether it waits for Next at every token.
 */
export class Recordings {
  list = $state.raw<ImportedTranscript[]>([]);
  source = $state('');
  index = $state(0);
  /** Why a recordings file was refused, or which of its lines were skipped. */
  note = $state<string | null>(null);
  speed = $state(80);
  #stepMode = $state(false);
  #stepWaiters = $state.raw<(() => void)[]>([]);

  get chosen(): ImportedTranscript | undefined {
    return this.list[this.index];
  }

  /**
   * Reads a file of recordings. One that cannot be read at all (empty, binary, a JSON array)
   * is refused with a note and keeps what was loaded; skipped lines are listed in the note.
   * Returns whether the file replaced the list.
   */
  load(name: string, content: string): boolean {
    let imported: ReturnType<typeof importTranscripts>;
    try {
      imported = importTranscripts(content, name);
    } catch (error) {
      this.note = messageOf(error);
      return false;
    }
    const { transcripts, errors } = imported;
    this.note = errors.length
      ? `${name}: ${errors.length} lines skipped (${errors
          .slice(0, 3)
          .map((e) => `line ${e.line}: ${e.message}`)
          .join('; ')}${errors.length > 3 ? '; …' : ''}).`
      : null;
    this.list = transcripts;
    this.source = name;
    this.index = 0;
    return true;
  }

  /** Step by step: each replayed token waits for Next. Turned off mid-replay, the replay plays on. */
  get stepMode(): boolean {
    return this.#stepMode;
  }
  set stepMode(on: boolean) {
    this.#stepMode = on;
    if (!on) this.release();
  }

  /** True while a step-by-step replay waits for Next. */
  get waitingForStep(): boolean {
    return this.#stepWaiters.length > 0;
  }

  step(): void {
    const [next, ...rest] = this.#stepWaiters;
    this.#stepWaiters = rest;
    next?.();
  }

  /** Lets every waiting token go (the replay was stopped or ended). */
  release(): void {
    const waiters = this.#stepWaiters;
    this.#stepWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  /** A replay of the chosen recording at the chosen speed, or null when there is none. */
  engine(): ReplayEngine | null {
    const recording = this.chosen;
    if (!recording) return null;
    return new ReplayEngine(recording.text, `${this.source} #${recording.id}`, {
      tokensPerSecond: this.speed >= 1000 ? Infinity : this.speed,
      gate: () =>
        this.#stepMode
          ? new Promise<void>((resolve) => (this.#stepWaiters = [...this.#stepWaiters, resolve]))
          : null,
    });
  }
}
