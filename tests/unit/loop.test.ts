import { beforeAll, describe, expect, test } from 'vitest';
import { ReplayEngine, parseRecording } from '../../src/lib/engine/replay';
import { StopScanner } from '../../src/lib/engine/stops';
import {
  type GenerationEngine,
  type GenerationRequest,
  type GenerationResult,
} from '../../src/lib/engine/types';
import { ReasoningLoop, type LoopSettings } from '../../src/lib/loop/loop';
import { headAndTail } from '../../src/lib/loop/output';
import { PROTOCOLS } from '../../src/lib/loop/protocols';
import { TEMPLATES } from '../../src/lib/transcript/format';
import { createNodeSession } from '../../src/lib/python/node';
import type { PythonSession } from '../../src/lib/python/session';

let session: PythonSession;
beforeAll(async () => {
  session = await createNodeSession();
}, 60_000);

const runner = (code: string) => session.run(code);

/**
 * A test double that streams scripted chunks like a real engine: stop strings are found across
 * chunk boundaries and cut out, and a budget ends the stream.
 */
class ScriptedEngine implements GenerationEngine {
  readonly kind = 'webllm';
  readonly label = 'scripted';
  readonly prompts: string[] = [];
  constructor(private readonly turns: string[][]) {}
  async generate(
    request: GenerationRequest,
    onText: (chunk: string) => void,
  ): Promise<GenerationResult> {
    this.prompts.push(request.prompt);
    const chunks = this.turns.shift() ?? [];
    const scanner = new StopScanner(request.stop);
    let text = '';
    let tokens = 0;
    for (const chunk of chunks) {
      await Promise.resolve();
      if (request.signal?.aborted) return result(text, 'abort', null, tokens);
      if (tokens >= request.maxTokens) return result(text, 'length', null, tokens);
      const { text: shown, stop } = scanner.push(chunk);
      tokens += 1;
      if (shown) {
        text += shown;
        onText(shown);
      }
      if (stop) return result(text, 'stop', stop, tokens);
    }
    const rest = scanner.flush();
    text += rest;
    if (rest) onText(rest);
    return result(text, 'end', null, tokens);
  }
}

function result(
  text: string,
  finishReason: GenerationResult['finishReason'],
  stopString: string | null,
  tokens: number,
): GenerationResult {
  return {
    text,
    finishReason,
    stopString,
    usage: {
      promptTokens: 10,
      completionTokens: tokens,
      prefillTokensPerSecond: null,
      decodeTokensPerSecond: null,
      timeToFirstTokenMs: null,
    },
  };
}

function settings(overrides: Partial<LoopSettings> = {}): LoopSettings {
  return {
    protocol: PROTOCOLS['markdown-tir'],
    template: TEMPLATES.chatml,
    system: 'system',
    question: 'What is 6 times 7?',
    maxRounds: 4,
    maxTokensPerRound: 1000,
    maxTotalTokens: 4000,
    temperature: 0,
    topP: 1,
    intervention: { text: 'Wait', times: 0 },
    outputLimit: 2000,
    ...overrides,
  };
}

