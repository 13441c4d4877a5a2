import katex from 'katex';
import { escapeHtml } from './escape';

/** Longest TeX source handed to KaTeX, and deepest brace nesting: beyond, an error text. */
export const MAX_TEX_LENGTH = 2000;
export const MAX_TEX_NESTING = 40;
/**
 * Formulas drawn in one unit at most: beyond, each is shown as its TeX source. A sentence of
 * 10,000 `$` signs would otherwise be thousands of KaTeX trees, seconds of layout on the page.
 */
export const MAX_FORMULAS = 100;

let budget = Infinity;

/** Whether the unit being rendered may still draw a formula. */
export const formulasLeft = (): boolean => budget > 0;

/** Runs one unit's rendering with the formula budget (`renderProse` wraps itself in it). */
export function withFormulaBudget<T>(render: () => T): T {
  budget = MAX_FORMULAS;
  try {
    return render();
  } finally {
    budget = Infinity;
  }
}

const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxExpand: 200,
  maxSize: 20,
} as const;

/**
 * KaTeX for model text, which may be hostile: source too long or nested too deep never reaches
 * KaTeX (it recurses once per group, so deep nesting overflows the stack with a RangeError
 * that `throwOnError: false` does not catch), and anything it still throws becomes a short error
 * text in place of that formula. Never throws.
 */
export function renderTex(tex: string, displayMode: boolean): string {
  budget -= 1;
  const refusal = tooBig(tex);
  if (refusal) return mathError(tex, refusal);
  try {
    return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
  } catch (error) {
    return mathError(tex, error instanceof Error ? error.message : String(error));
  }
}

/** The engine markdown-it-texmath calls (it passes its own options; Loupe's are used instead). */
export const boundedKatex = {
  renderToString: (tex: string, options: { displayMode?: boolean }) =>
    renderTex(tex, options.displayMode === true),
};

function tooBig(tex: string): string | null {
  if (tex.length > MAX_TEX_LENGTH)
    return `math too long to render (${tex.length} characters; the limit is ${MAX_TEX_LENGTH})`;
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i += 1;
    else if (c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === '}') depth -= 1;
  }
  if (deepest > MAX_TEX_NESTING)
    return `math nested too deeply to render (${deepest} levels; the limit is ${MAX_TEX_NESTING})`;
  return null;
}

function mathError(tex: string, reason: string): string {
  const shown = tex.length > 80 ? `${tex.slice(0, 80)}…` : tex;
  return `<span class="math-error">${escapeHtml(shown)} <em>(${escapeHtml(reason)})</em></span>`;
}
