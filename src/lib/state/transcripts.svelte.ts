import type { AnalysisProgress } from '../analysis/job';
import type { TableView } from '../analysis/session';
import { SessionClient } from '../analysis/session-client';
import { DEFAULT_QUERY, type TableQuery } from '../analysis/table';
import type { AnalysisSource } from '../analysis/worker-api';
import { messageOf } from '../core/errors';
import { downloadText } from '../download';
import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import type { ImportError } from '../transcript/import';
import { keptElsewhere } from '../library/store.svelte';
import { settings } from './settings.svelte';

export type { AnalysedTranscript } from '../analysis/analyse';
import type { AnalysedTranscript } from '../analysis/analyse';

/** Rows of the table drawn at once: a file of 100,000 transcripts is shown a page at a time. */
export const PAGE = 200;
/** How often the table is refreshed while a file is tagged (each refresh lays the table out again). */
const SHOW_EVERY_MS = 1000;

/**
 * The file open in Analyse. It is read, tagged and held in a worker (progress, Cancel); the page
 * holds only what it draws: the table's page of rows with its totals, and the open transcript,
 * fetched when it is chosen. So a file of 100,000 transcripts never stalls the page.
 */
export class TranscriptStore {
  /** Transcripts tagged so far. */
  count = $state(0);
  /** The first lines that could not be read; `skipped` counts them all. */
  errors = $state.raw<ImportError[]>([]);
  skipped = $state(0);
  source = $state('');
  selected = $state(0);
  /** The selected transcript, once the worker has sent it. */
  current = $state.raw<AnalysedTranscript | undefined>(undefined);
  query = $state<TableQuery>({ ...DEFAULT_QUERY });
  /** Pages of the table shown. */
  pages = $state(1);
  table = $state.raw<TableView | null>(null);
  visible = $state<Record<Behaviour, boolean>>(
    Object.fromEntries(BEHAVIOURS.map((b) => [b, true])) as Record<Behaviour, boolean>,
  );
  showCrucial = $state(true);
  /** Set while a file is being read and tagged. */
  progress = $state.raw<AnalysisProgress | null>(null);
  /** Why the last file could not be read at all (empty, binary, not JSONL, …), or a cancel. */
  failure = $state<string | null>(null);
  #client: SessionClient | null = null;
  #viewRevision = 0;
  #selectRevision = 0;
  #lastShown = 0;

  /**
   * Text already in hand (a paste, a bundled file). `keep` puts it in the Library (false when it
   * comes from there).
   */
  load(name: string, content: string, keep = true): Promise<void> {
    return this.#run({ kind: 'text', name, text: content }, keep);
  }

  /** A file the person chose: read in the worker, never on the page; kept in the Library from there. */
  loadFile(file: File): Promise<void> {
    return this.#run({ kind: 'file', name: file.name, file }, true);
  }

  cancel(): void {
    this.#client?.cancel();
  }

  /** Opens a transcript of the file: its units and tags come from the worker. */
  async select(index: number): Promise<void> {
    const client = this.#client;
    const revision = ++this.#selectRevision;
    this.selected = index;
    const item = await client?.transcript(index).catch(() => null);
    if (revision === this.#selectRevision && client === this.#client && item) this.current = item;
  }

  /** Asks the worker for the table's rows (newest request wins); called when the query, the page or the file changes. */
  async refreshTable(): Promise<void> {
    const client = this.#client;
    const revision = ++this.#viewRevision;
    const view = await client?.view(this.query, this.pages * PAGE).catch(() => null);
    if (revision === this.#viewRevision && client === this.#client && view) this.table = view;
  }

  /** The table as CSV: every matching row in its order, computed in the worker. */
  async exportCsv(): Promise<void> {
    const csv = await this.#client?.csv(this.query);
    if (csv === undefined) return;
    const base = this.source.replace(/\.[^.]+$/, '') || 'transcripts';
    downloadText(`${base}-behaviours.csv`, csv, 'text/csv');
  }

  async #run(source: AnalysisSource, keep: boolean): Promise<void> {
    this.#client?.close();
    Object.assign(this, { count: 0, skipped: 0, selected: 0, pages: 1, failure: null });
    this.errors = [];
    this.query = { ...DEFAULT_QUERY };
    this.table = null;
    this.current = undefined;
    this.source = source.name;
    this.progress = { phase: 'reading', done: 0, total: 0, transcripts: 0, skipped: 0 };
    // The renderer (KaTeX, markdown-it: 600 kB) loads while the worker reads, not in the same
    // task as the first transcript's drawing.
    void import('../render/markdown');
    const client = new SessionClient(
      source,
      { crucialTokens: settings.crucialTokens, keep },
      {
        onProgress: (progress, errors) => {
          if (this.#client !== client) return;
          this.progress = progress;
          this.#grow(progress.transcripts, progress.skipped, errors, false);
        },
        onKept: (error) => keptElsewhere(error),
      },
    );
    this.#client = client;
    try {
      const result = await client.done;
      if (this.#client !== client) return;
      this.#grow(result.transcripts, result.skipped, this.errors, true);
      if (result.cancelled) this.failure = cancelledNote(result.transcripts, source.name);
    } catch (error) {
      if (this.#client !== client) return;
      this.failure =
        (error as Error).name === 'AbortError'
          ? cancelledNote(this.count, source.name)
          : messageOf(error);
    } finally {
      if (this.#client === client) this.progress = null;
    }
  }

  /** Takes in what the worker has tagged: the first transcript opens, the table refreshes now and then. */
  #grow(count: number, skipped: number, errors: ImportError[], last: boolean): void {
    if (errors.length !== this.errors.length) this.errors = errors;
    this.skipped = skipped;
    const grew = count !== this.count;
    const first = this.count === 0 && count > 0;
    this.count = count;
    if (first) void this.select(0);
    const now = Date.now();
    if (last || (grew && (first || now - this.#lastShown >= SHOW_EVERY_MS))) {
      this.#lastShown = now;
      void this.refreshTable();
    }
  }
}

function cancelledNote(count: number, name: string): string {
  return `Cancelled: ${count} transcripts of ${name} were tagged before you stopped.`;
}

export const transcripts = new TranscriptStore();
