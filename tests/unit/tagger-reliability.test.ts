import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { shippedReliability as r } from '../../src/lib/tagger/default-reliability';
import { BEHAVIOURS } from '../../src/lib/tagger/labels';
import {
  fingerprint,
  trustSentence,
  trustSummary,
  type Reliability,
} from '../../src/lib/tagger/reliability';

describe('the tagger’s measured reliability', () => {
  test('was measured for the shipped weights (retrained? run npm run eval:tags -- --write)', () => {
    const weights = JSON.parse(readFileSync('src/lib/tagger/weights.json', 'utf8'));
    expect(r.weights).toBe(fingerprint(weights));
  });

  test('its figures follow from its counts', () => {
    for (const label of BEHAVIOURS) {
      const { tp, fp, fn, precision, recall, f1 } = r.perLabel[label];
      expect(tp + fn).toBeGreaterThan(0);
      expect(precision).toBeCloseTo(tp / (tp + fp), 3);
      expect(recall).toBeCloseTo(tp / (tp + fn), 3);
      expect(f1).toBeCloseTo((2 * tp) / (2 * tp + fp + fn), 3);
    }
    const macro = BEHAVIOURS.reduce((s, l) => s + r.perLabel[l].f1, 0) / BEHAVIOURS.length;
    expect(r.macroF1).toBeCloseTo(macro, 3);
    expect(r.sources.length).toBeGreaterThan(2);
  });

  test('a fingerprint changes with any weight and only then', () => {
    const a = { bias: [0.1, 0.2], features: { 'w:check': [1, 0] } };
    expect(fingerprint(a)).toBe(fingerprint(structuredClone(a)));
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, bias: [0.1, 0.21] }));
    expect(fingerprint(a)).toMatch(/^[0-9a-f]{8}$/);
  });

  test('reads as sentences with the measured percentages', () => {
    const made: Reliability = {
      ...r,
      macroF1: 0.5,
      perLabel: {
        ...r.perLabel,
        backtracking: { precision: 0.625, recall: 0.25, f1: 0.357, tp: 5, fp: 3, fn: 15 },
      },
    };
    expect(trustSentence('backtracking', made)).toBe(
      'On transcripts from sources it was not trained on, 63% of its backtracking tags were labelled so by people, and it found 25% of the backtracking they labelled.',
    );
    expect(trustSummary(made)).toContain('F1 0.50');
    expect(trustSummary(made)).toContain('backtracking 63% right, 25% found');
  });
});
