import { UsageError } from './usage';

/** A whole number of at least `min` from an option's value, or a UsageError naming the option. */
export function integerOption(name: string, raw: string | undefined, min = 1): number {
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`${name} needs a whole number of at least ${min} (got ${shown(raw)})`);
  }
  return value;
}

/** A positive number (fractions allowed) from an option's value. */
export function positiveOption(name: string, raw: string | undefined): number {
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${name} needs a positive number (got ${shown(raw)})`);
  }
  return value;
}

/** `--shard I/N`: this machine's part of a dataset split into N, numbered from 1. */
export function shardOption(raw: string | undefined): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(raw ?? '');
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard needs I/N with 1 <= I <= N, for example 2/8 (got ${shown(raw)})`);
  }
  return { index, count };
}

/** A comma-separated list with at least one non-empty item. */
export function listOption(name: string, raw: string | undefined): string[] {
  const items = (raw ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (items.length === 0) {
    throw new UsageError(`${name} needs a comma-separated list, for example wait,let,check`);
  }
  return items;
}

function shown(raw: string | undefined): string {
  return raw === undefined ? 'nothing' : JSON.stringify(raw);
}
