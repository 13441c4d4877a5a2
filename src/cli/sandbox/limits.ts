import { cpus } from 'node:os';
import type { SandboxOptions } from './child-process';

/** Time a child gets beyond a program's own limit before it is killed (the tracer stops itself first). */
export const KILL_GRACE_MS = 2000;

/** Default resident-memory cap of one sandboxed child, in MB. */
export const DEFAULT_MEMORY_MB = 1536;

/** Largest answer (repr of the return value) a row keeps; a bigger one is an output-limit. */
export const MAX_ANSWER_CHARS = 100_000;

export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

export function sandboxOptions(mode: 'trace' | 'replay', memoryMB: number): SandboxOptions {
  return {
    mode,
    heapMB: Math.min(1024, Math.max(256, Math.floor(memoryMB / 2))),
    maxRssBytes: memoryMB * 2 ** 20,
    // Python starts in a few seconds; a loaded machine can take much longer.
    startTimeoutMs: 180_000,
    config: {
      maxMessageBytes: 64 * 2 ** 20,
      maxWasmBytes: Math.floor((memoryMB * 2 ** 20) / 2),
      maxOutputBytes: 64 * 1024,
    },
  };
}
