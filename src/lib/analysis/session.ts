import type { ImportError } from '../transcript/types';
import type { AnalysedTranscript } from './analyse';
import { queryRows, tableCsv, totals, type TableQuery, type TableRow, type Totals } from './table';

/** A table row with the transcript's place in the file, to open it by. */
export interface IndexedRow extends TableRow {
  index: number;
}

/** What the Analyse table draws: one page of rows in order, and totals over every matching row. */
export interface TableView {
  /** Transcripts in the file so far. */
  rows: number;
  /** Rows that pass the filters. */
  matching: number;
  /** The first `limit` matching rows, in order. */
  shown: IndexedRow[];
  totals: Totals;
}

/** Errors the page is sent in full; the rest are only counted. */
export const ERRORS_KEPT = 10;

export function tableRow(item: AnalysedTranscript): TableRow {
  return {
    id: item.id,
    question: item.question,
    expected: item.expected,
    answer: item.answer,
    correct: item.correct,
    tokens: item.stats.tokens,
    units: item.stats.units,
    crucial: item.tags.crucial.length,
    counts: item.stats.counts,
  };
}

/**
 * One analysed file, held where it was tagged (the analysis worker), so the page holds only the
 * rows it draws and the transcript it shows: 100,000 tagged transcripts are never cloned to the
 * page, sorted there, or collected there. Pure: runs the same in the worker and in tests.
 */
export class AnalysisSession {
  readonly items: AnalysedTranscript[] = [];
  readonly rows: TableRow[] = [];
  /** The first lines that could not be read; `skipped` counts them all. */
  readonly errors: ImportError[] = [];
  skipped = 0;
  /** The last query's order, reused while neither the query nor the rows change (paging). */
  #order: { key: string; count: number; order: number[] } | null = null;

  add(item: AnalysedTranscript): void {
    this.items.push(item);
    this.rows.push(tableRow(item));
  }

  skip(error: ImportError): void {
    if (this.errors.length < ERRORS_KEPT) this.errors.push(error);
    this.skipped += 1;
  }

  view(query: TableQuery, limit: number): TableView {
    const order = this.#orderOf(query);
    const matching = order.map((i) => this.rows[i]!);
    return {
      rows: this.rows.length,
      matching: order.length,
      shown: order.slice(0, limit).map((index) => ({ ...this.rows[index]!, index })),
      totals: totals(matching),
    };
  }

  /** Every matching row, in the table's order, as CSV. */
  csv(query: TableQuery): string {
    return tableCsv(this.#orderOf(query).map((i) => this.rows[i]!));
  }

  transcript(index: number): AnalysedTranscript | null {
    return this.items[index] ?? null;
  }

  #orderOf(query: TableQuery): number[] {
    const key = JSON.stringify(query);
    const cached = this.#order;
    if (cached && cached.key === key && cached.count === this.rows.length) return cached.order;
    const order = queryRows(this.rows, query);
    this.#order = { key, count: this.rows.length, order };
    return order;
  }
}
