import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let bundled: Promise<string> | undefined;

/**
 * The sandboxed child's code as one ES module, built once per command from child.ts. It is fed
 * to `node -` on standard input, so the child needs read access to Pyodide's files only.
 */
export function childSource(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./child.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['pyodide'],
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundled;
}
