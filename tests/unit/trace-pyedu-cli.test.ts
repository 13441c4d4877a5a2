import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANSWER_PREFIX } from '../../src/lib/trace/reasoning';

/** The 50 PyEdu-style programs, each with the status it should end in (`expect`, a|b when either). */
const lines = readFileSync('tests/fixtures/pyedu/programs.jsonl', 'utf8').trim().split('\n');
const fixtures = lines.map((line) => ({
  line,
  ...(JSON.parse(line) as { id: string; expect: string }),
}));
const meantToTimeOut = (expect: string) => expect.split('|').includes('timeout');

interface Row {
  id: string;
  status: string;
  match: boolean | null;
  answer: string | null;
  reasoning: string | null;
  reason?: string;
  training?: boolean;
  leftOut?: string;
}

function traceCli(name: string, jsonl: string[], extra: string[]): { rows: Row[]; stderr: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'loupe-pyedu-')), name);
  writeFileSync(file, `${jsonl.join('\n')}\n`);
  const run = spawnSync('node', ['bin/loupe.js', 'trace', file, '--jobs', '2', ...extra], {
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  expect(run.status, run.stderr).toBe(0);
  return {
    rows: run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Row),
    stderr: run.stderr,
  };
}

test('loupe trace: each of the 50 PyEdu-style programs ends in the status stored with it', () => {
  expect(fixtures).toHaveLength(50);
  // The programs meant to reach the time limit run under the real one (the default). The others
  // get room for a loaded machine: tests do not assert on speed (bench:trace -- --pyedu does).
  const slow = fixtures.filter((f) => meantToTimeOut(f.expect));
  const rest = fixtures.filter((f) => !meantToTimeOut(f.expect));
  const timed = traceCli(
    'timeouts.jsonl',
    slow.map((f) => f.line),
    [],
  );
  const roomy = traceCli(
    'rest.jsonl',
    rest.map((f) => f.line),
    ['--timeout', '120'],
  );
  expect(roomy.stderr).toMatch(/Traced \d+ programs in/);
  const rows = new Map<string, Row[]>();
  for (const row of [...timed.rows, ...roomy.rows])
    rows.set(row.id, [...(rows.get(row.id) ?? []), row]);
  expect([...rows.keys()].sort()).toEqual(fixtures.map((f) => f.id).sort());

  const wrong: string[] = [];
  for (const { id, expect: allowed } of fixtures) {
    for (const row of rows.get(id) ?? []) {
      if (!allowed.split('|').includes(row.status))
        wrong.push(`${id}: ${row.status}, not ${allowed}`);
      if (row.status === 'ok' && row.match !== true)
        wrong.push(`${id}: answer ${row.answer} did not match`);
      if (row.training) {
        if (!row.reasoning?.endsWith(`${ANSWER_PREFIX} ${row.answer}`))
          wrong.push(`${id}: reasoning`);
      } else {
        if (!row.leftOut) wrong.push(`${id}: left out without a reason`);
        if (row.status !== 'ok' && !row.reason) wrong.push(`${id}: ${row.status} without a reason`);
      }
    }
  }
  expect(wrong).toEqual([]);
  // Every timeout was stated, on standard error as in the row.
  for (const row of timed.rows.filter((r) => r.status === 'timeout')) {
    expect(timed.stderr).toContain(`${row.id}: stopped at the time limit`);
  }
}, 600_000);
