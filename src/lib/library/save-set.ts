import { LoupeError, type SerializedError } from '../core/errors';
import { packSet } from './compare-sets';
import type { NewRecord, RecordMeta } from './records';

/** Keeps a compare set in the Library from a worker of its own; rejects as `Library.save` would. */
export function saveSetInWorker(record: NewRecord<'compare'>): Promise<RecordMeta> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./save-set.worker.ts', import.meta.url), {
      type: 'module',
      name: 'library',
    });
    worker.onmessage = (event: MessageEvent<{ meta?: RecordMeta; error?: SerializedError }>) => {
      worker.terminate();
      if (event.data.meta) resolve(event.data.meta);
      else reject(LoupeError.from(event.data.error ?? { code: 'internal', message: 'Not kept.' }));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new LoupeError('internal', `The compare set was not kept: ${event.message}.`));
    };
    const { data, ...meta } = record;
    const set = packSet(data);
    worker.postMessage(
      { record: meta, set },
      set.groups.map((g) => g.packed.buffer),
    );
  });
}
