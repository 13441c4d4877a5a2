import { analyseInWorker, figuresInWorker } from '../analysis/client';
import type { AnalysisProgress } from '../analysis/job';
import type { AnalysisSource } from '../analysis/worker-api';
import { bundledUrl, MATHCODER_MODELS } from '../compare/bundled';
import { readout } from '../compare/readout';
import type { TranscriptRow } from '../compare/row';
import type { GroupStats } from '../compare/stats';
import { messageOf } from '../core/errors';
import type { CompareSetData } from '../library/compare-sets';
import { settings } from './settings.svelte';

export interface CompareGroup {
  id: number;
  name: string;
  sources: string[];
  rows: TranscriptRow[];
  /** Lines skipped, with the file they came from. */
  errors: { source: string; line: number; message: string }[];
  progress: AnalysisProgress | null;
  /** A file that could not be read at all, or a cancel. */
  failure: string | null;
}

/** Groups of transcripts side by side: loading (in a worker), naming, figures and readout. */
export class CompareStore {
  groups = $state.raw<CompareGroup[]>([]);
  byOutcome = $state(false);
  /** Figures per group (each group whole), then per group and outcome. */
  stats = $state.raw<GroupStats[]>([]);
  splitStats = $state.raw<GroupStats[]>([]);
  computing = $state(false);
  /** The groups the figures were computed from (changes only when they are recomputed). */
  ready = $state.raw<{ name: string; rows: TranscriptRow[] }[]>([]);
  #nextId = 1;
  #controllers: Record<number, AbortController> = {};
  #revision = 0;

  readonly shown = $derived(this.byOutcome ? this.splitStats : this.stats);
  readonly readout = $derived(readout(this.stats));
  readonly loading = $derived(this.groups.some((g) => g.progress !== null));

  /** The four MathCoder models of the bundled sample, as four groups. */
  async loadBundled(): Promise<void> {
    await Promise.all(
      MATHCODER_MODELS.map((m) =>
        this.addGroup(
          m.label,
          m.files.map((file) => ({
            kind: 'url' as const,
            name: file,
            url: bundledUrl(file, document.baseURI),
          })),
        ),
      ),
    );
  }

  /** Chosen files as one new group, named after the first file unless a name is given. */
  addFiles(files: readonly File[], name?: string): Promise<void> {
    const groupName = name?.trim() || (files[0]?.name.replace(/\.[^.]+$/, '') ?? 'group');
    return this.addGroup(
      groupName,
      files.map((file) => ({ kind: 'file' as const, name: file.name, file })),
    );
  }

  async addGroup(name: string, sources: AnalysisSource[]): Promise<void> {
    const id = this.#nextId++;
    const group: CompareGroup = {
      id,
      name: this.#uniqueName(name),
      sources: sources.map((s) => s.name),
      rows: [],
      errors: [],
      progress: { phase: 'reading', done: 0, total: 0, transcripts: 0, skipped: 0 },
      failure: null,
    };
    this.groups = [...this.groups, group];
    const controller = new AbortController();
    this.#controllers[id] = controller;
    const rows: TranscriptRow[] = [];
    try {
      for (const source of sources) {
        await analyseInWorker(
          source,
          { mode: 'rows', crucialTokens: settings.crucialTokens },
          {
            signal: controller.signal,
            onProgress: (progress) => this.#update(id, { progress }),
            onBatch: (batch) => {
              rows.push(...batch.rows);
              const errors = batch.errors.map((e) => ({ source: source.name, ...e }));
              if (errors.length) this.#update(id, { errors: [...this.#get(id).errors, ...errors] });
            },
          },
        );
      }
      this.#update(id, { rows, progress: null });
    } catch (error) {
      const failure =
        (error as Error).name === 'AbortError'
          ? `Cancelled; nothing from this group is counted.`
          : messageOf(error);
      this.#update(id, { rows: [], progress: null, failure });
    } finally {
      delete this.#controllers[id];
    }
    await this.recompute();
  }

  /** Puts back a kept set (from the Library): its groups as they were tagged, figures recomputed. */
  restore(set: CompareSetData): Promise<void> {
    for (const id of Object.keys(this.#controllers)) this.cancel(Number(id));
    this.groups = set.groups.map((g) => ({
      id: this.#nextId++,
      name: g.name,
      sources: g.sources,
      rows: g.rows,
      errors: g.errors ?? [],
      progress: null,
      failure: g.failure ?? null,
    }));
    this.byOutcome = set.byOutcome;
    return this.recompute();
  }

  /** The set as the Library keeps it; null while a group is still being read. */
  get kept(): CompareSetData | null {
    if (this.loading) return null;
    return {
      groups: this.groups.map(({ name, sources, rows, errors, failure }) => ({
        name,
        sources,
        rows,
        errors,
        failure,
      })),
      byOutcome: this.byOutcome,
    };
  }

  cancel(id: number): void {
    this.#controllers[id]?.abort();
  }

  remove(id: number): void {
    this.cancel(id);
    this.groups = this.groups.filter((g) => g.id !== id);
    void this.recompute();
  }

  rename(id: number, name: string): void {
    if (!name.trim()) return;
    this.#update(id, { name: name.trim() });
    void this.recompute();
  }

  /** Figures with bootstrap intervals, computed in a worker; a newer request wins. */
  async recompute(): Promise<void> {
    const revision = ++this.#revision;
    this.computing = true;
    const ready = this.groups
      .filter((g) => g.progress === null && g.rows.length > 0)
      .map((g) => ({ name: g.name, rows: g.rows }));
    try {
      const figures = await figuresInWorker(ready);
      if (revision !== this.#revision) return;
      this.stats = figures.whole;
      this.splitStats = figures.split;
      this.ready = ready;
    } finally {
      if (revision === this.#revision) this.computing = false;
    }
  }

  #get(id: number): CompareGroup {
    return this.groups.find((g) => g.id === id) as CompareGroup;
  }

  #update(id: number, change: Partial<CompareGroup>): void {
    this.groups = this.groups.map((g) => (g.id === id ? { ...g, ...change } : g));
  }

  #uniqueName(name: string): string {
    const taken = this.groups.map((g) => g.name);
    if (!taken.includes(name)) return name;
    let k = 2;
    while (taken.includes(`${name} (${k})`)) k += 1;
    return `${name} (${k})`;
  }
}

export const compare = new CompareStore();
