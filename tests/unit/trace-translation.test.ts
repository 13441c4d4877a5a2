import { expect, test } from 'vitest';
import { checkTranslation, translationPrompt } from '../../src/lib/trace/translation';

test('the prompt carries the program, the call, the trace and the rules', () => {
  const prompt = translationPrompt(
    { id: 'a', code: 'def f(x):\n    return x', call: 'f(1)' },
    '>>> Call to f',
  );
  expect(prompt).toContain('def f(x):');
  expect(prompt).toContain('Call: `f(1)`');
  expect(prompt).toContain('>>> Call to f');
  expect(prompt).toContain('Do not write code');
  expect(prompt).toContain('Final answer:');
});

test('a translation that states the executed value and follows the rules passes', () => {
  const check = checkTranslation('x is 1, so f returns it.\n\nFinal answer: `1`.', '1');
  expect(check).toEqual({ stated: '1', matches: true, problems: [] });
});

test('a wrong answer, code, or a mention of the trace is flagged', () => {
  const check = checkTranslation('The trace shows:\n```python\nx = 1\n```\nFinal answer: 2', '1');
  expect(check.matches).toBe(false);
  expect(check.problems).toEqual([
    'It states 2, but the program returned 1.',
    'It contains code.',
    'It mentions the trace.',
  ]);
  expect(checkTranslation('no answer here', '1').problems[0]).toContain('does not end with');
});

test('quotes and spacing do not matter when comparing answers', () => {
  expect(checkTranslation('Final answer: {"a": 1}', "{'a': 1}").matches).toBe(true);
});
