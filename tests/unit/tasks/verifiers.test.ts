import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findAnswer } from '../../../src/lib/tasks/extract';
import type { PackLine } from '../../../src/lib/tasks/types';
import { verifyResponse } from '../../../src/lib/tasks/verify';

const lines = new Map<string, PackLine>();
for (const file of readFileSync('public/data/packs/index.json', 'utf8').match(/"[\w]+\.jsonl"/g) ??
  [])
  for (const raw of readFileSync(`public/data/packs/${JSON.parse(file)}`, 'utf8').split('\n'))
    if (raw) {
      const line = JSON.parse(raw) as PackLine;
      lines.set(line.id, line);
    }

/** [pack id, response, correct, reason (a part of it)]: right, other spellings, wrong kinds. */
type Case = [string, string, boolean, string];

const Q = 'eight_queens_dataset/sample_0';
const CASES: Record<string, Case[]> = {
  game24: [
    ['game24/rank-1', '<<<6 * 4 * 1 * 1>>>', true, 'correct'],
    ['game24/rank-1', 'so \\boxed{(4 \\times 6) \\div (1 \\times 1)}', true, 'correct'],
    ['game24/rank-1', '<<<(1 + 1) * ... no. 6*4*(1*1) = 24>>>', false, 'not a valid expression'],
    ['game24/rank-1', '<answer>[6, *, 4, *, 1, *, 1]</answer>', true, 'correct'],
    ['game24/rank-1', '<<<6*4*1*1 = 24>>>', true, 'correct'],
    ['game24/rank-1', '<<<6*4>>>', false, 'does not use 1'],
    ['game24/rank-1', '<<<6*4*1+1>>>', false, 'evaluates to 25, not 24'],
    ['game24/rank-1', '<<<6*4*1*1*1>>>', false, 'uses 1 more often than given'],
    ['game24/rank-1', '<<<6*4/(1-1)>>>', false, 'division by zero'],
    ['game24/rank-1', '<<<-1+1+4*6>>>', false, 'unary minus'],
    ['game24/rank-1', 'The answer is 24.', false, 'no answer in <<<>>>'],
  ],
  combinatorial_calculation: [
    ['combinatorial_calculation/sample_0', '<<<[6, /, 2, +, 7]>>>', true, 'correct'],
    ['combinatorial_calculation/sample_0', "<<<['6', '/', '2', '+', '7']>>>", true, 'correct'],
    ['combinatorial_calculation/sample_0', '<<<6/2 + 7>>>', true, 'correct'],
    ['combinatorial_calculation/sample_0', '<<<[7, +, 6, /, 2]>>>', false, 'in that order'],
    [
      'combinatorial_calculation/sample_0',
      '<<<[6, +, 2, +, 7]>>>',
      false,
      'evaluates to 15, not 10',
    ],
    ['combinatorial_calculation/sample_0', '<<<[6, /, 2, +, 7>>>', false, 'not a valid expression'],
  ],
  new_operator: [
    ['new_operator_dataset/sample_0', '<<<90>>>', true, 'correct'],
    ['new_operator_dataset/sample_0', '<<<90.0>>>', true, 'correct'],
    ['new_operator_dataset/sample_0', '<<<[90]>>>', true, 'correct'],
    ['new_operator_dataset/sample_0', 'hence \\boxed{90}', true, 'correct'],
    ['new_operator_dataset/sample_0', '<<<80>>>', false, '80 is not the value (90)'],
    ['new_operator_dataset/sample_0', '<<<ninety>>>', false, 'is not a number'],
  ],
  statistical_counting: [
    ['statistical_counting_dataset/sample_0', '<<<3>>>', true, 'correct'],
    ['statistical_counting_dataset/sample_0', '<<< "3" >>>', true, 'correct'],
    ['statistical_counting_dataset/sample_0', '<<<4>>>', false, 'not the value (3)'],
    ['statistical_counting_dataset/sample_0', 'Total: 3', false, 'no answer'],
  ],
  logical_equation: [
    ['logical_equation/sample_9_7_0', '<<<[36, 1, 80, 3, 4, 121, 16, 27, 9]>>>', true, 'correct'],
    ['logical_equation/sample_9_7_0', '<<<36,1,80,3,4,121,16,27,9.0>>>', true, 'correct'],
    [
      'logical_equation/sample_9_7_0',
      '<<<[1, 36, 80, 3, 4, 121, 16, 27, 9]>>>',
      false,
      'condition 1 (A - C = -44) fails with A = 1, C = 80',
    ],
    [
      'logical_equation/sample_9_7_0',
      '<<<[36, 36, 80, 3, 4, 121, 16, 27, 9]>>>',
      false,
      'does not use 1',
    ],
    [
      'logical_equation/sample_9_7_0',
      '<<<[36, 1, 80, 3, 4, 121, 16, 27]>>>',
      false,
      '8 values for 9 letters',
    ],
  ],
  permutations_and_combinations: [
    [
      'permutations_and_combinations/sample_0',
      '<<<["A", "C", "E", "F", "B", "D"]>>>',
      true,
      'correct',
    ],
    ['permutations_and_combinations/sample_0', '<<<C, A, E, F, B, D>>>', true, 'correct'],
    ['permutations_and_combinations/sample_0', '<<<[a, c, e, f, b, d]>>>', true, 'correct'],
    [
      'permutations_and_combinations/sample_0',
      '<<<["A", "C", "F", "E", "B", "D"]>>>',
      false,
      'breaks "Book E must be to the left of book F."',
    ],
    [
      'permutations_and_combinations/sample_0',
      '<<<["A", "C", "E", "F", "B"]>>>',
      false,
      'does not use D',
    ],
    [
      'permutations_and_combinations/sample_0',
      '<<<["A", "A", "E", "F", "B", "D"]>>>',
      false,
      'uses A more often',
    ],
  ],
  constrained_linear_arrangement: [
    ['constrained_linear_arrangement/sample_0', '<<<D,E,B>>>', true, 'correct'],
    ['constrained_linear_arrangement/sample_0', '<<<["C", "E", "B"]>>>', true, 'correct'],
    [
      'constrained_linear_arrangement/sample_0',
      '<<<A,E,B>>>',
      false,
      'round 1: D against A is a win, not a draw',
    ],
    ['constrained_linear_arrangement/sample_0', '<<<B,E,B>>>', false, 'card B is played twice'],
    ['constrained_linear_arrangement/sample_0', '<<<D,E>>>', false, '2 cards for 3 rounds'],
    [
      'constrained_linear_arrangement/sample_0',
      '<<<D,E,Z>>>',
      false,
      '"Z" is not one of the cards',
    ],
  ],
  letter_logic_diagram: [
    [
      'letter_logic_diagram/sample_0',
      '<<<\nc,g,e,f,b,a,d\ng,e,f,b,a,d,c\ne,f,b,a,d,c,g\nf,b,a,d,c,g,e\nb,a,d,c,g,e,f\na,d,c,g,e,f,b\nd,c,g,e,f,b,a\n>>>',
      true,
      'correct',
    ],
    [
      'letter_logic_diagram/sample_0',
      '<<<[["C","G","E","F","B","A","D"],["G","E","F","B","A","D","C"],["E","F","B","A","D","C","G"],["F","B","A","D","C","G","E"],["B","A","D","C","G","E","F"],["A","D","C","G","E","F","B"],["D","C","G","E","F","B","A"]]>>>',
      true,
      'correct',
    ],
    [
      'letter_logic_diagram/sample_0',
      '<<<\ng,c,e,f,b,a,d\nc,e,f,b,a,d,g\ne,f,b,a,d,c,g\nf,b,a,d,c,g,e\nb,a,d,c,g,e,f\na,d,c,g,e,f,b\nd,c,g,e,f,b,a\n>>>',
      false,
      'must keep its given letter g',
    ],
    [
      'letter_logic_diagram/sample_0',
      '<<<\nc,g,e,f,b,a,d\ng,e,f,b,a,d,c\ne,f,b,a,d,c,g\nf,b,a,d,c,g,e\nb,a,d,c,g,e,f\na,d,c,g,e,f,b\n>>>',
      false,
      'expected 7 rows of 7 letters',
    ],
    [
      'letter_logic_diagram/sample_0',
      '<<<\nc,g,e,f,b,a,d\ng,e,f,b,a,d,c\ne,f,b,a,d,c,g\nf,b,a,d,c,g,e\nb,a,d,c,g,e,f\na,d,c,g,e,f,b\nd,c,g,e,f,b,b\n>>>',
      false,
      'letter b twice in row 7',
    ],
  ],
  boxlift: [
    [
      'BoxLift_dataset/BoxLift_10_3/BoxLift0',
      '<<<Step 1: [(88, [0, 1]), (14, [2])]\nStep 2: [(87, [0, 1]), (20, [2])]\nStep 3: [(84, [0, 1]), (43, [2])]\nStep 4: [(82, [0, 1]), (57, [2, 2])]>>>',
      false,
      'lifter 2 is used twice',
    ],
    [
      'BoxLift_dataset/BoxLift_10_3/BoxLift0',
      '<<<Step 1: [(88, [0, 1]), (14, [2])]\nStep 2: [(87, [0, 1]), (20, [2])]\nStep 3: [(84, [0, 1]), (43, [2])]\nStep 4: [(82, [0, 1])]\nStep 5: [(64, [0, 1])]\nStep 6: [(57, [0, 2])]\nStep 7: [(56, [1, 2])]>>>',
      true,
      'correct',
    ],
    [
      'BoxLift_dataset/BoxLift_10_3/BoxLift0',
      '<<<step 1: [(88,[0,1]),(14,[2])]; step 2: [(87,[0,1]),(20,[2])]; step 3: [(84,[0,1]),(43,[2])]; step 4: [(82,[0,1])]; step 5: [(64,[0,1])]; step 6: [(57,[0,2])]; step 7: [(56,[1,2])]>>>',
      true,
      'correct',
    ],
    [
      'BoxLift_dataset/BoxLift_10_3/BoxLift0',
      '<<<Step 1: [(88, [0])]>>>',
      false,
      'lifters 0 lift 51, less than the box of 88',
    ],
    [
      'BoxLift_dataset/BoxLift_10_3/BoxLift0',
      '<<<Step 1: [(99, [0, 1, 2])]>>>',
      false,
      'no box of weight 99',
    ],
    [
      'BoxLift_dataset/BoxLift_10_3/BoxLift0',
      '<<<Step 1: [(88, [0, 1, 3])]>>>',
      false,
      'there is no lifter 3',
    ],
    [
      'BoxLift_dataset/BoxLift_10_3/BoxLift0',
      '<<<Step 1: [(88, [0, 1]), (14, [2])]>>>',
      false,
      '8 boxes not lifted',
    ],
    [
      'BoxLift_dataset/BoxLift_10_3/BoxLift0',
      `<<<${[43, 88, 84, 64, 56, 87, 20, 57, 82, 14].map((w, i) => `Step ${i + 1}: [(${w}, [0, 1, 2])]`).join('\n')}>>>`,
      false,
      '10 steps, more than the limit of 7',
    ],
  ],
  blocksworld: [
    [
      'Blocksworld_dataset/3_3_2_0',
      '<<<Move B from 2 to 3\nMove A from 2 to 1\nMove B from 3 to 2\nMove C from 3 to 2>>>',
      true,
      'correct',
    ],
    [
      'Blocksworld_dataset/3_3_2_0',
      '<<<1. move B from stack2 to stack3\n2. Move A from stack2 to stack1\n3. Move B from stack3 to stack2\n4. Move C from stack3 to stack2.>>>',
      true,
      'correct',
    ],
    [
      'Blocksworld_dataset/3_3_2_0',
      '<<<Move A from 2 to 1>>>',
      false,
      'A is not on top of stack2 (B is)',
    ],
    [
      'Blocksworld_dataset/3_3_2_0',
      '<<<Move B from 2 to 3>>>',
      false,
      'after the moves stack1 is "empty", the goal is "A"',
    ],
    ['Blocksworld_dataset/3_3_2_0', '<<<Move B from 2 to 4>>>', false, 'there is no stack4'],
    ['Blocksworld_dataset/3_3_2_0', '<<<B to 3, A to 1>>>', false, 'is not "Move X from N to M"'],
  ],
  eight_queens: [
    [Q, '<<<0 0, 1 4, 2 7, 3 5, 4 2, 5 6, 6 1, 7 3>>>', true, 'correct'],
    [Q, '<<<0 0, 1 5, 2 7, 3 2, 4 6, 5 3, 6 1, 7 4>>>', true, 'correct'],
    [Q, '<<<(0,0), (1,4), (2,7), (3,5), (4,2), (5,6), (6,1), (7,3)>>>', true, 'correct'],
    [Q, '<<<[[0, 0], [1, 4], [2, 7], [3, 5], [4, 2], [5, 6], [6, 1], [7, 3]]>>>', true, 'correct'],
    [Q, '<<<0 0, 0 4, 2 7, 3 5, 4 2, 5 6, 6 1, 7 3>>>', false, 'queen at row 0 twice'],
    [Q, '<<<0 0, 1 4, 2 4, 3 5, 4 2, 5 6, 6 1, 7 3>>>', false, '(2,4) is marked X'],
    [Q, '<<<0 0, 1 1, 2 7, 3 5, 4 2, 5 6, 6 3, 7 4>>>', false, 'share a diagonal'],
    [Q, '<<<0 0, 1 4, 2 7, 3 5, 4 2, 5 6, 6 1>>>', false, '7 queens on the board, 8 needed'],
    [Q, '<<<0 0, 1 4, 2 7, 3 5, 4 2, 5 6, 6 1, 7 9>>>', false, 'off the 8x8 board'],
  ],
  light_puzzles: [
    [
      'light_puzzles_dataset/sample_0',
      '<<<0,0,1,0,0,0,1,1,1,0,1,0,0,1,1,1,0,1,1,1,0,1,1,0,0>>>',
      true,
      'correct',
    ],
    [
      'light_puzzles_dataset/sample_0',
      '<<<[0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0]>>>',
      true,
      'correct',
    ],
    [
      'light_puzzles_dataset/sample_0',
      '<<<\n00100\n01110\n10011\n10111\n01100\n>>>',
      true,
      'correct',
    ],
    [
      'light_puzzles_dataset/sample_0',
      '<<<1,0,1,0,0,0,1,1,1,0,1,0,0,1,1,1,0,1,1,1,0,1,1,0,0>>>',
      false,
      'value 1 is 1, not 0',
    ],
    ['light_puzzles_dataset/sample_0', '<<<0,0,1,0,0>>>', false, '5 values, 25 expected'],
  ],
  logic_puzzle: [
    ['logic_puzzle_dataset/sample_0', '<<<0 1, 1 0, 0 0>>>', true, 'correct'],
    ['logic_puzzle_dataset/sample_0', '<<<0 1, 1 1, 1 0>>>', true, 'correct'],
    ['logic_puzzle_dataset/sample_0', '<<<[[0, 1], [1, 0], [0, 0]]>>>', true, 'correct'],
    ['logic_puzzle_dataset/sample_0', '<<<(0,1), (1,0), (0,0)>>>', true, 'correct'],
    ['logic_puzzle_dataset/sample_0', '<<<0 1, 1 0>>>', false, '2 numbers selected, 3 needed'],
    [
      'logic_puzzle_dataset/sample_0',
      '<<<1 0, 0 0, 1 1>>>',
      false,
      'the number 1 is selected twice',
    ],
    ['logic_puzzle_dataset/sample_0', '<<<0 1, 0 1, 1 0>>>', false, '(0,1) is selected twice'],
    ['logic_puzzle_dataset/sample_0', '<<<0 1, 1 0, 2 0>>>', false, 'outside the 2x2 grid'],
  ],
  string_insertion: [
    ['string_insertion/sample_0', '<<<DBCDEBDCDEACECDEAC>>>', true, 'correct'],
    ['string_insertion/sample_0', '<<< "DBCDEBDCDEACECDEAC" >>>', true, 'correct'],
    ['string_insertion/sample_0', '<<<DBCDEDCDEAECDEA>>>', false, '15 characters, 18 expected'],
    ['string_insertion/sample_0', '<<<dbcdebdcdeacecdeac>>>', false, 'is not the resulting string'],
  ],
  string_deletion_and_modification: [
    ['string_deletion_and_modification/sample_0', '<<< "bbccbbbbacbabbba" >>>', true, 'correct'],
    ['string_deletion_and_modification/sample_0', "<<<'bbccbbbbacbabbba'>>>", true, 'correct'],
    [
      'string_deletion_and_modification/sample_0',
      '<<< "bbccbbbbacbabb" >>>',
      false,
      'is not the resulting string',
    ],
    [
      'string_deletion_and_modification/sample_0',
      '<<< "bbccacbbbbaabccabbba" >>>',
      false,
      'is not the resulting string',
    ],
  ],
  string_synthesis: [
    ['string_synthesis/sample_0', '<<<2 0 1 1 0 0 0 0 0>>>', true, 'correct'],
    ['string_synthesis/sample_0', '<<<[2, 0, 1, 1, 0, 0, 0, 0, 0]>>>', true, 'correct'],
    [
      'string_synthesis/sample_0',
      '<<<[A]: 2, [B]: 0, [C]: 1, {A}: 1, {B}: 0, {C}: 0, (A): 0, (B): 0, (C): 0>>>',
      true,
      'correct',
    ],
    ['string_synthesis/sample_0', '<<<2 0 1 0 0 0 0 0 0>>>', false, '{A}: 0, not 1'],
    ['string_synthesis/sample_0', '<<<2 0 1 1>>>', false, '4 counts, 9 expected'],
  ],
  matrix_transformation: [
    ['matrix_transformation_dataset/sample_0', '<<<J,Q,H,R>>>', true, 'correct'],
    ['matrix_transformation_dataset/sample_0', "<<<[['J', 'Q'], ['H', 'R']]>>>", true, 'correct'],
    ['matrix_transformation_dataset/sample_0', '<<<Q,R,J,H>>>', false, 'cell 1 is Q, not J'],
    ['matrix_transformation_dataset/sample_0', '<<<J,Q,H>>>', false, '3 cells, 4 expected'],
  ],
  pooling: [
    ['pooling_dataset/sample_0', '<<<16,20,16,16>>>', true, 'correct'],
    ['pooling_dataset/sample_0', '<<<[[16, 20], [16, 16]]>>>', true, 'correct'],
    ['pooling_dataset/sample_0', '<<<16.0, 20.0, 16.0, 16.0>>>', true, 'correct'],
    ['pooling_dataset/sample_0', '<<<20,16,16,16>>>', false, 'value 1 is 20, not 16'],
    ['pooling_dataset/sample_50', '<<<3.5,1.5,1,8.25,12,5.5,8,11,3.5>>>', true, 'correct'],
    [
      'pooling_dataset/sample_50',
      '<<<3.5,1.5,1,8.3,12,5.5,8,11,3.5>>>',
      false,
      'value 4 is 8.3, not 8.25',
    ],
  ],
  cryptanalysis: [
    ['cryptanalysis/sample_0', '<<< ["5", "3", "F", "A"] >>>', true, 'correct'],
    ['cryptanalysis/sample_0', '<<<5, 3, f, a>>>', true, 'correct'],
    ['cryptanalysis/sample_0', '<<<53FA>>>', true, 'correct'],
    [
      'cryptanalysis/sample_0',
      '<<< ["3", "5", "F", "A"] >>>',
      false,
      'positions 1, 2 of the password are wrong',
    ],
    ['cryptanalysis/sample_0', '<<< ["5", "3", "F"] >>>', false, '3 symbols, 4 expected'],
  ],
};

