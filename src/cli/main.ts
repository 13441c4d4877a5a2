import { LoupeError } from '../lib/core/errors';
import { COMPARE_USAGE, compareCommand } from './compare';
import { PACK_USAGE, packCommand } from './pack';
import { REPLAY_USAGE, replayCommand } from './replay';
import { TAG_USAGE, tagCommand } from './tag';
import { TRACE_USAGE, traceCommand } from './trace';
import { InputError, terminalSafe } from './input';
import { UsageError } from './usage';
import { VERIFY_USAGE, verifyCommand } from './verify';

const USAGE = `Loupe's command line tools.

${REPLAY_USAGE}

${TAG_USAGE}

${TRACE_USAGE}

${COMPARE_USAGE}

${PACK_USAGE}

${VERIFY_USAGE}`;

/** Runs a command; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'replay':
        return await replayCommand(rest, process.stdout, process.stderr);
      case 'tag':
        return await tagCommand(rest, process.stdout, process.stderr);
      case 'trace':
        return await traceCommand(rest, process.stdout, process.stderr);
      case 'compare':
        return await compareCommand(rest, process.stdout, process.stderr);
      case 'pack':
        return await packCommand(rest, process.stdout, process.stderr);
      case 'verify':
        return await verifyCommand(rest, process.stdout, process.stderr);
      case undefined:
      case '--help':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`loupe: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof LoupeError) {
      process.stderr.write(`loupe: ${terminalSafe(error.message)}
`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`loupe: no such file: ${(error as NodeJS.ErrnoException).path}\n`);
      return 1;
    }
    // Never a stack trace: one line that says what failed.
    process.stderr.write(
      `loupe: ${command} failed: ${terminalSafe(String((error as Error)?.message ?? error))}\n`,
    );
    return 1;
  }
}
