/**
 * A test double for the experiment: a "model" that reacts to inserted text. It answers wrong
 * unless a crucial token was put in its turn, then answers right. Tests only, never the product.
 */
import type {
  GenerationEngine,
  GenerationRequest,
  GenerationResult,
} from '../../../src/lib/engine/types';

export interface ScriptedAnswers {
  right: string;
  wrong: string;
}

export class ScriptedEngine implements GenerationEngine {
  readonly kind = 'webllm';
  readonly label = 'Scripted test engine';
  calls = 0;

  constructor(
    readonly answers: (prompt: string) => ScriptedAnswers,
    readonly options: { reactsTo?: string; delayMs?: number; tokensPerCall?: number } = {},
  ) {}

  async generate(
    request: GenerationRequest,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    this.calls += 1;
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const turn = request.prompt.slice(request.prompt.lastIndexOf('assistant\n') + 10);
    const { right, wrong } = this.answers(request.prompt);
    const nudged = turn.includes(this.options.reactsTo ?? 'Wait');
    const tokens = this.options.tokensPerCall ?? 12;
    const usage = {
      promptTokens: 50,
      completionTokens: tokens,
      prefillTokensPerSecond: null,
      decodeTokensPerSecond: null,
      timeToFirstTokenMs: null,
    };
    if (request.signal?.aborted)
      return { text: '', finishReason: 'abort', stopString: null, usage };
    if (tokens > request.maxTokens) {
      const text = 'Let me think at length... ';
      onText(text);
      return {
        text,
        finishReason: 'length',
        stopString: null,
        usage: { ...usage, completionTokens: request.maxTokens },
      };
    }
    if (!nudged && request.stop.includes('<<<')) {
      const text = 'I will just answer. ';
      onText(text);
      return { text, finishReason: 'stop', stopString: '<<<', usage };
    }
    const text = nudged
      ? `, let me check that again. Verify: the answer is <<<${right}>>>`
      : `I will just answer. <<<${wrong}>>>`;
    onText(text);
    return { text, finishReason: 'end', stopString: null, usage };
  }
}
