import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TEXT = "Wait, that's wrong: I forgot the tax.\nLet me check the total again.";

function runTag(lines: string[], ...args: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'loupe-')), 'transcripts.jsonl');
  writeFileSync(file, lines.join('\n'));
  return spawnSync('node', ['bin/loupe.js', 'tag', file, ...args], { encoding: 'utf8' });
}

test('loupe tag writes spans, crucial tokens and counts per transcript, skipping bad lines', () => {
  const run = runTag([
    JSON.stringify({ id: 'a', text: TEXT }),
    'not json',
    JSON.stringify({ id: 'b', other: 1 }),
    JSON.stringify({ idx: 7, question: 'q', transcript: 'Plan: first add, then divide.' }),
  ]);
  expect(run.status).toBe(0);
  const rows = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.map((r) => r.id)).toEqual(['a', 7]);
  // `cue` is the evidence in words: here the learned model's strongest reasons.
  expect(rows[0].spans[0]).toEqual({
    start: 0,
    end: 37,
    label: 'backtracking',
    cue: expect.stringContaining('wrong'),
  });
  expect(TEXT.slice(rows[0].spans[0].start, rows[0].spans[0].end)).toBe(
    "Wait, that's wrong: I forgot the tax.",
  );
  expect(rows[0].crucial.map((c: { token: string }) => c.token)).toEqual(['wait', 'let', 'check']);
  expect(rows[0].counts).toEqual({
    verification: 1,
    backtracking: 1,
    subgoal_setting: 0,
    backward_chaining: 0,
  });
  expect(rows[1].counts.subgoal_setting).toBe(1);
  expect(run.stderr).toContain(':2: skipped: not valid JSON');
  expect(run.stderr).toContain(':3: skipped: expected an object with a "text"');
}, 30_000);

test('loupe tag --summary prints counts and prevalence', () => {
  const run = runTag([JSON.stringify({ id: 'a', text: TEXT })], '--summary');
  expect(run.stdout).toContain('| backtracking | 1 | 50.0% |');
  expect(run.stdout).toContain('Crucial tokens: 3');
}, 30_000);

test('a reader that closes the pipe early (`loupe tag … | head -1`): quiet, and never exit 0', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn('node', ['bin/loupe.js', 'tag', 'tests/fixtures/behaviours-train.jsonl'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(status).toBe(141);
  expect(stderr).toBe('');
}, 60_000);
