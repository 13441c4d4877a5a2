import { expect, test } from 'vitest';
import { describeBin, NAMED_UNITS, timelineBins } from '../../src/lib/analysis/timeline';
import {
  DEFAULT_QUERY,
  queryRows,
  tableCsv,
  totals,
  type TableRow,
} from '../../src/lib/analysis/table';

const zero = { verification: 0, backtracking: 0, subgoal_setting: 0, backward_chaining: 0 };
const ROWS: TableRow[] = [
  {
    id: 'a-10',
    question: 'How many eggs?',
    expected: '18',
    answer: '18',
    correct: true,
    tokens: 120,
    units: 9,
    crucial: 2,
    counts: { ...zero, verification: 2 },
  },
  {
    id: 'a-2',
    question: 'Who is first, "Ben"?',
    expected: 'Ben',
    answer: 'Ana',
    correct: false,
    tokens: 300,
    units: 20,
    crucial: 5,
    counts: { ...zero, backtracking: 1, verification: 1 },
  },
  {
    id: 'a-3',
    question: null,
    expected: null,
    answer: '=1+1',
    correct: null,
    tokens: 50,
    units: 3,
    crucial: 0,
    counts: zero,
  },
];

test('rows sort by any column, numerically for ids, and filter by text, answer and behaviour', () => {
  expect(queryRows(ROWS, DEFAULT_QUERY)).toEqual([1, 2, 0]);
  expect(queryRows(ROWS, { ...DEFAULT_QUERY, sort: 'tokens', descending: true })).toEqual([
    1, 0, 2,
  ]);
  expect(queryRows(ROWS, { ...DEFAULT_QUERY, sort: 'verification', descending: true })).toEqual([
    0, 1, 2,
  ]);
  expect(queryRows(ROWS, { ...DEFAULT_QUERY, text: 'EGGS' })).toEqual([0]);
  expect(queryRows(ROWS, { ...DEFAULT_QUERY, correct: 'wrong' })).toEqual([1]);
  expect(queryRows(ROWS, { ...DEFAULT_QUERY, correct: 'unknown' })).toEqual([2]);
  expect(queryRows(ROWS, { ...DEFAULT_QUERY, behaviour: 'backtracking' })).toEqual([1]);
});

test('totals add up the rows and count right answers among those with an expected answer', () => {
  const t = totals(ROWS);
  expect(t).toMatchObject({ rows: 3, tokens: 470, units: 32, crucial: 7, correct: 1, judged: 2 });
  expect(t.counts.verification).toBe(3);
});

test('the CSV has the question, both answers, tokens, units, crucial tokens and counts', () => {
  const lines = tableCsv(ROWS).trim().split('\n');
  expect(lines[0]).toBe(
    'id,question,expected_answer,predicted_answer,correct,tokens_estimated,units,crucial_tokens,verification_count,backtracking_count,subgoal_setting_count,backward_chaining_count',
  );
  expect(lines[1]).toBe('a-10,How many eggs?,18,18,true,120,9,2,2,0,0,0');
  expect(lines[2]).toBe('a-2,"Who is first, ""Ben""?",Ben,Ana,false,300,20,5,1,1,0,0');
  // A formula-like answer is defused for spreadsheets.
  expect(lines[3]).toBe("a-3,,,'=1+1,,50,3,0,0,0,0,0");
});

test('the timeline puts each unit in its lane and slot, and says which units a mark holds', () => {
  const lanes = timelineBins(
    [
      { start: 0, number: 1, kind: 'text', labels: ['subgoal_setting'] },
      { start: 10, number: 2, kind: 'code', labels: ['verification'] },
      { start: 12, number: 3, kind: 'text', labels: ['verification', 'verification'] },
      { start: 99, number: 9, kind: 'text', labels: ['verification'] },
    ],
    100,
    10,
  );
  expect(lanes.verification.map((b) => [b.slot, b.units.length])).toEqual([
    [1, 2],
    [9, 1],
  ]);
  expect(lanes.backtracking).toEqual([]);
  expect(describeBin('Verification', lanes.verification[0]!)).toBe(
    'Verification in code block 2 and sentence 3',
  );
});

test('a bin of thousands of units names the first few and counts the rest', () => {
  const units = Array.from({ length: 10_000 }, (_, i) => ({
    start: i,
    number: i + 1,
    kind: 'text' as const,
    labels: ['verification' as const],
  }));
  const [bin] = timelineBins(units, 10_000, 1).verification;
  expect(describeBin('Verification', bin!)).toBe(
    `Verification in ${Array.from({ length: NAMED_UNITS }, (_, i) => `sentence ${i + 1}`).join(', ')} and 9,992 more`,
  );
});
