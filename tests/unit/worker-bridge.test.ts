import { describe, expect, test } from 'vitest';
import { WorkerBridge } from '../../src/lib/bridge/worker-bridge';
import { LoupeError, codeOf } from '../../src/lib/core/errors';
import { FakeWorker } from './helpers/fake-worker';

class Api {
  calls: string[] = [];
  #release: (() => void)[] = [];
  init(delay: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, delay));
  }
  echo(text: string): string {
    this.calls.push(text);
    return text;
  }
  /** Never answers until released: a program stuck in C code. */
  hang(): Promise<string> {
    this.calls.push('hang');
    return new Promise((resolve) => this.#release.push(() => resolve('released')));
  }
  fail(): never {
    throw new LoupeError('model/out-of-memory', 'GPU memory is full.');
  }
}

function bridge(startDelay = 0) {
  const workers: FakeWorker[] = [];
  const apis: Api[] = [];
  const b = new WorkerBridge<Api>({
    create: () => {
      const api = new Api();
      apis.push(api);
      const worker = new FakeWorker(api);
      workers.push(worker);
      return worker;
    },
    init: (remote) => remote.init(startDelay),
  });
  return { b, workers, apis };
}

describe('WorkerBridge', () => {
  test('starts lazily, once, and runs calls in order', async () => {
    const { b, workers } = bridge();
    expect(workers).toHaveLength(0);
    const [x, y] = await Promise.all([b.call((r) => r.echo('a')), b.call((r) => r.echo('b'))]);
    expect([x, y]).toEqual(['a', 'b']);
    expect(workers).toHaveLength(1);
    b.dispose();
  });

  test('terminate rejects the running and the queued call with a coded error', async () => {
    const { b, workers } = bridge();
    const running = b.call((r) => r.hang());
    const queued = b.call((r) => r.echo('later'));
    await new Promise((r) => setTimeout(r, 20));
    b.terminate('Restarted by the test.');
    await expect(running).rejects.toMatchObject({ code: 'worker/terminated' });
    await expect(queued).rejects.toMatchObject({ code: 'worker/terminated' });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[0]?.listeners).toBe(0);
    // The next call gets a new worker.
    await expect(b.call((r) => r.echo('again'))).resolves.toBe('again');
    expect(workers).toHaveLength(2);
    b.dispose();
  });

  test('an abort during start-up returns at once, not when start-up ends', async () => {
    const { b } = bridge(10_000);
    const controller = new AbortController();
    const call = b.call((r) => r.echo('x'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    b.dispose();
  });

  test('an abort while queued leaves the queue and the running call alone', async () => {
    const { b } = bridge();
    const first = b.call((r) => r.echo('first'));
    const controller = new AbortController();
    const second = b.call((r) => r.echo('second'), { signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    await expect(first).resolves.toBe('first');
    b.dispose();
  });

  test('a disposed bridge starts no worker and says why', async () => {
    const { b, workers } = bridge();
    b.dispose();
    await expect(b.call((r) => r.echo('x'))).rejects.toMatchObject({ code: 'worker/disposed' });
    expect(workers).toHaveLength(0);
  });

  test('dispose during a call settles it at once with worker/disposed', async () => {
    const { b } = bridge();
    const call = b.call((r) => r.hang());
    await new Promise((r) => setTimeout(r, 20));
    b.dispose();
    await expect(call).rejects.toMatchObject({ code: 'worker/disposed' });
  });

  test('hard cancel terminates the worker that cannot listen', async () => {
    const { b, workers, apis } = bridge();
    const controller = new AbortController();
    const call = b.call((r) => r.hang(), { signal: controller.signal, hardCancel: true });
    while (!apis[0]?.calls.includes('hang')) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]?.terminated).toBe(true);
    b.dispose();
  });

  test('a LoupeError thrown in the worker keeps its code on the page', async () => {
    const { b } = bridge();
    const error = await b.call((r) => r.fail()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoupeError);
    expect(codeOf(error)).toBe('model/out-of-memory');
    expect((error as LoupeError).action).toBe('smaller-model');
    b.dispose();
  });
});
