import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('loupe replay --check re-runs every block, one namespace per transcript', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'loupe-')), 'transcripts.jsonl');
  const a =
    'Set it.\n```python\nx = 20\nprint(x + 1)\n```\n```output\n21\n```\nUse it.\n```python\nprint(x * 2)\n```\n```output\n41\n```\n\\boxed{40}';
  const b = '```python\nprint(x)\n```\n```output\n20\n```';
  writeFileSync(
    file,
    [
      JSON.stringify({ idx: 1, question: 'q', transcript: a }),
      'oops',
      JSON.stringify({ id: 'b', text: b }),
    ].join('\n'),
  );
  const run = spawnSync('node', ['bin/loupe.js', 'replay', file, '--check'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const rows = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.map((r) => r.id)).toEqual(['1', 'b']);
  expect(rows[0].blocks).toEqual([
    { code: 'x = 20\nprint(x + 1)', recorded: '21', live: '21', same: true },
    { code: 'print(x * 2)', recorded: '41', live: '40', same: false },
  ]);
  expect(rows[1].blocks[0].live).toContain("NameError: name 'x' is not defined");
  expect(run.stderr).toContain(':2: skipped: not valid JSON');
  expect(run.stderr).toContain('1 of 3 code blocks reproduce their recorded output');
}, 60_000);
