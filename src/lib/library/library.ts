import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { LoupeError } from '../core/errors';
import {
  formatBytes,
  matches,
  newId,
  type LibraryRecord,
  type NewRecord,
  type RecordKind,
  type RecordMeta,
} from './records';

export const LIBRARY_DB = 'loupe-library';

/** Lists and their data are kept apart, so a list never reads a 20 MB batch report. */
interface LibrarySchema extends DBSchema {
  meta: { key: string; value: RecordMeta; indexes: { updatedAt: number } };
  data: { key: string; value: { id: string; data: unknown } };
}

export interface ListQuery {
  kind?: RecordKind | null;
  text?: string;
}

/**
 * Loupe's Library: everything kept across reloads, in IndexedDB through `idb` (a thin,
 * promise-based layer over the browser's API). Pure TypeScript: the same code runs in the page
 * and, over fake-indexeddb, in unit tests.
 */
export class Library {
  #db: Promise<IDBPDatabase<LibrarySchema>> | null = null;
  readonly #name: string;
  readonly #now: () => number;

  constructor(options: { name?: string; now?: () => number } = {}) {
    this.#name = options.name ?? LIBRARY_DB;
    this.#now = options.now ?? Date.now;
  }

  async save<K extends RecordKind>(input: NewRecord<K>): Promise<LibraryRecord<K>> {
    const now = this.#now();
    const bytes = new TextEncoder().encode(JSON.stringify(input.data ?? null)).length;
    const meta: RecordMeta<K> = {
      id: input.id ?? newId(input.kind, now),
      kind: input.kind,
      title: input.title.trim() || 'Untitled',
      summary: input.summary ?? '',
      searchText: input.searchText ?? '',
      createdAt: input.createdAt ?? now,
      updatedAt: now,
      bytes,
    };
    await this.#write(meta, input.data);
    return { ...meta, data: input.data };
  }

  async get(id: string): Promise<LibraryRecord | null> {
    const db = await this.#open();
    const [meta, data] = await Promise.all([db.get('meta', id), db.get('data', id)]);
    return meta && data ? ({ ...meta, data: data.data } as LibraryRecord) : null;
  }

  /** A record's meta alone, without reading its data. */
  async meta(id: string): Promise<RecordMeta | null> {
    return (await (await this.#open()).get('meta', id)) ?? null;
  }

  /** Newest first. */
  async list(query: ListQuery = {}): Promise<RecordMeta[]> {
    const all = await (await this.#open()).getAll('meta');
    return all
      .filter((meta) => !query.kind || meta.kind === query.kind)
      .filter((meta) => !query.text || matches(meta, query.text))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async rename(id: string, title: string): Promise<void> {
    const db = await this.#open();
    const meta = await db.get('meta', id);
    if (!meta) return;
    await db.put('meta', { ...meta, title: title.trim() || meta.title, updatedAt: this.#now() });
  }

  async remove(id: string): Promise<void> {
    const tx = (await this.#open()).transaction(['meta', 'data'], 'readwrite');
    await Promise.all([
      tx.objectStore('meta').delete(id),
      tx.objectStore('data').delete(id),
      tx.done,
    ]);
  }

  /** Every record with its data, oldest first (the order an import puts them back in). */
  async all(): Promise<LibraryRecord[]> {
    const metas = (await this.list()).reverse();
    const db = await this.#open();
    const records: LibraryRecord[] = [];
    for (const meta of metas) {
      const data = await db.get('data', meta.id);
      if (data) records.push({ ...meta, data: data.data } as LibraryRecord);
    }
    return records;
  }

  /** Puts a record back as it was exported (its id, dates and title). */
  async restore(record: LibraryRecord): Promise<void> {
    const { data, ...meta } = record;
    await this.#write(meta, data);
  }

  /** Puts back records from an export: new ones are added, newer copies replace older ones. */
  async importRecords(
    records: readonly LibraryRecord[],
  ): Promise<{ added: number; updated: number; unchanged: number }> {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const db = await this.#open();
    for (const record of records) {
      const existing = await db.get('meta', record.id);
      if (existing && existing.updatedAt >= record.updatedAt) counts.unchanged += 1;
      else {
        await this.restore(record);
        counts[existing ? 'updated' : 'added'] += 1;
      }
    }
    return counts;
  }

  close(): void {
    void this.#db?.then((db) => db.close());
    this.#db = null;
  }

  async #write(meta: RecordMeta, data: unknown): Promise<void> {
    const db = await this.#open();
    try {
      const tx = db.transaction(['meta', 'data'], 'readwrite');
      await Promise.all([
        tx.objectStore('data').put({ id: meta.id, data }),
        tx.objectStore('meta').put(meta),
        tx.done,
      ]);
    } catch (error) {
      if (isQuotaError(error)) throw quotaError(meta, await this.list().catch(() => []));
      throw error;
    }
  }

  #open(): Promise<IDBPDatabase<LibrarySchema>> {
    this.#db ??= (async () => {
      if (typeof indexedDB === 'undefined') {
        throw new LoupeError(
          'library/unavailable',
          'This browser gives Loupe no IndexedDB (a private window may block it), so nothing can be kept across reloads. Export what you need to a file.',
        );
      }
      return openDB<LibrarySchema>(this.#name, 1, {
        upgrade(db) {
          db.createObjectStore('meta', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
          db.createObjectStore('data', { keyPath: 'id' });
        },
      });
    })();
    this.#db.catch(() => (this.#db = null));
    return this.#db;
  }
}

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String(error)));
}

/** A full store, said with what was not kept and what to delete to make room. */
export function quotaError(attempted: RecordMeta, kept: readonly RecordMeta[]): LoupeError {
  const largest = [...kept]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((meta) => `“${meta.title}” (${formatBytes(meta.bytes)})`);
  const advice = largest.length
    ? `Delete something in the Library to make room; the largest are ${largest.join(', ')}.`
    : 'Free space in the browser (other sites’ data, or downloaded models in the Playground).';
  return new LoupeError(
    'library/quota-exceeded',
    `Not kept: “${attempted.title}” (${formatBytes(attempted.bytes)}): the browser’s storage for Loupe is full. ${advice} Export the Library to a file first if you want a copy.`,
  );
}
