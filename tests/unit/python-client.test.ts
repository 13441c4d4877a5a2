import { describe, expect, test } from 'vitest';
import { PythonClient } from '../../src/lib/python/client';
import type { PythonRunResult, WorkerEvent } from '../../src/lib/python/types';
import { FakeWorker } from './helpers/fake-worker';

/** A stand-in for the Python worker's API: start-up takes `startMs`; `hang` never returns. */
class FakePython {
  #port: MessagePort | null = null;
  constructor(readonly startMs: number) {}
  async init(_config: unknown, port: MessagePort): Promise<null> {
    this.#port = port;
    await new Promise((r) => setTimeout(r, this.startMs));
    return null;
  }
  async run(runId: number, code: string): Promise<PythonRunResult> {
    this.#port?.postMessage({ type: 'executing', runId } satisfies WorkerEvent);
    if (code === 'hang') await new Promise(() => {});
    return {
      stdout: `${code}\n`,
      stderr: '',
      value: null,
      error: null,
      figures: [],
      durationMs: 1,
      truncated: false,
      restarted: false,
    };
  }
  reset(): void {}
}

function client(startMs = 0) {
  const workers: FakeWorker[] = [];
  const python = new PythonClient({
    indexURL: '/',
    packageIndexURL: '/',
    maxOutputBytes: 1000,
    graceMs: 10,
    createWorker: () => {
      const worker = new FakeWorker(new FakePython(startMs));
      workers.push(worker);
      return worker;
    },
  });
  return { python, workers };
}

describe('PythonClient on the worker bridge', () => {
  test('runs code and reports ready', async () => {
    const { python } = client();
    const result = await python.run('hello');
    expect(result.stdout).toBe('hello\n');
    expect(python.state.status).toBe('ready');
    python.dispose();
  });

  test('Stop while Python is still starting ends the run at once', async () => {
    const { python } = client(60_000);
    const controller = new AbortController();
    const run = python.run('print(1)', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const result = await run;
    expect(result.error?.code).toBe('python/stopped');
    expect(result.durationMs).toBeLessThan(60_000);
    python.dispose();
  });

  test('dispose during a run settles it at once, with no false timeout and no new worker', async () => {
    const { python, workers } = client();
    const run = python.run('hang', { timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 30));
    python.dispose();
    const result = await run;
    expect(result.error?.code).toBe('worker/disposed');
    expect(result.error?.type).not.toBe('TimeoutError');
    await new Promise((r) => setTimeout(r, 30));
    expect(workers).toHaveLength(1);
    expect(python.state.status).toBe('off');
    await expect(python.run('x')).resolves.toMatchObject({ error: { code: 'worker/disposed' } });
    expect(workers).toHaveLength(1);
  });

  test('restart during a run settles it, then runs on the new worker', async () => {
    const { python, workers } = client();
    const run = python.run('hang', { timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 30));
    const restarted = python.restart('Restarted by the test.');
    expect((await run).error?.code).toBe('worker/terminated');
    await restarted;
    expect((await python.run('again')).stdout).toBe('again\n');
    expect(workers).toHaveLength(2);
    python.dispose();
  });

  test('the time limit replaces the worker and says so with a code', async () => {
    const { python, workers } = client();
    const result = await python.run('hang', { timeoutMs: 50 });
    expect(result.error).toMatchObject({ type: 'TimeoutError', code: 'python/timeout' });
    expect(result.restarted).toBe(true);
    expect((await python.run('next')).stdout).toBe('next\n');
    expect(workers).toHaveLength(2);
    python.dispose();
  });
});
