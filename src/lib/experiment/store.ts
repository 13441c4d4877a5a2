import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Experiment, RunRecord } from './types';

/** Experiments and their runs, kept in IndexedDB so they survive a reload. */
interface ExperimentsDb extends DBSchema {
  experiments: { key: string; value: Experiment };
  runs: {
    key: [string, string];
    value: RunRecord & { experimentId: string };
    indexes: { experiment: string };
  };
}

const DB_NAME = 'loupe-experiments';

export class ExperimentStore {
  #db: Promise<IDBPDatabase<ExperimentsDb>> | null = null;

  #open(): Promise<IDBPDatabase<ExperimentsDb>> {
    this.#db ??= openDB<ExperimentsDb>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('experiments', { keyPath: 'id' });
        const runs = db.createObjectStore('runs', { keyPath: ['experimentId', 'key'] });
        runs.createIndex('experiment', 'experimentId');
      },
    });
    return this.#db;
  }

  async saveExperiment(experiment: Experiment): Promise<void> {
    await (await this.#open()).put('experiments', structuredClone(experiment));
  }

  async saveRun(experimentId: string, record: RunRecord): Promise<void> {
    await (await this.#open()).put('runs', { ...structuredClone(record), experimentId });
  }

  /** The most recent experiment, or null. */
  async latest(): Promise<Experiment | null> {
    const all = await (await this.#open()).getAll('experiments');
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
  }

  async runs(experimentId: string): Promise<RunRecord[]> {
    const rows = await (await this.#open()).getAllFromIndex('runs', 'experiment', experimentId);
    return rows.map(({ experimentId: _, ...record }) => record);
  }

  async delete(experimentId: string): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(['experiments', 'runs'], 'readwrite');
    await tx.objectStore('experiments').delete(experimentId);
    const runs = tx.objectStore('runs');
    for (const key of await runs.index('experiment').getAllKeys(experimentId))
      await runs.delete(key);
    await tx.done;
  }
}
