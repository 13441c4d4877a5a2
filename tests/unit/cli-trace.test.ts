import { expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('loupe trace writes a JSON line per program and reports bad lines on stderr', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'loupe-')), 'programs.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({
        id: 'ok',
        code: 'def f(x):\n    y = x * 2\n    return y',
        input: '21',
        output: '42',
      }),
      '{"id": "broken", ',
      JSON.stringify({ id: 'wrong', code: 'def f(x):\n    return x', input: '1', output: '2' }),
      JSON.stringify({
        id: 'raises',
        code: 'def f(x):\n    return 1 / x',
        input: '0',
        output: '0',
      }),
    ].join('\n'),
  );
  const run = spawnSync('node', ['bin/loupe.js', 'trace', file], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const rows = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.map((row) => row.id)).toEqual(['ok', 'wrong', 'raises']);
  expect(Object.keys(rows[0]).slice(0, 7)).toEqual([
    'id',
    'trace',
    'reasoning',
    'answer',
    'expected',
    'match',
    'status',
  ]);
  expect(rows[0]).toMatchObject({ answer: '42', expected: '42', match: true, status: 'ok' });
  expect(rows[0].trace).toContain('.......... y = 42');
  expect(rows[0].reasoning).toMatch(/Final answer: 42$/);
  expect(rows[1]).toMatchObject({ match: false, status: 'ok' });
  expect(rows[2]).toMatchObject({ status: 'raised', reasoning: null });
  expect(run.stderr).toContain(':2: skipped: not valid JSON');
  expect(run.stderr).toContain('Traced 3 programs');
}, 60_000);

test('loupe without a command prints its usage', () => {
  const run = spawnSync('node', ['bin/loupe.js'], { encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stdout).toContain('loupe trace FILE.jsonl');
  expect(() =>
    execFileSync('node', ['bin/loupe.js', 'trace', '/nonexistent.jsonl'], { stdio: 'pipe' }),
  ).toThrow();
}, 60_000);

test('loupe trace reads an expected output as data (a hostile one runs nothing); a killed program is left out with its reason', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'loupe-')), 'hostile-expected.jsonl');
  const rows = [
    { id: 'writes', output: 'open("/tmp/loupe-pwned", "w").write("x") or 1' },
    { id: 'endless', output: '[x for x in iter(int, 1)]' },
    { id: 'imports', output: '__import__("os").system("echo pwned") or 1' },
  ].map(({ id, output }) =>
    JSON.stringify({ id, code: 'def f(x):\n    return x', input: '1', output }),
  );
  rows.push(
    JSON.stringify({
      id: 'looks',
      code: 'import os\ndef f(p):\n    return os.path.exists(p)',
      input: '"/tmp/loupe-pwned"',
      output: 'False',
    }),
  );
  // Last: stuck inside one builtin call, so its process is killed at the limit and replaced.
  rows.push(
    JSON.stringify({ id: 'stuck', code: 'def f(n):\n    return sum(range(n))', input: '10**13' }),
  );
  writeFileSync(file, rows.join('\n'));
  const run = spawnSync('node', ['bin/loupe.js', 'trace', file, '--jobs', '1', '--timeout', '2'], {
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  const out = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(out.map((row) => [row.id, row.status, row.match])).toEqual([
    ['writes', 'ok', false],
    ['endless', 'ok', false],
    ['imports', 'ok', false],
    ['looks', 'ok', true],
    ['stuck', 'timeout', null],
  ]);
  expect(out[4]).toMatchObject({ training: false, leftOut: 'timeout' });
  expect(out[4].reason).toContain('did not give control back');
  expect(run.stdout).not.toContain('pwned\n');
}, 60_000);
