import { sameOutput } from '../../lib/core/output';
import { outputForModel } from '../../lib/loop/output';
import type { JobStop, SandboxChild } from './child-process';

export interface ReplayBlock {
  code: string;
  recorded: string;
  live: string;
  same: boolean;
}

/** How a transcript's replay ended: `ok`, or the sandbox status that stopped it. */
export type ReplayStatus = 'ok' | JobStop['kind'];

export interface ReplayRow {
  id: string;
  blocks: ReplayBlock[];
  status: ReplayStatus;
  reason?: string;
}

/**
 * Re-runs a transcript's code blocks in one namespace in a sandboxed child, each block with its
 * own wall-clock limit. When a block is stopped the interpreter (and the namespace) is gone: that
 * block says why, and the blocks after it are reported as not run.
 */
export async function replayInSandbox(
  id: string,
  blocks: { code: string; recorded: string }[],
  timeoutMs: number,
  child: () => Promise<SandboxChild>,
): Promise<ReplayRow> {
  const rows: ReplayBlock[] = [];
  let stop: JobStop | null = null;
  if (blocks.length > 0) {
    const sandbox = await child();
    stop = await sandbox.run(
      { type: 'replay', job: 0, blocks: blocks.map((b) => b.code) },
      timeoutMs,
      (message) => {
        if (message.type !== 'block') return;
        const block = blocks[message.index];
        if (!block) return;
        const live = outputForModel(message.result, Number.POSITIVE_INFINITY);
        rows.push({ ...block, live, same: sameOutput(live, block.recorded) });
      },
    );
  }
  if (!stop) return { id, blocks: rows, status: 'ok' };
  const stopped = rows.length;
  const reason = stopReason(stop, timeoutMs);
  for (const [index, block] of blocks.entries()) {
    if (index < stopped) continue;
    const live =
      index === stopped
        ? `LoupeSandbox: ${reason}`
        : 'LoupeSandbox: not run (the interpreter was replaced after an earlier block; its state was lost)';
    rows.push({ ...block, live, same: false });
  }
  return { id, blocks: rows, status: stop.kind, reason: `block ${stopped + 1}: ${reason}` };
}

function stopReason(stop: JobStop, timeoutMs: number): string {
  switch (stop.kind) {
    case 'timeout':
      return `stopped at the time limit (${timeoutMs / 1000} s); the interpreter was replaced`;
    case 'memory':
      return `stopped: out of memory (${stop.message}); the interpreter was replaced`;
    case 'output-limit':
      return `stopped: ${stop.message}`;
    case 'crashed':
      return `the interpreter crashed (${stop.message}); it was replaced`;
  }
}
