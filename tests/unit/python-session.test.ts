import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNodeSession } from '../../src/lib/python/node';
import type { PythonSession } from '../../src/lib/python/session';
import { OutputCapture } from '../../src/lib/python/session';
import { PYODIDE_VERSION } from '../../src/lib/python/types';

let session: PythonSession;

beforeAll(async () => {
  session = await createNodeSession({
    packageIndexURL: 'http://127.0.0.1:9/',
    maxOutputBytes: 1024,
  });
}, 60_000);

describe('PythonSession', () => {
  test('captures stdout, stderr and the last expression', async () => {
    const result = await session.run(
      'import sys\nprint("hello")\nprint("oops", file=sys.stderr)\n6 * 7',
    );
    expect(result.stdout).toBe('hello\n');
    expect(result.stderr).toBe('oops\n');
    expect(result.value).toBe('42');
    expect(result.error).toBeNull();
  });

  test('streams output in order', async () => {
    const seen: string[] = [];
    await session.run('for i in range(3): print(i)', {
      onOutput: (stream, text) => seen.push(`${stream}:${text}`),
    });
    expect(seen.every((chunk) => chunk.startsWith('stdout:'))).toBe(true);
    expect(seen.map((chunk) => chunk.slice('stdout:'.length)).join('')).toBe('0\n1\n2\n');
  });

  test('trims the traceback to the user code', async () => {
    const result = await session.run('def f(x):\n    return 1 / x\n\nf(0)');
    expect(result.error?.type).toBe('ZeroDivisionError');
    expect(result.error?.traceback).toContain('return 1 / x');
    expect(result.error?.traceback).toContain('<cell-');
    expect(result.error?.traceback).not.toContain('_pyodide');
    expect(result.error?.traceback).not.toContain('_loupe');
  });

  test('reports a syntax error', async () => {
    const result = await session.run('def broken(:\n  pass');
    expect(result.error?.type).toBe('SyntaxError');
  });

  test('keeps the namespace between runs until reset', async () => {
    await session.run('kept = 41');
    expect((await session.run('kept + 1')).value).toBe('42');
    session.reset();
    expect((await session.run('kept')).error?.type).toBe('NameError');
  });

  test('input() raises a clear error', async () => {
    const result = await session.run('input("name? ")');
    expect(result.error?.type).toBe('RuntimeError');
    expect(result.error?.message).toContain('input() is not available');
  });

  test('deep recursion raises RecursionError', async () => {
    const result = await session.run('def down(n):\n    return down(n + 1)\ndown(0)');
    expect(result.error?.type).toBe('RecursionError');
  });

  test('a memory bomb raises MemoryError', async () => {
    // 4 GB does not fit a 32-bit size in WebAssembly: Python refuses it before allocating.
    expect(['MemoryError', 'OverflowError']).toContain(
      (await session.run('bytearray(4 * 10**9)')).error?.type,
    );
    expect(['MemoryError', 'OverflowError']).toContain(
      (await session.run('[0] * 10**10')).error?.type,
    );
    const growing = await session.run(
      'hoard = []\nwhile True:\n    hoard.append(bytearray(64 * 2**20))',
    );
    expect(growing.error?.type).toBe('MemoryError');
    expect(growing.error?.message).toContain('out of memory');
    await session.run('del hoard');
    expect((await session.run('1 + 1')).value).toBe('2');
  }, 240_000);

  test('caps the output and marks the truncation', async () => {
    const result = await session.run('for i in range(1000): print("x" * 50)');
    expect(result.truncated).toBe(true);
    expect(result.stdout.length).toBeLessThan(1200);
    expect(result.stdout).toContain('[output truncated');
  });

  test('a package missing from an unreachable index fails with its name', async () => {
    const result = await session.run('import numpy');
    expect(result.error?.type).toBe('PackageLoadError');
    expect(result.error?.message).toContain("'numpy'");
  }, 30_000);

  test('returns open matplotlib figures as PNG and closes them', async () => {
    // A stand-in for matplotlib.pyplot (its wheel is not available offline): the harness only
    // uses get_fignums, figure(n).savefig and close.
    await session.run(`
import sys, types
PNG = b"\\x89PNG\\r\\n\\x1a\\nfake"
class Figure:
    def savefig(self, buffer, format=None, bbox_inches=None):
        assert format == "png"
        buffer.write(PNG)
pyplot = types.ModuleType("matplotlib.pyplot")
pyplot.open = []
pyplot.get_fignums = lambda: list(pyplot.open)
pyplot.figure = lambda number: Figure()
pyplot.close = lambda which: pyplot.open.clear()
sys.modules["matplotlib.pyplot"] = pyplot
`);
    const result = await session.run(
      'import sys\nsys.modules["matplotlib.pyplot"].open.extend([1, 2])',
    );
    expect(result.figures).toHaveLength(2);
    expect(
      Buffer.from(result.figures[0] ?? '', 'base64')
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('\x89PNG');
    expect(
      (await session.run('import sys\nsys.modules["matplotlib.pyplot"].get_fignums()')).value,
    ).toBe('[]');
    await session.run('import sys\ndel sys.modules["matplotlib.pyplot"]');
  });

  test('knows which imports need a package', () => {
    expect(session.packagesFor('import numpy as np\nimport math')).toEqual(['numpy']);
    expect(session.packagesFor('import json')).toEqual([]);
  });
});

test('the default package index matches the installed Pyodide', () => {
  const pkg = JSON.parse(readFileSync('node_modules/pyodide/package.json', 'utf8')) as {
    version: string;
  };
  expect(PYODIDE_VERSION).toBe(pkg.version);
});

test('OutputCapture shares one budget between the streams', () => {
  const capture = new OutputCapture(10);
  capture.write('stdout', '12345');
  capture.write('stderr', '678901234');
  capture.write('stdout', 'dropped');
  const result = capture.result();
  expect(result.stdout).toBe('12345');
  expect(result.stderr.startsWith('67890')).toBe(true);
  expect(result.truncated).toBe(true);
});
