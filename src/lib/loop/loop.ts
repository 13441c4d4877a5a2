import { extractAnswer, sameAnswer } from '../core/answer';
import { codeOf, messageOf, type LoupeErrorCode } from '../core/errors';
import { estimateTokens } from '../core/tokens';
import type { GenerationEngine, GenerationUsage } from '../engine/types';
import type { PythonRunResult } from '../python/types';
import { outputForModel } from './output';
import type { Protocol } from './protocols';
import type { ChatTemplate } from '../transcript/format';

export interface LoopSettings {
  protocol: Protocol;
  template: ChatTemplate;
  system: string;
  question: string;
  maxRounds: number;
  maxTokensPerRound: number;
  maxTotalTokens: number;
  temperature: number;
  topP: number;
  seed?: number;
  /** Text put in when the model tries to finish, and how many times (0 to 5). */
  intervention: { text: string; times: number };
  /** Longest output fed back to the model, in characters (head and tail beyond). */
  outputLimit: number;
  expected?: string | null;
  /** The model's context window in tokens (prompt and output together); null when unknown. */
  contextWindow?: number | null;
}

/** What one generation cost: web-llm re-reads the whole prompt (prefill) every round. */
export interface RoundUsage {
  promptTokens: number;
  completionTokens: number;
  prefillMs: number | null;
}

/** A piece of the assistant's turn, in order. */
export type Part =
  | { kind: 'model'; text: string }
  | { kind: 'inserted'; text: string }
  | {
      kind: 'run';
      index: number;
      code: string;
      /** The text spliced into the turn (what the model reads). */
      spliced: string;
      result: PythonRunResult | null;
      /** What the recording had here, in replay. */
      recorded: string | null;
    };

export type EndReason = 'answer' | 'end' | 'budget' | 'rounds' | 'context' | 'stopped' | 'error';

export interface LoopResult {
  reason: EndReason;
  message: string;
  answer: string | null;
  correct: boolean | null;
  rounds: number;
  completionTokens: number;
  promptTokens: number;
  decodeTokensPerSecond: number | null;
  timeToFirstTokenMs: number | null;
  durationMs: number;
  /** Each generation's prompt and output tokens, in order. */
  usage: RoundUsage[];
  /** The engine's error code, when it ended the run. */
  errorCode?: LoupeErrorCode | null;
}

export interface LoopHooks {
  /** A part was added or completed (a model part's text arrives through onText instead). */
  onPart?: (part: Part, parts: readonly Part[]) => void;
  onText?: (chunk: string) => void;
  /** Returns the recorded output for a run, in replay. */
  recordedOutput?: (index: number) => string | null;
}

/** Tokens kept free of the window for estimates that run short (no tokenizer on the page). */
const CONTEXT_MARGIN = 32;

export type CodeRunner = (code: string, signal: AbortSignal) => Promise<PythonRunResult>;

/**
 * The reasoning loop: the model writes, stops to have its code run, reads the output, and goes
 * on in the same assistant turn, until it answers or a limit is reached. When it tries to finish,
 * a crucial token can be put in, up to N times (arXiv 2606.16934).
 */
export class ReasoningLoop {
  readonly parts: Part[] = [];
  #assistant = '';

  constructor(
    readonly engine: GenerationEngine,
    readonly run: CodeRunner,
    readonly settings: LoopSettings,
    readonly hooks: LoopHooks = {},
  ) {}

  /** Everything the assistant turn holds so far, as the model sees it. */
  get assistantText(): string {
    return this.#assistant;
  }

