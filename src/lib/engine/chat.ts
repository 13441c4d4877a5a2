import { TEMPLATES, type TemplateId } from '../transcript/format';
import type { GenerationEngine, GenerationResult } from './types';

/** One complete assistant reply to a system and user message, with the model's chat template. */
export function chat(
  engine: GenerationEngine,
  template: TemplateId,
  system: string,
  user: string,
  options: { maxTokens?: number; signal?: AbortSignal; onText?: (chunk: string) => void } = {},
): Promise<GenerationResult> {
  const format = TEMPLATES[template];
  return engine.generate(
    {
      prompt: format.open(system, user),
      stop: format.endOfTurn,
      maxTokens: options.maxTokens ?? 1024,
      temperature: 0,
      topP: 1,
      signal: options.signal,
    },
    options.onText ?? (() => {}),
  );
}
