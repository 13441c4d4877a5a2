import { listItems, parseNumber, parsePairs, parseRows, sameNumber } from '../parse';
import { field, ok, plural, wrong, type FamilyVerifier } from './common';

const at = ([r, c]: [number, number]) => `(${r},${c})`;

/** Eight non-attacking queens: the listed ones plus those already on the board, none on an X. */
export const eightQueens: FamilyVerifier = (answer, reference) => {
  const board = field<string[]>(reference, 'initial_board');
  const given = parsePairs(answer);
  if (given === null) return wrong('the answer is not a list of "row column" positions');
  const queens: [number, number][] = [];
  board.forEach((row, r) =>
    [...row].forEach((cell, c) => {
      if (cell === '1') queens.push([r, c]);
    }),
  );
  for (const [r, c] of given) {
    if (r < 0 || r > 7 || c < 0 || c > 7) return wrong(`${at([r, c])} is off the 8x8 board`);
    if (board[r]?.[c] === 'X') return wrong(`${at([r, c])} is marked X`);
    if (!queens.some(([qr, qc]) => qr === r && qc === c)) queens.push([r, c]);
  }
  for (let i = 0; i < queens.length; i++)
    for (let j = i + 1; j < queens.length; j++) {
      const [a, b] = [queens[i] as [number, number], queens[j] as [number, number]];
      if (a[0] === b[0]) return wrong(`queen at row ${a[0]} twice: ${at(a)} and ${at(b)}`);
      if (a[1] === b[1]) return wrong(`queen at column ${a[1]} twice: ${at(a)} and ${at(b)}`);
      if (Math.abs(a[0] - b[0]) === Math.abs(a[1] - b[1]))
        return wrong(`queens at ${at(a)} and ${at(b)} share a diagonal`);
    }
  if (queens.length !== 8) return wrong(`${plural(queens.length, 'queen')} on the board, 8 needed`);
  return ok;
};

/** A 7x7 Latin square on a..g that keeps the given letters, with one letter on the minor diagonal. */
export const letterLogicDiagram: FamilyVerifier = (answer, reference) => {
  const grid = field<(string | null)[][]>(reference, 'grid');
  const n = grid.length;
  const rows = parseRows(answer).map((row) => row.map((cell) => cell.toLowerCase()));
  if (rows.length !== n || rows.some((row) => row.length !== n))
    return wrong(
      `expected ${n} rows of ${n} letters, got ${rows.map((r) => r.length).join('/') || 'none'}`,
    );
  const letters = 'abcdefg'.slice(0, n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const cell = rows[r]?.[c] as string;
      if (cell.length !== 1 || !letters.includes(cell))
        return wrong(`row ${r + 1}, column ${c + 1}: "${cell}" is not one of ${letters}`);
      const fixed = grid[r]?.[c];
      if (fixed && fixed !== cell)
        return wrong(
          `row ${r + 1}, column ${c + 1} must keep its given letter ${fixed}, not ${cell}`,
        );
    }
  for (let i = 0; i < n; i++) {
    const row = rows[i] as string[];
    const column = rows.map((r) => r[i] as string);
    const rowRepeat = row.find((x, k) => row.indexOf(x) !== k);
    if (rowRepeat) return wrong(`letter ${rowRepeat} twice in row ${i + 1}`);
    const colRepeat = column.find((x, k) => column.indexOf(x) !== k);
    if (colRepeat) return wrong(`letter ${colRepeat} twice in column ${i + 1}`);
  }
  const diagonal = rows.map((row, r) => row[n - 1 - r]);
  if (new Set(diagonal).size !== 1)
    return wrong(`the minor diagonal holds ${[...new Set(diagonal)].join(', ')}, not one letter`);
  return ok;
};