describe('the reasoning loop', () => {
  test('runs the code at ```output, splices the output, and continues the same turn', async () => {
    const engine = new ScriptedEngine([
      ['Compute.\n\n```py', 'thon\nprint(6 * 7)\n``', '`\n```out', 'put'],
      ['The answer is $\\boxed{42}$.'],
    ]);
    const loop = new ReasoningLoop(engine, runner, settings({ expected: '42' }));
    const end = await loop.start(new AbortController().signal);
    expect(end).toMatchObject({ reason: 'answer', answer: '42', correct: true, rounds: 1 });
    expect(loop.assistantText).toBe(
      'Compute.\n\n```python\nprint(6 * 7)\n```\n```output\n42\n```\nThe answer is $\\boxed{42}$.',
    );
    expect(engine.prompts[1]?.endsWith('```output\n42\n```\n')).toBe(true);
    expect(engine.prompts[1]?.startsWith('<|im_start|>system\nsystem<|im_end|>')).toBe(true);
  });

  test('a Python error is fed back, and the model can recover', async () => {
    const engine = new ScriptedEngine([
      ['```python\nprint(totl)\n```\n```output'],
      ['Typo.\n```python\ntotal = 42\nprint(total)\n```\n```output'],
      ['\\boxed{42}'],
    ]);
    const loop = new ReasoningLoop(engine, runner, settings());
    const end = await loop.start(new AbortController().signal);
    expect(end.rounds).toBe(2);
    expect(loop.assistantText).toContain("NameError: name 'totl' is not defined");
    expect(end.answer).toBe('42');
  });

  test('backticks inside Python strings, an empty block, and a huge output', async () => {
    const engine = new ScriptedEngine([
      ['```python\nprint("```")\nprint("x" * 10000)\n```\n```output'],
      ['```python\n```\n```output'],
      ['Done: \\boxed{1}'],
    ]);
    const loop = new ReasoningLoop(engine, runner, settings({ outputLimit: 200 }));
    await loop.start(new AbortController().signal);
    const text = loop.assistantText;
    expect(text).toContain('```output\n```\nxxxxx');
    expect(text).toMatch(/\[\d+ characters omitted\]/);
    expect(loop.parts.filter((p) => p.kind === 'run')).toHaveLength(2);
  });

  test('an unterminated block at the budget ends with the reason', async () => {
    const engine = new ScriptedEngine([
      ['```python\n', 'for i in range(10):\n', '    print(i)', '\n', 'more'],
    ]);
    const end = await new ReasoningLoop(engine, runner, settings({ maxTokensPerRound: 3 })).start(
      new AbortController().signal,
    );
    expect(end.reason).toBe('budget');
    expect(end.message).toContain('3 tokens');
  });

  test('the round limit', async () => {
    const turn = ['```python\nprint(1)\n```\n```output'];
    const engine = new ScriptedEngine([turn, turn, turn]);
    const end = await new ReasoningLoop(engine, runner, settings({ maxRounds: 2 })).start(
      new AbortController().signal,
    );
    expect(end).toMatchObject({ reason: 'rounds', rounds: 2 });
  });

  test('crucial-token intervention when the model tries to answer, up to N times', async () => {
    const engine = new ScriptedEngine([
      ['So it is \\boxed{41}'],
      [', let me recompute: \\boxed{42}'],
      [' indeed \\boxed{42}'],
    ]);
    const loop = new ReasoningLoop(
      engine,
      runner,
      settings({ intervention: { text: 'Wait', times: 1 } }),
    );
    const end = await loop.start(new AbortController().signal);
    expect(loop.parts.filter((p) => p.kind === 'inserted').map((p) => p.text)).toEqual([
      '\n\nWait',
    ]);
    expect(loop.assistantText).toBe('So it is \n\nWait, let me recompute: \\boxed{42}');
    expect(end.answer).toBe('42');
  });

  test('code that never ends: the time limit result is fed back and the model goes on', async () => {
    const engine = new ScriptedEngine([
      ['```python\nwhile True:\n    pass\n```\n```output'],
      ['Too slow; \\boxed{0}'],
    ]);
    // What PythonClient returns when its time limit stops a run (see tests/e2e/python-stop.spec.ts).
    const timedOut = async () => ({
      stdout: '',
      stderr: '',
      value: null,
      error: {
        type: 'TimeoutError',
        message: 'Stopped after 10 s, the time limit for a run.',
        traceback: '',
      },
      figures: [],
      durationMs: 10_000,
      truncated: false,
      restarted: false,
    });
    const loop = new ReasoningLoop(engine, timedOut, settings());
    const end = await loop.start(new AbortController().signal);
    expect(loop.assistantText).toContain(
      '```output\nTimeoutError: Stopped after 10 s, the time limit for a run.\n```',
    );
    expect(end).toMatchObject({ reason: 'answer', answer: '0', rounds: 1 });
  });

  test('stopped during generation', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine([['a', 'b', 'c', 'd']]);
    const loop = new ReasoningLoop(engine, runner, settings(), {
      onText: (chunk) => chunk === 'b' && controller.abort(),
    });
    expect((await loop.start(controller.signal)).reason).toBe('stopped');
  });

  test('stopped during execution', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine([['```python\nprint(1)\n```\n```output']]);
    const slowRunner = async (code: string, signal: AbortSignal) => {
      controller.abort();
      expect(signal.aborted).toBe(true);
      return session.run(code);
    };
    const end = await new ReasoningLoop(engine, slowRunner, settings()).start(controller.signal);
    expect(end).toMatchObject({
      reason: 'stopped',
      message: 'Stopped while the code was running.',
    });
  });
});

describe('replay', () => {
  const recording =
    'Let me compute.\n```python\nprint(2 + 2)\n```\n```output\n5\n```\nSo the answer is \\boxed{4}.';

  test('splits a recording into model text and outputs', () => {
    expect(parseRecording(recording)).toEqual({
      pieces: ['Let me compute.\n```python\nprint(2 + 2)\n```\n', 'So the answer is \\boxed{4}.'],
      outputs: ['5'],
    });
  });

  test('plays through the loop, runs the code live, and keeps the recorded output beside it', async () => {
    const engine = new ReplayEngine(recording, 'test', { tokensPerSecond: Infinity });
    const loop = new ReasoningLoop(engine, runner, settings(), {
      recordedOutput: (i) => engine.recordedOutput(i),
    });
    const end = await loop.start(new AbortController().signal);
    const run = loop.parts.find((p) => p.kind === 'run');
    expect(run).toMatchObject({ kind: 'run', recorded: '5', spliced: '```output\n4\n```\n' });
    expect(end).toMatchObject({ reason: 'answer', answer: '4' });
    expect(engine.label).toBe('Replay: test');
  });

  test('the tagged format', async () => {
    const tagged =
      'Compute.\n<code>\n```python\nprint(3)\n```\n</code>\n<interpreter>\n3\n</interpreter>\n<answer>\\boxed{3}</answer>';
    const engine = new ReplayEngine(tagged, 'tagged', { tokensPerSecond: Infinity });
    const loop = new ReasoningLoop(engine, runner, settings({ protocol: PROTOCOLS.tagged }), {
      recordedOutput: (i) => engine.recordedOutput(i),
    });
    const end = await loop.start(new AbortController().signal);
    expect(loop.assistantText).toBe(tagged);
    expect(end).toMatchObject({ reason: 'answer', rounds: 1, answer: '3' });
  });
});

test('head and tail of a long output', () => {
  expect(headAndTail('abcdefghij', 4)).toBe('ab\n... [6 characters omitted] ...\nij');
  expect(headAndTail('short', 10)).toBe('short');
});
