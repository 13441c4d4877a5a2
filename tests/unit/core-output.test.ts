import { expect, test } from 'vitest';
import { sameOutput } from '../../src/lib/core/output';

test('sameOutput: one rule for the browser and the CLI', () => {
  expect(sameOutput('42  \n', '42')).toBe(true);
  expect(sameOutput('\n1\n2 \n\n', '1\n2')).toBe(true);
  expect(sameOutput('1\n 2', '1\n2')).toBe(false);
  expect(sameOutput('42', '42.0')).toBe(false);
});
