import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { childSource } from './bundle';
import type { ChildConfig } from './protocol';

const require = createRequire(import.meta.url);

/** The folder of the installed Pyodide package: the only thing a child may read. */
export function pyodideDir(): string {
  return dirname(require.resolve('pyodide/pyodide.mjs'));
}

export interface SpawnOptions {
  mode: 'trace' | 'replay';
  /** V8 heap limit of the child, in MB (JavaScript objects; Python's memory is counted apart). */
  heapMB: number;
  config: Omit<ChildConfig, 'pyodideURL'>;
}

/**
 * Starts a child Node under the permission model: it may read Pyodide's folder and nothing else,
 * write nothing, start no process or worker, and not turn strings into code (which closes the
 * `Function` constructor route from Python to Node's globals).
 */
export async function spawnChild(options: SpawnOptions): Promise<ChildProcess> {
  const source = await childSource();
  const dir = pyodideDir();
  const config: ChildConfig & { mode: SpawnOptions['mode'] } = {
    ...options.config,
    mode: options.mode,
    pyodideURL: pathToFileURL(`${dir}/pyodide.mjs`).href,
  };
  const child = spawn(
    process.execPath,
    [
      '--experimental-permission',
      `--allow-fs-read=${dir}/*`,
      '--disallow-code-generation-from-strings',
      `--max-old-space-size=${options.heapMB}`,
      '--no-warnings',
      '--input-type=module',
      '-',
      JSON.stringify(config),
    ],
    { stdio: ['pipe', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' },
  );
  child.stdin?.end(source);
  return child;
}
