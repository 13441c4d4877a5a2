import { packRows } from '../compare/packed';
import type { TranscriptRow } from '../compare/row';
import { LoupeError } from '../core/errors';
import type { AnalysisBatch, AnalysisOptions, AnalysisProgress, AnalysisSummary } from './job';
import { joinParts } from './parts';
import type { Figures, FiguresRequest } from './figures';
import type { AnalysisMessage, AnalysisSource } from './worker-api';

export interface AnalysisHandlers {
  onProgress?: (progress: AnalysisProgress) => void;
  onBatch: (batch: AnalysisBatch) => void;
  /** Aborting terminates the worker at once, wherever it is ("hard cancel"). */
  signal?: AbortSignal;
}

/**
 * Reads, imports and tags a source in a worker of its own, so a 50 MB file never blocks the page.
 * Rejects with an AbortError when cancelled, or with the LoupeError the import raised (a refused
 * file's message says why).
 */
export function analyseInWorker(
  source: AnalysisSource,
  options: AnalysisOptions,
  handlers: AnalysisHandlers,
): Promise<AnalysisSummary> {
  return new Promise((resolve, reject) => {
    if (handlers.signal?.aborted) {
      reject(new DOMException('Cancelled.', 'AbortError'));
      return;
    }
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analysis',
    });
    const finish = () => {
      handlers.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('Cancelled.', 'AbortError'));
    };
    handlers.signal?.addEventListener('abort', onAbort, { once: true });
    const onBatch = joinParts(handlers.onBatch);
    worker.onmessage = (event: MessageEvent<AnalysisMessage>) => {
      const message = event.data;
      if (message.type === 'progress') handlers.onProgress?.(message.progress);
      else if (message.type === 'batch') onBatch(message.batch);
      else if (message.type === 'figures') return;
      else {
        finish();
        if (message.type === 'done') resolve(message.summary);
        else reject(LoupeError.from(message.error));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      reject(new LoupeError('internal', `The analysis worker failed: ${event.message}.`));
    };
    worker.postMessage({
      source,
      options: { ...options, crucialTokens: options.crucialTokens && [...options.crucialTokens] },
    });
  });
}

/**
 * Figures with 1,000 bootstrap resamples per group, computed in a worker: for 10,000 transcripts
 * they take longer than a page may stall. A newer call makes an older one's result moot: the
 * caller drops it.
 */
export function figuresInWorker(
  groups: readonly { name: string; rows: readonly TranscriptRow[] }[],
): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'figures',
    });
    worker.onmessage = (event: MessageEvent<AnalysisMessage>) => {
      if (event.data.type !== 'figures') return;
      worker.terminate();
      resolve(event.data.figures);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new LoupeError('internal', `The figures could not be computed: ${event.message}.`));
    };
    const request: FiguresRequest = {
      type: 'figures',
      groups: groups.map((g) => ({ name: g.name, packed: packRows(g.rows) })),
    };
    worker.postMessage(
      request,
      request.groups.map((g) => g.packed.buffer),
    );
  });
}
