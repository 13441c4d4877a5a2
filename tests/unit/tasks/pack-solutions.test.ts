import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { PackLine } from '../../../src/lib/tasks/types';
import { verifyResponse } from '../../../src/lib/tasks/verify';
import { rightAnswer } from './solutions';

const packs = (
  JSON.parse(readFileSync('public/data/packs/index.json', 'utf8')) as {
    families: { file: string }[];
  }
).families.flatMap(({ file }) =>
  readFileSync(`public/data/packs/${file}`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PackLine),
);

test('every bundled instance accepts its right answer, wrapped in <<<>>>', () => {
  const failures = packs
    .map((line) => ({
      line,
      verdict: verifyResponse(line, `Reasoning...\n<<<${rightAnswer(line)}>>>`),
    }))
    .filter(({ verdict }) => !verdict.correct)
    .map(({ line, verdict }) => `${line.id}: ${verdict.reason} (${verdict.answer})`);
  expect(failures).toEqual([]);
  expect(packs.length).toBeGreaterThan(1000);
});
