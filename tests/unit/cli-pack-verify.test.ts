import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const loupe = (...args: string[]) =>
  spawnSync('node', ['bin/loupe.js', ...args], { encoding: 'utf8' });

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'loupe-pack-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const QUESTION =
  'Let a and b be numbers. Define a@b to be 2*a*b.\nCalculate (2@10)@5.\nReturn <<<...>>>';

test('loupe pack symbench writes one line per sample, id <folder>/<sample>, skipping broken ones', () => {
  const root = folder({
    'new_operator_dataset/sample_0/question.txt': QUESTION,
    'new_operator_dataset/sample_0/solution.json': '{"solution": 400.0}',
    'new_operator_dataset/sample_1/question.txt': QUESTION,
    'new_operator_dataset/sample_1/solution.json': '{"solution": ',
    'new_operator_dataset/sample_10/question.txt': QUESTION,
    'new_operator_dataset/sample_10/solution.json': '{"solution": 1}',
  });
  const run = loupe('pack', 'symbench', join(root, 'new_operator_dataset'));
  const lines = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => l.id)).toEqual([
    'new_operator_dataset/sample_0',
    'new_operator_dataset/sample_10',
  ]);
  expect(lines[0]).toEqual({
    id: 'new_operator_dataset/sample_0',
    family: 'new_operator',
    category: 'math',
    question: QUESTION,
    reference: { solution: 400 },
  });
  expect(run.stderr).toContain('sample_1: skipped');
  expect(run.status).toBe(1);
}, 30_000);

test('loupe pack symbench reads Game of 24, BoxLift and Blocksworld folders', () => {
  const root = folder({
    'game24/24.csv': 'Rank,Puzzles,AMT (s)\n1,1 1 4 6,4.4\n2,1 1 11 11,4.41\n',
    'BoxLift_dataset/BoxLift_10_3/BoxLift0/BoxLift.json':
      '{"boxes": [10, 60], "lifters": [50, 20]}',
    'Blocksworld_dataset/2_3_2_0/blocksworld_task.txt':
      'Initial State:\nstack1: \nstack2: B A\nstack3: \n\nGoal State:\nstack1: \nstack2: A B\n',
  });
  const run = loupe('pack', 'symbench', root);
  expect(run.status).toBe(0);
  const lines = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => l.id)).toEqual([
    'Blocksworld_dataset/2_3_2_0',
    'BoxLift_dataset/BoxLift_10_3/BoxLift0',
    'game24/rank-1',
    'game24/rank-2',
  ]);
  expect(lines[1].reference).toEqual({ boxes: [10, 60], lifters: [50, 20], maxSteps: 2 });
  expect(lines[0].reference.goal).toEqual({ stack1: [], stack2: ['A', 'B'] });
  expect(lines[2].reference).toEqual({ numbers: [1, 1, 4, 6], target: 24 });
  expect(lines.every((l) => l.question.includes('<<<'))).toBe(true);
}, 30_000);

test('loupe verify matches responses by id, says why, and reports malformed lines', () => {
  const root = folder({
    'pack.jsonl': [
      JSON.stringify({
        id: 'g/1',
        family: 'game24',
        category: 'math',
        question: 'q',
        reference: { numbers: [1, 1, 4, 6], target: 24 },
      }),
      '{"id": "broken"',
    ].join('\n'),
    'responses.jsonl': [
      JSON.stringify({ id: 'g/1', response: 'So <<<6 * 4 * 1 * 1>>>' }),
      JSON.stringify({ id: 'g/1', response: '<<<6 * 4 + 1 - 1>>>' }),
      JSON.stringify({ id: 'g/1', response: 'I think it is 24' }),
      JSON.stringify({ id: 'g/2', response: '<<<1>>>' }),
      JSON.stringify({ id: 'g/1' }),
      'nope',
    ].join('\n'),
  });
  const run = loupe('verify', join(root, 'pack.jsonl'), join(root, 'responses.jsonl'));
  const rows = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(rows).toEqual([
    { id: 'g/1', correct: true, answer: '6 * 4 * 1 * 1', reason: 'correct' },
    { id: 'g/1', correct: true, answer: '6 * 4 + 1 - 1', reason: 'correct' },
    {
      id: 'g/1',
      correct: false,
      answer: null,
      reason: 'no answer in <<<>>> (nor in \\boxed{} or <answer>)',
    },
  ]);
  expect(run.stderr).toContain('pack.jsonl:2: skipped: not valid JSON');
  expect(run.stderr).toContain('responses.jsonl:4: skipped: no pack line has the id "g/2"');
  expect(run.stderr).toContain('responses.jsonl:5: skipped: expected a "response" string');
  expect(run.stderr).toContain('responses.jsonl:6: skipped: not valid JSON');
  expect(run.stderr).toContain('2 of 3 responses correct');
  expect(run.status).toBe(1);
}, 30_000);

test('loupe verify exits 0 when every line is used, 2 on a usage mistake', () => {
  const root = folder({
    'pack.jsonl': JSON.stringify({
      id: 'a',
      family: 'new_operator',
      category: 'math',
      question: 'q',
      reference: { solution: 90 },
    }),
    'responses.jsonl': JSON.stringify({ id: 'a', response: '<<<90.0>>>' }),
  });
  expect(loupe('verify', join(root, 'pack.jsonl'), join(root, 'responses.jsonl')).status).toBe(0);
  expect(loupe('verify', join(root, 'pack.jsonl')).status).toBe(2);
  expect(loupe('pack', 'other', root).status).toBe(2);
}, 30_000);
