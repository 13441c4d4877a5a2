import { listItems, parseNumber, unwrap } from '../parse';
import { field, ok, plural, wrong, type FamilyVerifier } from './common';

/** One string, exactly (quotes and surrounding spaces aside); the rules give a single result. */
export function sameString(key: string, caseSensitive: boolean): FamilyVerifier {
  return (answer, reference) => {
    const expected = String(field<string>(reference, key));
    const got = unwrap(answer).replace(/\s+/g, '');
    const same = caseSensitive ? got === expected : got.toLowerCase() === expected.toLowerCase();
    if (same) return ok;
    const length =
      got.length === expected.length
        ? ''
        : ` (${got.length} characters, ${expected.length} expected)`;
    return wrong(`"${got}" is not the resulting string${length}`);
  };
}

/** The nine block counts after the synthesis, in the question's order. */
export const stringSynthesis: FamilyVerifier = (answer, reference) => {
  const expected = field<number[]>(reference, 'final_counts');
  const numbers = listItems(answer.replace(/\[[ABC]\]|\{[ABC]\}|\([ABC]\)|:|=/g, ' ')).map(
    parseNumber,
  );
  if (numbers.some((n) => n === null)) return wrong('the answer is not nine counts');
  if (numbers.length !== expected.length)
    return wrong(`${plural(numbers.length, 'count')}, ${expected.length} expected`);
  const first = numbers.findIndex((n, i) => n !== expected[i]);
  const names = ['[A]', '[B]', '[C]', '{A}', '{B}', '{C}', '(A)', '(B)', '(C)'];
  if (first !== -1) return wrong(`${names[first]}: ${numbers[first]}, not ${expected[first]}`);
  return ok;
};

/** The password: two digits then two letters, in order. */
export const cryptanalysis: FamilyVerifier = (answer, reference) => {
  const expected = field<string[]>(reference, 'answer');
  let items = listItems(answer).map((x) => x.toUpperCase());
  if (items.length === 1 && (items[0] as string).length === expected.length)
    items = [...(items[0] as string)];
  if (items.length !== expected.length)
    return wrong(
      `${plural(items.length, 'symbol')}, ${expected.length} expected (two numbers, two letters)`,
    );
  const wrongAt = items.map((x, i) => (x === expected[i] ? null : i + 1)).filter((x) => x !== null);
  if (wrongAt.length)
    return wrong(
      `position${wrongAt.length > 1 ? 's' : ''} ${wrongAt.join(', ')} of the password ${wrongAt.length > 1 ? 'are' : 'is'} wrong`,
    );
  return ok;
};
