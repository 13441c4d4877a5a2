import { unpackRows } from '../compare/packed';
import { LoupeError, messageOf, type SerializedError } from '../core/errors';
import { computeFigures, type Figures, type FiguresRequest } from './figures';
import {
  runAnalysis,
  type AnalysisBatch,
  type AnalysisOptions,
  type AnalysisProgress,
  type AnalysisSummary,
} from './job';

/** What to read: a file the person chose, a file served with the app, or text already in hand. */
export type AnalysisSource =
  | { kind: 'file'; name: string; file: Blob }
  | { kind: 'url'; name: string; url: string }
  | { kind: 'text'; name: string; text: string };

export interface AnalysisRequest {
  type: 'analyse';
  source: AnalysisSource;
  options: AnalysisOptions;
}

/** Messages from the worker, in order on one port: progress and batches, then done or failed. */
export type AnalysisMessage =
  | { type: 'progress'; progress: AnalysisProgress }
  | { type: 'batch'; batch: AnalysisBatch }
  | { type: 'done'; summary: AnalysisSummary }
  | { type: 'figures'; figures: Figures }
  | { type: 'failed'; error: SerializedError };

/** One job for the analysis worker: a file to analyse, or groups to compute figures for. */
export function handleRequest(
  request: AnalysisRequest | FiguresRequest,
  post: (message: AnalysisMessage) => void,
): Promise<void> {
  if (request.type === 'figures') {
    const groups = request.groups.map((g) => ({ name: g.name, rows: unpackRows(g.packed) }));
    post({ type: 'figures', figures: computeFigures(groups) });
    return Promise.resolve();
  }
  return handleAnalysis(request, post);
}

/** Reads, imports and tags one source, posting each step; the worker entry wires it to its port. */
export async function handleAnalysis(
  request: AnalysisRequest,
  post: (message: AnalysisMessage) => void,
): Promise<void> {
  const { source, options } = request;
  try {
    post({
      type: 'progress',
      progress: { phase: 'reading', done: 0, total: 0, transcripts: 0, skipped: 0 },
    });
    const text = await readSource(source);
    const summary = runAnalysis(
      text,
      source.name,
      options,
      (progress) => post({ type: 'progress', progress }),
      (batch) => post({ type: 'batch', batch }),
    );
    post({ type: 'done', summary });
  } catch (error) {
    post({
      type: 'failed',
      error:
        error instanceof LoupeError
          ? error.toJSON()
          : { code: 'internal', message: `Could not read ${source.name}: ${messageOf(error)}.` },
    });
  }
}

export async function readSource(source: AnalysisSource): Promise<string> {
  if (source.kind === 'text') return source.text;
  if (source.kind === 'file') return source.file.text();
  const response = await fetch(source.url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
