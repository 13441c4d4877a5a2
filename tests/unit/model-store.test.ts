import { describe, expect, test } from 'vitest';
import { LoupeError } from '../../src/lib/core/errors';
import type { GenerateOptions } from '../../src/lib/engine/webllm-generator';
import { WebLlmGenerator } from '../../src/lib/engine/webllm-generator';
import { ModelStore } from '../../src/lib/model/store';
import { FakeWorker } from './helpers/fake-worker';
import { WebLlmDouble } from './helpers/webllm-double';

/** The model worker's API over the web-llm double (web-llm itself needs WebGPU). */
class FakeModelWorker {
  double = new WebLlmDouble(() => Array(40).fill('t'));
  generator = new WebLlmGenerator(this.double);
  constructor() {
    this.double.stepMs = 2;
  }
  load(modelId: string) {
    if (modelId === 'huge') return new LoupeError('model/out-of-memory').toJSON();
    return { modelId, contextWindow: 4096 };
  }
  generate(id: number, options: GenerateOptions, onText: (t: string) => void) {
    return this.generator.generate(id, options, onText);
  }
  cancel(id: number) {
    this.generator.cancel(id);
  }
  async unload() {}
  cached(ids: string[]) {
    return Object.fromEntries(ids.map((id) => [id, false]));
  }
  async deleteCached() {}
}

const request = { prompt: 'p', stop: [], maxTokens: 100, temperature: 0, topP: 1 };

async function loaded() {
  const workers: FakeModelWorker[] = [];
  const store = new ModelStore(() => {
    const api = new FakeModelWorker();
    workers.push(api);
    return new FakeWorker(api);
  });
  await store.load('small', null, new AbortController().signal);
  return { store, workers };
}

describe('ModelStore: one generation at a time', () => {
  test('a run holds the model: Judge, Translate and Load are refused with a reason', async () => {
    const { store } = await loaded();
    expect(store.state).toMatchObject({ status: 'ready', model: { contextWindow: 4096 } });
    const run = store.begin('run');
    expect(store.busyReason('judge')).toMatch(/busy with a Playground run/);
    expect(store.busyReason('translate')).toMatch(/busy/);
    expect(store.busyReason('load')).toMatch(/busy/);
    expect(() => store.begin('judge')).toThrow(LoupeError);
    await store.load('other', null, new AbortController().signal);
    expect(store.state.model?.modelId).toBe('small');
    expect(store.state.error?.code).toBe('model/busy');
    run.end();
    expect(store.busyReason('judge')).toBeNull();
    store.dispose();
  });

  test('Stop reaches only its own generation', async () => {
    const { store } = await loaded();
    const judge = store.begin('judge');
    const running = judge.generate(request, () => {});
    store.stop(judge.id + 100); // another owner's stop: ignored
    judge.stop();
    const result = await running;
    expect(result.finishReason).toBe('abort');
    expect(result.usage.completionTokens).toBeLessThan(40);
    judge.end();
    store.dispose();
  });

  test('a request aborted before it starts returns at once, and never reaches the worker', async () => {
    const { store, workers } = await loaded();
    const run = store.begin('run');
    const controller = new AbortController();
    controller.abort();
    const result = await run.generate({ ...request, signal: controller.signal }, () => {});
    expect(result.finishReason).toBe('abort');
    expect(workers[0]?.double.requests).toHaveLength(0);
    run.end();
    store.dispose();
  });

  test('out of GPU memory offers a smaller model', async () => {
    const { store } = await loaded();
    await store.load('huge', null, new AbortController().signal);
    expect(store.state.error).toMatchObject({
      code: 'model/out-of-memory',
      action: 'smaller-model',
    });
    expect(store.state.model).toBeNull();
    store.dispose();
  });

  test('a lost device unloads the model and offers to reload it', async () => {
    const { store } = await loaded();
    const error = store.report(new LoupeError('model/device-lost'));
    expect(error.action).toBe('reload-model');
    expect(store.state.status).toBe('none');
    expect(store.busyReason('run')).toMatch(/Load a model/);
    store.dispose();
  });
});