describe.each(Object.entries(CASES))('%s', (family, cases) => {
  test.each(cases)('%s: %j', (id, response, correct, reason) => {
    const line = lines.get(id);
    expect(line?.family).toBe(family);
    const verdict = verifyResponse(line as PackLine, response);
    expect(verdict.reason).toContain(reason);
    expect(verdict.correct).toBe(correct);
  });
});

test('every family has right, other-spelling and wrong cases', () => {
  const families = new Set([...lines.values()].map((l) => l.family));
  expect([...families].sort()).toEqual(Object.keys(CASES).sort());
  for (const cases of Object.values(CASES)) {
    expect(cases.filter((c) => c[2]).length).toBeGreaterThanOrEqual(2);
    expect(cases.filter((c) => !c[2]).length).toBeGreaterThanOrEqual(2);
  }
});

test('the last <<<>>> wins; \\boxed{} and a final <answer> are read when there is none', () => {
  expect(findAnswer('format <<<A,B>>> ... so <<<C,D>>>')).toEqual({ text: 'C,D', source: 'angle' });
  expect(findAnswer('x \\boxed{\\frac{1}{2}} y')).toEqual({
    text: '\\frac{1}{2}',
    source: 'boxed',
  });
  expect(findAnswer('<answer>42</answer>')).toEqual({ text: '42', source: 'answer-tag' });
  expect(findAnswer('<answer>\\boxed{7}</answer>')?.text).toBe('7');
  expect(findAnswer('nothing here')).toBeNull();
});
