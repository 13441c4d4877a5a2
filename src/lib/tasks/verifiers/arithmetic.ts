import { equalsInteger, evaluate, formatRational } from '../expression';
import { listItems, parseNumber, sameNumber, unwrap } from '../parse';
import { field, multisetDifference, ok, wrong, type Check, type FamilyVerifier } from './common';

/** `[6, /, 2, +, 7]` or `6/2+7`, with an optional `= 24` at the end, as expression text. */
function expressionText(answer: string): string {
  let s = answer.trim().replace(/=\s*-?\d+(?:\.\d+)?\s*$/, '');
  if (/^\[[\s\S]*,[\s\S]*\]$/.test(s.trim())) {
    s = s
      .trim()
      .slice(1, -1)
      .split(',')
      .map((item) => item.trim().replace(/^["']|["']$/g, ''))
      .join(' ');
  }
  return s.replace(/["']/g, '');
}

function checkExpression(
  answer: string,
  numbers: number[],
  target: number,
  ordered: boolean,
): Check {
  const result = evaluate(expressionText(answer));
  if (!result.ok) return wrong(`not a valid expression: ${result.error}`);
  if (ordered) {
    if (result.numbers.join(',') !== numbers.join(','))
      return wrong(
        `uses the numbers ${result.numbers.join(', ')}; they must be ${numbers.join(', ')}, in that order, each once`,
      );
  } else {
    const difference = multisetDifference(result.numbers, numbers);
    if (difference)
      return wrong(`${difference} (the numbers are ${numbers.join(', ')}, each once)`);
  }
  if (!equalsInteger(result.value, target))
    return wrong(`evaluates to ${formatRational(result.value)}, not ${target}`);
  return ok;
}

export const game24: FamilyVerifier = (answer, reference) =>
  checkExpression(
    answer,
    field<number[]>(reference, 'numbers'),
    field<number>(reference, 'target'),
    false,
  );

export const combinatorialCalculation: FamilyVerifier = (answer, reference) =>
  checkExpression(
    answer,
    field<number[]>(reference, 'numbers'),
    field<number>(reference, 'target'),
    true,
  );

/** One number, compared by value (`90.0` is 90). */
export const numeric: FamilyVerifier = (answer, reference) => {
  const expected = Number(field<number>(reference, 'solution'));
  const items = listItems(answer);
  const value =
    parseNumber(answer) ?? (items.length === 1 ? parseNumber(items[0] as string) : null);
  if (value === null) return wrong(`"${unwrap(answer)}" is not a number`);
  return sameNumber(value, expected, 1e-4) ? ok : wrong(`${value} is not the value (${expected})`);
};

interface EquationsReference {
  letters: string[];
  values: number[];
  equations: string[];
  solution: number[];
}

/** Letters to values: a permutation of the given values that satisfies every (in)equation. */
export const logicalEquation: FamilyVerifier = (answer, reference) => {
  const { letters, values, equations } = reference as EquationsReference;
  const numbers = listItems(answer).map(parseNumber);
  if (numbers.some((n) => n === null)) return wrong('the answer is not a list of numbers');
  if (numbers.length !== letters.length)
    return wrong(`${numbers.length} values for ${letters.length} letters`);
  const difference = multisetDifference(numbers as number[], values);
  if (difference) return wrong(`${difference} (each of ${values.join(', ')} once)`);
  const of = new Map(letters.map((letter, i) => [letter, numbers[i] as number]));
  for (const [index, equation] of equations.entries()) {
    const holds = holdsEquation(equation, of);
    if (holds === null) continue;
    if (!holds) {
      const used = [...new Set(equation.match(/[A-Z]/g) ?? [])].map((l) => `${l} = ${of.get(l)}`);
      return wrong(`condition ${index + 1} (${equation}) fails with ${used.join(', ')}`);
    }
  }
  return ok;
};

/** Whether `A + B = 5`, `A - B = 5`, `A = 3.0B` or `A > B` holds; null when it is none of those. */
export function holdsEquation(equation: string, of: Map<string, number>): boolean | null {
  const v = (letter: string | undefined) => of.get(letter ?? '') ?? NaN;
  let m = /^([A-Z])\s*([+-])\s*([A-Z])\s*=\s*(-?[\d.]+)$/.exec(equation.trim());
  if (m) return sameNumber(m[2] === '+' ? v(m[1]) + v(m[3]) : v(m[1]) - v(m[3]), Number(m[4]));
  m = /^([A-Z])\s*=\s*(-?[\d.]+)\s*\*?\s*([A-Z])$/.exec(equation.trim());
  if (m) return sameNumber(v(m[1]), Number(m[2]) * v(m[3]));
  m = /^([A-Z])\s*([<>])\s*([A-Z])$/.exec(equation.trim());
  if (m) return m[2] === '>' ? v(m[1]) > v(m[3]) : v(m[1]) < v(m[3]);
  return null;
}
