/** One streamed text generation: a raw prompt continued until a stop string or a budget. */
export interface GenerationRequest {
  prompt: string;
  /** Generation ends before any of these; the result says which one. */
  stop: string[];
  maxTokens: number;
  temperature: number;
  topP: number;
  seed?: number;
  signal?: AbortSignal;
}

export type FinishReason = 'stop' | 'length' | 'abort' | 'end';

export interface GenerationUsage {
  promptTokens: number;
  completionTokens: number;
  prefillTokensPerSecond: number | null;
  decodeTokensPerSecond: number | null;
  timeToFirstTokenMs: number | null;
}

export interface GenerationResult {
  text: string;
  /** `stop`: a stop string was reached (`stopString` says which); `end`: the model ended its turn. */
  finishReason: FinishReason;
  stopString: string | null;
  usage: GenerationUsage;
}

/** What the reasoning loop talks to: a live model (WebLLM) or a recording (replay). */
export interface GenerationEngine {
  readonly kind: 'webllm' | 'replay';
  /** Shown beside the transcript; replay always says so. */
  readonly label: string;
  generate(request: GenerationRequest, onText: (chunk: string) => void): Promise<GenerationResult>;
}

/** Which of the stop strings ends `text` first, and where: the earliest match wins. */
export function findStop(
  text: string,
  stops: readonly string[],
  from = 0,
): { index: number; stop: string } | null {
  let best: { index: number; stop: string } | null = null;
  for (const stop of stops) {
    const index = text.indexOf(stop, from);
    if (index !== -1 && (best === null || index < best.index)) best = { index, stop };
  }
  return best;
}
