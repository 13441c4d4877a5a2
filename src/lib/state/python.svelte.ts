import { drafts } from '../library/drafts';
import { PYTHON_EXAMPLES } from '../python/examples';
import { PythonClient, type InterpreterState } from '../python/client';
import { DEFAULT_MAX_OUTPUT_BYTES, type PythonRunResult } from '../python/types';
import { settings, withSlash } from './settings.svelte';

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The page's one interpreter and the state of its current run, for the views. */
export class PythonStore {
  /** The editor's contents: kept here (and as a draft) so a visit to another view loses nothing. */
  #code = $state(drafts.get('python.code') ?? PYTHON_EXAMPLES[0]?.code ?? '');
  /** Output of the run in progress (or the last one), as streamed. */
  chunks = $state.raw<OutputChunk[]>([]);
  notes = $state.raw<string[]>([]);
  result = $state.raw<PythonRunResult | null>(null);
  running = $state(false);
  #packageIndexURL = settings.packageIndexURL;
  #client = this.#createClient();
  state = $state.raw<InterpreterState>(this.#client.state);

  constructor() {
    this.#client.subscribe((state) => (this.state = state));
  }

  get code(): string {
    return this.#code;
  }

  set code(value: string) {
    this.#code = value;
    drafts.set('python.code', value);
  }

  /** True when the editor holds something other than an example, which would be lost. */
  get edited(): boolean {
    const code = this.#code.trim();
    return code !== '' && !PYTHON_EXAMPLES.some((example) => example.code.trim() === code);
  }

  get client(): PythonClient {
    return this.#client;
  }

  start(): Promise<void> {
    return this.#client.start().catch(() => undefined);
  }

  async run(code: string): Promise<PythonRunResult> {
    if (settings.packageIndexURL !== this.#packageIndexURL) await this.#applyPackageIndex();
    this.chunks = [];
    this.notes = [];
    this.result = null;
    this.running = true;
    let pending: OutputChunk[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      this.chunks = mergeChunks(this.chunks, pending);
      pending = [];
    };
    try {
      const result = await this.#client.run(code, {
        timeoutMs: settings.timeoutMs,
        onOutput: (stream, text) => {
          pending.push({ stream, text });
          frame ||= requestAnimationFrame(flush);
        },
        onNote: (note) => (this.notes = [...this.notes, note]),
      });
      if (frame) cancelAnimationFrame(frame);
      // The result holds the whole (capped) output, so it replaces the streamed copy.
      this.chunks = [];
      this.result = result;
      return result;
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    this.#client.stop();
  }

  async reset(): Promise<void> {
    await this.#client.reset();
    this.result = null;
    this.chunks = [];
    this.notes = [];
  }

  #createClient(): PythonClient {
    return new PythonClient({
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never reactive
      indexURL: new URL('pyodide/', document.baseURI).href,
      packageIndexURL: this.#packageIndexURL,
      maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES,
    });
  }

  /** The package index is fixed when Pyodide loads, so a new one needs a fresh interpreter. */
  async #applyPackageIndex(): Promise<void> {
    this.#packageIndexURL = withSlash(settings.packageIndexURL);
    this.#client.dispose();
    this.#client = this.#createClient();
    this.#client.subscribe((state) => (this.state = state));
    await this.start();
  }
}

function mergeChunks(existing: OutputChunk[], added: OutputChunk[]): OutputChunk[] {
  const merged = existing.slice();
  for (const chunk of added) {
    const last = merged.at(-1);
    if (last && last.stream === chunk.stream)
      merged[merged.length - 1] = { ...last, text: last.text + chunk.text };
    else merged.push(chunk);
  }
  return merged;
}

export const python = new PythonStore();
