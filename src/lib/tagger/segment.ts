import { blockAt, closed, skipGaps, trimEnd } from './blocks';

/** A piece of a transcript: a sentence of prose, a code block, or an interpreter output. */
export interface Unit {
  start: number;
  end: number;
  kind: 'text' | 'code' | 'output';
}

const ABBREVIATIONS =
  /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|Mr|Mrs|Ms|Dr|Prof|St|Fig|Eq|No|resp|al)\.$/i;

/**
 * What earlier scans of the same (growing) text found, so that no character is scanned again and
 * hostile inputs (thousands of `$` on one line, unclosed display math) stay linear. Valid while
 * the text only grows at its end; start a new one when it is cut.
 */
export interface ScanMemo {
  /** A newline at `lineEnd` ends the line of every position in [lineFrom, lineEnd]. */
  lineFrom: number;
  lineEnd: number;
  lineTextLength: number;
  /** Inline math scanned from `mathFrom` first closes at `mathClose` (-1: not on this line). */
  mathFrom: number;
  mathClose: number;
  mathLineEnd: number;
  /** Per display-math closer: from where it was searched, and where it was found (-1: up to `to`). */
  display: Record<string, { from: number; at: number; to: number }>;
}

export function newScanMemo(): ScanMemo {
  return {
    lineFrom: -1,
    lineEnd: -1,
    lineTextLength: -1,
    mathFrom: -1,
    mathClose: -1,
    mathLineEnd: -1,
    display: {},
  };
}

/**
 * Cuts a transcript into units, incrementally: `next` returns the next unit that starts at or
 * after `from` and whose end can no longer change, or null when more text is needed (unless
 * `final`). Used on a growing text, it gives the same units as on the whole text.
 */
