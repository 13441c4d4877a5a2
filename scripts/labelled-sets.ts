// The labelled sets in tests/fixtures (see its README) and how the scripts read them.
import { readFileSync } from 'node:fs';
import type { LabelledRow } from '../src/lib/tagger/train';

export const LABELLED = {
  /** The team's sets: the only ones scored. */
  dev: 'tests/fixtures/behaviours-dev.jsonl',
  train: 'tests/fixtures/behaviours-train.jsonl',
  /** Loupe's own set: training only (behaviours-loupe.md). */
  loupe: 'tests/fixtures/behaviours-loupe.jsonl',
  /** 72 of the team's transcripts labelled again, for scripts/agreement.ts. */
  agreement: 'tests/fixtures/behaviours-agreement.jsonl',
};

/** One labelled transcript a line; blank lines skipped. */
export function loadLabelled(path: string): LabelledRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledRow);
}
