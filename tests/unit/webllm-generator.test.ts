import { expect, test } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { CATALOG, modelId } from '../../src/lib/engine/catalog';
import { checkWebGpu } from '../../src/lib/engine/webgpu';
import { WebLlmGenerator } from '../../src/lib/engine/webllm-generator';
import { WebLlmDouble } from './helpers/webllm-double';

const options = { prompt: 'p', stop: ['```output'], maxTokens: 100, temperature: 0, topP: 1 };

test('streams text and reads usage from its own chunk with no choices', async () => {
  const engine = new WebLlmDouble([['Hello', ' world']]);
  const seen: string[] = [];
  const result = await new WebLlmGenerator(engine).generate(1, options, (t) => seen.push(t));
  expect(seen.join('')).toBe('Hello world');
  expect(result).toMatchObject({
    text: 'Hello world',
    finishReason: 'end',
    stopString: null,
    usage: { promptTokens: 1, completionTokens: 2, decodeTokensPerSecond: 50 },
  });
  expect(engine.requests[0]?.stream_options).toEqual({ include_usage: true });
});

test('finds a stop string split across chunks, cuts it, and interrupts the engine', async () => {
  const engine = new WebLlmDouble([
    ['```python\nprint(1)\n```\n``', '`outp', 'ut\n1', 'never shown', 'nor this'],
  ]);
  const result = await new WebLlmGenerator(engine).generate(1, options, () => {});
  expect(result).toMatchObject({
    text: '```python\nprint(1)\n```\n',
    finishReason: 'stop',
    stopString: '```output',
  });
  // web-llm stops at its next step: the stop string's chunk and nothing after it was decoded.
  expect(result.usage.completionTokens).toBe(3);
});

test('requests queue behind each other, as behind web-llm lock', async () => {
  const engine = new WebLlmDouble([['first'], ['second']]);
  const generator = new WebLlmGenerator(engine);
  const [a, b] = await Promise.all([
    generator.generate(1, options, () => {}),
    generator.generate(2, options, () => {}),
  ]);
  expect([a.text, b.text]).toEqual(['first', 'second']);
});

test('a request cancelled while it waits its turn returns at once, not after the one ahead', async () => {
  const engine = new WebLlmDouble([Array(50).fill('x'), ['never']]);
  engine.stepMs = 5;
  const generator = new WebLlmGenerator(engine);
  let firstDone = false;
  const first = generator.generate(1, options, () => {}).then((r) => ((firstDone = true), r));
  const second = generator.generate(2, options, () => {});
  generator.cancel(2);
  const result = await second;
  expect(result.finishReason).toBe('abort');
  expect(firstDone).toBe(false);
  expect((await first).text).toBe('x'.repeat(50));
  expect(engine.requests).toHaveLength(1);
});

test('an interrupt that lands while a request is queued is not lost (web-llm clears its flag)', async () => {
  const engine = new WebLlmDouble([['a', 'b'], Array(100).fill('y')]);
  engine.stepMs = 2;
  const generator = new WebLlmGenerator(engine);
  const first = generator.generate(1, options, () => {});
  const second = generator.generate(2, options, () => {});
  // Stop reaches the worker just as the second takes its turn: cancel is kept by id.
  void first.then(() => generator.cancel(2));
  const result = await second;
  expect(result.finishReason).toBe('abort');
  expect(result.usage.completionTokens).toBeLessThan(100);
});

test('an interrupt during a decode step stops one step late; the late token is not shown', async () => {
  const engine = new WebLlmDouble([['a', 'b', 'c', 'd', 'e', 'f']]);
  engine.stepMs = 20;
  const generator = new WebLlmGenerator(engine);
  const seen: string[] = [];
  const run = generator.generate(7, options, (t) => {
    seen.push(t);
    if (t === 'b') setTimeout(() => generator.cancel(7), 5);
  });
  const result = await run;
  expect(result.finishReason).toBe('abort');
  expect(seen.join('')).toBe('ab');
  expect(result.usage.completionTokens).toBe(3);
});

test('max_tokens reached finishes with length', async () => {
  const engine = new WebLlmDouble([['a', 'b', 'c', 'd']]);
  const result = await new WebLlmGenerator(engine).generate(
    1,
    { ...options, maxTokens: 2 },
    () => {},
  );
  expect(result).toMatchObject({ text: 'ab', finishReason: 'length' });
});

test('a prompt past the context window is a coded error that says what to change', async () => {
  const engine = new WebLlmDouble([['a']], 10);
  const error = await new WebLlmGenerator(engine)
    .generate(1, { ...options, prompt: 'p'.repeat(100) }, () => {})
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'model/context-exceeded' });
  expect((error as Error).message).toMatch(/fewer rounds/);
});

test('the catalogue matches web-llm prebuilt models and their VRAM needs', () => {
  for (const model of CATALOG) {
    for (const quantisation of ['q4f16_1', 'q4f32_1'] as const) {
      const entry = prebuiltAppConfig.model_list.find(
        (m) => m.model_id === modelId(model, quantisation),
      );
      expect(entry, modelId(model, quantisation)).toBeDefined();
      expect(entry?.vram_required_MB).toBe(model.vramMB[quantisation]);
    }
  }
});

test('WebGPU check: none, no adapter, software adapter, real GPU', async () => {
  expect((await checkWebGpu({})).kind).toBe('unsupported');
  expect((await checkWebGpu({ gpu: { requestAdapter: async () => null } })).kind).toBe(
    'no-adapter',
  );
  const software = { features: new Set<string>(), info: { isFallbackAdapter: true } };
  expect(await checkWebGpu({ gpu: { requestAdapter: async () => software } })).toMatchObject({
    kind: 'software',
    f16: false,
  });
  const gpu = { features: new Set(['shader-f16']), info: { vendor: 'acme' } };
  expect(await checkWebGpu({ gpu: { requestAdapter: async () => gpu } })).toMatchObject({
    kind: 'ok',
    f16: true,
  });
});
