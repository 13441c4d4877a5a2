import type MarkdownItClass from 'markdown-it';

type MarkdownIt = InstanceType<typeof MarkdownItClass>;
type Token = ReturnType<MarkdownIt['parseInline']>[number];
import { escapeHtml } from './escape';

/**
 * Crucial-token marks travel through rendering as two private-use characters, which model text
 * can never supply: every private-use character it contains is replaced first.
 */
export const OPEN = '\uE000';
export const CLOSE = '\uE001';
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const SENTINELS = /[\uE000\uE001]/g;

/** Private-use characters in model text, made inert (same length, so offsets stay right). */
export function neutralise(text: string): string {
  return text.replace(PRIVATE_USE, '\uFFFD');
}

/** `body` (starting at `start` in the transcript) with the crucial ranges bracketed. */
export function withMarks(
  body: string,
  start: number,
  crucial: readonly { start: number; end: number }[],
): string {
  const safe = neutralise(body);
  let out = '';
  let at = 0;
  for (const token of crucial) {
    const from = Math.max(at, token.start - start);
    const to = Math.min(safe.length, token.end - start);
    if (to <= from) continue;
    out += safe.slice(at, from) + OPEN + safe.slice(from, to) + CLOSE;
    at = to;
  }
  return out + safe.slice(at);
}

export function stripMarks(text: string): string {
  return text.replace(SENTINELS, '');
}

/**
 * A markdown-it core rule: the brackets in text become <mark> tokens; everywhere else (math, code
 * spans, attributes) they are removed, so a mark is never inside a formula or an attribute.
 */
export function crucialMarks(md: MarkdownIt): void {
  md.core.ruler.push('crucial_marks', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.children) {
        token.content = stripMarks(token.content);
        continue;
      }
      let open = false;
      const children: Token[] = [];
      for (const child of token.children) {
        if (child.type !== 'text' || !SENTINELS.test(child.content)) {
          SENTINELS.lastIndex = 0;
          child.content = stripMarks(child.content);
          children.push(child);
          continue;
        }
        SENTINELS.lastIndex = 0;
        for (const piece of child.content.split(/([\uE000\uE001])/)) {
          if (piece === OPEN) open = true;
          else if (piece === CLOSE) open = false;
          else if (piece) {
            if (open) children.push(new state.Token('crucial_open', 'mark', 1));
            const text = new state.Token('text', '', 0);
            text.content = piece;
            children.push(text);
            if (open) children.push(new state.Token('crucial_close', 'mark', -1));
          }
        }
      }
      token.children = children;
    }
  });
  md.renderer.rules.crucial_open = () => '<mark class="crucial">';
  md.renderer.rules.crucial_close = () => '</mark>';
}

/** Escapes a highlighted segment of code, turning the brackets into marks within the segment. */
export function markedSegment(text: string, state: { open: boolean }): string {
  let html = '';
  for (const piece of text.split(/([\uE000\uE001])/)) {
    if (piece === OPEN) state.open = true;
    else if (piece === CLOSE) state.open = false;
    else if (piece)
      html += state.open ? `<mark class="crucial">${escapeHtml(piece)}</mark>` : escapeHtml(piece);
  }
  return html;
}
