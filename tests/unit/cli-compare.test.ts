import { expect, test, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { compareCommand } from '../../src/cli/compare';
import { UsageError } from '../../src/cli/usage';
import { MATHCODER_MODELS } from '../../src/lib/compare/bundled';

const DIR = 'public/data/mathcoder';

// Each test starts the command line (Node and tsx) a few times.
vi.setConfig({ testTimeout: 120_000 });

function loupe(...args: string[]) {
  return spawnSync('node', ['bin/loupe.js', 'compare', ...args], { encoding: 'utf8' });
}

/** Runs the command in this process, collecting what it writes. */
async function inProcess(...args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        write(String(chunk));
        done();
      },
    });
  await compareCommand(
    args,
    sink((s) => (out += s)),
    sink((s) => (err += s)),
  );
  return { out, err };
}

/** Lines in a released file: the verdict MathCoder gave each of them. */
function lines(file: string): number {
  return readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
}

const groups = MATHCODER_MODELS.map(
  (m) => `${m.label}=${m.files.map((f) => join(DIR, f)).join(',')}`,
);

test('loupe compare --format json: one line per group, counts and accuracy equal the released split', () => {
  const run = loupe(...groups, '--format', 'json');
  expect(run.status).toBe(0);
  const rows = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(rows.map((r) => r.group)).toEqual(MATHCODER_MODELS.map((m) => m.label));
  MATHCODER_MODELS.forEach((m, i) => {
    const correct = lines(m.files[0]);
    const wrong = lines(m.files[1]);
    expect(rows[i]).toMatchObject({ n: correct + wrong, correct });
    expect(rows[i]?.accuracy).toBeCloseTo(correct / (correct + wrong), 6);
  });
  const first = rows[0] as Record<string, Record<string, unknown>>;
  expect(Object.keys(first.prevalence ?? {})).toHaveLength(4);
  const ci = first.ci?.accuracy as [number, number];
  expect(ci[0]).toBeLessThan(rows[0]?.accuracy as number);
  expect(ci[1]).toBeGreaterThan(rows[0]?.accuracy as number);
  expect(run.stderr).toContain('MathCoder-L-7b-correct.jsonl: ');
});

test('--by outcome gives NAME/correct and NAME/wrong; a FILE group is named by its path', () => {
  const file = join(DIR, 'MathCoder-L-70b-wrong.jsonl');
  const run = loupe(
    `70b=${join(DIR, 'MathCoder-L-70b-correct.jsonl')},${file}`,
    file,
    '--by',
    'outcome',
    '--format',
    'json',
  );
  expect(run.status).toBe(0);
  const rows = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { group: string; n: number; accuracy: number | null });
  expect(rows.map((r) => [r.group, r.accuracy])).toEqual([
    ['70b/correct', 1],
    ['70b/wrong', 0],
    [`${file}/correct`, null],
    [`${file}/wrong`, 0],
  ]);
  expect(rows[0]?.n).toBe(lines('MathCoder-L-70b-correct.jsonl'));
});

test('--format csv is the same figures as a table; the default is a readable table', async () => {
  const group = `${MATHCODER_MODELS[0].label}=${MATHCODER_MODELS[0].files.map((f) => join(DIR, f)).join(',')}`;
  const csv = loupe(group, '--format', 'csv');
  expect(csv.status).toBe(0);
  const [header, row] = csv.stdout.trim().split('\n');
  expect(header?.startsWith('group,n,correct,wrong,accuracy,accuracy_low,accuracy_high,')).toBe(
    true,
  );
  expect(header).toContain('prevalence_backtracking_high');
  expect(row?.startsWith(`${MATHCODER_MODELS[0].label},300,`)).toBe(true);
  const table = await inProcess(group);
  expect(table.out).toMatch(/accuracy\s+\d+\.\d% \[/);
  expect(table.out).toContain('95% bootstrap intervals');
});

test('malformed lines are reported with their line number; bad arguments get a sentence', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-'));
  const file = join(dir, 'mixed.jsonl');
  writeFileSync(
    file,
    [JSON.stringify({ id: 'a', text: 'Let me check.', gt: '1' }), '{bad'].join('\n'),
  );
  const run = loupe(file, '--format', 'json');
  expect(run.status).toBe(0);
  expect(run.stderr).toContain(`${file}:2: skipped: not valid JSON`);
  expect(JSON.parse(run.stdout)).toMatchObject({ group: file, n: 1 });

  const empty = join(dir, 'empty.jsonl');
  writeFileSync(empty, '');
  const refused = loupe(empty);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toBe(`loupe: ${empty} is empty: there is no transcript in it.\n`);

  await expect(inProcess()).rejects.toThrow(UsageError);
  await expect(inProcess(file, '--by', 'model')).rejects.toThrow('--by takes "outcome"');
  await expect(inProcess(file, '--format', 'xml')).rejects.toThrow(
    '--format takes json, csv or table',
  );
  await expect(inProcess('=a.jsonl')).rejects.toThrow('a group is FILE or NAME=FILE');
  await expect(inProcess(dir)).rejects.toThrow('is a directory');
});
