/**
 * JSON read with its numbers kept as written. JavaScript's numbers lose digits past 2^53 and the
 * difference between 1 and 1.0, which Python (and so an expected output) keeps; each number is
 * read as a JsonNumber holding its text instead.
 */
export class JsonNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  valueOf(): number {
    return Number(this.text);
  }
}

const MARK = '\u0000loupe-number';
const TOKENS = /"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** JSON.parse, with every number a JsonNumber; errors are JSON.parse's own. */
export function parseJsonKeepingNumbers(text: string): unknown {
  // A text that could hold the mark itself is read the plain way (its numbers as JS numbers).
  if (text.includes('\\u0000') || text.includes(MARK)) return JSON.parse(text);
  const marked = text.replace(TOKENS, (token) =>
    token.startsWith('"') ? token : `{${JSON.stringify(MARK)}:"${token}"}`,
  );
  let value: unknown;
  try {
    value = JSON.parse(marked, (_key, item: unknown) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
      const keys = Object.keys(item);
      const number = (item as Record<string, unknown>)[MARK];
      return keys.length === 1 && typeof number === 'string' ? new JsonNumber(number) : item;
    });
  } catch {
    return JSON.parse(text); // the same text's own error message
  }
  return value;
}
