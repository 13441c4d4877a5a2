import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { precacheList, serviceWorkerSource } from './precache.ts';

const TEMPLATE = new URL('./service-worker.js', import.meta.url);

/**
 * Emits `sw.js`: Loupe's service worker with this build's hash and the files it precaches.
 * Returns two plugins: one for the worker builds (it notes which files belong to the model
 * engine), one for the app's build, which runs after them.
 */
export function serviceWorker(): { app: Plugin; worker: () => Plugin } {
  const modelEngine = new Set<string>();
  let publicDir = '';
  const app: Plugin = {
    name: 'loupe:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.build.copyPublicDir ? config.publicDir : '';
    },
    generateBundle(_options, bundle) {
      const contents = new Map<string, string | Uint8Array>();
      for (const [name, output] of Object.entries(bundle))
        contents.set(name, output.type === 'chunk' ? output.code : output.source);
      if (publicDir) {
        for (const file of listFiles(publicDir))
          contents.set(relative(publicDir, file).split('\\').join('/'), readFileSync(file));
      }
      const names = [...contents.keys()].sort();
      const digest = createHash('sha256');
      for (const name of names)
        digest
          .update(name)
          .update('\0')
          .update(contents.get(name) ?? '');
      const hash = digest.digest('hex').slice(0, 12);
      const files = precacheList({ files: names, modelEngine });
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: serviceWorkerSource(hash, files, readFileSync(TEMPLATE, 'utf8')),
      });
    },
  };
  const worker = (): Plugin => ({
    name: 'loupe:service-worker-model-engine',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (
          output.type === 'chunk' &&
          output.moduleIds.some((id) => id.includes('@mlc-ai/web-llm'))
        )
          modelEngine.add(output.fileName);
      }
    },
  });
  return { app, worker };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
