import type { Unit } from './segment';

export interface CrucialToken {
  start: number;
  end: number;
  token: string;
}

/** Whole-word, case-insensitive matcher for the configured tokens, longest first. */
export function crucialPattern(tokens: readonly string[]): RegExp {
  const words = [...tokens]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Letters, digits, underscores and hyphens join words: "wait_time" and "re-check" are not matches.
  return new RegExp(`(?<![\\w-])(?:${words.join('|')})(?![\\w-])`, 'gi');
}

/** Crucial tokens of a unit: in prose, and in the comments of code; never in outputs. */
export function findCrucial(text: string, unit: Unit, pattern: RegExp): CrucialToken[] {
  if (unit.kind === 'output') return [];
  const found: CrucialToken[] = [];
  const scan = (from: number, to: number) => {
    pattern.lastIndex = 0;
    const slice = text.slice(from, to);
    for (const match of slice.matchAll(pattern)) {
      const start = from + (match.index ?? 0);
      found.push({ start, end: start + match[0].length, token: match[0].toLowerCase() });
    }
  };
  if (unit.kind === 'text') {
    scan(unit.start, unit.end);
    return found;
  }
  let lineStart = unit.start;
  for (const line of text.slice(unit.start, unit.end).split('\n')) {
    const hash = commentStart(line);
    if (hash !== -1) scan(lineStart + hash + 1, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return found;
}

/** Index of the `#` that starts a comment, outside string literals; -1 when there is none. */
function commentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return i;
  }
  return -1;
}
