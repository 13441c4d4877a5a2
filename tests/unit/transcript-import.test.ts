import { expect, test } from 'vitest';
import {
  ImportRefusedError,
  importTranscripts,
  readTranscripts,
} from '../../src/lib/transcript/import';
import { verdictFromName } from '../../src/lib/transcript/mathcoder';

const mathcoder = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: '506',
    ground_truth: { solution: '…', answer: '1600' },
    debug_result: [
      { role: 'system', content: 'Below is a math problem.' },
      { role: 'user', content: 'How many sticks?' },
      { role: 'text', content: 'First, compute the sticks per dollar.' },
      { role: 'code', content: 'sticks = 24 // 6 * 400\r\nsticks' },
      { role: 'execution', content: '1600' },
      { role: 'text', content: 'He can make \\(\\boxed{1600}\\) sticks.' },
      { role: 'text', content: '1600' },
    ],
    ...extra,
  });

test('JSONL in the ToRA, labelled and plain formats, with bad lines reported', () => {
  const content = [
    JSON.stringify({
      idx: 2,
      question: 'How much?',
      gt: '70000',
      transcript: '```python\nprint(1)\n```',
    }),
    JSON.stringify({ id: 'dev-1', format: 'think', text: '<think>hi</think>', units: [] }),
    '{oops',
    JSON.stringify({ id: 'x' }),
    JSON.stringify({ id: 'p', text: 'Plain text.' }),
  ].join('\n');
  const { transcripts, errors } = importTranscripts(content);
  expect(transcripts.map((t) => [t.id, t.expected, t.question, t.format])).toEqual([
    ['2', '70000', 'How much?', 'tora'],
    ['dev-1', null, null, 'labelled'],
    ['p', null, null, 'plain'],
  ]);
  expect(errors.map((e) => e.line)).toEqual([3, 4]);
  expect(errors[0]?.message).toMatch(/^not valid JSON/);
  expect(errors[1]?.message).toMatch(/no "text", "transcript", "code" or "debug_result"/);
});

test("ToRA's released outputs keep the transcript in a `code` list", () => {
  const { transcripts } = importTranscripts(
    JSON.stringify({ idx: 0, question: 'q', gt: 3, code: ['We add.\n```python\nprint(1+2)\n```'] }),
    'tora.jsonl',
  );
  expect(transcripts[0]).toMatchObject({ id: '0', expected: '3', format: 'tora' });
  expect(transcripts[0]?.text).toContain('print(1+2)');
});

test('a MathCoder line becomes a Markdown TIR transcript; the bare last turn is its answer', () => {
  const [t] = importTranscripts(mathcoder(), 'x-correct.jsonl').transcripts;
  expect(t?.text).toBe(
    'First, compute the sticks per dollar.\n\n```python\nsticks = 24 // 6 * 400\nsticks\n```\n\n```output\n1600\n```\n\nHe can make \\(\\boxed{1600}\\) sticks.',
  );
  expect(t).toMatchObject({
    id: '506',
    question: 'How many sticks?',
    expected: '1600',
    answer: '1600',
    verdict: true,
    format: 'mathcoder',
  });
});

test("a MathCoder verdict comes from the file name, else from Loupe's grader", () => {
  // The released -wrong file is believed even where Loupe's grader would say right.
  expect(importTranscripts(mathcoder(), 'run-wrong.jsonl').transcripts[0]?.verdict).toBe(false);
  expect(importTranscripts(mathcoder(), 'results.jsonl').transcripts[0]?.verdict).toBe(true);
  const wrong = mathcoder({ model_answer: '800' });
  expect(importTranscripts(wrong, 'results.jsonl').transcripts[0]).toMatchObject({
    answer: '800',
    verdict: false,
  });
  expect(verdictFromName('/a/GSM8K_test_result-20230916-1751-correct.jsonl')).toBe(true);
  expect(verdictFromName('C:\\runs\\r-wrong.jsonl')).toBe(false);
  expect(verdictFromName('correct-answers.jsonl')).toBeNull();
});

