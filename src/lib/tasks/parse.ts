/** Lenient parsing of answers: spaces, quotes, brackets and `90.0` for 90 are all accepted. */

/** Removes LaTeX text wrappers and surrounding quotes or brackets. */
export function unwrap(text: string): string {
  let s = text
    .trim()
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .trim();
  for (;;) {
    const next = s.replace(
      /^(["'`]|\[|\()([\s\S]*)(\1|\]|\))$/,
      (m, open: string, body: string, close: string) => (pairs(open, close) ? body.trim() : m),
    );
    if (next === s) return s;
    s = next;
  }
}

function pairs(open: string, close: string): boolean {
  return (
    (open === '[' && close === ']') ||
    (open === '(' && close === ')') ||
    (open === close && `"'\``.includes(open))
  );
}

/** Items of a flat list: brackets and quotes dropped, split at commas, semicolons or whitespace. */
export function listItems(text: string): string[] {
  return text
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .replace(/[[\]"'`{}()]/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean);
}

/** A number written as `90`, `90.0`, `-3`, `1,250` or `7/2`; null otherwise. */
export function parseNumber(text: string): number | null {
  const s = unwrap(text)
    .replace(/\s+/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
  const frac = /^(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(s);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  const latex = /^(-?)\\[dt]?frac\{(-?\d+(?:\.\d+)?)\}\{(-?\d+(?:\.\d+)?)\}$/.exec(s);
  if (latex) return (latex[1] ? -1 : 1) * (Number(latex[2]) / Number(latex[3]));
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : null;
}

export function sameNumber(a: number, b: number, tolerance = 1e-6): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Pairs of integers written as `0 3, 1 0`, `(0,3), (1,0)` or `[[0, 3], [1, 0]]`. */
export function parsePairs(text: string): [number, number][] | null {
  const groups = [
    ...text.matchAll(/\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)|\[\s*(-?\d+)\s*,\s*(-?\d+)\s*\]/g),
  ];
  if (groups.length > 0) {
    const rest = text.replace(/\(\s*-?\d+\s*,\s*-?\d+\s*\)|\[\s*-?\d+\s*,\s*-?\d+\s*\]/g, '');
    if (/\d/.test(rest)) return null;
    return groups.map((g) => [Number(g[1] ?? g[3]), Number(g[2] ?? g[4])]);
  }
  const items = unwrap(text)
    .split(/[,;\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  const pairs: [number, number][] = [];
  for (const item of items) {
    const m = /^\(?\s*(-?\d+)\s+(-?\d+)\s*\)?$/.exec(item);
    if (!m) return null;
    pairs.push([Number(m[1]), Number(m[2])]);
  }
  return pairs;
}

/** Rows of a grid, one per line (or per `[...]` group), cells split at commas or spaces. */
export function parseRows(text: string): string[][] {
  const inner = text.trim();
  const groups = [...inner.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string);
  const rows = groups.length > 1 ? groups : unwrap(inner).split(/\n+/);
  return rows.map((row) => listItems(row)).filter((row) => row.length > 0);
}
