import type { CompareSetData } from './compare-sets';
import type { Experiment, RunRecord } from '../experiment/types';
import type { LoopResult, Part } from '../loop/loop';
import type { TracedProgram } from '../trace/dataset';
import type { TraceRequest } from '../trace/types';
import type { TraceOutcome } from '../trace/worker-api';

/** What the Library keeps. Compare sets and experiments open in their own views. */
export type RecordKind = 'run' | 'analysis' | 'trace' | 'batch' | 'compare' | 'experiment';

export const RECORD_KINDS: readonly RecordKind[] = [
  'run',
  'analysis',
  'trace',
  'batch',
  'compare',
  'experiment',
];

export const KIND_LABELS: Record<RecordKind, string> = {
  run: 'Run',
  analysis: 'Analysed file',
  trace: 'Trace',
  batch: 'Batch report',
  compare: 'Compare set',
  experiment: 'Experiment',
};

/** A finished or stopped run of the loop: transcript, settings, tags and verdict. */
export interface RunData {
  engine: string;
  question: string;
  expected: string | null;
  parts: Part[];
  result: LoopResult | null;
  /** The loop's settings as they were (protocol, limits, intervention, …). */
  settings: Record<string, unknown>;
  /** Behaviour counts from the tagger, when the run was tagged live. */
  counts: Record<string, number> | null;
}

/** A file of transcripts opened for analysis: kept as its text, analysed again on reopening. */
export interface AnalysisData {
  name: string;
  content: string;
}

export interface TraceData {
  request: TraceRequest;
  outcome: TraceOutcome;
}

/** One program of a batch report, as the Trace view holds it. */
export interface BatchRowData {
  request: TraceRequest;
  row: TracedProgram;
  outcome: TraceOutcome;
}

export interface BatchData {
  name: string;
  rows: BatchRowData[];
  note: string | null;
}

/** An experiment of the Experiments view with every run it finished. */
export interface ExperimentData {
  experiment: Experiment;
  runs: RunRecord[];
}

export interface RecordDataByKind {
  run: RunData;
  analysis: AnalysisData;
  trace: TraceData;
  batch: BatchData;
  compare: CompareSetData;
  experiment: ExperimentData;
}

/** What a list shows, without the (possibly large) data. */
export interface RecordMeta<K extends RecordKind = RecordKind> {
  id: string;
  kind: K;
  title: string;
  /** A line under the title: engine and verdict, file and count, … */
  summary: string;
  /** Words that search looks in besides the title (the question, the file name, …). */
  searchText: string;
  createdAt: number;
  updatedAt: number;
  /** The size of the data as JSON, in bytes: what the storage numbers and "what to delete" use. */
  bytes: number;
}

export interface LibraryRecord<K extends RecordKind = RecordKind> extends RecordMeta<K> {
  data: RecordDataByKind[K];
}

/** What a caller hands to `Library.save`: the rest is filled in. */
export interface NewRecord<K extends RecordKind = RecordKind> {
  kind: K;
  title: string;
  summary?: string;
  searchText?: string;
  data: RecordDataByKind[K];
  /** Keep this id (an import); otherwise a new one is made. */
  id?: string;
  createdAt?: number;
}

export function newId(kind: RecordKind, now: number): string {
  return `${kind}-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** True when every word of the query is in the title, summary or search text. */
export function matches(meta: RecordMeta, query: string): boolean {
  const haystack = `${meta.title}\n${meta.summary}\n${meta.searchText}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}
