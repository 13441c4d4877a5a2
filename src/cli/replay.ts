import { parseRecording } from '../lib/engine/replay';
import { lastPython } from '../lib/loop/protocols';
import { importTranscripts } from '../lib/transcript/import';
import { lineErrorMessages, terminalSafe } from './input';
import { integerOption, positiveOption } from './options';
import { Progress } from './progress';
import { readJsonlInput } from './read-input';
import { DEFAULT_MEMORY_MB, defaultJobs, sandboxOptions } from './sandbox/limits';
import { SandboxPool } from './sandbox/pool';
import { replayInSandbox, type ReplayStatus } from './sandbox/replay-job';
import { UsageError } from './usage';

const DEFAULT_BLOCK_SECONDS = 10;

export const REPLAY_USAGE = `loupe replay FILE.jsonl --check [--timeout SECONDS] [--jobs N] [--memory MB]

Re-executes every code block of each transcript of FILE (- for standard input; {question,
transcript} as in ToRA, or {id, text}) in sandboxed Pyodide processes, in order, one namespace
per transcript, and writes one JSON line per transcript to standard output:
  {id, blocks: [{code, recorded, live, same}], status}
status is ok, timeout, memory, crashed or output-limit (then with a reason). --timeout limits
each block (default ${DEFAULT_BLOCK_SECONDS} s). Standard error gets how many blocks reproduce their recorded output.`;

export async function replayCommand(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let file: string | undefined;
  let check = false;
  let seconds = DEFAULT_BLOCK_SECONDS;
  let jobs = defaultJobs();
  let memoryMB = DEFAULT_MEMORY_MB;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--check') check = true;
    else if (arg === '--timeout') seconds = positiveOption(arg, args[++i]);
    else if (arg === '--jobs') jobs = integerOption(arg, args[++i]);
    else if (arg === '--memory') memoryMB = integerOption(arg, args[++i], 256);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!file) throw new UsageError('give the JSONL file of transcripts (or - for standard input)');
  if (!check) throw new UsageError('replay in the terminal only checks: add --check');
  const { name, text } = await readJsonlInput(file);
  const { transcripts, errors } = importTranscripts(text, name);
  for (const line of lineErrorMessages(name, errors)) err.write(`${line}\n`);
  const work = transcripts.map((transcript) => {
    const { pieces, outputs } = parseRecording(transcript.text);
    const blocks = outputs.map((recorded, index) => ({
      code: lastPython(pieces.slice(0, index + 1).join('\n')) ?? '',
      recorded,
    }));
    return { id: transcript.id, blocks };
  });
  const pool = new SandboxPool(
    Math.min(jobs, Math.max(1, work.length)),
    sandboxOptions('replay', memoryMB),
  );
  const progress = new Progress(work.length, 'transcripts', (line) => err.write(line));
  const statuses = new Map<ReplayStatus, number>();
  let blocks = 0;
  let same = 0;
  let written = 0;
  try {
    await pool.map(
      work,
      (item, child) => replayInSandbox(item.id, item.blocks, seconds * 1000, child),
      (row) => {
        out.write(`${JSON.stringify(row)}\n`);
        written += 1;
        statuses.set(row.status, (statuses.get(row.status) ?? 0) + 1);
        blocks += row.blocks.length;
        same += row.blocks.filter((b) => b.same).length;
        if (row.reason)
          err.write(`${terminalSafe(row.id)}: ${terminalSafe(row.reason.slice(0, 500))}\n`);
        progress.tick();
      },
    );
  } catch (error) {
    err.write(
      `loupe: replay stopped after ${written} of ${work.length} transcripts: ${terminalSafe((error as Error).message)}\n`,
    );
    return 1;
  } finally {
    await pool.close();
  }
  const share = blocks ? ((100 * same) / blocks).toFixed(1) : '0';
  const stopped = [...statuses].filter(([status]) => status !== 'ok');
  err.write(
    `${same} of ${blocks} code blocks reproduce their recorded output (${share}%), over ${transcripts.length} transcripts` +
      (stopped.length ? `; stopped: ${stopped.map(([s, n]) => `${n} ${s}`).join(', ')}` : '') +
      `; ${errors.length} bad lines skipped.\n`,
  );
  return written === work.length ? 0 : 1;
}
