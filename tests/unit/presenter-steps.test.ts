import { expect, test } from 'vitest';
import {
  position,
  stepBack,
  stepForward,
  stops,
  type UnitKind,
} from '../../src/lib/presenter/steps';

// Two rounds: prose, code, output; prose, prose, code, output; then the answer.
const KINDS: UnitKind[] = ['text', 'code', 'output', 'text', 'text', 'code', 'output', 'text'];

test('sentence steps show one unit more or less', () => {
  expect(stepForward(KINDS, 0, 'sentence')).toBe(1);
  expect(stepForward(KINDS, 3, 'sentence')).toBe(4);
  expect(stepBack(KINDS, 4, 'sentence')).toBe(3);
  expect(stepBack(KINDS, 0, 'sentence')).toBe(0);
  expect(stepForward(KINDS, 8, 'sentence')).toBe(8);
});

test('a code-block step ends after the next block and its output', () => {
  expect(stops(KINDS, 'block')).toEqual([3, 7, 8]);
  expect(stepForward(KINDS, 0, 'block')).toBe(3);
  expect(stepForward(KINDS, 3, 'block')).toBe(7);
  expect(stepForward(KINDS, 7, 'block')).toBe(8);
  expect(stepBack(KINDS, 7, 'block')).toBe(3);
  expect(stepBack(KINDS, 5, 'block')).toBe(3);
});

test('a round step ends after each output, and the last step shows the rest', () => {
  expect(stops(KINDS, 'round')).toEqual([3, 7, 8]);
  expect(stops(['text', 'text'], 'round')).toEqual([2]);
  expect(stops([], 'round')).toEqual([]);
  expect(stepForward([], 0, 'round')).toBe(0);
  // A block whose output never came (the run was stopped) still ends a block step.
  expect(stops(['text', 'code'], 'block')).toEqual([2]);
});

test('the position names the unit and the round', () => {
  expect(position(KINDS, 4)).toBe('Unit 4 of 8 · round 2 of 2');
  expect(position(KINDS, 8)).toBe('Unit 8 of 8 · round 2 of 2');
  expect(position(['text'], 1)).toBe('Unit 1 of 1');
});
