import { BEHAVIOURS, type Behaviour } from '../tagger/labels';

/** One transcript as a row of the Analyse table and its CSV. */
export interface TableRow {
  id: string;
  question: string | null;
  expected: string | null;
  answer: string | null;
  correct: boolean | null;
  /** Estimated tokens (words and symbols; no model tokenizer is involved in a recording). */
  tokens: number;
  units: number;
  crucial: number;
  counts: Record<Behaviour, number>;
}

export type SortKey = 'id' | 'tokens' | 'units' | 'crucial' | 'correct' | Behaviour;
export type CorrectFilter = 'all' | 'correct' | 'wrong' | 'unknown';

export interface TableQuery {
  text: string;
  correct: CorrectFilter;
  /** Only rows with at least one unit of this behaviour. */
  behaviour: Behaviour | 'any';
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_QUERY: TableQuery = {
  text: '',
  correct: 'all',
  behaviour: 'any',
  sort: 'id',
  descending: false,
};

/** Indices of the rows that pass the filters, in the chosen order (stable). */
export function queryRows(rows: readonly TableRow[], query: TableQuery): number[] {
  const needle = query.text.trim().toLowerCase();
  const kept = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => {
      if (needle && !`${row.id}\n${row.question ?? ''}`.toLowerCase().includes(needle))
        return false;
      if (query.correct === 'correct' && row.correct !== true) return false;
      if (query.correct === 'wrong' && row.correct !== false) return false;
      if (query.correct === 'unknown' && row.correct !== null) return false;
      return query.behaviour === 'any' || row.counts[query.behaviour] > 0;
    });
  const sign = query.descending ? -1 : 1;
  kept.sort((a, b) => sign * compare(a.row, b.row, query.sort) || a.index - b.index);
  return kept.map(({ index }) => index);
}

/** One collator for every comparison: `localeCompare` with options builds one per call. */
const ids = new Intl.Collator(undefined, { numeric: true });

function compare(a: TableRow, b: TableRow, key: SortKey): number {
  if (key === 'id') return ids.compare(a.id, b.id);
  if (key === 'correct') return rank(a.correct) - rank(b.correct);
  if (key === 'tokens' || key === 'units' || key === 'crucial') return a[key] - b[key];
  return a.counts[key] - b.counts[key];
}

const rank = (correct: boolean | null) => (correct === null ? 0 : correct ? 2 : 1);

export interface Totals {
  rows: number;
  tokens: number;
  units: number;
  crucial: number;
  counts: Record<Behaviour, number>;
  correct: number;
  /** Rows with an expected answer to compare with. */
  judged: number;
}

export function totals(rows: readonly TableRow[]): Totals {
  const counts = Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as Record<Behaviour, number>;
  const out: Totals = {
    rows: rows.length,
    tokens: 0,
    units: 0,
    crucial: 0,
    counts,
    correct: 0,
    judged: 0,
  };
  for (const row of rows) {
    out.tokens += row.tokens;
    out.units += row.units;
    out.crucial += row.crucial;
    for (const b of BEHAVIOURS) counts[b] += row.counts[b];
    if (row.correct !== null) out.judged += 1;
    if (row.correct === true) out.correct += 1;
  }
  return out;
}

/** The table as CSV, one line per transcript, for a spreadsheet. */
export function tableCsv(rows: readonly TableRow[]): string {
  const header = [
    'id',
    'question',
    'expected_answer',
    'predicted_answer',
    'correct',
    'tokens_estimated',
    'units',
    'crucial_tokens',
    ...BEHAVIOURS.map((b) => `${b}_count`),
  ];
  const lines = rows.map((row) =>
    [
      csvField(row.id),
      csvField(row.question ?? ''),
      csvField(row.expected ?? ''),
      csvField(row.answer ?? ''),
      row.correct === null ? '' : String(row.correct),
      row.tokens,
      row.units,
      row.crucial,
      ...BEHAVIOURS.map((b) => row.counts[b]),
    ].join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
