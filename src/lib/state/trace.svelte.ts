import { trainingSet, type TracedProgram } from '../trace/dataset';
import { TRACE_EXAMPLES } from '../trace/examples';
import { parsePrograms, type ProgramLineError } from '../trace/programs';
import { TraceClient } from '../trace/client';
import { stepsFromEvents, type StepView } from '../trace/steps';
import { DEFAULT_TRACE_LIMITS, type TraceRequest } from '../trace/types';
import type { TraceOutcome } from '../trace/worker-api';

export type BatchFilter =
  'all' | 'matched' | 'traced' | 'mismatched' | 'raised' | 'truncated' | 'timeout' | 'invalid';

export interface BatchRow {
  request: TraceRequest;
  row: TracedProgram;
  outcome: TraceOutcome;
}

/** The Trace view's state: one program stepped through, and batches turned into datasets. */
export class TraceStore {
  code = $state(TRACE_EXAMPLES[0]?.code ?? '');
  call = $state(TRACE_EXAMPLES[0]?.call ?? '');
  expected = $state(TRACE_EXAMPLES[0]?.expected ?? '');
  maxEvents = $state(DEFAULT_TRACE_LIMITS.maxEvents);
  outcome = $state.raw<TraceOutcome | null>(null);
  traced = $state.raw<TraceRequest | null>(null);
  steps = $state.raw<StepView[]>([]);
  step = $state(0);
  running = $state(false);
  error = $state<string | null>(null);

  batchName = $state('');
  batchPrograms = $state.raw<TraceRequest[]>([]);
  batchErrors = $state.raw<ProgramLineError[]>([]);
  batchRows = $state.raw<BatchRow[]>([]);
  batchRunning = $state(false);
  batchNote = $state<string | null>(null);
  filter = $state<BatchFilter>('all');
  #batchAbort: AbortController | null = null;
  #client: TraceClient | null = null;

  get client(): TraceClient {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never reactive
    this.#client ??= new TraceClient(new URL('pyodide/', document.baseURI).href);
    return this.#client;
  }

  async run(): Promise<void> {
    const request: TraceRequest = { id: 'program', code: this.code, call: this.call.trim() };
    if (this.expected.trim()) request.expected = this.expected.trim();
    if (!request.call) {
      this.error = 'Write the call to trace, for example  f(1, 2).';
      return;
    }
    this.running = true;
    this.error = null;
    try {
      this.show(request, await this.client.trace(request, { maxEvents: this.maxEvents }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.running = false;
    }
  }

  show(request: TraceRequest, outcome: TraceOutcome): void {
    this.traced = request;
    this.code = request.code;
    this.call = request.call;
    this.expected = request.expected ?? '';
    this.outcome = outcome;
    this.steps = stepsFromEvents(outcome.result.events);
    this.step = 0;
  }

  loadBatch(name: string, text: string): void {
    const { programs, errors } = parsePrograms(text);
    this.batchName = name;
    this.batchPrograms = programs;
    this.batchErrors = errors;
    this.batchRows = [];
    this.batchNote = programs.length === 0 ? `No programs found in ${name}.` : null;
  }

  async runBatch(): Promise<void> {
    const controller = new AbortController();
    this.#batchAbort = controller;
    this.batchRunning = true;
    this.batchRows = [];
    this.batchNote = null;
    const rows: BatchRow[] = [];
    let lastPaint = 0;
    try {
      for (const request of this.batchPrograms) {
        const outcome = await this.client.trace(
          request,
          { maxEvents: this.maxEvents },
          controller.signal,
        );
        rows.push({ request, row: outcome.row, outcome });
        // Repaint at most every 100 ms: the list is replaced whole, so fewer copies keep it smooth.
        if (performance.now() - lastPaint > 100) {
          this.batchRows = rows.slice();
          lastPaint = performance.now();
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.batchNote = (error as Error).message;
      else
        this.batchNote = `Cancelled after ${rows.length} of ${this.batchPrograms.length} programs.`;
    } finally {
      this.batchRows = rows.slice();
      this.batchRunning = false;
      this.#batchAbort = null;
    }
  }

  cancelBatch(): void {
    this.#batchAbort?.abort();
  }

  /** The chat-format training set: rows whose reasoning can teach, and what was left out. */
  trainingSet(): ReturnType<typeof trainingSet> {
    return trainingSet(this.batchRows);
  }

  rawTraces(): string {
    return this.batchRows.map(({ row }) => `${JSON.stringify(row)}\n`).join('');
  }
}

export function rowCategory(row: TracedProgram): Exclude<BatchFilter, 'all'> {
  if (row.status !== 'ok') return row.status;
  if (row.match === null) return 'traced';
  return row.match ? 'matched' : 'mismatched';
}

export const trace = new TraceStore();
