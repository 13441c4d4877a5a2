import { expect, test } from 'vitest';
import {
  displayEngineLabel,
  matchesSearch,
  recordingTitle,
  summarise,
  summaryLine,
} from '../../src/lib/analysis/recordings';

const RECORDING = {
  id: 'dev-006',
  question: 'Who is at the front of the line?\nAna, Ben, Cal, Dee and Eli stand in a line.',
  text: 'Let me check this with code.\n```python\nprint(1)\n```\n```output\n1\n```\nWait, that is wrong because the order was reversed. So the answer is \\boxed{Ben}.',
  expected: 'Ben',
};

test('a recording is summarised by its question, answer, verdict and behaviour counts', () => {
  const summary = summarise(RECORDING);
  expect(summary.headline).toBe('Who is at the front of the line?');
  expect(summary.answer).toBe('Ben');
  expect(summary.correct).toBe(true);
  expect(summaryLine(summary)).toMatch(
    /^#dev-006 · Who is at the front of the line\? · answer Ben ✓ right · V\d B\d S\d C\d$/,
  );
  expect(summarise({ ...RECORDING, question: null, expected: null }).headline).toBe(
    '(no question in the recording)',
  );
});

test('search matches every word in the id, question or answer', () => {
  const summary = summarise(RECORDING);
  expect(matchesSearch(summary, 'front LINE')).toBe(true);
  expect(matchesSearch(summary, 'dev-006')).toBe(true);
  expect(matchesSearch(summary, 'eggs')).toBe(false);
  expect(matchesSearch(summary, '  ')).toBe(true);
});

test('pasted transcripts get a title, and hidden characters in ids are shown', () => {
  expect(recordingTitle('pasted', 'pasted')).toBe('a pasted transcript');
  expect(recordingTitle('runs.jsonl', '7')).toBe('runs.jsonl #7');
  expect(displayEngineLabel('Replay: pasted #pasted')).toBe('Replay: a pasted transcript');
  expect(displayEngineLabel('Replay: x\u202Egpj.exe #1')).toBe('Replay: x⟨U+202E⟩gpj.exe #1');
  expect(displayEngineLabel('Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC')).toBe(
    'Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC',
  );
});

test('model names lose their quantisation suffix', async () => {
  const { plainModelName } = await import('../../src/lib/analysis/recordings');
  expect(plainModelName('Qwen2.5-Math-1.5B-Instruct-q4f16_1-MLC')).toBe(
    'Qwen2.5-Math-1.5B-Instruct',
  );
  expect(plainModelName('Llama-3.2-1B-Instruct-q4f32_1-MLC')).toBe('Llama-3.2-1B-Instruct');
  expect(plainModelName('custom-model')).toBe('custom-model');
});
