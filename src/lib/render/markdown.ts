import 'katex/dist/katex.min.css';
import MarkdownIt from 'markdown-it';
import texmath from 'markdown-it-texmath';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { parser as pythonParser } from '@lezer/python';
import { boundedKatex, formulasLeft, renderTex, withFormulaBudget } from './bounded-katex';
import { escapeHtml } from './escape';
import { crucialMarks, markedSegment, stripMarks } from './marks';

export { escapeHtml } from './escape';
export { codeOfBlock } from '../transcript/format';
export { withMarks } from './marks';

/** Longest unit rendered as Markdown; a longer one is shown as plain text. */
export const MAX_PROSE_LENGTH = 20_000;

// Model text is untrusted: raw HTML is escaped (html: false), and images and links are off, so it
// can neither run script nor make the page fetch anything. Math is a markdown-it rule, so
// `**$x$**` is bold math and `$x$` inside backticks stays code.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, maxNesting: 20 });
md.disable(['image', 'link', 'autolink']);
md.use(texmath, { engine: boundedKatex, delimiters: ['dollars', 'brackets'] });
// texmath reads \[ \] as a block only; a unit is a sentence, rendered inline, so add it inline too.
md.inline.ruler.before(
  'escape',
  'math_display_inline',
  texmath.inline({ name: 'math_display_inline', rex: /\\\[([\s\S]+?)\\\]/gy, tag: '\\[' }),
);
md.renderer.rules.math_display_inline = (tokens, idx) =>
  `<span class="math-display">${renderTex(tokens[idx]?.content ?? '', true)}</span>`;
md.use(crucialMarks);
// Past the unit's formula budget, math is its source as text, without texmath's wrappers.
for (const name of Object.keys(md.renderer.rules).filter((n) => n.startsWith('math_'))) {
  const rule = md.renderer.rules[name]!;
  md.renderer.rules[name] = (tokens, idx, ...rest) => {
    if (formulasLeft()) return rule(tokens, idx, ...rest);
    const token = tokens[idx]!;
    const fence = token.markup || '$';
    const close = fence === '\\[' ? '\\]' : fence === '\\(' ? '\\)' : fence;
    return `<span class="math-source">${escapeHtml(fence + token.content + close)}</span>`;
  };
}

/**
 * One sentence (or line) of prose as safe HTML: inline Markdown with LaTeX math by KaTeX, crucial
 * tokens (bracketed by `withMarks`) as <mark>. Never throws: whatever fails is shown as text.
 */
export function renderProse(text: string): string {
  if (text.length > MAX_PROSE_LENGTH) return escapeHtml(stripMarks(text));
  try {
    return withFormulaBudget(() => md.renderInline(text));
  } catch {
    return escapeHtml(stripMarks(text));
  }
}

/** Python source as safe HTML with token classes (coloured by the theme), marks kept. */
export function renderPython(code: string): string {
  try {
    let html = '';
    const marks = { open: false };
    highlightCode(
      code,
      pythonParser.parse(code),
      classHighlighter,
      (text, classes) => {
        const escaped = markedSegment(text, marks);
        html += classes ? `<span class="${classes}">${escaped}</span>` : escaped;
      },
      () => {
        html += '\n';
      },
    );
    return html;
  } catch {
    return escapeHtml(stripMarks(code));
  }
}
