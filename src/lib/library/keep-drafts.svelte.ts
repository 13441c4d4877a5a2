import { trace } from '../state/trace.svelte';
import { drafts } from './drafts';

const TRACE_FIELDS = ['code', 'call', 'expected'] as const;

/**
 * Keeps the Trace view's program, call and expected value as drafts: restored at start-up,
 * saved as they change. (The Python editor's draft is kept by its own store.)
 */
export function keepDrafts(): () => void {
  for (const field of TRACE_FIELDS) {
    const kept = drafts.get(`trace.${field}`);
    if (kept !== undefined) trace[field] = kept;
  }
  return $effect.root(() => {
    $effect(() => {
      for (const field of TRACE_FIELDS) drafts.set(`trace.${field}`, trace[field]);
    });
  });
}
