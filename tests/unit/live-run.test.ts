import { beforeAll, describe, expect, test } from 'vitest';
import { LiveRun } from '../../src/lib/live/run';
import type { CodeRunner, LoopSettings } from '../../src/lib/loop/loop';
import { PROTOCOLS } from '../../src/lib/loop/protocols';
import { createNodeSession } from '../../src/lib/python/node';
import type { PythonSession } from '../../src/lib/python/session';
import { TEMPLATES } from '../../src/lib/transcript/format';
import { DoubleEngine, tokens } from './helpers/double-engine';

let session: PythonSession;
beforeAll(async () => {
  session = await createNodeSession();
}, 60_000);

const python: CodeRunner = (code) => session.run(code);

function settings(overrides: Partial<LoopSettings> = {}): LoopSettings {
  return {
    protocol: PROTOCOLS['markdown-tir'],
    template: TEMPLATES.chatml,
    system: PROTOCOLS['markdown-tir'].systemPrompt,
    question: 'What is 6 times 7?',
    maxRounds: 4,
    maxTokensPerRound: 512,
    maxTotalTokens: 4096,
    temperature: 0,
    topP: 1,
    intervention: { text: 'Wait', times: 0 },
    outputLimit: 2000,
    expected: '42',
    contextWindow: 4096,
    ...overrides,
  };
}

/** The model's text for each call, after the stop strings the loop cuts at. */
const ROUNDS = [
  'First, I will compute it with code.\n```python\nprint(6 * 7)\n```\n```output\n999\n```',
  'The code printed 42. Let me verify this: 42 / 7 = 6, so it checks out.\n\nThe answer is \\boxed{42}.',
];

async function drive(
  engine: DoubleEngine,
  loop: LoopSettings,
  runner = python,
  stopAt?: (run: LiveRun, controller: AbortController) => void,
) {
  const controller = new AbortController();
  let paints = 0;
  const run: LiveRun = new LiveRun(engine, runner, loop, {
    crucialTokens: ['Wait'],
    onChange: () => {
      paints += 1;
      stopAt?.(run, controller);
    },
  });
  const result = await run.start(controller.signal);
  return { result, snapshot: run.snapshot(), paints };
}

describe('a whole live run with the web-llm double', () => {
  test('two rounds: the real output is spliced in place of what the model would have made up', async () => {
    const engine = new DoubleEngine(ROUNDS.map(tokens));
    const { result, snapshot, paints } = await drive(engine, settings());
    expect(result).toMatchObject({ reason: 'answer', answer: '42', correct: true, rounds: 1 });
    expect(snapshot.running).toBe(false);
    expect(snapshot.assistant).toContain('```output\n42\n```\n');
    expect(snapshot.assistant).not.toContain('999');
    // The second prompt holds the spliced output: the model reads the real result.
    expect(String(engine.double.requests[1]?.prompt)).toContain('```output\n42\n```\n');
    const kinds = snapshot.blocks.flat().map((v) => v.unit.kind);
    expect(kinds).toEqual(expect.arrayContaining(['text', 'code', 'output']));
    // The tagger ran over the streamed text: the check in round two is verification.
    expect(snapshot.counts.verification).toBe(1);
    expect(result.usage).toHaveLength(2);
    expect(result.usage[1]!.promptTokens).toBeGreaterThan(result.usage[0]!.promptTokens);
    expect(paints).toBeGreaterThan(5);
  });

  test('an inserted crucial token is marked as inserted, and the model goes on after it', async () => {
    const engine = new DoubleEngine([
      tokens('It is 6 * 7, so \\boxed{42}'),
      tokens(', let me check with code.\n```python\nprint(6*7)\n```\n```output'),
      tokens('Confirmed: \\boxed{42}'),
    ]);
    const { result, snapshot } = await drive(
      engine,
      settings({ intervention: { text: 'Wait', times: 1 } }),
    );
    expect(result.reason).toBe('answer');
    expect(snapshot.assistant).toContain('so \n\nWait, let me check');
    const inserted = snapshot.blocks.flat().filter((v) => v.inserted);
    expect(inserted.length).toBeGreaterThan(0);
    expect(snapshot.crucialCount).toBeGreaterThan(0);
    expect(snapshot.parts.filter((p) => p.kind === 'inserted')).toHaveLength(1);
  });

  test('stop mid-generation ends at once with "stopped", and the text so far is kept', async () => {
    const engine = new DoubleEngine([tokens('word '.repeat(200))]);
    engine.double.stepMs = 1;
    const { result, snapshot } = await drive(engine, settings(), python, (run, controller) => {
      if (run.snapshot().textLength > 40) controller.abort();
    });
    expect(result).toMatchObject({ reason: 'stopped', message: 'Stopped during generation.' });
    expect(snapshot.textLength).toBeGreaterThan(40);
    expect(snapshot.textLength).toBeLessThan(1000);
  });

  test('stop mid-execution ends while the code runs', async () => {
    const engine = new DoubleEngine([tokens('```python\nwhile True: pass\n```\n```output')]);
    let started: () => void = () => {};
    const running = new Promise<void>((r) => (started = r));
    const hanging: CodeRunner = (_code, signal) =>
      new Promise((resolve) => {
        started();
        signal.addEventListener('abort', () =>
          resolve({
            stdout: '',
            stderr: '',
            value: null,
            error: { type: 'Stopped', code: 'python/stopped', message: 'Stopped.', traceback: '' },
            figures: [],
            durationMs: 1,
            truncated: false,
            restarted: false,
          }),
        );
      });
    const controller = new AbortController();
    const run = new LiveRun(engine, hanging, settings(), { crucialTokens: [] });
    const done = run.start(controller.signal);
    await running;
    controller.abort();
    expect(await done).toMatchObject({
      reason: 'stopped',
      message: 'Stopped while the code was running.',
    });
  });

  test.each([
    ['end', [tokens('I do not know.')], settings(), /finished its answer/],
    ['budget', [tokens('x '.repeat(100))], settings({ maxTokensPerRound: 10 }), /10 tokens/],
    [
      'rounds',
      [
        tokens('```python\nprint(1)\n```\n```output'),
        tokens('```python\nprint(2)\n```\n```output'),
      ],
      settings({ maxRounds: 1 }),
      /limit is 1 rounds/,
    ],
    [
      'context',
      [tokens('y '.repeat(400))],
      settings({ contextWindow: 200 }),
      /context window is 200 tokens.*fewer rounds/,
    ],
  ] as const)('ends with %s, saying why', async (reason, script, loop, message) => {
    const { result } = await drive(new DoubleEngine(script.map((t) => [...t])), loop);
    expect(result.reason).toBe(reason);
    expect(result.message).toMatch(message);
  });

  test('a prompt that outgrows the window ends with "context", not a model failure', async () => {
    const engine = new DoubleEngine(
      [tokens('```python\nprint("z" * 3000)\n```\n```output'), tokens('more')],
      400,
    );
    // The window is unknown to the loop here: the engine's own refusal is read as the context.
    const { result } = await drive(engine, settings({ contextWindow: null }));
    expect(result.reason).toBe('context');
    expect(result.message).toMatch(/shorter outputs|fewer rounds/);
  });

  test('an engine failure ends with "error" and its message', async () => {
    const engine = new DoubleEngine(() => {
      throw new Error('GPU device was lost');
    });
    const { result } = await drive(engine, settings());
    expect(result.reason).toBe('error');
    expect(result.message).toMatch(/device/i);
  });
});
