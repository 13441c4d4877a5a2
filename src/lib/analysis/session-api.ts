import { LoupeError, messageOf, type SerializedError } from '../core/errors';
import { analysisRecord } from '../library/files';
import type { NewRecord } from '../library/records';
import type { TaggedUnit } from '../tagger/tagger';
import { readTranscripts } from '../transcript/import';
import type { ImportError } from '../transcript/types';
import { analyseTranscript, type AnalysedTranscript } from './analyse';
import type { AnalysisProgress } from './job';
import { AnalysisSession, type TableView } from './session';
import type { TableQuery } from './table';
import { readSource, type AnalysisSource } from './worker-api';

/** What the page asks of the Analyse worker; answers to `view`, `csv` and `transcript` carry the request's id. */
export type SessionRequest =
  | {
      type: 'analyse';
      source: AnalysisSource;
      crucialTokens?: string[];
      /** Keep the file in the Library when it has been read to the end. */
      keep: boolean;
    }
  | { type: 'cancel' }
  | { type: 'view'; id: number; query: TableQuery; limit: number }
  | { type: 'csv'; id: number; query: TableQuery }
  | { type: 'transcript'; id: number; index: number };

export type SessionMessage =
  | { type: 'progress'; progress: AnalysisProgress; errors: ImportError[] }
  | { type: 'done'; transcripts: number; skipped: number; cancelled: boolean }
  | { type: 'failed'; error: SerializedError }
  | { type: 'kept' }
  | { type: 'not-kept'; error: SerializedError }
  | { type: 'view'; id: number; view: TableView }
  | { type: 'csv'; id: number; csv: string }
  /** A transcript too long for one message comes with its first units; `units` messages bring the rest. */
  | { type: 'transcript'; id: number; item: AnalysedTranscript | null; unitsTotal: number }
  | { type: 'units'; id: number; units: TaggedUnit[] };

export interface SessionHooks {
  post: (message: SessionMessage) => void;
  /** Keeps a record in the Library (the worker's own connection to IndexedDB). */
  keep: (record: NewRecord<'analysis'>) => Promise<unknown>;
  now?: () => number;
  /** Lets the worker read the page's messages (a view, a cancel) between transcripts. */
  pause?: () => Promise<void>;
}

const PROGRESS_MS = 100;
/** Units of a transcript per message: each is read on the page in a few milliseconds. */
export const UNITS_PER_PART = 500;
/** Work between pauses: a sort or a Cancel waits at most about this long. */
const PAUSE_MS = 40;

/**
 * The Analyse worker: tags one file into an AnalysisSession, then answers the page's questions
 * about it (a page of the table, the CSV, one transcript) until the page closes it.
 */
export class SessionHandler {
  readonly session = new AnalysisSession();
  #cancelled = false;
  readonly #hooks: Required<SessionHooks>;

  constructor(hooks: SessionHooks) {
    this.#hooks = {
      now: Date.now,
      pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      ...hooks,
    };
  }

  handle(request: SessionRequest): Promise<void> {
    const { post } = this.#hooks;
    if (request.type === 'analyse') return this.#analyse(request);
    if (request.type === 'cancel') this.#cancelled = true;
    else if (request.type === 'view')
      post({ type: 'view', id: request.id, view: this.session.view(request.query, request.limit) });
    else if (request.type === 'csv')
      post({ type: 'csv', id: request.id, csv: this.session.csv(request.query) });
    else this.#sendTranscript(request.id, this.session.transcript(request.index));
    return Promise.resolve();
  }

  async #analyse(request: Extract<SessionRequest, { type: 'analyse' }>): Promise<void> {
    const { post, now, pause } = this.#hooks;
    const { source } = request;
    const session = this.session;
    const progress = (phase: AnalysisProgress['phase'], done: number, total: number) =>
      post({
        type: 'progress',
        progress: {
          phase,
          done,
          total,
          transcripts: session.items.length,
          skipped: session.skipped,
        },
        errors: [...session.errors],
      });
    try {
      progress('reading', 0, 0);
      const text = await readSource(source);
      let lastProgress = now();
      let lastPause = lastProgress;
      for (const step of readTranscripts(text, source.name)) {
        if (step.error) session.skip(step.error);
        else session.add(analyseTranscript(step.transcript, request.crucialTokens));
        const t = now();
        if (t - lastProgress >= PROGRESS_MS) {
          lastProgress = t;
          progress('tagging', step.offset, text.length);
        }
        if (t - lastPause >= PAUSE_MS) {
          await pause();
          lastPause = now();
          if (this.#cancelled) break;
        }
      }
      progress('done', text.length, text.length);
      const count = session.items.length;
      const cancelled = this.#cancelled;
      post({ type: 'done', transcripts: count, skipped: session.skipped, cancelled });
      if (request.keep && !cancelled && count > 0) await this.#keep(source.name, text);
    } catch (error) {
      post({ type: 'failed', error: serialize(error, `Could not read ${source.name}`) });
    }
  }

  async #keep(name: string, text: string): Promise<void> {
    const { post, keep } = this.#hooks;
    try {
      await keep(analysisRecord(name, text, this.session.items.length, this.session.skipped));
      post({ type: 'kept' });
    } catch (error) {
      post({ type: 'not-kept', error: serialize(error, `${name} was not kept in the Library`) });
    }
  }

  /**
   * One transcript, its units in messages of UNITS_PER_PART; without `tags.crucial`, which is its
   * units' crucial tokens again (178,000 of them in a 5 MB line): the page puts it back together.
   */
  #sendTranscript(id: number, item: AnalysedTranscript | null): void {
    const { post } = this.#hooks;
    if (!item) {
      post({ type: 'transcript', id, item, unitsTotal: 0 });
      return;
    }
    const units = item.tags.units;
    const part = (at: number) => units.slice(at, at + UNITS_PER_PART);
    const first = { ...item, tags: { ...item.tags, units: part(0), crucial: [] } };
    post({ type: 'transcript', id, item: first, unitsTotal: units.length });
    for (let at = UNITS_PER_PART; at < units.length; at += UNITS_PER_PART)
      post({ type: 'units', id, units: part(at) });
  }
}

function serialize(error: unknown, context: string): SerializedError {
  return error instanceof LoupeError
    ? error.toJSON()
    : { code: 'internal', message: `${context}: ${messageOf(error)}.` };
}
