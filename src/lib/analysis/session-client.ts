import { LoupeError } from '../core/errors';
import type { ImportError } from '../transcript/types';
import type { AnalysedTranscript } from './analyse';
import type { AnalysisProgress } from './job';
import type { TableView } from './session';
import type { SessionMessage, SessionRequest } from './session-api';
import type { TableQuery } from './table';
import type { AnalysisSource } from './worker-api';

export interface SessionEvents {
  onProgress: (progress: AnalysisProgress, errors: ImportError[]) => void;
  /** The file is in the Library, or why it is not. */
  onKept?: (error: LoupeError | null) => void;
}

export interface SessionResult {
  transcripts: number;
  skipped: number;
  cancelled: boolean;
}

/** A Cancel the worker does not act on within this long (one enormous transcript) terminates it. */
const HARD_CANCEL_MS = 2000;

type Waiting = {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  item?: AnalysedTranscript;
  total?: number;
};

/**
 * The page's side of one analysed file: the worker tags it and keeps it; the page asks for a page
 * of the table, the CSV or one transcript when it needs them. `done` settles when tagging ends.
 */
export class SessionClient {
  readonly done: Promise<SessionResult>;
  #worker: Worker;
  #nextId = 1;
  #waiting = new Map<number, Waiting>();
  #finish: { resolve: (r: SessionResult) => void; reject: (e: Error) => void } | null = null;

  constructor(
    source: AnalysisSource,
    options: { crucialTokens?: readonly string[]; keep: boolean },
    events: SessionEvents,
  ) {
    this.done = new Promise((resolve, reject) => (this.#finish = { resolve, reject }));
    this.#worker = new Worker(new URL('./session.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analysis',
    });
    this.#worker.onmessage = (event: MessageEvent<SessionMessage>) =>
      this.#receive(event.data, events);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#fail(new LoupeError('internal', `The analysis worker failed: ${event.message}.`));
    };
    this.#post({
      type: 'analyse',
      source,
      crucialTokens: options.crucialTokens && [...options.crucialTokens],
      keep: options.keep,
    });
  }

  view(query: TableQuery, limit: number): Promise<TableView> {
    return this.#ask((id) => ({ type: 'view', id, query: { ...query }, limit }));
  }

  csv(query: TableQuery): Promise<string> {
    return this.#ask((id) => ({ type: 'csv', id, query: { ...query } }));
  }

  transcript(index: number): Promise<AnalysedTranscript | null> {
    return this.#ask((id) => ({ type: 'transcript', id, index }));
  }

  /** Stops tagging: what was tagged stays open. A worker stuck in one transcript is terminated. */
  cancel(): void {
    this.#post({ type: 'cancel' });
    const timer = setTimeout(() => this.#fail(cancelled()), HARD_CANCEL_MS);
    void this.done.finally(() => clearTimeout(timer)).catch(() => {});
  }

  /** Ends the worker and everything it held. */
  close(): void {
    this.#fail(cancelled());
  }

  #ask<T>(request: (id: number) => SessionRequest): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: never) => void, reject });
      this.#post(request(id));
    });
  }

  #post(request: SessionRequest): void {
    this.#worker.postMessage(request);
  }

  #receive(message: SessionMessage, events: SessionEvents): void {
    if (message.type === 'progress') events.onProgress(message.progress, message.errors);
    else if (message.type === 'done') this.#finish?.resolve(message);
    else if (message.type === 'failed') this.#fail(LoupeError.from(message.error));
    else if (message.type === 'kept') events.onKept?.(null);
    else if (message.type === 'not-kept') events.onKept?.(LoupeError.from(message.error));
    else if (message.type === 'view') this.#answer(message.id, message.view);
    else if (message.type === 'csv') this.#answer(message.id, message.csv);
    else if (message.type === 'transcript') {
      const waiting = this.#waiting.get(message.id);
      if (waiting && message.item)
        Object.assign(waiting, { item: message.item, total: message.unitsTotal });
      else this.#answer(message.id, null);
    } else {
      const waiting = this.#waiting.get(message.id);
      if (waiting?.item) waiting.item.tags.units.push(...message.units);
    }
    if (message.type === 'transcript' || message.type === 'units') this.#whole(message.id);
  }

  /** Hands over a transcript once all its units are in, with its crucial tokens put back. */
  #whole(id: number): void {
    const item = this.#waiting.get(id)?.item;
    if (!item || item.tags.units.length < (this.#waiting.get(id)?.total ?? 0)) return;
    const crucial = [];
    for (const unit of item.tags.units) for (const token of unit.crucial) crucial.push(token);
    item.tags.crucial = crucial;
    this.#answer(id, item);
  }

  #answer(id: number, value: unknown): void {
    this.#waiting.get(id)?.resolve(value as never);
    this.#waiting.delete(id);
  }

  /** Settles everything still waiting and ends the worker (it failed, was cancelled, or is done with). */
  #fail(error: Error): void {
    this.#worker.terminate();
    this.#finish?.reject(error);
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

const cancelled = () => new DOMException('Cancelled.', 'AbortError');