/** Distinct cells with distinct values, the top-right one first, each row and column within the rule. */
export const logicPuzzle: FamilyVerifier = (answer, reference) => {
  const grid = field<number[][]>(reference, 'grid');
  const count = field<number>(reference, 'count');
  const rule = field<{ type: string }>(reference, 'constraints').type;
  const picks = parsePairs(answer);
  if (picks === null) return wrong('the answer is not a list of "row column" positions');
  const n = grid.length;
  const seen = new Set<string>();
  const values = new Map<number, [number, number]>();
  for (const [r, c] of picks) {
    if (r < 0 || r >= n || c < 0 || c >= n)
      return wrong(`${at([r, c])} is outside the ${n}x${n} grid`);
    if (seen.has(`${r},${c}`)) return wrong(`${at([r, c])} is selected twice`);
    seen.add(`${r},${c}`);
    const value = grid[r]?.[c] as number;
    const earlier = values.get(value);
    if (earlier)
      return wrong(`the number ${value} is selected twice, at ${at(earlier)} and ${at([r, c])}`);
    values.set(value, [r, c]);
  }
  if (picks.length !== count)
    return wrong(`${plural(picks.length, 'number')} selected, ${count} needed`);
  if (!seen.has(`0,${n - 1}`))
    return wrong(`the first selected number must be the one at (0,${n - 1})`);
  const lines = new Map<string, number[]>();
  for (const [r, c] of picks) {
    const value = grid[r]?.[c] as number;
    lines.set(`row ${r}`, [...(lines.get(`row ${r}`) ?? []), value]);
    lines.set(`column ${c}`, [...(lines.get(`column ${c}`) ?? []), value]);
  }
  for (const [name, line] of lines) {
    if (rule === 'sum_le_4') {
      const sum = line.reduce((a, b) => a + b, 0);
      if (sum > 4) return wrong(`the selected numbers in ${name} sum to ${sum}, more than 4`);
    } else if (rule === 'product_gt_0') {
      const product = line.reduce((a, b) => a * b, 1);
      if (product <= 0)
        return wrong(`the selected numbers in ${name} multiply to ${product}, not above 0`);
    } else return wrong(`unknown rule "${rule}" in the pack`);
  }
  return ok;
};

/** The same numbers in the same order, by value; `tolerance` is absolute (averages get 0.01). */
export function sameNumbers(expected: number[], tolerance: number, digits = false): FamilyVerifier {
  return (answer) => {
    // Rows written as `00101` are read digit by digit when the answer is a grid of 0s and 1s.
    const items = listItems(answer).flatMap((item) =>
      digits && /^[01]{2,}$/.test(item) ? [...item] : [item],
    );
    const numbers = items.map(parseNumber);
    const bad = items.find((_, i) => numbers[i] === null);
    if (bad !== undefined) return wrong(`"${bad}" is not a number`);
    if (numbers.length !== expected.length)
      return wrong(`${plural(numbers.length, 'value')}, ${expected.length} expected`);
    const first = numbers.findIndex(
      (n, i) =>
        Math.abs((n as number) - (expected[i] as number)) > tolerance &&
        !sameNumber(n as number, expected[i] as number),
    );
    if (first !== -1)
      return wrong(`value ${first + 1} is ${numbers[first]}, not ${expected[first]}`);
    return ok;
  };
}

export const lightPuzzles: FamilyVerifier = (answer, reference, question) =>
  sameNumbers(field<number[]>(reference, 'solution'), 0, true)(answer, reference, question);

export const pooling: FamilyVerifier = (answer, reference, question) =>
  sameNumbers(
    field<number[][]>(reference, 'solution').flat(),
    field<string>(reference, 'pooling_type') === 'average' ? 0.01 : 0,
  )(answer, reference, question);

/** The rotated (or otherwise transformed) matrix, cell by cell, read row by row. */
export const matrixTransformation: FamilyVerifier = (answer, reference) => {
  const expected = field<string[][]>(reference, 'solution').flat().map(String);
  const cells = listItems(answer);
  if (cells.length !== expected.length)
    return wrong(`${plural(cells.length, 'cell')}, ${expected.length} expected`);
  const first = cells.findIndex((cell, i) => cell !== expected[i]);
  if (first !== -1) return wrong(`cell ${first + 1} is ${cells[first]}, not ${expected[first]}`);
  return ok;
};
