import { describe, expect, test, vi } from 'vitest';
import { ServiceWorkerState } from '../../src/lib/sw/update.svelte';

/** A worker double that answers the status question as Loupe's service worker does. */
function workerAnswering(status: { hash: string; total: number; missing: string[] }) {
  return {
    postMessage: vi.fn((_message: unknown, [port]: MessagePort[]) => port!.postMessage(status)),
  } as unknown as ServiceWorker;
}

describe('what the page knows of its service worker', () => {
  test('no worker: nothing to ask, and the phase says so', async () => {
    const state = new ServiceWorkerState();
    await state.refreshOffline();
    expect(state.phase).toBe('none');
    expect(state.offline).toBeNull();
  });

  test('on a first visit the status asked for while installing comes once it is active', async () => {
    const state = new ServiceWorkerState();
    const registration: { active: ServiceWorker | null; waiting: null } = {
      active: null,
      waiting: null,
    };
    let activate!: () => void;
    const ready = new Promise<void>((resolve) => (activate = resolve));
    state.attach(registration, ready);
    expect(state.phase).toBe('installing');
    await state.refreshOffline();
    expect(state.offline).toBeNull();

    registration.active = workerAnswering({ hash: 'abc', total: 40, missing: [] });
    activate();
    await vi.waitFor(() => expect(state.offline).toEqual({ hash: 'abc', total: 40, missing: [] }));
    expect(state.phase).toBe('active');
  });

  test('an active worker answers at once', async () => {
    const state = new ServiceWorkerState();
    const active = workerAnswering({ hash: 'def', total: 40, missing: ['a.wasm'] });
    state.attach({ active, waiting: null }, Promise.resolve());
    expect(state.phase).toBe('active');
    await state.refreshOffline();
    expect(state.offline?.missing).toEqual(['a.wasm']);
    expect(active.postMessage).toHaveBeenCalledTimes(1);
  });
});
