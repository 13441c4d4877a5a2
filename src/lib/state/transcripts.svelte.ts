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
            if (batch.items.length) this.items = [...this.items, ...batch.items];
            if (batch.errors.length) this.errors = [...this.errors, ...batch.errors];
          },
        },
      );
      return this.#controller === controller;
    } catch (error) {
      if (this.#controller !== controller) return false;
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
}

export const transcripts = new TranscriptStore();
