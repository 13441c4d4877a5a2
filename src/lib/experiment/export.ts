import { BEHAVIOURS } from '../tagger/labels';
import { summarise } from './results';
import type { Experiment, RunRecord } from './types';

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per run. */
export function recordsCsv(records: readonly RunRecord[]): string {
  const header = [
    'task',
    'family',
    'category',
    'n',
    'seed',
    'status',
    'correct',
    'answer',
    'reason',
    'end',
    'completion_tokens',
    'rounds',
    'insertions',
    'duration_ms',
    'units',
    ...BEHAVIOURS,
  ];
  const rows = records.map((r) => [
    r.taskId,
    r.family,
    r.category,
    r.n,
    r.seed,
    r.status,
    r.verdict.correct,
    r.verdict.answer,
    r.verdict.reason,
    r.end,
    r.completionTokens,
    r.rounds,
    r.insertions,
    Math.round(r.durationMs),
    r.units,
    ...BEHAVIOURS.map((b) => r.counts[b]),
  ]);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

/** Everything: the experiment, each run with its transcript, and the summary. */
export function experimentJson(experiment: Experiment, records: readonly RunRecord[]): string {
  return JSON.stringify({ experiment, runs: records, summary: summarise(records) }, null, 2);
}
