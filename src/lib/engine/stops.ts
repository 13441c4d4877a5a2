import { findStop } from './types';

/**
 * Finds stop strings in streamed text, even split across chunks, and holds back any ending that
 * could still become one, so a stop string is never shown half-written.
 */
export class StopScanner {
  #held = '';
  readonly #stops: readonly string[];

  constructor(stops: readonly string[]) {
    this.#stops = stops.filter((s) => s.length > 0);
  }

  /** Text that is safe to show now, and the stop string if one was reached. */
  push(chunk: string): { text: string; stop: string | null } {
    const buffer = this.#held + chunk;
    const found = findStop(buffer, this.#stops);
    if (found) {
      this.#held = '';
      return { text: buffer.slice(0, found.index), stop: found.stop };
    }
    const keep = this.#partialStopLength(buffer);
    this.#held = buffer.slice(buffer.length - keep);
    return { text: buffer.slice(0, buffer.length - keep), stop: null };
  }

  /** What was held back, when the stream ends without a stop. */
  flush(): string {
    const rest = this.#held;
    this.#held = '';
    return rest;
  }

  #partialStopLength(buffer: string): number {
    let longest = 0;
    for (const stop of this.#stops) {
      for (let n = Math.min(stop.length - 1, buffer.length); n > longest; n--) {
        if (buffer.endsWith(stop.slice(0, n))) {
          longest = n;
          break;
        }
      }
    }
    return longest;
  }
}
