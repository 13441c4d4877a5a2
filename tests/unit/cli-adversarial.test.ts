import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * The hostile inputs of tests/adversarial/ (issue 9), one batch run per file: each line carries
 * the outcome it must get (`expect`), and the run must give exactly one row per input, in order,
 * touch nothing on this machine, and exit with a truthful status. Short limits keep it quick.
 */
const PWNED = '/tmp/loupe-adversarial-pwned';
// Every attack that reaches a shell would create this file.
const LIMITS = ['--timeout', '3', '--memory', '700', '--jobs', '2'];

interface Expectation {
  status: string | string[];
  reason?: string;
  match?: boolean;
  answer?: string;
  /** Substrings of each block's live output, in order (replay). */
  live?: string[];
}

function cases(file: string): { id: string; expect: Expectation }[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; expect: Expectation });
}

function run(args: string[]) {
  rmSync(PWNED, { force: true });
  return spawnSync('node', ['bin/loupe.js', ...args, ...LIMITS], {
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
}

function statuses(expected: Expectation): string[] {
  return Array.isArray(expected.status) ? expected.status : [expected.status];
}

test('loupe trace finishes every hostile program with its own status', () => {
  const file = 'tests/adversarial/trace-attacks.jsonl';
  const expected = cases(file);
  const result = run(['trace', file]);
  expect(existsSync(PWNED)).toBe(false);
  expect(result.status).toBe(0);
  const rows = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.map((row) => row.id)).toEqual(expected.map((c) => c.id));
  for (const [index, row] of rows.entries()) {
    const want = expected[index]!.expect;
    expect(statuses(want), `${row.id}: ${row.status} (${row.reason})`).toContain(row.status);
    if (want.reason) expect(row.reason, row.id).toContain(want.reason);
    if (want.match !== undefined) expect(row.match, row.id).toBe(want.match);
    if (want.answer !== undefined) expect(row.answer, row.id).toBe(want.answer);
  }
  // Exception messages and ids reach the terminal escaped.
  expect(result.stderr).not.toContain('\u001b');
  expect(result.stderr).toContain('\\x1b[2J');
  expect(result.stderr).toMatch(new RegExp(`Traced ${rows.length} programs`));
}, 900_000);

test('loupe replay --check finishes every hostile transcript with its own status', () => {
  const file = 'tests/adversarial/replay-attacks.jsonl';
  const expected = cases(file);
  const result = run(['replay', file, '--check']);
  expect(existsSync(PWNED)).toBe(false);
  expect(result.status).toBe(0);
  const rows = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.map((row) => row.id)).toEqual(expected.map((c) => c.id));
  for (const [index, row] of rows.entries()) {
    const want = expected[index]!.expect;
    expect(statuses(want), `${row.id}: ${row.status} (${row.reason})`).toContain(row.status);
    for (const [k, part] of (want.live ?? []).entries()) {
      expect(row.blocks[k].live, `${row.id} block ${k + 1}`).toContain(part);
    }
  }
  expect(result.stderr).toMatch(/code blocks reproduce their recorded output/);
}, 900_000);
