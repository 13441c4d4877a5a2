import { WebLlmGenerator } from '../../../src/lib/engine/webllm-generator';
import type {
  GenerationEngine,
  GenerationRequest,
  GenerationResult,
} from '../../../src/lib/engine/types';
import { WebLlmDouble, type Script } from './webllm-double';

/** Splits model text into token-sized pieces, as a tokenizer would stream it. */
export function tokens(text: string): string[] {
  return text.match(/\s*[^\s]{1,4}|\s+/g) ?? [];
}

/**
 * web-llm's engine double behind Loupe's generator, as the model worker runs it, with the page's
 * request ids and cancel (what Generation does across the worker boundary).
 */
export class DoubleEngine implements GenerationEngine {
  readonly kind = 'webllm';
  readonly label = 'double (web-llm stand-in)';
  readonly double: WebLlmDouble;
  readonly generator: WebLlmGenerator;
  #next = 1;

  constructor(script: Script | string[][], contextWindow = 4096) {
    this.double = new WebLlmDouble(script, contextWindow);
    this.generator = new WebLlmGenerator(this.double);
  }

  async generate(
    request: GenerationRequest,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    const id = this.#next++;
    const { signal, ...options } = request;
    const cancel = () => this.generator.cancel(id);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await this.generator.generate(id, options, onText);
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }
}
