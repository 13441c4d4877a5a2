/**
 * The final answer stated in a transcript: the last `\boxed{…}`, else the last `<answer>…</answer>`,
 * else the last number. Null when there is none.
 */
export function extractAnswer(text: string): string | null {
  const boxed = lastBoxed(text);
  if (boxed !== null) return boxed.trim();
  const tagged = [...text.matchAll(/<answer>([\s\S]*?)<\/answer>/g)].at(-1)?.[1];
  if (tagged !== undefined) return (lastBoxed(tagged) ?? tagged).trim();
  const numbers = text.match(/-?\d[\d,]*(?:\.\d+)?(?:\/\d+)?/g);
  return numbers?.at(-1) ?? null;
}

function lastBoxed(text: string): string | null {
  const start = text.lastIndexOf('\\boxed{');
  if (start === -1) return null;
  let depth = 0;
  for (let i = start + 6; i < text.length; i++) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) return text.slice(start + 7, i);
  }
  return null;
}

/** Whether two answers are the same: numbers by value (decimals, fractions, simple LaTeX), else text. */
export function sameAnswer(a: string, b: string): boolean {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== null && y !== null)
    return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
  return normaliseText(a) === normaliseText(b);
}

/** The value of a numeric answer such as `1,250`, `$3.50`, `\frac{3}{4}`, `-7/2` or `45\%`; else null. */
export function numericValue(answer: string): number | null {
  let s = answer
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .replace(/\\(?:,|!|;|\s)/g, '')
    .replace(/\\?\$|\\left|\\right|\\%|%|\\dfrac|\\tfrac/g, (m) =>
      m.includes('frac') ? '\\frac' : '',
    )
    .replace(/\s+/g, '')
    .replace(/^(?:[a-z]\w*=)/i, '');
  s = s.replace(/(\d),(?=\d{3}\b)/g, '$1');
  const frac = /^(-?)\\frac\{(-?[\d.]+)\}\{(-?[\d.]+)\}$/.exec(s);
  if (frac) return (frac[1] ? -1 : 1) * (Number(frac[2]) / Number(frac[3]));
  const slash = /^(-?[\d.]+)\/(-?[\d.]+)$/.exec(s);
  if (slash) return Number(slash[1]) / Number(slash[2]);
  s = s.replace(/[a-z]+$/i, '');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : null;
}

function normaliseText(answer: string): string {
  return answer
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .replace(/[\s$*]/g, '')
    .toLowerCase();
}
