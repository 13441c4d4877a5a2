/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compileStdlib } from './scripts/compile-stdlib.js';
import { serviceWorker } from './src/lib/sw/build-plugin.ts';

/** Files of the Pyodide core that Loupe serves itself, so Python starts with no CDN. */
const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];
const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

const MIME: Record<string, string> = {
  mjs: 'text/javascript',
  wasm: 'application/wasm',
  zip: 'application/zip',
  json: 'application/json',
};

let stdlibPromise: Promise<Uint8Array> | undefined;

/** The standard library with bytecode for the modules Python needs at start-up, cached on disk. */
function compiledStdlib(): Promise<Uint8Array> {
  stdlibPromise ??= (async () => {
    const source = readFileSync(join(pyodideDir, 'python_stdlib.zip'));
    const key = createHash('sha256')
      .update(source)
      .update(readFileSync(new URL('./scripts/compile-stdlib.js', import.meta.url)))
      .digest('hex')
      .slice(0, 16);
    const cacheDir = join('node_modules', '.cache', 'loupe');
    const cached = join(cacheDir, `python_stdlib-${key}.zip`);
    if (existsSync(cached)) return readFileSync(cached);
    const { zip } = await compileStdlib(source);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cached, zip);
    return zip;
  })();
  return stdlibPromise;
}

/** Serves the Pyodide core under `pyodide/` in dev and copies it into the build. */
function pyodideAssets(): Plugin {
  return {
    name: 'loupe:pyodide-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /\/pyodide\/([^/?#]+)/.exec(req.url ?? '');
        const file = match?.[1];
        if (!file || !PYODIDE_FILES.includes(file)) return next();
        if (file === 'python_stdlib.zip') {
          compiledStdlib().then(
            (zip) => {
              res.setHeader('Content-Type', 'application/zip');
              res.end(zip);
            },
            (error: unknown) => next(error),
          );
          return;
        }
        const path = join(pyodideDir, file);
        res.setHeader(
          'Content-Type',
          MIME[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
        );
        res.setHeader('Content-Length', statSync(path).size);
        createReadStream(path).pipe(res);
      });
    },
    async generateBundle() {
      for (const file of PYODIDE_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `pyodide/${file}`,
          source:
            file === 'python_stdlib.zip'
              ? await compiledStdlib()
              : readFileSync(join(pyodideDir, file)),
        });
      }
    },
  };
}

/** Cross-origin isolation gives SharedArrayBuffer, which stopping Python needs. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const sw = serviceWorker();

export default defineConfig({
  base: './',
  plugins: [svelte(), pyodideAssets(), sw.app],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es', plugins: () => [sw.worker()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Pyodide rethrows a fatal error from its event loop after reporting it to the session
    // (tests/unit/python-death.test.ts checks that report): that rethrow is expected.
    onUnhandledError: (error) =>
      (error as { pyodide_fatal_error?: boolean }).pyodide_fatal_error ? false : undefined,
  },
});