test('a MathCoder line with malformed turns is reported and skipped', () => {
  const bad = JSON.stringify({ id: '1', debug_result: [{ role: 'text' }] });
  const { transcripts, errors } = importTranscripts([mathcoder(), bad].join('\n'), 'm.jsonl');
  expect(transcripts).toHaveLength(1);
  expect(errors).toEqual([
    { line: 2, message: '"debug_result" turn 1 is not {role, content} strings' },
  ]);
});

test("Loupe's own JSON export, whole (pretty-printed) or one a line", () => {
  const run = {
    engine: 'Replay: dev',
    question: 'What is 2+3?',
    parts: [
      { kind: 'model', text: 'We add.\n```python\nprint(2+3)\n```\n' },
      { kind: 'run', index: 0, code: 'print(2+3)', spliced: '```output\n5\n```\n', result: null },
      { kind: 'inserted', text: 'Wait' },
      { kind: 'model', text: ', so \\boxed{5}.' },
    ],
    result: { reason: 'answer', answer: '5', correct: true },
  };
  const whole = importTranscripts(JSON.stringify(run, null, 2), 'run.json').transcripts;
  expect(whole).toHaveLength(1);
  expect(whole[0]).toMatchObject({
    question: 'What is 2+3?',
    answer: '5',
    verdict: true,
    format: 'loupe-export',
  });
  expect(whole[0]?.text).toBe(
    'We add.\n```python\nprint(2+3)\n```\n```output\n5\n```\nWait, so \\boxed{5}.',
  );
  const lines = importTranscripts(`${JSON.stringify(run)}\n${JSON.stringify(run)}`, 'runs.jsonl');
  expect(lines.transcripts).toHaveLength(2);
});

test('a leading byte-order mark is accepted', () => {
  const { transcripts, errors } = importTranscripts(
    `\uFEFF${JSON.stringify({ id: 'a', text: 'Hi.' })}\n`,
    'bom.jsonl',
  );
  expect(errors).toEqual([]);
  expect(transcripts.map((t) => t.id)).toEqual(['a']);
});

test.each([
  ['', 'empty.jsonl', /empty\.jsonl is empty/],
  [' \n\n\t', 'blank.jsonl', /is empty/],
  ['[{"id": 1, "text": "a"}]', 'array.json', /is a JSON array: Loupe reads JSONL/],
  ['PK\u0003\u0004\u0000\u0000binary', 'data.jsonl', /not a text file/],
  ['\uFFFD'.repeat(200), 'latin1.jsonl', /not a text file/],
  ['id,text\n1,hello', 'table.jsonl', /not JSONL: its first line does not start with "\{"/],
  [
    '{nope\n{also nope',
    'broken.jsonl',
    /no transcript Loupe can read: every line was skipped \(line 1: not valid JSON/,
  ],
])('refuses %j (%s) with a sentence', (content, name, message) => {
  expect(() => importTranscripts(content, name)).toThrow(ImportRefusedError);
  expect(() => importTranscripts(content, name)).toThrow(message);
});

test('an empty transcript text is a skipped line, not a transcript', () => {
  const { transcripts, errors } = importTranscripts(
    [JSON.stringify({ id: 'a', text: '  ' }), JSON.stringify({ id: 'b', text: 'ok' })].join('\n'),
  );
  expect(transcripts.map((t) => t.id)).toEqual(['b']);
  expect(errors).toEqual([{ line: 1, message: 'the transcript text is empty' }]);
});

test('anything else pasted, or a .md file, is one Markdown transcript', () => {
  const { transcripts } = importTranscripts('We compute it.\n```python\nprint(2)\n```', 'paste');
  expect(transcripts).toHaveLength(1);
  expect(transcripts[0]).toMatchObject({ id: 'paste', format: 'markdown' });
  expect(importTranscripts('# A run\nText.', 'run.md').transcripts).toHaveLength(1);
});

test('reading step by step reports how far into the text each line ends, CRLF included', () => {
  const content = `${JSON.stringify({ id: 'a', text: 'x' })}\r\n\r\n${JSON.stringify({ id: 'b', text: 'y' })}`;
  const steps = [...readTranscripts(content, 'f.jsonl')];
  expect(steps.map((s) => s.transcript?.id)).toEqual(['a', 'b']);
  expect(steps.at(-1)?.offset).toBe(content.length);
  expect(steps[0]?.offset).toBeLessThan(content.length);
});
