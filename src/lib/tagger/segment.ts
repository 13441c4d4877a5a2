/** A piece of a transcript: a sentence of prose, a code block, or an interpreter output. */
export interface Unit {
  start: number;
  end: number;
  kind: 'text' | 'code' | 'output';
}

const ABBREVIATIONS =
  /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|Mr|Mrs|Ms|Dr|Prof|St|Fig|Eq|No|resp|al)\.$/i;
const SKIPPED_TAGS = ['<think>', '</think>'];
const BLOCKS: { open: string; close: string; kind: Unit['kind'] }[] = [
  { open: '<code>', close: '</code>', kind: 'code' },
  { open: '<interpreter>', close: '</interpreter>', kind: 'output' },
];

/**
 * Cuts a transcript into units, incrementally: `next` returns the next unit that starts at or
 * after `from` and whose end can no longer change, or null when more text is needed (unless
 * `final`). Used on a growing text, it gives the same units as on the whole text.
 */
export function nextUnit(
  text: string,
  from: number,
  final: boolean,
): { unit: Unit; next: number } | null {
  const pos = skipGaps(text, from, final);
  if (pos === null || pos >= text.length) return null;
  const atLineStart = pos === 0 || text[pos - 1] === '\n';
  if (atLineStart) {
    const block = blockAt(text, pos, final);
    if (block === 'wait') return null;
    if (block) return block;
  }
  return sentenceAt(text, pos, final);
}

/** Whitespace and the think tags between units. */
function skipGaps(text: string, from: number, final: boolean): number | null {
  let pos = from;
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos += 1;
    const rest = text.slice(pos, pos + 8);
    const tag = SKIPPED_TAGS.find((t) => rest.startsWith(t));
    if (tag) {
      pos += tag.length;
      continue;
    }
    if (
      !final &&
      rest.length < 8 &&
      SKIPPED_TAGS.some((t) => t.startsWith(rest) && rest.length > 0 && rest[0] === '<')
    ) {
      return null;
    }
    return pos;
  }
}

function blockAt(
  text: string,
  pos: number,
  final: boolean,
): { unit: Unit; next: number } | 'wait' | null {
  const rest = text.slice(pos, pos + 16);
  for (const block of BLOCKS) {
    if (rest.startsWith(block.open)) {
      const close = text.indexOf(block.close, pos + block.open.length);
      if (close === -1) return final ? closed(pos, text.length, block.kind) : 'wait';
      return closed(pos, close + block.close.length, block.kind);
    }
    if (!final && block.open.startsWith(rest)) return 'wait';
  }
  if (rest.startsWith('```')) {
    const lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) return final ? closed(pos, text.length, 'code') : 'wait';
    const language = text
      .slice(pos + 3, lineEnd)
      .trim()
      .toLowerCase();
    const kind = language === 'output' ? 'output' : 'code';
    const fence = /^[ \t]*```[ \t]*$/gm;
    fence.lastIndex = lineEnd + 1;
    const match = fence.exec(text);
    if (!match) return final ? closed(pos, trimEnd(text, text.length), kind) : 'wait';
    const end = match.index + match[0].length;
    // The closing line must be complete: more backticks could still arrive on it.
    if (!final && end === text.length) return 'wait';
    return closed(pos, end, kind);
  }
  if (!final && '```'.startsWith(rest)) return 'wait';
  return null;
}

function sentenceAt(
  text: string,
  pos: number,
  final: boolean,
): { unit: Unit; next: number } | null {
  let inCode = false;
  for (let i = pos; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') return closed(pos, trimEnd(text, i), 'text');
    if (ch === '\\' && !inCode) {
      i += 1;
      continue;
    }
    if (ch === '`') {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    if (ch === '$') {
      const close = mathEnd(text, i);
      if (close === 'wait' && !final) return null;
      if (typeof close === 'number') i = close;
      continue;
    }
    if (!'.!?'.includes(ch)) continue;
    let end = i + 1;
    while (end < text.length && '.!?)"\'”’*'.includes(text[end] as string)) end += 1;
    if (end >= text.length) return final ? closed(pos, trimEnd(text, text.length), 'text') : null;
    if (!/\s/.test(text[end] as string)) continue;
    if (ch === '.' && isAbbreviationOrListMarker(text, pos, i)) continue;
    let after = end;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after += 1;
    if (after >= text.length && !final) return null;
    // A new sentence starts with a capital, a digit, math, code, a quote or a bracket; anything
    // else ("5! = 120", "e.g. the") means the mark was not the end of one.
    const following = text[after] ?? '';
    if (following && !/[A-Z0-9$`"'(*<[\n\\]/.test(following)) continue;
    return closed(pos, end, 'text');
  }
  return final ? closed(pos, trimEnd(text, text.length), 'text') : null;
}

/**
 * Where inline math opened by the `$` at `open` closes (the index of its last `$`), null when
 * that `$` is a dollar sign, or 'wait' when the rest of the line has not arrived. As in Pandoc,
 * math opens with a non-space after `$` and closes with a non-space before `$`, not followed by
 * a digit.
 */
function mathEnd(text: string, open: number): number | null | 'wait' {
  const double = text[open + 1] === '$';
  const first = open + (double ? 2 : 1);
  const end = lineEnd(text, open);
  if (first >= text.length) return 'wait';
  if (!double && /\s/.test(text[first] as string)) return null;
  for (let j = first; j < end; j++) {
    const ch = text[j];
    if (ch === '\\') {
      j += 1;
      continue;
    }
    if (ch !== '$') continue;
    if (double) {
      if (text[j + 1] === '$') return j + 1;
      continue;
    }
    if (/\s/.test(text[j - 1] as string)) continue;
    if (j + 1 >= text.length) return 'wait';
    if (/\d/.test(text[j + 1] as string)) continue;
    return j;
  }
  return end >= text.length ? 'wait' : null;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

function isAbbreviationOrListMarker(text: string, start: number, dot: number): boolean {
  const before = text.slice(Math.max(start, dot - 12), dot + 1);
  if (ABBREVIATIONS.test(before)) return true;
  // "1." or "a." opening a list item.
  return /^\s*(\d+|[a-z])\.$/i.test(text.slice(start, dot + 1));
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1] as string)) e -= 1;
  return e;
}

function closed(start: number, end: number, kind: Unit['kind']): { unit: Unit; next: number } {
  return { unit: { start, end, kind }, next: end };
}

/** All units of a finished text. */
export function segment(text: string): Unit[] {
  const units: Unit[] = [];
  let pos = 0;
  for (;;) {
    const found = nextUnit(text, pos, true);
    if (!found) return units;
    if (found.unit.end > found.unit.start) units.push(found.unit);
    pos = Math.max(found.next, pos + 1);
  }
}
