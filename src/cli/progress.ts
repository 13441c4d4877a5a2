/**
 * Progress of a batch on standard error: done/total, the rate, and the time left, at most once
 * every `everyMs`. The rate counts from the first finished item, so start-up is not averaged in.
 */
export class Progress {
  readonly #total: number;
  readonly #write: (line: string) => void;
  readonly #everyMs: number;
  readonly #noun: string;
  #first: number | null = null;
  #lastShown = 0;
  #done = 0;

  constructor(total: number, noun: string, write: (line: string) => void, everyMs = 2000) {
    this.#total = total;
    this.#noun = noun;
    this.#write = write;
    this.#everyMs = everyMs;
  }

  tick(now = performance.now()): void {
    this.#done += 1;
    if (this.#first === null) {
      this.#first = now;
      this.#lastShown = now;
      return;
    }
    if (now - this.#lastShown < this.#everyMs || this.#done === this.#total) return;
    this.#lastShown = now;
    this.#write(`${this.line(now)}\n`);
  }

  line(now = performance.now()): string {
    const counted = this.#done - 1;
    const seconds = (now - (this.#first ?? now)) / 1000;
    const rate = seconds > 0 ? counted / seconds : 0;
    const left = rate > 0 ? (this.#total - this.#done) / rate : Number.NaN;
    return (
      `… ${this.#done}/${this.#total} ${this.#noun}, ${rate.toFixed(1)}/s` +
      (Number.isFinite(left) ? `, about ${formatSeconds(left)} left` : '')
    );
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
