/**
 * A small arithmetic parser for answers such as `(10 - 4) * (2 + 2)`: exact rational arithmetic,
 * + - * / and parentheses only, no unary minus, never `eval`. It also reports the numbers used,
 * in order, so a verifier can check that each given number is used exactly once.
 */
export interface Rational {
  n: bigint;
  d: bigint;
}

export type Evaluation =
  { ok: true; value: Rational; numbers: number[] } | { ok: false; error: string };

type Token = { kind: 'num'; value: number; text: string } | { kind: 'op'; value: string };

export function tokenize(text: string): Token[] | string {
  const source = text
    .replace(/\\times|×|·|∗/g, '*')
    .replace(/\\div|÷|:/g, '/')
    .replace(/−|–/g, '-')
    .replace(/\\left|\\right/g, '')
    .replace(/[[{]/g, '(')
    .replace(/[\]}]/g, ')');
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const number = /^\d+(?:\.\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'num', value: Number(number[0]), text: number[0] });
      i += number[0].length;
      continue;
    }
    if ('+-*/()'.includes(ch)) {
      tokens.push({ kind: 'op', value: ch });
      i += 1;
      continue;
    }
    if (ch === 'x' || ch === 'X') {
      tokens.push({ kind: 'op', value: '*' });
      i += 1;
      continue;
    }
    return `unexpected "${ch}" in the expression`;
  }
  return tokens;
}

export function evaluate(text: string): Evaluation {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return { ok: false, error: tokens };
  if (tokens.length === 0) return { ok: false, error: 'the expression is empty' };
  return evaluateTokens(tokens);
}

export function evaluateTokens(tokens: Token[]): Evaluation {
  let at = 0;
  const numbers: number[] = [];
  const fail = (error: string): never => {
    throw new ParseFailure(error);
  };
  const peek = () => tokens[at];
  const expression = (): Rational => {
    let left = term();
    while (peek()?.kind === 'op' && (peek()?.value === '+' || peek()?.value === '-')) {
      const op = tokens[at++]?.value;
      const right = term();
      left = op === '+' ? add(left, right) : add(left, negate(right));
    }
    return left;
  };
  const term = (): Rational => {
    let left = factor();
    while (peek()?.kind === 'op' && (peek()?.value === '*' || peek()?.value === '/')) {
      const op = tokens[at++]?.value;
      const right = factor();
      if (op === '/' && right.n === 0n) fail('division by zero');
      left = op === '*' ? multiply(left, right) : multiply(left, { n: right.d, d: right.n });
    }
    return left;
  };
  const factor = (): Rational => {
    const token = tokens[at++];
    if (token === undefined) return fail('the expression ends too early');
    if (token.kind === 'num') {
      numbers.push(token.value);
      return fromDecimal(token.text);
    }
    if (token.value === '(') {
      const inner = expression();
      if (peek()?.value !== ')') fail('a "(" is not closed');
      at += 1;
      return inner;
    }
    if (token.value === '-' || token.value === '+')
      return fail('a sign before a number (unary minus) is not an allowed operation');
    return fail(`"${token.value}" where a number was expected`);
  };
  try {
    const value = expression();
    if (at < tokens.length) {
      const token = tokens[at] as Token;
      return {
        ok: false,
        error:
          token.kind === 'op' && token.value === ')'
            ? 'a ")" has no matching "("'
            : `unexpected "${token.kind === 'num' ? token.text : token.value}" after a complete expression`,
      };
    }
    return { ok: true, value, numbers };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.message };
    throw error;
  }
}

class ParseFailure extends Error {}

function fromDecimal(text: string): Rational {
  const [whole, fraction = ''] = text.split('.');
  const d = 10n ** BigInt(fraction.length);
  return normalise({ n: BigInt(`${whole}${fraction}`), d });
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

function normalise(r: Rational): Rational {
  const sign = r.d < 0n ? -1n : 1n;
  const g = gcd(r.n, r.d);
  return { n: (sign * r.n) / g, d: (sign * r.d) / g };
}

const add = (a: Rational, b: Rational) => normalise({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const multiply = (a: Rational, b: Rational) => normalise({ n: a.n * b.n, d: a.d * b.d });
const negate = (a: Rational) => ({ n: -a.n, d: a.d });

export function equalsInteger(r: Rational, k: number): boolean {
  return r.d === 1n && r.n === BigInt(k);
}

export function formatRational(r: Rational): string {
  return r.d === 1n ? String(r.n) : `${r.n}/${r.d}`;
}
