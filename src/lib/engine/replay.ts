import { MARKERS, OUTPUT_BLOCK } from '../transcript/format';
import { StopScanner } from './stops';
import type { GenerationEngine, GenerationRequest, GenerationResult } from './types';

/** Splits a recording into what the model wrote and the interpreter outputs it saw. */
export interface Recording {
  /** Model text between outputs; the i-th piece is followed by the i-th output, if any. */
  pieces: string[];
  outputs: string[];
}

export function parseRecording(text: string): Recording {
  const pieces: string[] = [];
  const outputs: string[] = [];
  let at = 0;
  for (const match of text.matchAll(OUTPUT_BLOCK)) {
    const start = match.index ?? 0;
    pieces.push(text.slice(at, start));
    outputs.push((match[1] ?? match[2] ?? '').replace(/\n$/, ''));
    at = start + match[0].length;
  }
  pieces.push(text.slice(at));
  return { pieces, outputs };
}

export interface ReplayOptions {
  /** Tokens (word-sized pieces) per second; Infinity plays as fast as the page can take it. */
  tokensPerSecond?: number;
  /**
   * When set, each token waits for this gate (step-by-step teaching mode); a gate that returns
   * null lets the token go at the replay's speed (step mode turned off during a replay).
   */
  gate?: () => Promise<void> | null;
}

/**
 * Plays a recorded transcript through the same loop as a live model: each `generate` streams the
 * next stretch of model text, token by token, until a stop string; the loop then really runs the
 * code, and the recorded output is kept to compare with the live one.
 */
export class ReplayEngine implements GenerationEngine {
  readonly kind = 'replay';
  readonly label: string;
  readonly recording: Recording;
  tokensPerSecond: number;
  gate: (() => Promise<void> | null) | undefined;
  #remaining: string;
  #round = 0;

  constructor(text: string, label: string, options: ReplayOptions = {}) {
    this.recording = parseRecording(text);
    this.label = `Replay: ${label}`;
    this.tokensPerSecond = options.tokensPerSecond ?? 60;
    this.gate = options.gate;
    this.#remaining = this.recording.pieces[0] ?? '';
  }

  /** The recorded output for the code the model just ran, for comparison with the live one. */
  recordedOutput(round: number): string | null {
    return this.recording.outputs[round] ?? null;
  }

  async generate(
    request: GenerationRequest,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    const tokens = this.#remaining.match(/\s*\S{1,8}|\s+$/g) ?? [];
    const scanner = new StopScanner(request.stop);
    let text = '';
    let emitted = 0;
    const started = performance.now();
    let firstToken: number | null = null;
    for (const token of tokens) {
      if (request.signal?.aborted || emitted >= request.maxTokens) {
        this.#remaining = this.#remaining.slice(text.length);
        const reason = request.signal?.aborted ? 'abort' : 'length';
        return this.#finish(text, reason, null, emitted, started, firstToken);
      }
      const gated = this.gate?.();
      if (gated) await gated;
      else if (Number.isFinite(this.tokensPerSecond))
        await sleep(1000 / this.tokensPerSecond, request.signal);
      else if (emitted % 64 === 63) await sleep(0, request.signal);
      const { text: shown, stop } = scanner.push(token);
      firstToken ??= performance.now() - started;
      emitted += 1;
      if (shown) {
        text += shown;
        onText(shown);
      }
      if (stop) {
        this.#advance({ index: text.length, stop });
        return this.#finish(text, 'stop', stop, emitted, started, firstToken);
      }
    }
    const rest = scanner.flush();
    if (rest) {
      text += rest;
      onText(rest);
    }
    // The stretch ended: either an output follows (the model would have written its opening) or the recording ends.
    this.#remaining = '';
    const hasOutput = this.#round < this.recording.outputs.length;
    if (hasOutput) {
      const stop =
        request.stop.find((s) => s.startsWith(MARKERS.outputOpen) || s === MARKERS.codeClose) ??
        null;
      this.#round += 1;
      this.#remaining = this.recording.pieces[this.#round] ?? '';
      return this.#finish(text, stop ? 'stop' : 'end', stop, emitted, started, firstToken);
    }
    return this.#finish(text, 'end', null, emitted, started, firstToken);
  }

  /**
   * After a stop string inside the recording, continue from just after it next time; when only
   * whitespace separates it from a recorded output (`</code>` then `<interpreter>`), the live
   * output replaces that output, so the next stretch starts after it.
   */
  #advance(stop: { index: number; stop: string }): void {
    const rest = this.#remaining.slice(stop.index + stop.stop.length);
    if (rest.trim() === '' && this.#round < this.recording.outputs.length) {
      this.#round += 1;
      this.#remaining = this.recording.pieces[this.#round] ?? '';
    } else this.#remaining = rest;
  }

  #finish(
    text: string,
    finishReason: GenerationResult['finishReason'],
    stopString: string | null,
    tokens: number,
    started: number,
    firstToken: number | null,
  ): GenerationResult {
    const seconds = (performance.now() - started) / 1000;
    return {
      text,
      finishReason,
      stopString,
      usage: {
        promptTokens: 0,
        completionTokens: tokens,
        prefillTokensPerSecond: null,
        decodeTokensPerSecond: seconds > 0 ? tokens / seconds : null,
        timeToFirstTokenMs: firstToken,
      },
    };
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
