import { LoupeError, messageOf } from '../core/errors';
import { unpackSet, type PackedSetData } from './compare-sets';
import { Library } from './library';
import type { LibraryRecord, NewRecord } from './records';

// Keeps a compare set in the Library off the page: measuring and storing 100,000 rows is seconds of work.
const library = new Library();
self.onmessage = async (
  event: MessageEvent<{ record: Omit<NewRecord<'compare'>, 'data'>; set: PackedSetData }>,
) => {
  try {
    const saved: Partial<LibraryRecord> = await library.save({
      ...event.data.record,
      data: unpackSet(event.data.set),
    });
    delete saved.data;
    self.postMessage({ meta: saved });
  } catch (error) {
    const failure =
      error instanceof LoupeError ? error : new LoupeError('internal', messageOf(error));
    self.postMessage({ error: failure.toJSON() });
  }
};
