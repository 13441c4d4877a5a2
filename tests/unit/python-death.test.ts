import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { InterpreterDiedError } from '../../src/lib/python/death';
import { createNodeSession } from '../../src/lib/python/node';
import type { PythonSession } from '../../src/lib/python/session';

interface Cases {
  deaths: { name: string; code: string; kind: string; message: string }[];
  survivable: { name: string; code: string; then: string; stdout?: string; value?: string }[];
}
const cases = JSON.parse(
  readFileSync(new URL('../fixtures/hostile-python/cases.json', import.meta.url), 'utf8'),
) as Cases;

const newSession = () => createNodeSession({ packageIndexURL: 'http://127.0.0.1:9/' });

describe('an interpreter that dies is named at once, not left to a time limit', () => {
  for (const death of cases.deaths) {
    test(
      death.name,
      async () => {
        const session = await newSession();
        const quiet = console.error;
        console.error = () => {}; // Pyodide prints its fatal error report
        try {
          const error = await session.run(death.code).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(InterpreterDiedError);
          expect((error as InterpreterDiedError).kind).toBe(death.kind);
          expect((error as InterpreterDiedError).code).toBe('python/died');
          expect((error as Error).message).toContain(death.message);
          // Every later call says the same, at once.
          await expect(session.run('1 + 1')).rejects.toBeInstanceOf(InterpreterDiedError);
          expect(() => session.reset()).toThrow(InterpreterDiedError);
        } finally {
          console.error = quiet;
        }
      },
      60_000,
    );
  }
});

describe('what code changes outside its namespace does not break later runs', () => {
  let session: PythonSession;
  beforeAll(async () => {
    session = await newSession();
  }, 60_000);

  for (const item of cases.survivable) {
    test(item.name, async () => {
      await session.run(item.code);
      const after = await session.run(item.then);
      expect(after.error).toBeNull();
      if (item.stdout !== undefined) expect(after.stdout).toBe(item.stdout);
      if (item.value !== undefined) expect(after.value).toBe(item.value);
      session.reset();
    });
  }

  test('a KeyboardInterrupt the code raises is its own, not a Stop', async () => {
    const result = await session.run('raise KeyboardInterrupt');
    expect(result.error?.type).toBe('KeyboardInterrupt');
    expect(result.error?.message).not.toBe('Stopped.');
  });

  test('Reset puts back streams, sys hooks, tracing, the recursion limit and the builtins', async () => {
    await session.run(
      [
        'import sys, io, builtins',
        'sys.stdout = io.StringIO()',
        'sys.displayhook = lambda value: None',
        'sys.settrace(lambda *a: None)',
        'sys.setrecursionlimit(50)',
        'builtins.len = lambda x: -1',
      ].join('\n'),
    );
    session.reset();
    const after = await session.run(
      'import sys\nprint(len([1, 2]), sys.gettrace(), sys.getrecursionlimit() > 50)',
    );
    expect(after.stdout).toBe('2 None True\n');
    expect(after.error).toBeNull();
  });
});
