import { proxy, wrap, type Remote } from 'comlink';
import { LoupeError } from '../core/errors';
import type { GenerationEngine, GenerationRequest, GenerationResult } from './types';
import type { CustomModel, LoadProgress, WebLlmWorkerApi } from './webllm-worker-api';

/** Download progress with the figures a person wants: how much, how fast, how long. */
export interface DownloadProgress extends LoadProgress {
  fetchedMB: number | null;
  mbPerSecond: number | null;
  secondsLeft: number | null;
}

/**
 * The page's side of the model worker. The worker (and web-llm in it) is created on first use;
 * cancelling a download terminates it.
 */
export class ModelWorker {
  #worker: Worker | null = null;
  #remote: Remote<WebLlmWorkerApi> | null = null;

  get remote(): Remote<WebLlmWorkerApi> {
    if (!this.#remote) {
      this.#worker = new Worker(new URL('./webllm.worker.ts', import.meta.url), {
        type: 'module',
        name: 'model',
      });
      this.#remote = wrap<WebLlmWorkerApi>(this.#worker);
    }
    return this.#remote;
  }

  async load(
    modelId: string,
    custom: CustomModel | null,
    onProgress: (progress: DownloadProgress) => void,
    signal: AbortSignal,
  ): Promise<WebLlmEngine> {
    const remote = this.remote;
    const cancelled = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => {
        this.terminate();
        reject(new DOMException('The download was cancelled.', 'AbortError'));
      });
    });
    const failed = await Promise.race([
      remote.load(
        modelId,
        custom,
        proxy((progress: LoadProgress) => onProgress(withRates(progress))),
      ),
      cancelled,
    ]);
    if (failed) throw LoupeError.from(failed);
    return new WebLlmEngine(remote, modelId);
  }

  cached(modelIds: string[]): Promise<Record<string, boolean>> {
    return this.remote.cached(modelIds);
  }

  deleteCached(modelId: string): Promise<void> {
    return this.remote.deleteCached(modelId);
  }

  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#remote = null;
  }
}

/** A loaded model, behind the same interface as replay. */
export class WebLlmEngine implements GenerationEngine {
  readonly kind = 'webllm';
  readonly label: string;

  constructor(
    readonly remote: Remote<WebLlmWorkerApi>,
    readonly modelId: string,
  ) {
    this.label = `${modelId} (live, on this device)`;
  }

  async generate(
    request: GenerationRequest,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    const { signal, ...options } = request;
    const interrupt = () => void this.remote.interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      return await this.remote.generate(options, proxy(onText));
    } finally {
      signal?.removeEventListener('abort', interrupt);
    }
  }
}

function withRates(progress: LoadProgress): DownloadProgress {
  const fetched = /([\d.]+)\s*MB fetched/i.exec(progress.text);
  const fetchedMB = fetched ? Number(fetched[1]) : null;
  const mbPerSecond =
    fetchedMB !== null && progress.elapsedSeconds > 0 ? fetchedMB / progress.elapsedSeconds : null;
  const secondsLeft =
    progress.progress > 0.01 && progress.progress < 1
      ? (progress.elapsedSeconds * (1 - progress.progress)) / progress.progress
      : null;
  return { ...progress, fetchedMB, mbPerSecond, secondsLeft };
}
