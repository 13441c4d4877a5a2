import type { PyodideAPI } from 'pyodide';
import { LoupeError, messageOf, type SerializedError } from '../core/errors';
import { tracedProgram, type TracedProgram } from './dataset';
import type { ReasoningSentence } from './reasoning';
import { TraceRunner } from './runner';
import type { TraceLimits, TraceRequest, TraceResult } from './types';

type LoadPyodide = typeof import('pyodide').loadPyodide;

export interface TraceOutcome {
  result: TraceResult;
  row: TracedProgram;
  sentences: ReasoningSentence[] | null;
}

/** What the trace worker exposes: Pyodide with the tracer, one program at a time. */
export class TraceWorkerApi {
  #runner: TraceRunner | null = null;

  async init(indexURL: string): Promise<SerializedError | null> {
    try {
      const module = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as {
        loadPyodide: LoadPyodide;
      };
      const pyodide: PyodideAPI = await module.loadPyodide({
        indexURL,
        // Traced programs get no handle on the worker's globals either.
        jsglobals: Object.freeze(Object.create(null) as object),
      });
      this.#runner = new TraceRunner(pyodide);
      return null;
    } catch (error) {
      return new LoupeError(
        'python/start-failed',
        `The tracer could not start Python: ${messageOf(error)}.`,
      ).toJSON();
    }
  }

  trace(request: TraceRequest, limits: Partial<TraceLimits>): TraceOutcome {
    if (!this.#runner) throw new LoupeError('python/not-started', 'The tracer has not started.');
    const result = this.#runner.trace(request, limits);
    const { row, reasoning } = tracedProgram(request, result);
    return { result, row, sentences: reasoning?.sentences ?? null };
  }
}
