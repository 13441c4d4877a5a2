import { MARKERS } from '../transcript/format';
import type { Unit } from './segment';

// The layout around sentences: think tags skipped between units, and the blocks that open a line
// (markdown fences, ReTool's `<code>` and `<interpreter>`), each one unit.

const SKIPPED_TAGS = [MARKERS.thinkOpen, MARKERS.thinkClose, MARKERS.answerOpen];
const BLOCKS: { open: string; close: string; kind: Unit['kind'] }[] = [
  { open: MARKERS.codeOpen, close: MARKERS.codeClose, kind: 'code' },
  { open: MARKERS.interpreterOpen, close: MARKERS.interpreterClose, kind: 'output' },
];

/** Whitespace and the think tags between units. */
export function skipGaps(text: string, from: number, final: boolean): number | null {
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

export function blockAt(
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
  if (rest.startsWith(MARKERS.fence)) {
    const lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) return final ? closed(pos, text.length, 'code') : 'wait';
    const language = text
      .slice(pos + MARKERS.fence.length, lineEnd)
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
  if (!final && MARKERS.fence.startsWith(rest)) return 'wait';
  return null;
}

export function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1] as string)) e -= 1;
  return e;
}

export function closed(
  start: number,
  end: number,
  kind: Unit['kind'],
): { unit: Unit; next: number } {
  return { unit: { start, end, kind }, next: end };
}
