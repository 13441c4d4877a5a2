import { expect, test } from 'vitest';
import { extractAnswer, numericValue, sameAnswer } from '../../src/lib/core/answer';

test('the answer: last boxed, else the answer tag, else the last number', () => {
  expect(extractAnswer('So $\\boxed{\\frac{3}{4}}$ and later \\boxed{12}.')).toBe('12');
  expect(extractAnswer('It is \\boxed{\\text{Ben}}')).toBe('\\text{Ben}');
  expect(extractAnswer('<answer>\\boxed{-0.40}</answer>')).toBe('-0.40');
  expect(extractAnswer('<answer>42</answer>')).toBe('42');
  expect(extractAnswer('He made a profit of 70,000 dollars.')).toBe('70,000');
  expect(extractAnswer('no numbers here')).toBeNull();
});

test('math-aware comparison', () => {
  expect(sameAnswer('70000.0', '70000')).toBe(true);
  expect(sameAnswer('1,250', '1250')).toBe(true);
  expect(sameAnswer('\\frac{3}{4}', '0.75')).toBe(true);
  expect(sameAnswer('3/4', '\\dfrac{3}{4}')).toBe(true);
  expect(sameAnswer('\\$282.50', '282.5')).toBe(true);
  expect(sameAnswer('45\\%', '45')).toBe(true);
  expect(sameAnswer('\\text{Ben}', 'ben')).toBe(true);
  expect(sameAnswer('13', '14')).toBe(false);
  expect(numericValue('x = 5')).toBe(5);
  expect(numericValue('five')).toBeNull();
});
