import type { TranscriptRow } from '../compare/row';
import { packRows, unpackRows } from '../compare/packed';
import type { NewRecord } from './records';

/** One group of a compare set as kept: its tagged rows (counts only, no text), not its files. */
export interface CompareGroupData {
  name: string;
  sources: string[];
  rows: TranscriptRow[];
  errors: { source: string; line: number; message: string }[];
  failure: string | null;
}

/** The Compare view's groups, kept so a reload (or a link) brings the same comparison back. */
export interface CompareSetData {
  groups: CompareGroupData[];
  byOutcome: boolean;
}

/** A compare set as a Library record, named after its groups unless it was renamed. */
export function compareRecord(
  id: string,
  set: CompareSetData,
  title?: string,
): NewRecord<'compare'> {
  const names = set.groups.map((g) => g.name);
  const transcripts = set.groups.reduce((sum, g) => sum + g.rows.length, 0);
  const listed = names.join(', ');
  return {
    kind: 'compare',
    id,
    title: title ?? (listed.length > 80 ? `${listed.slice(0, 79)}…` : listed || 'Empty set'),
    summary: `${names.length} group${names.length === 1 ? '' : 's'} · ${transcripts} transcript${transcripts === 1 ? '' : 's'}${set.byOutcome ? ' · split by outcome' : ''}`,
    searchText: `${names.join('\n')}\n${set.groups.flatMap((g) => g.sources).join('\n')}`,
    data: set,
  };
}

/** Reads a kept set defensively: an imported file may carry anything. */
export function isCompareSet(data: unknown): data is CompareSetData {
  if (typeof data !== 'object' || data === null) return false;
  const groups = (data as { groups?: unknown }).groups;
  return (
    Array.isArray(groups) &&
    groups.every(
      (g) =>
        typeof g === 'object' &&
        g !== null &&
        typeof (g as CompareGroupData).name === 'string' &&
        Array.isArray((g as CompareGroupData).rows),
    )
  );
}

/** A group with its rows packed (`packRows`) and their ids beside them, for a worker to keep. */
export interface PackedGroupData extends Omit<CompareGroupData, 'rows'> {
  ids: string[];
  packed: Float64Array;
}

export interface PackedSetData {
  groups: PackedGroupData[];
  byOutcome: boolean;
}

/** A set as one message: numbers and ids rather than 100,000 row objects to clone on the page. */
export function packSet(set: CompareSetData): PackedSetData {
  return {
    byOutcome: set.byOutcome,
    groups: set.groups.map(({ rows, ...group }) => ({
      ...group,
      ids: rows.map((row) => row.id),
      packed: packRows(rows),
    })),
  };
}

export function unpackSet(set: PackedSetData): CompareSetData {
  return {
    byOutcome: set.byOutcome,
    groups: set.groups.map(({ ids, packed, ...group }) => ({
      ...group,
      rows: unpackRows(packed).map((row, i) => ({ ...row, id: ids[i] ?? row.id })),
    })),
  };
}