  async start(signal: AbortSignal): Promise<LoopResult> {
    const settings = this.settings;
    const { protocol, template } = settings;
    const prefix = template.open(settings.system, settings.question);
    const started = performance.now();
    const totals = { completion: 0, prompt: 0, decodeTime: 0, firstToken: null as number | null };
    let rounds = 0;
    let interventions = 0;
    const end = (reason: EndReason, message: string): LoopResult => {
      const answer = extractAnswer(this.#assistant);
      const expected = settings.expected ?? null;
      return {
        reason:
          reason === 'end' && answer !== null && /\\boxed\{|<answer>/.test(this.#assistant)
            ? 'answer'
            : reason,
        message,
        answer,
        correct:
          expected === null || answer === null
            ? expected === null
              ? null
              : false
            : sameAnswer(answer, expected),
        rounds,
        completionTokens: totals.completion,
        promptTokens: totals.prompt,
        decodeTokensPerSecond: totals.decodeTime > 0 ? totals.completion / totals.decodeTime : null,
        timeToFirstTokenMs: totals.firstToken,
        durationMs: performance.now() - started,
        usage,
      };
    };
    const usage: RoundUsage[] = [];
    const window = settings.contextWindow ?? null;
    // The next prompt's length: measured by the engine after each round, estimated before the first.
    let promptTokens = estimateTokens(prefix);
    const contextEnd = (detail: string) =>
      end(
        'context',
        `${detail} The model's context window is ${window ?? 'limited'} tokens. Use fewer rounds, shorter outputs (a lower output limit), or a model with a longer window.`,
      );

    for (;;) {
      if (signal.aborted) return end('stopped', 'Stopped.');
      const room = window === null ? Infinity : window - promptTokens - CONTEXT_MARGIN;
      const budget = Math.min(
        settings.maxTokensPerRound,
        settings.maxTotalTokens - totals.completion,
        room,
      );
      if (settings.maxTotalTokens - totals.completion <= 0)
        return end('budget', `The token budget (${settings.maxTotalTokens} in total) is used up.`);
      if (budget <= 0)
        return contextEnd(
          `The prompt has reached about ${promptTokens} tokens, leaving no room to write.`,
        );
      const canIntervene = interventions < settings.intervention.times;
      const stops = [
        protocol.runStop,
        ...template.endOfTurn,
        ...(canIntervene ? protocol.endStops : []),
      ];
      const part: Part = { kind: 'model', text: '' };
      this.#push(part);
      let generated;
      try {
        generated = await this.engine.generate(
          {
            prompt: prefix + this.#assistant,
            stop: stops,
            maxTokens: budget,
            temperature: settings.temperature,
            topP: settings.topP,
            seed: settings.seed,
            signal,
          },
          (chunk) => {
            part.text += chunk;
            this.#assistant += chunk;
            this.hooks.onText?.(chunk);
          },
        );
      } catch (error) {
        if (codeOf(error) === 'model/context-exceeded') return contextEnd(messageOf(error));
        return { ...end('error', messageOf(error)), errorCode: codeOf(error) };
      }
      // Engines report their final text too; trust it over the streamed pieces if they differ.
      if (generated.text !== part.text) {
        this.#assistant =
          this.#assistant.slice(0, this.#assistant.length - part.text.length) + generated.text;
        part.text = generated.text;
        this.hooks.onPart?.(part, this.parts);
      }
      this.#addUsage(totals, generated.usage);
      const measured = generated.usage.promptTokens;
      usage.push({
        promptTokens: measured,
        completionTokens: generated.usage.completionTokens,
        prefillMs: generated.usage.timeToFirstTokenMs,
      });
      promptTokens =
        (measured || promptTokens) +
        (generated.usage.completionTokens || estimateTokens(generated.text));
      if (generated.finishReason === 'abort' || signal.aborted)
        return end('stopped', 'Stopped during generation.');
      if (generated.finishReason === 'length') {
        if (window !== null && budget === room && generated.usage.completionTokens >= room)
          return contextEnd('The round filled what was left of the context.');
        if (window !== null && measured + generated.usage.completionTokens >= window)
          return contextEnd('The round reached the end of the context.');
        const total = totals.completion >= settings.maxTotalTokens;
        return end(
          'budget',
          total
            ? `The token budget (${settings.maxTotalTokens} in total) is used up.`
            : `The round used its ${settings.maxTokensPerRound} tokens.`,
        );
      }
      if (generated.finishReason === 'stop' && generated.stopString === protocol.runStop) {
        if (rounds >= settings.maxRounds) {
          return end(
            'rounds',
            `The model wanted to run code again, but the limit is ${settings.maxRounds} rounds.`,
          );
        }
        const code = protocol.lastCode(this.#assistant);
        const index = rounds;
        rounds += 1;
        const runPart: Part = {
          kind: 'run',
          index,
          code: code ?? '',
          spliced: '',
          result: null,
          recorded: this.hooks.recordedOutput?.(index) ?? null,
        };
        this.#push(runPart);
        let output: string;
        if (code === null) {
          output = 'Error: there is no ```python block to run.';
        } else {
          const result = await this.run(code, signal);
          runPart.result = result;
          output = outputForModel(result, settings.outputLimit);
        }
        if (signal.aborted) {
          this.hooks.onPart?.(runPart, this.parts);
          return end('stopped', 'Stopped while the code was running.');
        }
        runPart.spliced = protocol.splice(output);
        this.#assistant += runPart.spliced;
        promptTokens += estimateTokens(runPart.spliced);
        this.hooks.onPart?.(runPart, this.parts);
        continue;
      }
      if (
        generated.finishReason === 'stop' &&
        generated.stopString !== null &&
        protocol.endStops.includes(generated.stopString)
      ) {
        interventions += 1;
        const text = `\n\n${settings.intervention.text}`;
        this.#push({ kind: 'inserted', text });
        this.#assistant += text;
        promptTokens += estimateTokens(text);
        continue;
      }
      return end('end', 'The model finished its answer.');
    }
  }

  #push(part: Part): void {
    this.parts.push(part);
    this.hooks.onPart?.(part, this.parts);
  }

  #addUsage(
    totals: { completion: number; prompt: number; decodeTime: number; firstToken: number | null },
    usage: GenerationUsage,
  ): void {
    totals.completion += usage.completionTokens;
    totals.prompt = Math.max(totals.prompt, usage.promptTokens);
    if (usage.decodeTokensPerSecond)
      totals.decodeTime += usage.completionTokens / usage.decodeTokensPerSecond;
    totals.firstToken ??= usage.timeToFirstTokenMs;
  }
}
