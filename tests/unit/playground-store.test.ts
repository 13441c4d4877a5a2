import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { RunData } from '../../src/lib/library/records';
import type { PythonClient } from '../../src/lib/python/client';
import { createNodeSession } from '../../src/lib/python/node';
import type { PythonSession } from '../../src/lib/python/session';
import { PlaygroundStore } from '../../src/lib/state/playground.svelte';

const EXAMPLE = readFileSync(
  new URL('../../src/lib/data/written-example.jsonl', import.meta.url),
  'utf8',
);

let session: PythonSession;
beforeAll(async () => {
  session = await createNodeSession();
}, 60_000);

/** The Playground's interpreter, as far as the store uses it: a fresh namespace, then runs. */
function interpreter() {
  const calls: string[] = [];
  const client = {
    subscribe: () => () => undefined,
    reset: async () => {
      calls.push('reset');
      await session.run(
        'for _n in [n for n in globals() if not n.startswith("__")]: del globals()[_n]',
      );
    },
    run: (code: string) => {
      calls.push('run');
      return session.run(code);
    },
  };
  return { client: client as unknown as PythonClient, calls };
}

function store() {
  const { client, calls } = interpreter();
  const kept: RunData[] = [];
  const playground = new PlaygroundStore({
    python: () => client,
    keep: (run) => kept.push(run),
    frame: (paint) => {
      const id = setTimeout(paint, 0);
      return () => clearTimeout(id);
    },
  });
  return { playground, kept, calls };
}

describe('PlaygroundStore', () => {
  test('a recordings file fills the form from its first recording; a bad file keeps the list', async () => {
    const { playground } = store();
    expect(playground.runBlocked).toBe('Open a recording first.');
    await playground.loadRecordings('example.jsonl', EXAMPLE);
    const first = playground.recordings.list[0]!;
    expect(playground.recordings.source).toBe('example.jsonl');
    expect(playground.form.question).toBe(first.question ?? '');
    expect(playground.runBlocked).toBeNull();

    await playground.loadRecordings('broken.jsonl', '');
    expect(playground.recordings.note).toMatch(/\S/);
    expect(playground.recordings.source).toBe('example.jsonl');
    expect(playground.recordings.list).toHaveLength(1);
  });

  test('a replay runs its code in a fresh namespace, ends, and is kept once with its settings', async () => {
    const { playground, kept, calls } = store();
    await playground.loadRecordings('example.jsonl', EXAMPLE);
    playground.recordings.speed = 1000;
    playground.form.maxRounds = 6;
    await playground.run();
    const { live } = playground;
    expect(live.running).toBe(false);
    expect(live.result?.reason).toMatch(/^(answer|end)$/);
    expect(live.parts.some((p) => p.kind === 'run')).toBe(true);
    expect(live.unitCount).toBeGreaterThan(3);
    expect(calls[0]).toBe('reset');
    expect(calls).toContain('run');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      engine: playground.engineLabel,
      question: playground.form.question,
      result: live.result,
      settings: { maxRounds: 6, protocol: playground.form.protocol },
    });
    // A second run starts from a fresh namespace again, and is a run of its own.
    const before = playground.runId;
    await playground.run();
    expect(playground.runId).toBe(before + 1);
    expect(calls.filter((c) => c === 'reset')).toHaveLength(2);
    expect(kept).toHaveLength(2);
  }, 30_000);

  test('step by step waits for Next; Stop ends the run and lets the waiting token go', async () => {
    const { playground, kept } = store();
    await playground.loadRecordings('example.jsonl', EXAMPLE);
    playground.recordings.stepMode = true;
    const running = playground.run();
    while (!playground.recordings.waitingForStep) await new Promise((r) => setTimeout(r, 5));
    expect(playground.runBlocked).toBe('A run is in progress.');
    playground.recordings.step();
    while (!playground.recordings.waitingForStep) await new Promise((r) => setTimeout(r, 5));
    playground.stop();
    await running;
    expect(playground.live.result?.reason).toBe('stopped');
    expect(playground.recordings.waitingForStep).toBe(false);
    expect(playground.runBlocked).toBeNull();
    expect(kept).toHaveLength(1);
  }, 30_000);
});
