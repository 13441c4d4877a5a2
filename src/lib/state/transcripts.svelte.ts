import { analyseInWorker } from '../analysis/client';
import type { AnalysisProgress } from '../analysis/job';
import type { AnalysisSource } from '../analysis/worker-api';
import { messageOf } from '../core/errors';
import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import type { ImportError } from '../transcript/import';
import { keepAnalysis } from '../library/store.svelte';
import { settings } from './settings.svelte';

export type { AnalysedTranscript } from '../analysis/analyse';
import type { AnalysedTranscript } from '../analysis/analyse';

/** How often arriving results are shown while a file is tagged. */
const SHOW_EVERY_MS = 250;

/**
 * Imported transcripts, tagged, and what the Playground's analysis shows. Files are read, imported
 * and tagged in a worker (progress, Cancel); results arrive in batches so the page never stalls.
 */
export class TranscriptStore {
  items = $state.raw<AnalysedTranscript[]>([]);
  errors = $state.raw<ImportError[]>([]);
  source = $state('');
  selected = $state(0);
  visible = $state<Record<Behaviour, boolean>>(
    Object.fromEntries(BEHAVIOURS.map((b) => [b, true])) as Record<Behaviour, boolean>,
  );
  showCrucial = $state(true);
  /** Set while a file is being read and tagged. */
  progress = $state.raw<AnalysisProgress | null>(null);
  /** Why the last file could not be read at all (empty, binary, not JSONL, …), or a cancel. */
  failure = $state<string | null>(null);
  #controller: AbortController | null = null;
  /** Batches not yet shown: the page takes them in a few times a second, not one by one. */
  #pending: { items: AnalysedTranscript[]; errors: ImportError[] } = { items: [], errors: [] };
  #flushTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Text already in hand (a paste, a bundled file). `keep` puts it in the Library (false when it
   * comes from there).
   */
  async load(name: string, content: string, keep = true): Promise<void> {
    const ok = await this.#run({ kind: 'text', name, text: content });
    if (ok && keep) keepAnalysis(name, content, this.items.length, this.errors.length);
  }

  /** A file the person chose: read in the worker, never on the page; kept in the Library. */
  async loadFile(file: File): Promise<void> {
    const ok = await this.#run({ kind: 'file', name: file.name, file });
    if (ok) keepAnalysis(file.name, await file.text(), this.items.length, this.errors.length);
  }

  cancel(): void {
    this.#controller?.abort();
  }

  get current(): AnalysedTranscript | undefined {
    return this.items[this.selected];
  }

  /** True when the file was read to the end (not cancelled, not refused). */
  async #run(source: AnalysisSource): Promise<boolean> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#drop();
    this.items = [];
    this.errors = [];
    this.failure = null;
    this.source = source.name;
    this.selected = 0;
    this.progress = { phase: 'reading', done: 0, total: 0, transcripts: 0, skipped: 0 };
    try {
      await analyseInWorker(
        source,
        { mode: 'full', crucialTokens: settings.crucialTokens },
        {
          signal: controller.signal,
          onProgress: (p) => (this.progress = p),
          onBatch: (batch) => {
            if (this.#controller !== controller) return;
            this.#pending.items.push(...batch.items);
            this.#pending.errors.push(...batch.errors);
            this.#flushTimer ??= setTimeout(() => this.#flush(), SHOW_EVERY_MS);
          },
        },
      );
      if (this.#controller === controller) this.#flush();
      return this.#controller === controller;
    } catch (error) {
      if (this.#controller !== controller) return false;
      this.#flush();
      this.failure =
        (error as Error).name === 'AbortError'
          ? `Cancelled: ${this.items.length} transcripts of ${source.name} were tagged before you stopped.`
          : messageOf(error);
      return false;
    } finally {
      if (this.#controller === controller) {
        this.progress = null;
        this.#controller = null;
      }
    }
  }

  /** Shows the batches that arrived since the last paint, in one update. */
  #flush(): void {
    const { items, errors } = this.#pending;
    this.#drop();
    if (items.length) this.items = this.items.concat(items);
    if (errors.length) this.errors = this.errors.concat(errors);
  }

  #drop(): void {
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    this.#pending = { items: [], errors: [] };
  }
}

export const transcripts = new TranscriptStore();
