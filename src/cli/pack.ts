import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  blocksworldLine,
  boxLiftLine,
  game24Lines,
  PackInputError,
  sampleLine,
} from '../lib/tasks/pack';
import type { PackLine } from '../lib/tasks/types';
import { UsageError } from './usage';

export const PACK_USAGE = `loupe pack symbench DIR

Reads a SymBench task folder and writes one pack line per instance to standard output:
  {id, family, category, question, reference}
DIR is a family folder with sample_*/question.txt and solution.json (id: <folder>/<sample>),
game24 with 24.csv (id: game24/rank-<Rank>), BoxLift_dataset (id:
BoxLift_dataset/BoxLift_<boxes>_<lifters>/BoxLift<k>), Blocksworld_dataset (id:
Blocksworld_dataset/<case>), or a folder holding several of these (every family found).
An instance that cannot be read is reported on standard error and skipped (exit code 1).`;

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(byName);
}

type Emit = (line: PackLine) => void;
type Skip = (where: string, why: string) => void;

async function attempt(where: string, skip: Skip, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (
      error instanceof PackInputError ||
      error instanceof SyntaxError ||
      (error as NodeJS.ErrnoException).code === 'ENOENT'
    )
      skip(where, (error as Error).message);
    else throw error;
  }
}

/** Packs one family folder; false when DIR is not one. */
async function packFamily(dir: string, emit: Emit, skip: Skip): Promise<boolean> {
  const name = basename(dir);
  const folders = await subfolders(dir);
  if (folders.some((f) => f.startsWith('sample_'))) {
    for (const sample of folders.filter((f) => f.startsWith('sample_')))
      await attempt(join(dir, sample), skip, async () => {
        const question = await readFile(join(dir, sample, 'question.txt'), 'utf8');
        const solution = JSON.parse(
          await readFile(join(dir, sample, 'solution.json'), 'utf8'),
        ) as unknown;
        emit(sampleLine(name, sample, question, solution));
      });
    return true;
  }
  const csv = await readFile(join(dir, '24.csv'), 'utf8').catch(() => null);
  if (csv !== null) {
    await attempt(join(dir, '24.csv'), skip, async () => game24Lines(csv).forEach(emit));
    return true;
  }
  if (folders.some((f) => /^BoxLift_\d+_\d+$/.test(f))) {
    for (const group of folders.filter((f) => /^BoxLift_\d+_\d+$/.test(f)))
      for (const item of await subfolders(join(dir, group)))
        await attempt(join(dir, group, item), skip, async () => {
          const data = JSON.parse(
            await readFile(join(dir, group, item, 'BoxLift.json'), 'utf8'),
          ) as unknown;
          emit(boxLiftLine(`${name}/${group}/${item}`, data));
        });
    return true;
  }
  const tasks = [];
  for (const f of folders)
    if (await stat(join(dir, f, 'blocksworld_task.txt')).catch(() => null)) tasks.push(f);
  if (tasks.length) {
    for (const task of tasks)
      await attempt(join(dir, task), skip, async () => {
        emit(
          blocksworldLine(
            `${name}/${task}`,
            await readFile(join(dir, task, 'blocksworld_task.txt'), 'utf8'),
          ),
        );
      });
    return true;
  }
  return false;
}

export async function packCommand(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const [source, dir, ...rest] = args;
  if (source !== 'symbench') throw new UsageError('say which benchmark: loupe pack symbench DIR');
  if (!dir) throw new UsageError('give the SymBench folder to pack');
  if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
  if (!(await isDir(dir))) {
    err.write(`loupe: ${dir} is not a folder\n`);
    return 1;
  }
  let written = 0;
  let skipped = 0;
  const emit: Emit = (line) => {
    out.write(`${JSON.stringify(line)}\n`);
    written += 1;
  };
  const skip: Skip = (where, why) => {
    err.write(`${where}: skipped: ${why}\n`);
    skipped += 1;
  };
  if (!(await packFamily(dir, emit, skip))) {
    for (const folder of await subfolders(dir)) await packFamily(join(dir, folder), emit, skip);
  }
  if (written === 0 && skipped === 0) {
    err.write(`loupe: no SymBench task found in ${dir} (see loupe help)\n`);
    return 1;
  }
  err.write(`${written} pack lines${skipped ? `, ${skipped} instances skipped` : ''}\n`);
  return skipped ? 1 : 0;
}
