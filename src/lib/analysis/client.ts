import { LoupeError } from '../core/errors';
import type { AnalysisBatch, AnalysisOptions, AnalysisProgress, AnalysisSummary } from './job';
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
    worker.onmessage = (event: MessageEvent<AnalysisMessage>) => {
      const message = event.data;
      if (message.type === 'progress') handlers.onProgress?.(message.progress);
      else if (message.type === 'batch') handlers.onBatch(message.batch);
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
