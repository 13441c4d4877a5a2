import { readFile } from 'node:fs/promises';
import { parseRecording } from '../lib/engine/replay';
import { lastPython } from '../lib/loop/protocols';
import { outputForModel } from '../lib/loop/output';
import { createNodeSession } from '../lib/python/node';
import { importTranscripts } from '../lib/transcript/import';
import { UsageError } from './usage';

export const REPLAY_USAGE = `loupe replay FILE.jsonl --check

Re-executes every code block of each transcript of FILE ({question, transcript} as in ToRA, or
{id, text}) in Pyodide, in order, one namespace per transcript, and writes one JSON line per
transcript to standard output:
  {id, blocks: [{code, recorded, live, same}]}
then prints to standard error how many blocks reproduce their recorded output.`;

export async function replayCommand(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  const unknown = args.find((a) => a.startsWith('--') && a !== '--check');
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (!file) throw new UsageError('give the JSONL file of transcripts');
  if (!args.includes('--check'))
    throw new UsageError('replay in the terminal only checks: add --check');
  const content = await readFile(file, 'utf8');
  const { transcripts, errors } = importTranscripts(content, file);
  for (const error of errors) err.write(`${file}:${error.line}: skipped: ${error.message}\n`);
  let blocks = 0;
  let same = 0;
  const session = await createNodeSession();
  for (const transcript of transcripts) {
    // One namespace per transcript: variables never carry over from one to the next.
    session.reset();
    const { pieces, outputs } = parseRecording(transcript.text);
    const rows: { code: string; recorded: string; live: string; same: boolean }[] = [];
    for (const [index, recorded] of outputs.entries()) {
      const code = lastPython(pieces.slice(0, index + 1).join('\n')) ?? '';
      const result = await session.run(code);
      const live = outputForModel(result, Number.POSITIVE_INFINITY);
      const match = normalise(live) === normalise(recorded);
      rows.push({ code, recorded, live, same: match });
      blocks += 1;
      if (match) same += 1;
    }
    out.write(`${JSON.stringify({ id: transcript.id, blocks: rows })}\n`);
  }
  const share = blocks ? ((100 * same) / blocks).toFixed(1) : '0';
  err.write(
    `${same} of ${blocks} code blocks reproduce their recorded output (${share}%), over ${transcripts.length} transcripts.\n`,
  );
  return 0;
}

function normalise(output: string): string {
  return output
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}
