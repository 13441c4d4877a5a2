import { LoupeError, messageOf, type SerializedError } from '../core/errors';
import type { GenerationResult } from './types';
import { WebLlmGenerator, type GenerateOptions, type MlcEngine } from './webllm-generator';

export interface LoadProgress {
  /** 0 to 1. */
  progress: number;
  text: string;
  elapsedSeconds: number;
}

export interface CustomModel {
  modelId: string;
  modelUrl: string;
  modelLibUrl: string;
}

/** What is known of a loaded model. */
export interface LoadedModel {
  modelId: string;
  /** Tokens of prompt and output together; null when the model's config does not say. */
  contextWindow: number | null;
}

type WebLlm = typeof import('@mlc-ai/web-llm');
type LoadedEngine = MlcEngine & { unload(): Promise<void> };

/**
 * The model worker: web-llm is imported here, on first use, and nowhere else, so its 6 MB never
 * reach the page. Generation goes through WebLlmGenerator, one at a time, each under an id.
 */
export class WebLlmWorkerApi {
  #webllm: WebLlm | null = null;
  #engine: LoadedEngine | null = null;
  #generator: WebLlmGenerator | null = null;
  #appConfig: import('@mlc-ai/web-llm').AppConfig | undefined;

  async #lib(): Promise<WebLlm> {
    this.#webllm ??= await import('@mlc-ai/web-llm');
    return this.#webllm;
  }

  async load(
    modelId: string,
    custom: CustomModel | null,
    onProgress: (progress: LoadProgress) => void,
  ): Promise<LoadedModel | SerializedError> {
    try {
      const webllm = await this.#lib();
      this.#appConfig = custom
        ? {
            ...webllm.prebuiltAppConfig,
            model_list: [
              ...webllm.prebuiltAppConfig.model_list,
              { model: custom.modelUrl, model_id: custom.modelId, model_lib: custom.modelLibUrl },
            ],
          }
        : webllm.prebuiltAppConfig;
      const initProgressCallback = (report: {
        progress: number;
        text: string;
        timeElapsed: number;
      }) =>
        onProgress({
          progress: report.progress,
          text: report.text,
          elapsedSeconds: report.timeElapsed,
        });
      await this.unload();
      const engine = await webllm.CreateMLCEngine(modelId, {
        appConfig: this.#appConfig,
        initProgressCallback,
      });
      this.#engine = engine;
      this.#generator = new WebLlmGenerator(engine);
      const record = this.#appConfig.model_list.find((m) => m.model_id === modelId);
      return { modelId, contextWindow: record?.overrides?.context_window_size ?? null };
    } catch (error) {
      return loadError(error);
    }
  }

  async unload(): Promise<void> {
    const engine = this.#engine;
    this.#engine = null;
    this.#generator = null;
    await engine?.unload();
  }

  async generate(
    id: number,
    options: GenerateOptions,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    if (!this.#generator) throw new LoupeError('model/not-loaded');
    return this.#generator.generate(id, options, onText);
  }

  cancel(id: number): void {
    this.#generator?.cancel(id);
  }

  async cached(modelIds: string[]): Promise<Record<string, boolean>> {
    const webllm = await this.#lib();
    const entries = await Promise.all(
      modelIds.map(
        async (id) =>
          [id, await webllm.hasModelInCache(id, this.#appConfig).catch(() => false)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }

  async deleteCached(modelId: string): Promise<void> {
    const webllm = await this.#lib();
    await webllm.deleteModelAllInfoInCache(modelId, this.#appConfig);
  }
}

export function isLoaded(value: LoadedModel | SerializedError): value is LoadedModel {
  return 'modelId' in value;
}

function loadError(error: unknown): SerializedError {
  const message = messageOf(error);
  if (/device (was )?lost/i.test(message))
    return new LoupeError(
      'model/device-lost',
      `The GPU device was lost while loading (${message}). Reload the model; if it happens again, pick a smaller one.`,
    ).toJSON();
  if (/out of memory|OOM|allocation/i.test(message)) {
    return new LoupeError(
      'model/out-of-memory',
      `The GPU ran out of memory while loading (${message}). Pick a smaller model, such as Llama 3.2 1B or Qwen3 0.6B.`,
    ).toJSON();
  }
  if (/fetch|network|Failed to load|404|NetworkError/i.test(message)) {
    return new LoupeError(
      'model/download-failed',
      `The model could not be downloaded (${message}). Check the connection, or for an offline classroom use a custom model URL on your own server.`,
    ).toJSON();
  }
  return new LoupeError('model/load-failed', `The model could not be loaded: ${message}`).toJSON();
}
