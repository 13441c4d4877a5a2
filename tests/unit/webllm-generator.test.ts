import { expect, test } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { CATALOG, modelId } from '../../src/lib/engine/catalog';
import { checkWebGpu } from '../../src/lib/engine/webgpu';
import {
  WebLlmGenerator,
  type MlcChunk,
  type MlcEngineLike,
} from '../../src/lib/engine/webllm-generator';

/**
 * A stand-in for web-llm's engine with the behaviour Loupe relies on: streamed raw completions,
 * usage on the last chunk, and interruptGenerate ending the stream with finish_reason "abort".
 * Like web-llm, it refuses a second generation while one is still running.
 */
class FakeMlcEngine implements MlcEngineLike {
  interrupted = false;
  running = false;
  requests: unknown[] = [];
  constructor(private readonly script: string[][]) {}
  completions = {
    create: async (request: unknown): Promise<AsyncIterable<MlcChunk>> => {
      if (this.running) throw new Error('Engine is busy (lock not released)');
      this.requests.push(request);
      this.running = true;
      this.interrupted = false;
      const pieces = this.script.shift() ?? [];
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the generator below needs the engine
      const self = this;
      return {
        async *[Symbol.asyncIterator]() {
          try {
            let n = 0;
            for (const text of pieces) {
              await Promise.resolve();
              if (self.interrupted) break;
              n += 1;
              yield { choices: [{ text, finish_reason: null }] };
            }
            yield {
              choices: [{ text: '', finish_reason: self.interrupted ? 'abort' : 'stop' }],
              usage: {
                prompt_tokens: 12,
                completion_tokens: n,
                extra: {
                  prefill_tokens_per_s: 500,
                  decode_tokens_per_s: 40,
                  time_to_first_token_s: 0.2,
                },
              },
            };
          } finally {
            self.running = false;
          }
        },
      };
    },
  };
  interruptGenerate() {
    this.interrupted = true;
  }
}

const options = { prompt: 'p', stop: ['```output'], maxTokens: 100, temperature: 0, topP: 1 };

test('streams text and reports usage in Loupe terms', async () => {
  const generator = new WebLlmGenerator(new FakeMlcEngine([['Hello', ' world']]));
  const seen: string[] = [];
  const result = await generator.generate(options, (t) => seen.push(t));
  expect(seen.join('')).toBe('Hello world');
  expect(result).toMatchObject({
    text: 'Hello world',
    finishReason: 'end',
    stopString: null,
    usage: {
      promptTokens: 12,
      completionTokens: 2,
      decodeTokensPerSecond: 40,
      timeToFirstTokenMs: 200,
    },
  });
});

test('finds a stop string split across chunks, cuts it, and interrupts the engine', async () => {
  const engine = new FakeMlcEngine([
    ['```python\nprint(1)\n```\n``', '`outp', 'ut\n1', 'never shown'],
  ]);
  const result = await new WebLlmGenerator(engine).generate(options, () => {});
  expect(result).toMatchObject({
    text: '```python\nprint(1)\n```\n',
    finishReason: 'stop',
    stopString: '```output',
  });
  expect(engine.interrupted).toBe(true);
});

test('after an interrupt the next generation starts cleanly (no stuck lock)', async () => {
  const engine = new FakeMlcEngine([['a', 'b', 'c', 'd'], ['fresh']]);
  const generator = new WebLlmGenerator(engine);
  const first = generator.generate(options, (t) => t === 'b' && generator.interrupt());
  const second = generator.generate(options, () => {});
  expect((await first).finishReason).toBe('abort');
  expect((await second).text).toBe('fresh');
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
