import { expect, test } from 'vitest';
import { importTranscripts } from '../../src/lib/transcript/import';

test('JSONL in the ToRA, labelled and plain formats, with bad lines reported', () => {
  const content = [
    JSON.stringify({
      idx: 2,
      question: 'How much?',
      gt: '70000',
      transcript: '```python\nprint(1)\n```',
    }),
    JSON.stringify({ id: 'dev-1', format: 'think', text: '<think>hi</think>', units: [] }),
    '{oops',
    JSON.stringify({ id: 'x' }),
  ].join('\n');
  const { transcripts, errors } = importTranscripts(content);
  expect(transcripts.map((t) => [t.id, t.expected, t.question])).toEqual([
    ['2', '70000', 'How much?'],
    ['dev-1', null, null],
  ]);
  expect(errors.map((e) => e.line)).toEqual([3, 4]);
});

test('anything else is one pasted Markdown transcript', () => {
  const { transcripts } = importTranscripts('We compute it.\n```python\nprint(2)\n```', 'paste');
  expect(transcripts).toHaveLength(1);
  expect(transcripts[0]?.id).toBe('paste');
});
