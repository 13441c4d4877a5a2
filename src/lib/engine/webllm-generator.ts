import { StopScanner } from './stops';
import type { FinishReason, GenerationRequest, GenerationResult } from './types';

/** The part of web-llm's engine Loupe uses: raw completions, streamed, and interrupt. */
export interface MlcEngineLike {
  completions: {
    create(request: {
      prompt: string;
      stream: true;
      stop?: string[];
      max_tokens?: number;
      temperature?: number;
      top_p?: number;
      seed?: number;
      stream_options?: { include_usage: boolean };
    }): Promise<AsyncIterable<MlcChunk>>;
  };
  interruptGenerate(): void;
}

export interface MlcChunk {
  choices: { text: string; finish_reason: string | null }[];
  usage?: {
    prompt_tokens: number;
    completion_tokens: number;
    extra?: {
      prefill_tokens_per_s?: number;
      decode_tokens_per_s?: number;
      time_to_first_token_s?: number;
    };
  } | null;
}

export type GenerateOptions = Omit<GenerationRequest, 'signal'>;

/**
 * Streams a raw completion from a web-llm engine and reports it in Loupe's terms. Runs in the
 * model's worker; tested here with a stand-in engine.
 */
export class WebLlmGenerator {
  #busy: Promise<unknown> = Promise.resolve();

  constructor(readonly engine: MlcEngineLike) {}

  generate(options: GenerateOptions, onText: (chunk: string) => void): Promise<GenerationResult> {
    // One generation at a time: a new one waits until the previous has fully ended (interrupt included).
    const run = this.#busy.then(() => this.#generate(options, onText));
    this.#busy = run.catch(() => undefined);
    return run;
  }

  interrupt(): void {
    this.engine.interruptGenerate();
  }

  async #generate(
    options: GenerateOptions,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    const stream = await this.engine.completions.create({
      prompt: options.prompt,
      stream: true,
      max_tokens: options.maxTokens,
      temperature: options.temperature,
      top_p: options.topP,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      stream_options: { include_usage: true },
    });
    // Loupe finds the stop strings itself and interrupts: web-llm would cut them without saying which.
    const scanner = new StopScanner(options.stop);
    let text = '';
    let finish: string | null = null;
    let stopString: string | null = null;
    let usage: MlcChunk['usage'] = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice) {
        if (!stopString) {
          const { text: shown, stop } = scanner.push(choice.text);
          if (shown) {
            text += shown;
            onText(shown);
          }
          if (stop) {
            stopString = stop;
            this.engine.interruptGenerate();
          }
        }
        finish = choice.finish_reason ?? finish;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    if (!stopString) {
      const rest = scanner.flush();
      if (rest) {
        text += rest;
        onText(rest);
      }
    }
    return {
      text,
      finishReason: stopString ? 'stop' : mapFinish(finish),
      stopString,
      usage: {
        promptTokens: usage?.prompt_tokens ?? 0,
        completionTokens: usage?.completion_tokens ?? 0,
        prefillTokensPerSecond: usage?.extra?.prefill_tokens_per_s ?? null,
        decodeTokensPerSecond: usage?.extra?.decode_tokens_per_s ?? null,
        timeToFirstTokenMs:
          usage?.extra?.time_to_first_token_s === undefined
            ? null
            : usage.extra.time_to_first_token_s * 1000,
      },
    };
  }
}

function mapFinish(reason: string | null): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'abort') return 'abort';
  // "stop" here is the end of the model's turn (stop strings are handled above).
  return 'end';
}
