import 'katex/dist/katex.min.css';
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { parser as pythonParser } from '@lezer/python';

// Model text is untrusted: raw HTML is escaped (html: false), and images and links are off, so it
// can neither run script nor make the page fetch anything.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable(['image', 'link', 'autolink']);

const MATH =
  /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$(?=\S)((?:\\\$|[^$\n])+?)(?<=\S)\$(?!\d)/g;

/** One sentence (or line) of prose as safe HTML: inline Markdown with LaTeX math by KaTeX. */
export function renderProse(text: string): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(MATH)) {
    const start = match.index ?? 0;
    html += md.renderInline(text.slice(at, start));
    const display = match[1] !== undefined || match[2] !== undefined;
    const tex = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    html += katex.renderToString(tex, {
      displayMode: display,
      throwOnError: false,
      trust: false,
      maxExpand: 200,
      strict: 'ignore',
    });
    at = start + match[0].length;
  }
  return html + md.renderInline(text.slice(at));
}

/** Python source as safe HTML with token classes (coloured by the theme). */
export function renderPython(code: string): string {
  let html = '';
  highlightCode(
    code,
    pythonParser.parse(code),
    classHighlighter,
    (text, classes) => {
      const escaped = escapeHtml(text);
      html += classes ? `<span class="${classes}">${escaped}</span>` : escaped;
    },
    () => {
      html += '\n';
    },
  );
  return html;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export { codeOfBlock } from '../transcript/format';
