import { messageOf } from '../core/errors';
import { downloadText } from '../download';
import { router } from '../router/router.svelte';
import { trace } from '../state/trace.svelte';
import { transcripts } from '../state/transcripts.svelte';
import { exportLibrary, parseLoupeFile, runRecord } from './files';
import { Library } from './library';
import type { LibraryRecord, NewRecord, RecordKind, RecordMeta, RunData } from './records';

/** A view that holds kept records open (Experiments, Compare): it may refuse a delete, and hears of one. */
export interface RecordHolder {
  refuse?(id: string): string | null;
  removed?(id: string): void;
}

/** The view each kind opens in (runs open in the Library itself). */
const VIEW_OF: Record<RecordKind, string> = {
  run: 'library',
  analysis: 'playground',
  trace: 'trace',
  batch: 'trace',
  compare: 'compare',
  experiment: 'experiments',
};

export interface StorageNumbers {
  usage: number;
  quota: number;
}

/** The Library as the page sees it: the list, search, the open record and the storage numbers. */
export class LibraryStore {
  items = $state.raw<RecordMeta[]>([]);
  query = $state('');
  kind = $state<RecordKind | null>(null);
  /** The run shown in the Library (other kinds open in their own view). */
  open = $state.raw<LibraryRecord | null>(null);
  storage = $state.raw<StorageNumbers | null>(null);
  persisted = $state<boolean | null>(null);
  /** Something was not kept, or could not be read: shown wherever the person is. */
  error = $state<string | null>(null);
  /** What the last import or export did. */
  notice = $state<string | null>(null);
  readonly library = new Library();
  #holders: RecordHolder[] = [];

  /** Registers a view that holds records open. */
  hold(holder: RecordHolder): void {
    this.#holders.push(holder);
  }

  async refresh(): Promise<void> {
    try {
      this.items = await this.library.list({ kind: this.kind, text: this.query });
    } catch (error) {
      this.error = messageOf(error);
    }
    await this.refreshStorage();
  }

  /**
   * Keeps a record; a failure (a full store, say) is reported, never dropped silently. `save`
   * stores it another way (from a worker, for a large record).
   */
  async keep<K extends RecordKind>(
    input: NewRecord<K>,
    save: (input: NewRecord<K>) => Promise<RecordMeta> = (record) => this.library.save(record),
  ): Promise<RecordMeta | null> {
    try {
      const saved = await save(input);
      await this.refresh();
      return saved;
    } catch (error) {
      this.error = messageOf(error);
      return null;
    }
  }

  async rename(id: string, title: string): Promise<void> {
    await this.library.rename(id, title);
    if (this.open?.id === id) this.open = { ...this.open, title };
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    const refusal = this.#holders.map((holder) => holder.refuse?.(id) ?? null).find(Boolean);
    if (refusal) {
      this.error = refusal;
      return;
    }
    await this.library.remove(id);
    for (const holder of this.#holders) holder.removed?.(id);
    if (this.open?.id === id) this.close();
    await this.refresh();
  }

  async exportAll(): Promise<void> {
    const records = await this.library.all();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, never reactive
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    downloadText(`loupe-library-${day}.json`, exportLibrary(records, now), 'application/json');
    this.notice = `Exported ${records.length} record${records.length === 1 ? '' : 's'}.`;
  }

  /** Imports a dropped or chosen file; a single record opens at once. */
  async importFile(name: string, text: string): Promise<void> {
    this.notice = null;
    try {
      const parsed = parseLoupeFile(name, text);
      if (parsed.kind === 'library') {
        const counts = await this.library.importRecords(parsed.records);
        this.notice = `${name}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} already here${parsed.skipped.length ? `; skipped ${parsed.skipped.join('; ')}` : ''}.`;
        await this.refresh();
        router.go('library');
        return;
      }
      const meta = await this.keep(parsed.record);
      if (meta) {
        this.notice = `${name} is kept in the Library.`;
        await this.openRecord(meta.id);
      }
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** Opens a record where it belongs: a run here, a file in the Playground, a trace in Trace. */
  async openRecord(id: string): Promise<void> {
    const record = await this.library.get(id).catch(() => null);
    if (!record) {
      this.error =
        'That record is no longer in the Library (it was deleted, or this is another browser profile).';
      return;
    }
    if (record.kind === 'analysis') {
      const { name, content } = (record as LibraryRecord<'analysis'>).data;
      transcripts.load(name, content, false);
      router.go('playground', 'recordings');
    } else if (record.kind === 'trace') {
      const { request, outcome } = (record as LibraryRecord<'trace'>).data;
      restoredTraces.add(outcome);
      trace.show(request, outcome);
      router.go('trace');
    } else if (record.kind === 'batch') {
      const { name, rows, note } = (record as LibraryRecord<'batch'>).data;
      restoredTraces.add(rows);
      trace.batchName = name;
      trace.batchPrograms = rows.map((row) => row.request);
      trace.batchErrors = [];
      trace.batchRows = rows;
      trace.batchNote = note;
      router.go('trace');
    } else if (record.kind === 'run') {
      this.open = record;
      router.go('library', null, { open: id });
    } else {
      // Compare sets and experiments open in their own view, which reads the record by its id.
      router.go(VIEW_OF[record.kind], null, { open: id });
    }
  }

  close(): void {
    this.open = null;
    router.go('library');
  }

  async refreshStorage(): Promise<void> {
    if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return;
    try {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      this.storage = { usage, quota };
      this.persisted = (await navigator.storage.persisted?.()) ?? null;
    } catch {
      this.storage = null;
    }
  }

  /** Asks the browser not to clear Loupe's data under storage pressure. */
  async requestPersistence(): Promise<void> {
    if (!navigator.storage?.persist) {
      this.notice = 'This browser cannot be asked to keep Loupe’s data persistently.';
      return;
    }
    this.persisted = await navigator.storage.persist();
    this.notice = this.persisted
      ? 'The browser will keep Loupe’s data until you delete it.'
      : 'The browser declined for now (it decides from how often the site is used; installing Loupe or bookmarking it helps). Export the Library to keep a copy.';
  }
}

/** Traces and batch reports put back from the Library, so they are not kept a second time. */
export const restoredTraces = new WeakSet<object>();

export const libraryStore = new LibraryStore();

/** Called by the Playground when a run ends (answered, stopped, failed): it is kept. */
export function keepRun(run: RunData): void {
  if (!run.parts.length && !run.result) return;
  void libraryStore.keep(runRecord($state.snapshot(run) as RunData));
}

/** Called when the Analyse worker has kept an opened file in the Library, or could not. */
export function keptElsewhere(error: Error | null): void {
  if (error) libraryStore.error = messageOf(error);
  else void libraryStore.refresh();
}
