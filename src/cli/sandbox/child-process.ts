import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildMessage, FailureKind, ParentMessage } from './protocol';
import { spawnChild, type SpawnOptions } from './spawn';

/** Why a job did not finish normally; becomes that input's status. */
export interface JobStop {
  kind: FailureKind | 'timeout';
  message: string;
}

export interface SandboxOptions extends SpawnOptions {
  /** The child is killed when its resident memory passes this (bytes), checked from outside. */
  maxRssBytes: number;
  /** How long a child may take to start Python. */
  startTimeoutMs: number;
}

const POLL_MS = 200;

/** One sandboxed child process, running one job at a time; killed and replaced on any trouble. */
export class SandboxChild {
  readonly #child: ChildProcess;
  readonly #options: SandboxOptions;
  #stderr = '';
  #exit: Promise<void>;
  #alive = true;
  /** Set when the child retired itself after a job; the pool starts a new one. */
  retired: string | null = null;
  peakRssBytes = 0;

  private constructor(child: ChildProcess, options: SandboxOptions) {
    this.#child = child;
    this.#options = options;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      this.#stderr = (this.#stderr + text).slice(-4000);
    });
    // Anything the program manages to print on the child's stdout is not part of the protocol.
    child.stdout?.resume();
    // A child stuck in a program would outlive the command line: it goes when the command does.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    this.#exit = new Promise((resolve) =>
      child.once('exit', () => {
        this.#alive = false;
        process.off('exit', killOnExit);
        resolve();
      }),
    );
  }

  /**
   * Starts a child and Python in it, from `snapshot` when given (a few times faster); with
   * `onSnapshot`, the child makes one right after start-up and hands it over.
   */
  static async start(
    options: SandboxOptions,
    snapshot: Uint8Array | null = null,
    onSnapshot?: (bytes: Uint8Array) => void,
  ): Promise<SandboxChild> {
    const sandbox = new SandboxChild(await spawnChild(options), options);
    if (onSnapshot) {
      sandbox.#child.on('message', (message: ChildMessage) => {
        if (message.type === 'snapshot') onSnapshot(new Uint8Array(message.bytes));
      });
    }
    sandbox.#child.send({ type: 'start', snapshot, makeSnapshot: Boolean(onSnapshot) });
    const ready = await sandbox.#waitFor(
      (message) => message.type === 'ready',
      options.startTimeoutMs,
    );
    if (!ready) {
      sandbox.kill();
      throw new Error(
        `the sandbox could not start Python: ${sandbox.#stderr.trim().split('\n').at(-1) || 'it did not answer in time'}`,
      );
    }
    return sandbox;
  }

  get alive(): boolean {
    return this.#alive && this.retired === null;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /**
   * Sends a job and passes the child's messages to `onMessage` until the child is idle again.
   * Each message resets the `budgetMs` clock (a replay block is timed on its own). Returns null
   * when the job finished, else why it was stopped; a stopped child is dead.
   */
  run(
    message: ParentMessage,
    budgetMs: number,
    onMessage: (message: ChildMessage) => void,
  ): Promise<JobStop | null> {
    return new Promise((resolve) => {
      let stop: JobStop | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => halt({ kind: 'timeout', message: 'it did not return in time' }),
          budgetMs,
        );
      };
      const halt = (reason: JobStop) => {
        stop ??= reason;
        this.kill();
      };
      const poll = setInterval(() => {
        const rss = residentBytes(this.#child.pid);
        this.peakRssBytes = Math.max(this.peakRssBytes, rss);
        if (rss > this.#options.maxRssBytes) {
          halt({
            kind: 'memory',
            message: `its process passed the memory cap of ${Math.round(this.#options.maxRssBytes / 2 ** 20)} MB`,
          });
        }
      }, POLL_MS);
      const listener = (reply: ChildMessage) => {
        arm();
        if (reply.type === 'failed') stop ??= { kind: reply.kind, message: reply.message };
        else if (reply.type === 'retire') this.retired = reply.reason;
        else if (reply.type !== 'idle') onMessage(reply);
        if (reply.type === 'idle' || reply.type === 'retire') finish();
      };
      const finish = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.#child.off('message', listener);
        resolve(stop);
      };
      this.#child.on('message', listener);
      void this.#exit.then(() => {
        if (!stop && this.retired === null) stop = this.#deathReason();
        finish();
      });
      arm();
      if (!this.#alive) return;
      this.#child.send(message);
    });
  }

  kill(): void {
    if (this.#alive) this.#child.kill('SIGKILL');
  }

  async close(): Promise<void> {
    this.kill();
    await this.#exit;
  }

  #deathReason(): JobStop {
    const text = this.#stderr;
    if (/heap out of memory|Allocation failed|out of memory/i.test(text)) {
      return { kind: 'memory', message: 'its process ran out of memory' };
    }
    const last = text.trim().split('\n').filter(Boolean).at(-1);
    return {
      kind: 'crashed',
      message: `the interpreter's process ended (${last ?? `exit code ${this.#child.exitCode}`})`,
    };
  }

  #waitFor(test: (message: ChildMessage) => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const listener = (message: ChildMessage) => {
        if (test(message)) done(true);
      };
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.#child.off('message', listener);
        resolve(ok);
      };
      this.#child.on('message', listener);
      void this.#exit.then(() => done(false));
    });
  }
}

/** Resident memory of a process, from /proc (Linux); 0 where that is not available. */
export function residentBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
