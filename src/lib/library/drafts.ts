/**
 * What is being typed (the Python editor, the Trace view's program, call and expected value),
 * kept synchronously in localStorage so a reload finds it before the first paint. Finished work
 * (runs, traces, reports) goes to the Library in IndexedDB instead.
 */
export const DRAFTS_KEY = 'loupe:drafts';

export class Drafts {
  #storage: Storage | null;
  #values: Record<string, string>;
  /** Set when the browser refused to keep a draft (storage full or blocked). */
  failed: string | null = null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    this.#values = read(storage);
  }

  get(name: string): string | undefined {
    return this.#values[name];
  }

  set(name: string, value: string): void {
    if (this.#values[name] === value) return;
    this.#values[name] = value;
    try {
      this.#storage?.setItem(DRAFTS_KEY, JSON.stringify(this.#values));
      this.failed = null;
    } catch (error) {
      this.failed = `Your draft could not be kept for the next visit: ${(error as Error).message}`;
    }
  }
}

function read(storage: Storage | null): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(DRAFTS_KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const drafts = new Drafts(browserStorage());
