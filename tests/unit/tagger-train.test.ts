import { describe, expect, test } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { BEHAVIOURS } from '../../src/lib/tagger/labels';
import { LinearModel } from '../../src/lib/tagger/model';
import {
  examplesOf,
  foldOf,
  isExtraFold,
  related,
  train,
  TRAIN_DEFAULTS,
  type LabelledRow,
} from '../../src/lib/tagger/train';

const rows = readFileSync('tests/fixtures/behaviours-dev.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as LabelledRow);

describe('training the tagger', () => {
  test('folds are the sources: each synthetic set, MathCoder, ToRA, dev', () => {
    expect(
      ['tr-a-01', 'tr-g-40', 'mc-MathCoder-L-7b-1', 'tora70b-21', 'dev-003'].map(foldOf),
    ).toEqual(['tr-a', 'tr-g', 'MathCoder', 'ToRA', 'dev']);
  });

  test("Loupe's own sets only train, and its MathCoder set leaves with the team's", () => {
    expect(['xl-mc-MathCoder-L-7b-wrong-12', 'xl-s3-07'].map(foldOf)).toEqual(['xl-mc', 'xl-s3']);
    expect(['xl-mc', 'xl-s3', 'MathCoder', 'tr-a'].map(isExtraFold)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(related('xl-mc', 'MathCoder')).toBe(true);
    expect(related('xl-s3', 'MathCoder')).toBe(false);
    expect(related('xl-mc', 'tr-a')).toBe(false);
    expect(related('tr-a', 'tr-a')).toBe(true);
  });

  test('units carry the gold labels of the labelled units they overlap', () => {
    const examples = examplesOf(rows[0] as LabelledRow);
    const gold = (rows[0] as LabelledRow).units.filter((u) => u.kind !== 'output');
    expect(examples.length).toBeGreaterThan(0);
    const labelled = (list: { labels: string[] }[]) => list.filter((u) => u.labels.length).length;
    expect(labelled(examples)).toBeGreaterThanOrEqual(Math.min(1, labelled(gold)));
  });

  test('is deterministic, and learns the training data', () => {
    const examples = rows.slice(0, 12).flatMap((row) => examplesOf(row));
    const options = { ...TRAIN_DEFAULTS, epochs: 8, minCount: 1 };
    const a = train(examples, options);
    expect(train(examples, options)).toEqual(a);
    const model = new LinearModel(a);
    let right = 0;
    for (const e of examples) {
      const p = model.scores(e.features);
      BEHAVIOURS.forEach((label, k) => {
        if ((p[k] as number) >= 0.5 === e.labels.includes(label)) right += 1;
      });
    }
    expect(right / (examples.length * BEHAVIOURS.length)).toBeGreaterThan(0.9);
  });

  test('the shipped weights are for the four labels and stay small', () => {
    const weights = JSON.parse(readFileSync('src/lib/tagger/weights.json', 'utf8'));
    expect(weights.labels).toEqual([...BEHAVIOURS]);
    expect(Object.keys(weights.features).length).toBeGreaterThan(100);
    expect(statSync('src/lib/tagger/weights.json').size).toBeLessThan(400_000);
  });
});
