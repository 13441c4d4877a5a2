import { experiments } from '../state/experiment.svelte';
import { trace } from '../state/trace.svelte';
import { drafts } from './drafts';
import { libraryStore, restoredTraces } from './store.svelte';

const TRACE_FIELDS = ['code', 'call', 'expected'] as const;

/**
 * Keeps the Trace view's work without the view having to ask: its program, call and expected
 * value as drafts (restored at start-up), and each finished trace and batch report in the
 * Library; and moves experiments an earlier Loupe kept in its own database into the Library.
 * (The Python editor's draft is kept by its own store; runs by the Playground's.)
 */
export function keepWork(): () => void {
  void experiments.moveLegacy();
  for (const field of TRACE_FIELDS) {
    const kept = drafts.get(`trace.${field}`);
    if (kept !== undefined) trace[field] = kept;
  }
  return $effect.root(() => {
    $effect(() => {
      for (const field of TRACE_FIELDS) drafts.set(`trace.${field}`, trace[field]);
    });
    $effect(() => {
      const { outcome, traced } = trace;
      if (!outcome || !traced || restoredTraces.has(outcome)) return;
      restoredTraces.add(outcome);
      const status = outcome.row.status;
      void libraryStore.keep({
        kind: 'trace',
        title: traced.call,
        summary: `${status}${outcome.row.answer !== undefined && outcome.row.answer !== null ? ` · returned ${String(outcome.row.answer).slice(0, 60)}` : ''}`,
        searchText: traced.code,
        data: { request: traced, outcome },
      });
    });
    $effect(() => {
      const { batchRows: rows, batchRunning, batchName, batchNote } = trace;
      if (batchRunning || rows.length === 0 || restoredTraces.has(rows)) return;
      restoredTraces.add(rows);
      const matched = rows.filter((r) => r.row.match === true).length;
      void libraryStore.keep({
        kind: 'batch',
        title: batchName || 'Batch',
        summary: `${rows.length} programs · ${matched} answers match${batchNote ? ` · ${batchNote}` : ''}`,
        searchText: batchName,
        data: { name: batchName, rows, note: batchNote },
      });
    });
  });
}