export function nextUnit(
  text: string,
  from: number,
  final: boolean,
  memo: ScanMemo = newScanMemo(),
): { unit: Unit; next: number } | null {
  const pos = skipGaps(text, from, final);
  if (pos === null || pos >= text.length) return null;
  const atLineStart = pos === 0 || text[pos - 1] === '\n';
  if (atLineStart) {
    const block = blockAt(text, pos, final);
    if (block === 'wait') return null;
    if (block) return block;
    const display = displayMathAt(text, pos, final, memo);
    if (display === 'wait') return null;
    if (display) return display;
  }
  return sentenceAt(text, pos, final, memo);
}
function sentenceAt(
  text: string,
  pos: number,
  final: boolean,
  memo: ScanMemo,
): { unit: Unit; next: number } | null {
  let inCode = false;
  // End of the run of closing marks after a mark, shared by every mark of the run.
  let runEnd = -1;
  for (let i = pos; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') return lineBreak(text, pos, i, final, memo);
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
      const close = mathEnd(text, i, memo);
      if (close === 'wait' && !final) return null;
      if (typeof close === 'number') i = close;
      continue;
    }
    if (!'.!?'.includes(ch)) continue;
    if (i >= runEnd) {
      runEnd = i + 1;
      while (runEnd < text.length && '.!?)"\'”’*'.includes(text[runEnd] as string)) runEnd += 1;
    }
    const end = runEnd;
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
 * A line ends a sentence, except that a line ending in a colon takes the display math that
 * follows it ("the equation is:" then `\[ ... \]`), as the labelled sets do.
 */
function lineBreak(
  text: string,
  pos: number,
  newline: number,
  final: boolean,
  memo: ScanMemo,
): { unit: Unit; next: number } | null {
  const end = trimEnd(text, newline);
  if (text[end - 1] !== ':') return closed(pos, end, 'text');
  let next = newline;
  while (next < text.length && /\s/.test(text[next] as string)) next += 1;
  if (next + 2 > text.length) return final ? closed(pos, end, 'text') : null;
  const display = displayClose(text, next, final, memo);
  if (display === 'wait') return null;
  return closed(pos, display ?? end, 'text');
}

const DISPLAY_MATH: Record<string, string> = { '\\[': '\\]', $$: '$$' };

/** Display math (`\[ ... \]` or `$$ ... $$`, over any number of lines) opening a line. */
function displayMathAt(
  text: string,
  pos: number,
  final: boolean,
  memo: ScanMemo,
): { unit: Unit; next: number } | 'wait' | null {
  if (!final && pos + 2 > text.length) return 'wait';
  const close = displayClose(text, pos, final, memo);
  if (close === 'wait' || close === null) return close;
  // On one line, it is read as a sentence (text may follow the math).
  if (lineEnd(text, pos, memo) >= close) return null;
  return closed(pos, close, 'text');
}

/** The end of the display math opening at `pos`, null if none opens there or it never closes. */
function displayClose(
  text: string,
  pos: number,
  final: boolean,
  memo: ScanMemo,
): number | null | 'wait' {
  const closer = DISPLAY_MATH[text.slice(pos, pos + 2)];
  if (!closer) return null;
  const from = pos + 2;
  let known = memo.display[closer];
  if (!known || from < known.from || (known.at !== -1 && from > known.at)) {
    known = { from, at: -1, to: from };
    memo.display[closer] = known;
  }
  if (known.at === -1) {
    const at = text.indexOf(closer, Math.max(from, known.to - closer.length));
    if (at === -1) known.to = text.length;
    else known.at = at;
  }
  if (known.at === -1) return final ? null : 'wait';
  return known.at + closer.length;
}

/**
 * Where inline math opened by the `$` at `open` closes (the index of its last `$`), null when
 * that `$` is a dollar sign, or 'wait' when the rest of the line has not arrived. As in Pandoc,
 * math opens with a non-space after `$` and closes with a non-space before `$`, not followed by
 * a digit.
 */
function mathEnd(text: string, open: number, memo: ScanMemo): number | null | 'wait' {
  const double = text[open + 1] === '$';
  const first = open + (double ? 2 : 1);
  const end = lineEnd(text, open, memo);
  if (first >= text.length) return 'wait';
  if (!double && /\s/.test(text[first] as string)) return null;
  const unclosed = () => (end >= text.length ? 'wait' : null);
  // A single `$` inside a stretch already scanned closes where that scan closed.
  if (!double && memo.mathFrom !== -1 && first >= memo.mathFrom && end === memo.mathLineEnd) {
    if (memo.mathClose === -1) return unclosed();
    if (first <= memo.mathClose) return memo.mathClose;
  }
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
    Object.assign(memo, { mathFrom: first, mathClose: j, mathLineEnd: end });
    return j;
  }
  if (!double) Object.assign(memo, { mathFrom: first, mathClose: -1, mathLineEnd: end });
  return unclosed();
}

/** The end of the line holding `from`: a newline's index, or the text's length. */
function lineEnd(text: string, from: number, memo: ScanMemo): number {
  // Without a newline the end moves as the text grows: then only the same length may reuse it.
  const still = memo.lineEnd < memo.lineTextLength || memo.lineTextLength === text.length;
  if (still && from >= memo.lineFrom && from <= memo.lineEnd) return memo.lineEnd;
  const newline = text.indexOf('\n', from);
  memo.lineFrom = from;
  memo.lineEnd = newline === -1 ? text.length : newline;
  memo.lineTextLength = text.length;
  return memo.lineEnd;
}

function isAbbreviationOrListMarker(text: string, start: number, dot: number): boolean {
  const before = text.slice(Math.max(start, dot - 12), dot + 1);
  if (ABBREVIATIONS.test(before)) return true;
  // "1." or "a." opening a list item: only digits, or one letter, between the start and the dot.
  let k = dot - 1;
  while (k >= start && /\d/.test(text[k] as string)) k -= 1;
  if (k < start) return dot > start;
  return k === start && k === dot - 1 && /[a-z]/i.test(text[k] as string);
}

/** All units of a finished text. */
export function segment(text: string): Unit[] {
  const units: Unit[] = [];
  const memo = newScanMemo();
  let pos = 0;
  for (;;) {
    const found = nextUnit(text, pos, true, memo);
    if (!found) return units;
    if (found.unit.end > found.unit.start) units.push(found.unit);
    pos = Math.max(found.next, pos + 1);
  }
}
