import WRITTEN_EXAMPLE_JSONL from './written-example.jsonl?raw';

/**
 * The Playground's first recording: a transcript written by hand for Loupe (not a model's output)
 * so a first run shows each behaviour, a code error and its repair. Bundled, so the first screen
 * needs no fetch.
 */
export const WRITTEN_EXAMPLE = {
  source: 'written-example.jsonl',
  jsonl: WRITTEN_EXAMPLE_JSONL,
  note: 'A transcript written by hand for Loupe to show the behaviours, a code error and its repair: not a model’s output.',
};
