import { expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { compileStdlib } from '../../scripts/compile-stdlib.js';

test('the precompiled standard library loads its modules from bytecode', async () => {
  const source = readFileSync('node_modules/pyodide/python_stdlib.zip');
  const { zip, modules } = await compileStdlib(source);
  expect(modules).toBeGreaterThan(100);
  const path = join(mkdtempSync(join(tmpdir(), 'loupe-')), 'python_stdlib.zip');
  writeFileSync(path, zip);

  const pyodide = await loadPyodide({ stdLibURL: path });
  const files = pyodide
    .runPython(
      'import traceback, json, fractions, tokenize\n[m.__file__ for m in (traceback, json, fractions, tokenize)]',
    )
    .toJs() as string[];
  for (const file of files) expect(file).toMatch(/\.pyc$/);
  // Sources stay beside the bytecode, so tracebacks into the standard library show their lines.
  const trace = pyodide.runPython(
    'import json, traceback\ntry:\n    json.loads("{")\nexcept ValueError as e:\n    text = "".join(traceback.format_exception(e))\ntext',
  ) as string;
  expect(trace).toContain('decoder.py');
  expect(trace).toMatch(/raise JSONDecodeError|obj, end = self/);
  expect(
    pyodide.runPython('from fractions import Fraction\nstr(Fraction(1, 3) + Fraction(1, 6))'),
  ).toBe('1/2');
}, 120_000);
