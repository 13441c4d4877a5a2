import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkJsonl, decodeText, InputError, jsonLines, terminalSafe } from '../../src/cli/input';
import { integerOption, listOption, positiveOption, shardOption } from '../../src/cli/options';
import { shardOf } from '../../src/cli/trace';
import { Progress } from '../../src/cli/progress';

describe('reading JSONL input', () => {
  test('a leading byte-order mark is dropped and keeps line numbers', () => {
    const text = checkJsonl('\uFEFF{"id": 1}\nnot json\n{"id": 3}', 'f.jsonl');
    const { records, errors } = jsonLines(text);
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(errors).toEqual([{ line: 2, message: expect.stringContaining('not valid JSON') }]);
  });

  test.each([
    ['', 'is empty'],
    ['  \n\n', 'is empty'],
    ['[{"id": 1}]', 'holds a JSON array'],
    ['# a markdown transcript', 'is not JSONL'],
  ])('%j is refused with a sentence', (text, message) => {
    expect(() => checkJsonl(text, 'f.jsonl')).toThrow(InputError);
    expect(() => checkJsonl(text, 'f.jsonl')).toThrow(message);
  });

  test('binary and non-UTF-8 files are refused', () => {
    expect(() => decodeText(new Uint8Array([0x7b, 0x00, 0x7d]), 'b')).toThrow('binary file');
    expect(() => decodeText(new Uint8Array([0x7b, 0xff, 0x7d]), 'b')).toThrow('not UTF-8');
    expect(decodeText(new TextEncoder().encode('{"a": "é"}'), 'b')).toBe('{"a": "é"}');
  });

  test('control characters and terminal escapes are made visible', () => {
    expect(terminalSafe('\u001b[2Jid\u0007')).toBe('\\x1b[2Jid\\x07');
    expect(terminalSafe('a\nb\tc')).toBe('a\\nb\\tc');
    expect(terminalSafe('a\nb', false)).toBe('a\nb');
    expect(terminalSafe('txt\u202Eexe.txt')).toBe('txt\\u202eexe.txt');
    expect(terminalSafe('plain – text é')).toBe('plain – text é');
  });
});

describe('numeric options', () => {
  test('whole numbers, positive numbers, lists and shards are validated', () => {
    expect(() => integerOption('--max-events', '0.5')).toThrow('whole number');
    expect(() => integerOption('--jobs', '0')).toThrow('at least 1');
    expect(() => integerOption('--jobs', '')).toThrow('got ""');
    expect(integerOption('--jobs', '3')).toBe(3);
    expect(() => positiveOption('--timeout', 'soon')).toThrow('positive number');
    expect(positiveOption('--timeout', '0.5')).toBe(0.5);
    expect(() => listOption('--tokens', '')).toThrow('comma-separated');
    expect(() => listOption('--tokens', ' , ')).toThrow('comma-separated');
    expect(listOption('--tokens', 'wait, check')).toEqual(['wait', 'check']);
    expect(shardOption('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1-3', undefined]) {
      expect(() => shardOption(bad)).toThrow('--shard');
    }
  });

  test('shards are consecutive, cover every item once, and keep order', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const parts = [1, 2, 3].map((index) => shardOf(items, { index, count: 3 }));
    expect(parts.flat()).toEqual(items);
    expect(parts.map((p) => p.length)).toEqual([3, 3, 4]);
    expect(shardOf([1], { index: 1, count: 4 })).toEqual([]);
  });

  test('progress shows the rate and the time left', () => {
    const lines: string[] = [];
    const progress = new Progress(10, 'programs', (line) => lines.push(line), 1000);
    for (let i = 0; i <= 4; i++) progress.tick(i * 1000);
    expect(lines.at(-1)).toBe('… 5/10 programs, 1.0/s, about 5 s left\n');
  });
});

describe('the command line refuses bad input with one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-input-'));
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const loupe = (args: string[], input?: string) =>
    spawnSync('node', ['bin/loupe.js', ...args], { encoding: 'utf8', input });

  test.each([
    [['tag', dir], 'is a directory'],
    [['trace', dir], 'is a directory'],
    [['replay', dir, '--check'], 'is a directory'],
    [['tag', join(dir, 'missing.jsonl')], 'no such file'],
    [['tag', 'EMPTY'], 'is empty'],
    [['tag', 'ARRAY'], 'holds a JSON array'],
    [['trace', 'BINARY'], 'binary file'],
  ])('loupe %j', (args, message) => {
    const paths: Record<string, string> = {
      EMPTY: file('empty.jsonl', ''),
      ARRAY: file('array.json', '[{"id": 1, "text": "x"}]'),
      BINARY: file('binary.jsonl', new Uint8Array([0x7b, 0, 1, 2, 0x7d])),
    };
    const run = loupe(args.map((a) => paths[a] ?? a));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test.each([
    [['trace', 'x.jsonl', '--max-events', '0.5'], 'whole number'],
    [['tag', 'x.jsonl', '--tokens', ''], 'comma-separated'],
    [['trace', 'x.jsonl', '--shard', '3/2'], '--shard'],
    [['trace', 'x.jsonl', '--jobs', '0'], 'at least 1'],
  ])('loupe %j is a usage error', (args, message) => {
    const run = loupe(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test('- reads standard input; a byte-order mark and an escape-laden id are handled', () => {
    const input = `\uFEFF${JSON.stringify({ id: 'a\u001b[31m', text: 'Wait, let me check.' })}\nnot json\n`;
    const run = loupe(['tag', '-'], input);
    expect(run.status).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.id)).toEqual(['a\u001b[31m']);
    expect(run.stderr).toBe(
      'standard input:2: skipped: not valid JSON (Unexpected token \'o\', "not json" is not valid JSON)\n',
    );
  });
});
