import { proxy, type Remote } from 'comlink';
import type { WorkerBridge } from '../bridge/worker-bridge';
import type { GenerationEngine, GenerationRequest, GenerationResult } from '../engine/types';
import type { WebLlmWorkerApi } from '../engine/webllm-worker-api';

export type GenerationPurpose = 'run' | 'judge' | 'translate' | 'experiment';

let nextRequestId = 1;

/**
 * One owner's use of the model (a Playground run, a judge pass, a translation), with its own
 * AbortController: Stop aborts this generation and no other. Each request it makes has an id,
 * so a stop reaches the right request in the worker, even while it waits its turn there.
 */
export class Generation implements GenerationEngine {
  readonly kind = 'webllm';
  readonly label: string;
  readonly #controller = new AbortController();
  #ended = false;

  constructor(
    readonly id: number,
    readonly purpose: GenerationPurpose,
    readonly modelId: string,
    readonly contextWindow: number | null,
    readonly bridge: WorkerBridge<WebLlmWorkerApi>,
    readonly onEnd: (generation: Generation) => void,
  ) {
    this.label = `${modelId} (live, on this device)`;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get ended(): boolean {
    return this.#ended;
  }

  stop(): void {
    this.#controller.abort();
  }

  /** Gives the model back; a request still running is stopped. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#controller.abort();
    this.onEnd(this);
  }

  async generate(
    request: GenerationRequest,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    const signals = [this.#controller.signal, request.signal].filter(
      (s): s is AbortSignal => s !== undefined,
    );
    // A request aborted before it starts returns at once, without reaching the worker.
    if (this.#ended || signals.some((s) => s.aborted)) return aborted();
    const id = nextRequestId++;
    const options = { ...request, signal: undefined };
    const cancel = () =>
      void this.bridge
        .call((remote: Remote<WebLlmWorkerApi>) => remote.cancel(id), { queued: false })
        .catch(() => undefined);
    for (const s of signals) s.addEventListener('abort', cancel, { once: true });
    try {
      return await this.bridge.call((remote) => remote.generate(id, options, proxy(onText)), {
        queued: false,
      });
    } finally {
      for (const s of signals) s.removeEventListener('abort', cancel);
    }
  }
}

function aborted(): GenerationResult {
  return {
    text: '',
    finishReason: 'abort',
    stopString: null,
    usage: {
      promptTokens: 0,
      completionTokens: 0,
      prefillTokensPerSecond: null,
      decodeTokensPerSecond: null,
      timeToFirstTokenMs: null,
    },
  };
}
