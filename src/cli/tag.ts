import { BEHAVIOURS, type Behaviour } from '../lib/tagger/labels';
import { tagText } from '../lib/tagger/tagger';
import { jsonLines, lineErrorMessages } from './input';
import { listOption } from './options';
import { readJsonlInput } from './read-input';
import { UsageError } from './usage';

export const TAG_USAGE = `loupe tag FILE.jsonl [--summary] [--tokens wait,let,check,...]

Tags every transcript of FILE (- for standard input; {"id", "text"} lines, the labelled-set format, or ToRA's
{"idx", "transcript"}) with the four
behaviours and the crucial tokens, and writes one JSON line per transcript to standard output:
  {id, spans: [{start, end, label, cue}], crucial: [{start, end, token}], counts: {label: n}}
--summary prints a table of counts and prevalence across the file instead.`;

export async function tagCommand(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let file: string | undefined;
  let summary = false;
  let tokens: string[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--summary') summary = true;
    else if (arg === '--tokens') tokens = listOption(arg, args[++i]);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!file) throw new UsageError('give the JSONL file to tag (or - for standard input)');
  const { name, text } = await readJsonlInput(file);
  const { records, errors } = jsonLines(text);
  const totals = { transcripts: 0, units: 0, crucial: 0, counts: zeroCounts() };
  for (const { line, value } of records) {
    const record = value as { id?: unknown; idx?: unknown; text?: unknown; transcript?: unknown };
    const text = typeof record?.text === 'string' ? record.text : record?.transcript;
    if (typeof record !== 'object' || record === null || typeof text !== 'string') {
      errors.push({ line, message: 'expected an object with a "text" (or "transcript") string' });
      continue;
    }
    const id = record.id ?? record.idx ?? line;
    const result = tagText(text, tokens ? { crucialTokens: tokens } : {});
    const spans = result.units.flatMap((unit) =>
      unit.evidence.map((e) => ({ start: unit.start, end: unit.end, label: e.label, cue: e.cue })),
    );
    totals.transcripts += 1;
    totals.units += result.units.filter((u) => u.kind !== 'output').length;
    totals.crucial += result.crucial.length;
    for (const label of BEHAVIOURS) totals.counts[label] += result.counts[label];
    if (!summary) {
      out.write(
        `${JSON.stringify({
          id,
          spans,
          crucial: result.crucial.map(({ start, end, token }) => ({ start, end, token })),
          counts: result.counts,
        })}\n`,
      );
    }
  }
  errors.sort((a, b) => a.line - b.line);
  for (const message of lineErrorMessages(name, errors)) err.write(`${message}\n`);
  if (summary) {
    out.write(
      `Transcripts: ${totals.transcripts}; units (sentences and code blocks): ${totals.units}\n\n`,
    );
    out.write('| behaviour | units | prevalence |\n|---|---:|---:|\n');
    for (const label of BEHAVIOURS) {
      const share = totals.units ? (100 * totals.counts[label]) / totals.units : 0;
      out.write(`| ${label} | ${totals.counts[label]} | ${share.toFixed(1)}% |\n`);
    }
    out.write(
      `\nCrucial tokens: ${totals.crucial} (${(totals.crucial / Math.max(totals.transcripts, 1)).toFixed(2)} per transcript)\n`,
    );
  }
  return 0;
}

function zeroCounts(): Record<Behaviour, number> {
  return Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as Record<Behaviour, number>;
}
