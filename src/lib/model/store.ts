import { proxy } from 'comlink';
import { WorkerBridge, type WorkerLike } from '../bridge/worker-bridge';
import {
  ERROR_TABLE,
  LoupeError,
  isAbort,
  messageOf,
  type ErrorAction,
  type LoupeErrorCode,
  type SerializedError,
} from '../core/errors';
import {
  isLoaded,
  type CustomModel,
  type LoadedModel,
  type LoadProgress,
  type WebLlmWorkerApi,
} from '../engine/webllm-worker-api';
import { Generation, type GenerationPurpose } from './generation';
import { STARTING, withRates, type DownloadProgress } from './progress';

export interface ModelError {
  code: LoupeErrorCode;
  message: string;
  action: ErrorAction;
}

export interface ModelState {
  status: 'none' | 'loading' | 'ready';
  model: LoadedModel | null;
  progress: DownloadProgress | null;
  error: ModelError | null;
  cached: Record<string, boolean>;
  /** The generation that owns the model now, if any. */
  generation: { id: number; purpose: GenerationPurpose } | null;
}

const PURPOSE_TEXT: Record<GenerationPurpose, string> = {
  run: 'a Playground run',
  judge: 'the judge',
  translate: 'a translation',
  experiment: 'an experiment',
};

/**
 * The one model of the page: load, unload, the download cache, and the engine, behind a worker
 * bridge. It lends the engine to one generation at a time (a run, a judge pass, a translation);
 * while one runs, the others and Load are refused with a reason the interface shows.
 */
export class ModelStore {
  readonly #bridge: WorkerBridge<WebLlmWorkerApi>;
  readonly #listeners = new Set<(state: ModelState) => void>();
  #state: ModelState = {
    status: 'none',
    model: null,
    progress: null,
    error: null,
    cached: {},
    generation: null,
  };
  #current: Generation | null = null;
  #nextId = 1;

  constructor(createWorker?: () => WorkerLike) {
    this.#bridge = new WorkerBridge<WebLlmWorkerApi>({
      create:
        createWorker ??
        (() =>
          new Worker(new URL('../engine/webllm.worker.ts', import.meta.url), {
            type: 'module',
            name: 'model',
          })),
    });
  }

  get state(): ModelState {
    return this.#state;
  }

  subscribe(listener: (state: ModelState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Why `action` cannot start now, or null when it can. */
  busyReason(action: 'load' | GenerationPurpose): string | null {
    const owner = this.#state.generation;
    if (owner)
      return `The model is busy with ${PURPOSE_TEXT[owner.purpose]}; ${action === 'load' ? 'load another' : 'this is available'} when it ends, or stop it.`;
    if (action === 'load') return this.#state.status === 'loading' ? 'A model is loading.' : null;
    if (this.#state.status !== 'ready') return 'Load a model first.';
    return null;
  }

  /** Lends the model to one owner; throws `model/busy` while another generation runs. */
  begin(purpose: GenerationPurpose): Generation {
    const reason = this.busyReason(purpose);
    const model = this.#state.model;
    if (reason || !model)
      throw new LoupeError(model ? 'model/busy' : 'model/not-loaded', reason ?? undefined);
    const generation = new Generation(
      this.#nextId++,
      purpose,
      model.modelId,
      model.contextWindow,
      this.#bridge,
      (ended) => {
        if (this.#current !== ended) return;
        this.#current = null;
        this.#update({ generation: null });
      },
    );
    this.#current = generation;
    this.#update({ generation: { id: generation.id, purpose } });
    return generation;
  }

  /** Stops the generation that owns the model, if it is `id` (or any, without an id). */
  stop(id?: number): void {
    if (this.#current && (id === undefined || this.#current.id === id)) this.#current.stop();
  }

  /** An error from a generation: device lost means the model is gone and must be reloaded. */
  report(error: unknown): ModelError {
    const coded =
      error instanceof LoupeError
        ? error
        : new LoupeError('model/generation-failed', messageOf(error));
    const modelError = { code: coded.code, message: coded.message, action: coded.action };
    if (coded.code === 'model/device-lost' || coded.code === 'model/out-of-memory')
      this.#update({ status: 'none', model: null, error: modelError });
    else this.#update({ error: modelError });
    return modelError;
  }

  async load(modelId: string, custom: CustomModel | null, signal: AbortSignal): Promise<void> {
    const reason = this.busyReason('load');
    if (reason) {
      this.#fail(new LoupeError('model/busy', reason));
      return;
    }
    this.#update({ status: 'loading', error: null, progress: STARTING, model: null });
    try {
      const onProgress = proxy((p: LoadProgress) => this.#update({ progress: withRates(p) }));
      const loaded = await this.#bridge.call<LoadedModel | SerializedError>(
        (r) => r.load(modelId, custom, onProgress),
        {
          signal,
          hardCancel: true,
        },
      );
      if (!isLoaded(loaded)) throw LoupeError.from(loaded);
      this.#update({ status: 'ready', model: loaded, progress: null });
    } catch (error) {
      this.#update({ status: 'none', model: null, progress: null });
      if (isAbort(error))
        this.#fail(new LoupeError('model/load-failed', 'The download was cancelled.'));
      else this.#fail(error);
    }
  }

  async unload(): Promise<void> {
    this.#current?.end();
    await this.#bridge.call((r) => r.unload()).catch(() => undefined);
    this.#update({ status: 'none', model: null });
  }

  async refreshCache(modelIds: string[]): Promise<void> {
    try {
      this.#update({
        cached: await this.#bridge.call((r) => r.cached(modelIds), { queued: false }),
      });
    } catch {
      this.#update({ cached: {} });
    }
  }

  async deleteCached(modelId: string, all: string[]): Promise<void> {
    await this.#bridge.call((r) => r.deleteCached(modelId), { queued: false });
    await this.refreshCache(all);
  }

  dispose(): void {
    this.#current?.end();
    this.#bridge.dispose('The model worker was closed.');
  }

  #fail(error: unknown): void {
    const coded =
      error instanceof LoupeError ? error : new LoupeError('model/load-failed', messageOf(error));
    this.#update({
      error: { code: coded.code, message: coded.message, action: ERROR_TABLE[coded.code].action },
    });
  }

  #update(patch: Partial<ModelState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}
