/**
 * The sandboxed child: started by the command line under Node's permission model (reads only of
 * Pyodide's files, no writes, no child processes, no workers, no code generation from strings),
 * it runs programs in Pyodide and answers over the IPC channel. Bundled and fed to `node -` by
 * sandbox/spawn.ts, so it needs no file of its own to read.
 */
import { constants as fsConstants } from 'node:fs';
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { PythonSession } from '../../lib/python/session';
import { TraceRunner } from '../../lib/trace/runner';
import { forgetPyodideApi, INTEGRITY_SOURCE, lockedGlobals } from './lockdown';
import type { ChildConfig, ChildMessage, FailureKind, ParentMessage } from './protocol';

// Taken before any program runs: nothing below is reachable from Python.
const send = process.send?.bind(process) as ((message: ChildMessage) => boolean) | undefined;
const exit = process.exit.bind(process);
/** Exits once the message has been handed to the channel (a plain exit would drop it). */
const sendThenExit = (message: ChildMessage, code: number) =>
  process.send?.(message, undefined, {}, () => exit(code)) ?? exit(code);
const onMessage = (handler: (message: ParentMessage) => void) => process.on('message', handler);

if (!send) throw new Error('the sandbox child must be started with an IPC channel');
const config = JSON.parse(process.argv.at(-1) ?? '{}') as ChildConfig & {
  mode: 'trace' | 'replay';
};

// Pyodide's Node file system asks for `process.binding('constants')`, which the permission model
// refuses; the same constants are public in `fs`.
const internals = process as unknown as { binding: (name: string) => unknown };
const binding = internals.binding.bind(process);
internals.binding = (name) => (name === 'constants' ? { fs: fsConstants } : binding(name));

const started = performance.now();
const start = await new Promise<Extract<ParentMessage, { type: 'start' }>>((resolve) =>
  process.once('message', resolve),
);
const { loadPyodide } = (await import(config.pyodideURL)) as typeof import('pyodide');
const pyodide: PyodideAPI = await loadPyodide({
  jsglobals: lockedGlobals(),
  env: { MPLBACKEND: 'Agg' },
  _makeSnapshot: start.makeSnapshot,
  // A copy: the bytes that arrive over IPC are a view into a larger buffer.
  ...(start.snapshot ? { _loadSnapshot: new Uint8Array(start.snapshot) } : {}),
});
if (start.makeSnapshot) send({ type: 'snapshot', bytes: pyodide.makeMemorySnapshot() });
// Before the tracer is installed: it keeps a copy of sys.modules to restore after each program,
// and that copy must not hold Pyodide's API.
forgetPyodideApi(pyodide);
const runner = config.mode === 'trace' ? new TraceRunner(pyodide) : null;
const session =
  config.mode === 'replay'
    ? new PythonSession(pyodide, {
        maxOutputBytes: config.maxOutputBytes,
        packageIndexURL: 'none (the sandbox has no network access for packages)',
      })
    : null;
// A first run compiles what a run needs, so a program's clock does not pay for start-up.
if (runner)
  runner.trace({ id: 'warm-up', code: 'def f(x):\n    return x', call: 'f(1)', expected: '1' });
if (session) await session.run('pass');
const integrity = pyodide.runPython(`
import types
_loupe_integrity = types.ModuleType("_loupe_integrity")
exec(${JSON.stringify(INTEGRITY_SOURCE)}, _loupe_integrity.__dict__)
_loupe_integrity`) as PyProxy;
const changed = integrity.changed as () => string;

function wasmBytes(): number {
  return (pyodide as unknown as { _module: { HEAPU8: Uint8Array } })._module.HEAPU8.byteLength;
}

function fail(job: number, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const kind: FailureKind = /out of memory|Cannot enlarge memory|Array buffer allocation/i.test(
    message,
  )
    ? 'memory'
    : 'crashed';
  // The interpreter may be dead or poisoned: a new child takes over.
  sendThenExit({ type: 'failed', job, kind, message: message.slice(0, 2000) }, 1);
}

function afterJob(): void {
  let reason = '';
  try {
    const what = changed();
    if (what) reason = `the program changed Python's ${what}`;
  } catch (error) {
    reason = `the integrity check failed: ${String(error).slice(0, 200)}`;
  }
  if (!reason && wasmBytes() > config.maxWasmBytes) {
    reason = `Python's memory grew to ${Math.round(wasmBytes() / 2 ** 20)} MB`;
  }
  if (reason) {
    sendThenExit({ type: 'retire', reason }, 0);
  } else send?.({ type: 'idle' });
}

onMessage((message) => {
  if (message.type === 'trace' && runner) {
    try {
      const result = runner.trace(message.request, message.limits);
      const size = JSON.stringify(result).length;
      if (size > config.maxMessageBytes) {
        send({
          type: 'failed',
          job: message.job,
          kind: 'output-limit',
          message: `its result is ${size.toLocaleString('en')} characters; the limit is ${config.maxMessageBytes.toLocaleString('en')}`,
        });
      } else send({ type: 'traced', job: message.job, result });
    } catch (error) {
      fail(message.job, error);
      return;
    }
    afterJob();
  } else if (message.type === 'replay' && session) {
    void replay(message.job, message.blocks);
  }
});

async function replay(job: number, blocks: string[]): Promise<void> {
  try {
    session?.reset();
    for (const [index, code] of blocks.entries()) {
      const result = await (session as PythonSession).run(code);
      send?.({ type: 'block', job, index, result });
    }
    send?.({ type: 'replayed', job });
  } catch (error) {
    fail(job, error);
    return;
  }
  afterJob();
}

send({ type: 'ready', startMs: performance.now() - started });
