import type {
  Completion,
  CompletionCreateParamsBase,
  CompletionCreateParamsNonStreaming,
  CompletionCreateParamsStreaming,
} from '@mlc-ai/web-llm';
import type { MlcEngine } from '../../../src/lib/engine/webllm-generator';

/** What the double's "model" writes for a prompt: its tokens, in order, then end of turn. */
export type Script = (prompt: string, call: number) => string[];

/** `completions.create` with web-llm's overloads; only streaming is implemented, as Loupe streams. */
class DoubleCompletions {
  constructor(
    readonly stream: (request: CompletionCreateParamsStreaming) => AsyncIterable<Completion>,
  ) {}
  create(request: CompletionCreateParamsNonStreaming): Promise<Completion>;
  create(request: CompletionCreateParamsStreaming): Promise<AsyncIterable<Completion>>;
  create(request: CompletionCreateParamsBase): Promise<AsyncIterable<Completion> | Completion>;
  async create(
    request: CompletionCreateParamsBase,
  ): Promise<AsyncIterable<Completion> | Completion> {
    if (!request.stream) throw new Error('The double only streams, as Loupe does.');
    return this.stream(request as CompletionCreateParamsStreaming);
  }
}

/** web-llm's CustomLock: the first caller gets it, later ones wait in order. */
class Lock {
  #held = false;
  #waiting: (() => void)[] = [];
  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/**
 * A stand-in for web-llm's MLCEngine that behaves as its source does (lib/index.js, 0.2.86):
 * - `completions.create({stream: true})` returns an async generator whose body takes the model's
 *   lock on the first `next()`: a second request waits its turn instead of failing;
 * - the lock holder clears `interruptSignal` when it starts, so an interrupt sent while a request
 *   waits in the queue is lost;
 * - the flag is read before each decode step: an interrupt that lands during a step still lets
 *   that step's token out (one step late), and the stream ends with finish_reason "abort";
 * - `max_tokens` reached gives finish_reason "length", as does a full context window;
 * - a prompt longer than the context window throws ContextWindowSizeExceededError at prefill;
 * - the last text chunk has `text: ''` and the finish reason, then, with include_usage, a separate
 *   usage chunk whose `choices` is empty.
 * Its type comes from web-llm's own declarations, so an API change there fails the type check.
 */
export class WebLlmDouble implements MlcEngine {
  readonly requests: CompletionCreateParamsStreaming[] = [];
  /** How long one decode step takes, in ms (0: a microtask). */
  stepMs = 0;
  /** Tokens a prompt counts as: one per 4 characters, as a rough tokenizer would. */
  promptTokens = (prompt: string) => Math.ceil(prompt.length / 4);
  interruptSignal = false;
  readonly #lock = new Lock();
  readonly #script: Script;
  #calls = 0;

  constructor(
    script: Script | string[][],
    readonly contextWindow = 4096,
  ) {
    this.#script = Array.isArray(script) ? (_prompt, call) => script[call] ?? [] : script;
  }

  readonly completions = new DoubleCompletions((request) => {
    this.requests.push(request);
    return this.#generate(request);
  });

  async interruptGenerate(): Promise<void> {
    this.interruptSignal = true;
  }

  async *#generate(request: CompletionCreateParamsStreaming): AsyncGenerator<Completion> {
    await this.#lock.acquire();
    try {
      this.interruptSignal = false;
      const prompt = typeof request.prompt === 'string' ? request.prompt : '';
      const promptTokens = this.promptTokens(prompt);
      if (promptTokens > this.contextWindow) {
        const error = new Error(
          `Prompt tokens exceed context window size: number of prompt tokens: ${promptTokens}; context window size: ${this.contextWindow}`,
        );
        error.name = 'ContextWindowSizeExceededError';
        throw error;
      }
      const tokens = this.#script(prompt, this.#calls++);
      const maxTokens = request.max_tokens ?? Infinity;
      let finish: 'stop' | 'length' | 'abort' = 'stop';
      let emitted = 0;
      for (const token of tokens) {
        if (this.interruptSignal) {
          finish = 'abort';
          break;
        }
        await this.#step();
        emitted += 1;
        yield chunk([{ text: token, finish_reason: null, index: 0 }]);
        if (emitted >= maxTokens || promptTokens + emitted >= this.contextWindow) {
          finish = 'length';
          break;
        }
      }
      yield chunk([{ text: '', finish_reason: finish, index: 0 }]);
      if (request.stream_options?.include_usage) {
        yield {
          ...chunk([]),
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: emitted,
            total_tokens: promptTokens + emitted,
            extra: {
              e2e_latency_s: 0,
              prefill_tokens_per_s: 1000,
              decode_tokens_per_s: 50,
              time_to_first_token_s: promptTokens / 1000,
              time_per_output_token_s: 0.02,
            },
          },
        };
      }
    } finally {
      this.#lock.release();
    }
  }

  #step(): Promise<void> {
    return this.stepMs > 0
      ? new Promise((resolve) => setTimeout(resolve, this.stepMs))
      : Promise.resolve();
  }
}

function chunk(choices: Completion['choices']): Completion {
  return { id: 'double', choices, created: 0, model: 'double', object: 'text_completion' };
}
