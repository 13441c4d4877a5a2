import { expect, test } from 'vitest';
import type {
  GenerationEngine,
  GenerationRequest,
  GenerationResult,
} from '../../src/lib/engine/types';
import { judgePrompt, judgeTranscript, parseCount } from '../../src/lib/analysis/judge';

test('the count is read from the last <count> tags', () => {
  expect(parseCount('I see two.\n<count>2</count>')).toBe(2);
  expect(parseCount('<count>1</count> no, <count> 3 </count>')).toBe(3);
  expect(parseCount('none given')).toBeNull();
});

test('one prompt per behaviour, each with the transcript, through the chat template', async () => {
  const prompts: string[] = [];
  const replies = ['<count>2</count>', 'no count', '<count>0</count>', '<count>1</count>'];
  const engine: GenerationEngine = {
    kind: 'webllm',
    label: 'double',
    async generate(request: GenerationRequest): Promise<GenerationResult> {
      prompts.push(request.prompt);
      return {
        text: replies.shift() ?? '',
        finishReason: 'end',
        stopString: null,
        usage: {
          promptTokens: 0,
          completionTokens: 1,
          prefillTokensPerSecond: null,
          decodeTokensPerSecond: null,
          timeToFirstTokenMs: null,
        },
      };
    },
  };
  const counts = await judgeTranscript(
    engine,
    'chatml',
    'What is 2+2?',
    'It is 4. Let me check: 2+2=4.',
  );
  expect(counts).toEqual({
    verification: 2,
    backtracking: null,
    subgoal_setting: 0,
    backward_chaining: 1,
  });
  expect(prompts).toHaveLength(4);
  expect(prompts[0]).toContain('<|im_start|>user');
  expect(prompts[0]).toContain('Let me check: 2+2=4.');
  expect(judgePrompt('backtracking', 'q', 't')).toContain('<count>');
});
