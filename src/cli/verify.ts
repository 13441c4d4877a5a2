import { readFile } from 'node:fs/promises';
import { asPackLine, type PackLine } from '../lib/tasks/types';
import { verifyResponse } from '../lib/tasks/verify';
import { UsageError } from './usage';

export const VERIFY_USAGE = `loupe verify PACK.jsonl RESPONSES.jsonl

Checks every {"id", "response"} line of RESPONSES against the pack line with the same id and
writes one line per response to standard output: {id, correct, answer, reason}. The answer is
taken from the last <<<...>>> (else \\boxed{} or <answer>). Malformed lines are reported with
their line number and skipped; the exit code is 1 when any line was skipped, else 0.`;

function readJsonl(
  text: string,
  file: string,
  err: NodeJS.WritableStream,
  each: (value: unknown, line: number) => string | null,
): number {
  let skipped = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      err.write(`${file}:${index + 1}: skipped: not valid JSON (${(error as Error).message})\n`);
      skipped += 1;
      return;
    }
    const problem = each(value, index + 1);
    if (problem) {
      err.write(`${file}:${index + 1}: skipped: ${problem}\n`);
      skipped += 1;
    }
  });
  return skipped;
}

export async function verifyCommand(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const files = args.filter((a) => !a.startsWith('--'));
  const option = args.find((a) => a.startsWith('--'));
  if (option) throw new UsageError(`unknown option ${option}`);
  const [packFile, responsesFile, extra] = files;
  if (!packFile || !responsesFile)
    throw new UsageError(
      'give the pack and the responses: loupe verify PACK.jsonl RESPONSES.jsonl',
    );
  if (extra) throw new UsageError(`unexpected argument ${extra}`);
  const pack = new Map<string, PackLine>();
  let skipped = readJsonl(await readFile(packFile, 'utf8'), packFile, err, (value) => {
    const line = asPackLine(value);
    if (typeof line === 'string') return line;
    if (pack.has(line.id)) return `the id "${line.id}" is already in the pack`;
    pack.set(line.id, line);
    return null;
  });
  let checked = 0;
  let correct = 0;
  skipped += readJsonl(await readFile(responsesFile, 'utf8'), responsesFile, err, (value) => {
    const v = value as { id?: unknown; response?: unknown } | null;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected an object';
    if (typeof v.id !== 'string' && typeof v.id !== 'number') return 'expected an "id"';
    if (typeof v.response !== 'string') return 'expected a "response" string';
    const line = pack.get(String(v.id));
    if (!line) return `no pack line has the id "${v.id}"`;
    const verdict = verifyResponse(line, v.response);
    out.write(`${JSON.stringify({ id: line.id, ...verdict })}\n`);
    checked += 1;
    if (verdict.correct) correct += 1;
    return null;
  });
  err.write(
    `${correct} of ${checked} responses correct${skipped ? `; ${skipped} lines skipped` : ''}\n`,
  );
  return skipped ? 1 : 0;
}
