/**
 * Which files of a build the service worker keeps at install, so Loupe opens and runs offline
 * after one visit. Pure: used by the build plugin in Node and by unit tests.
 */

/**
 * KaTeX ships each font three times; every browser Loupe runs in (it needs WebAssembly and
 * module workers) takes the woff2 one, so the others are kept only if ever asked for.
 */
const OLDER_FONT = /\/KaTeX_[^/]+\.(ttf|woff)$/;

export interface PrecacheInput {
  /** Every file of the build, relative to its root (`assets/index-abc.js`, `pyodide/…`). */
  files: readonly string[];
  /**
   * Files only the model engine loads (WebLLM's 6 MB library): useless offline until a model is
   * downloaded, so they are cached when first used instead.
   */
  modelEngine: ReadonlySet<string>;
}

/** The files to precache, sorted: the app shell, the Pyodide core and the bundled data. */
export function precacheList({ files, modelEngine }: PrecacheInput): string[] {
  return files
    .filter((file) => file !== 'sw.js' && !modelEngine.has(file) && !OLDER_FONT.test(`/${file}`))
    .sort();
}

/** The service worker script: the build's hash and file list, then the worker's code. */
export function serviceWorkerSource(hash: string, files: readonly string[], code: string): string {
  return `self.LOUPE_BUILD = ${JSON.stringify({ hash, files })};\n${code}`;
}
