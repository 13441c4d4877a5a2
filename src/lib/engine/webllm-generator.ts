import type { Completion, CompletionUsage, MLCEngineInterface } from '@mlc-ai/web-llm';
import { LoupeError, messageOf } from '../core/errors';
import { StopScanner } from './stops';
import type { FinishReason, GenerationRequest, GenerationResult } from './types';

/**
 * The part of web-llm's engine Loupe uses, from web-llm's own declarations (type-only): raw
 * streamed completions and interrupt. A change to either in web-llm fails the type check here.
 */
export type MlcEngine = Pick<MLCEngineInterface, 'interruptGenerate'> & {
  completions: Pick<MLCEngineInterface['completions'], 'create'>;
};

export type GenerateOptions = Omit<GenerationRequest, 'signal'>;

/**
 * Streams raw completions from a web-llm engine, one at a time, each under an id, and reports
 * them in Loupe's terms. Runs in the model's worker; tested with a double of web-llm's engine.
 *
 * Its own queue sits in front of web-llm's lock because web-llm clears its interrupt flag when a
 * queued request takes the lock: an interrupt sent while a request waits would be lost there. Here
 * a request cancelled while it waits returns at once, and one cancelled while it runs is
 * interrupted again after every chunk until web-llm stops it.
 */
export class WebLlmGenerator {
  #queue: Promise<unknown> = Promise.resolve();
  readonly #cancelled = new Set<number>();
  readonly #leave = new Map<number, () => void>();
  #running: number | null = null;

  constructor(readonly engine: MlcEngine) {}

  generate(
    id: number,
    options: GenerateOptions,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    const turn = this.#queue;
    const left = new Promise<void>((resolve) => this.#leave.set(id, resolve));
    const run = (async () => {
      await Promise.race([turn, left]);
      this.#leave.delete(id);
      if (this.#cancelled.delete(id)) return abortedBeforeStart();
      this.#running = id;
      try {
        return await this.#generate(id, options, onText);
      } finally {
        this.#running = null;
        this.#cancelled.delete(id);
      }
    })();
    // The next request waits for the earlier ones and this one, however this one ends.
    this.#queue = Promise.all([turn, run.catch(() => undefined)]);
    return run;
  }

  /** Stops generation `id`: at once if it is still waiting, at web-llm's next step if running. */
  cancel(id: number): void {
    this.#cancelled.add(id);
    if (this.#running === id) void this.engine.interruptGenerate();
    else this.#leave.get(id)?.();
  }

  async #generate(
    id: number,
    options: GenerateOptions,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    let stream: AsyncIterable<Completion>;
    const scanner = new StopScanner(options.stop);
    let text = '';
    let finish: string | null = null;
    let stopString: string | null = null;
    let usage: CompletionUsage | null = null;
    try {
      stream = await this.engine.completions.create({
        prompt: options.prompt,
        stream: true,
        max_tokens: options.maxTokens,
        temperature: options.temperature,
        top_p: options.topP,
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        stream_options: { include_usage: true },
      });
      for await (const chunk of stream) {
        // web-llm sends the usage in a chunk of its own, with no choices.
        if (chunk.usage) usage = chunk.usage;
        const choice = chunk.choices[0];
        if (!choice) continue;
        finish = choice.finish_reason ?? finish;
        if (this.#cancelled.has(id)) void this.engine.interruptGenerate();
        if (stopString || this.#cancelled.has(id)) continue;
        // Loupe finds the stop strings itself: web-llm would cut them without saying which.
        const { text: shown, stop } = scanner.push(choice.text);
        if (shown) {
          text += shown;
          onText(shown);
        }
        if (stop) {
          stopString = stop;
          void this.engine.interruptGenerate();
        }
      }
    } catch (error) {
      throw generationError(error);
    }
    if (!stopString) {
      const rest = scanner.flush();
      if (rest) {
        text += rest;
        onText(rest);
      }
    }
    const cancelled = this.#cancelled.has(id);
    return {
      text,
      finishReason: stopString ? 'stop' : cancelled ? 'abort' : mapFinish(finish),
      stopString,
      usage: {
        promptTokens: usage?.prompt_tokens ?? 0,
        completionTokens: usage?.completion_tokens ?? 0,
        prefillTokensPerSecond: usage?.extra.prefill_tokens_per_s ?? null,
        decodeTokensPerSecond: usage?.extra.decode_tokens_per_s ?? null,
        timeToFirstTokenMs:
          usage?.extra.time_to_first_token_s === undefined
            ? null
            : usage.extra.time_to_first_token_s * 1000,
      },
    };
  }
}

function abortedBeforeStart(): GenerationResult {
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

function mapFinish(reason: string | null): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'abort') return 'abort';
  // "stop" here is the end of the model's turn (stop strings are handled above).
  return 'end';
}

/** web-llm's errors by name and message, as Loupe's codes. */
export function generationError(error: unknown): LoupeError {
  if (error instanceof LoupeError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = messageOf(error);
  if (name === 'ContextWindowSizeExceededError' || /context window size/i.test(message))
    return new LoupeError(
      'model/context-exceeded',
      `The prompt no longer fits the model's context window (${message.split('\n')[0]}). Use fewer rounds, shorter outputs, or a model with a longer window.`,
    );
  if (/device (was )?lost|DeviceLost/i.test(message)) return new LoupeError('model/device-lost');
  if (/out of memory|OOM|allocation failed/i.test(message))
    return new LoupeError('model/out-of-memory');
  return new LoupeError('model/generation-failed', `The model failed: ${message}`);
}
