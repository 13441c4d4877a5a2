import { deleteDB, openDB } from 'idb';
import { LoupeError } from '../core/errors';
import { Library } from '../library/library';
import type { ExperimentData, LibraryRecord } from '../library/records';
import type { Experiment, RunRecord } from './types';

/** Where experiments were kept before they joined the Library; moved over once, then removed. */
export const LEGACY_EXPERIMENTS_DB = 'loupe-experiments';

/**
 * Experiments and their runs, kept in the Library (one record of kind `experiment` each), so
 * they are listed, searched, renamed, deleted, counted and exported with everything else.
 * Writes go one after another: each run is added to the record as it finishes.
 */
export class ExperimentStore {
  readonly #library: Library;
  readonly #legacyName: string;
  #queue: Promise<unknown> = Promise.resolve();
  #migration: Promise<void> | null = null;

  constructor(library: Library = new Library(), options: { legacyName?: string } = {}) {
    this.#library = library;
    this.#legacyName = options.legacyName ?? LEGACY_EXPERIMENTS_DB;
  }

  /** Keeps the experiment (its plan, settings, status); its runs and its title stay as they are. */
  saveExperiment(experiment: Experiment): Promise<void> {
    return this.#serial(async () => {
      const kept = await this.#read(experiment.id);
      await this.#write(experiment, kept?.data.runs ?? [], kept?.title);
    });
  }

  /** Adds (or replaces) one finished run of a kept experiment. */
  saveRun(experimentId: string, record: RunRecord): Promise<void> {
    return this.#serial(async () => {
      const kept = await this.#read(experimentId);
      if (!kept)
        throw new LoupeError(
          'experiment/not-kept',
          'This experiment is no longer in the Library (it was deleted), so its runs cannot be added. Start a new experiment.',
        );
      const runs = kept.data.runs.filter((r) => r.key !== record.key);
      await this.#write(kept.data.experiment, [...runs, structuredClone(record)], kept.title);
    });
  }

  /** The experiment started last, or null. */
  async latest(): Promise<Experiment | null> {
    await this.migrate();
    const metas = await this.#library.list({ kind: 'experiment' });
    const newest = [...metas].sort((a, b) => b.createdAt - a.createdAt)[0];
    return newest ? ((await this.get(newest.id))?.experiment ?? null) : null;
  }

  async get(experimentId: string): Promise<ExperimentData | null> {
    await this.migrate();
    return (await this.#read(experimentId))?.data ?? null;
  }

  async runs(experimentId: string): Promise<RunRecord[]> {
    return (await this.get(experimentId))?.runs ?? [];
  }

  delete(experimentId: string): Promise<void> {
    return this.#serial(() => this.#library.remove(experimentId));
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(() => this.migrate()).then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #read(id: string): Promise<LibraryRecord<'experiment'> | null> {
    const record = await this.#library.get(id);
    return record?.kind === 'experiment' ? (record as LibraryRecord<'experiment'>) : null;
  }

  async #write(experiment: Experiment, runs: RunRecord[], title?: string): Promise<void> {
    await this.#library.save(experimentRecord(structuredClone(experiment), runs, title));
  }

  /** Moves what the old `loupe-experiments` database held into the Library, losing nothing. */
  migrate(): Promise<void> {
    this.#migration ??= (async () => {
      if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
      const names = (await indexedDB.databases()).map((db) => db.name);
      if (!names.includes(this.#legacyName)) return;
      const legacy = await openDB(this.#legacyName);
      try {
        if (!legacy.objectStoreNames.contains('experiments')) return;
        const experiments = (await legacy.getAll('experiments')) as Experiment[];
        const runs = legacy.objectStoreNames.contains('runs')
          ? ((await legacy.getAll('runs')) as (RunRecord & { experimentId: string })[])
          : [];
        for (const experiment of experiments) {
          if (await this.#read(experiment.id)) continue;
          const own = runs
            .filter((r) => r.experimentId === experiment.id)
            .map(({ experimentId: _, ...record }) => record);
          await this.#write(experiment, own);
        }
      } finally {
        legacy.close();
      }
      await deleteDB(this.#legacyName);
    })();
    // A failed move leaves the old database in place, to be tried again next time.
    this.#migration.catch(() => (this.#migration = null));
    return this.#migration;
  }
}

/** An experiment as a Library record: its title says what was compared, its summary how far. */
export function experimentRecord(
  experiment: Experiment,
  runs: RunRecord[],
  title?: string,
): {
  kind: 'experiment';
  id: string;
  title: string;
  summary: string;
  searchText: string;
  createdAt: number;
  data: ExperimentData;
} {
  const { config } = experiment;
  const scored = runs.filter((r) => r.status === 'scored');
  const correct = scored.filter((r) => r.verdict.correct).length;
  const families = config.families.join(', ');
  return {
    kind: 'experiment',
    id: experiment.id,
    title:
      title ??
      `“${config.token}” × N = ${config.conditions.join(', ')} on ${families.length > 60 ? `${config.families.length} families` : families}`,
    summary: `${experiment.status} · ${runs.length} of ${experiment.plan.length} runs · ${correct} of ${scored.length} scored correct · ${experiment.model}`,
    searchText: `${families}\n${config.token}\n${experiment.model}\n${experiment.createdAt}`,
    createdAt: Date.parse(experiment.createdAt) || Date.now(),
    data: { experiment, runs },
  };
}
