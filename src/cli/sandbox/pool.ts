import { residentBytes, SandboxChild, type SandboxOptions } from './child-process';

/**
 * Sandboxed children, one per job slot, each replaced when it dies, times out or retires.
 * `map` runs every item with up to `jobs` at a time and hands results back in input order.
 */
export class SandboxPool {
  readonly #options: SandboxOptions;
  readonly #slots: (SandboxChild | null)[];
  #peakBytes = 0;
  #sampler: ReturnType<typeof setInterval> | undefined;
  /** Python's memory right after start-up, taken by the first child; later children start from it. */
  #snapshot: Uint8Array | null = null;
  #snapshotAsked = false;
  /** How many children were started (the first of each slot included). */
  starts = 0;

  constructor(jobs: number, options: SandboxOptions) {
    this.#options = options;
    this.#slots = Array.from({ length: jobs }, () => null);
  }

  /** The highest total resident memory seen, of this process and its children together. */
  get peakBytes(): number {
    return this.#peakBytes;
  }

  /** A live child for the slot, started if needed. */
  async child(slot: number): Promise<SandboxChild> {
    const current = this.#slots[slot];
    if (current?.alive) return current;
    this.starts += 1;
    const fresh = await this.#start();
    this.#slots[slot] = fresh;
    return fresh;
  }

  async #start(): Promise<SandboxChild> {
    if (this.#snapshot) {
      try {
        return await SandboxChild.start(this.#options, this.#snapshot);
      } catch {
        // A snapshot that does not load is dropped; Python starts the slow way.
        this.#snapshot = null;
      }
    }
    if (this.#snapshotAsked) return SandboxChild.start(this.#options);
    this.#snapshotAsked = true;
    return SandboxChild.start(this.#options, null, (bytes) => {
      this.#snapshot = bytes;
    });
  }

  async map<T, R>(
    items: readonly T[],
    run: (item: T, child: () => Promise<SandboxChild>) => Promise<R>,
    onResult: (result: R, index: number) => void,
  ): Promise<void> {
    this.#sampler ??= setInterval(() => this.#sample(), 250);
    const done = new Map<number, R>();
    let next = 0;
    let written = 0;
    const worker = async (slot: number) => {
      while (next < items.length) {
        const index = next++;
        done.set(index, await run(items[index] as T, () => this.child(slot)));
        while (done.has(written)) {
          const result = done.get(written) as R;
          done.delete(written);
          onResult(result, written);
          written += 1;
        }
      }
    };
    await Promise.all(this.#slots.map((_, slot) => worker(slot)));
    this.#sample();
  }

  async close(): Promise<void> {
    clearInterval(this.#sampler);
    await Promise.all(this.#slots.map((child) => child?.close()));
  }

  #sample(): void {
    let total = residentBytes(process.pid);
    for (const child of this.#slots) if (child?.alive) total += residentBytes(child.pid);
    this.#peakBytes = Math.max(this.#peakBytes, total);
  }
}
