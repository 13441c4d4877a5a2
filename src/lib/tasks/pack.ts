import { boxLiftQuestion, blocksworldQuestion } from './prompts';
import { storedAnswer } from './stored';
import { verifyResponse } from './verify';
import { familyByFolder, type PackLine } from './types';

/**
 * Pack lines from SymBench files, already read (the CLI reads the folders; this stays pure).
 * Ids: `<folder>/<sample>` for sample folders, `game24/rank-<Rank>` for the CSV,
 * `BoxLift_dataset/BoxLift_<boxes>_<lifters>/BoxLift<k>` and `Blocksworld_dataset/<case>`.
 */
export class PackInputError extends Error {
  override name = 'PackInputError';
}

export function sampleLine(
  folder: string,
  sample: string,
  question: string,
  solution: unknown,
): PackLine {
  const info = familyByFolder(folder);
  if (!info) throw new PackInputError(`${folder} is not a SymBench family Loupe knows`);
  const line: PackLine = {
    id: `${folder}/${sample}`,
    family: info.family,
    category: info.category,
    question: question.trim(),
    reference: referenceFor(info.family, question, solution),
  };
  // Some stored solutions break their own instance's rules (SymBench's logic-puzzle generator
  // reuses cached checks across grids); such an instance is left out rather than scored.
  const stored = storedAnswer(line);
  const verdict = stored === null ? null : verifyResponse(line, `<<<${stored}>>>`);
  if (verdict && !verdict.correct)
    throw new PackInputError(`its stored solution breaks the stated rules (${verdict.reason})`);
  return line;
}

/** The solution file, plus what the verifier reads from the question (counts, equations). */
function referenceFor(family: string, question: string, solution: unknown): unknown {
  if (family === 'logic_puzzle') {
    const count = /select (\d+) different numbers/.exec(question)?.[1];
    if (!count) throw new PackInputError('the question does not say how many numbers to select');
    return { ...(solution as object), count: Number(count) };
  }
  if (family === 'logical_equation') {
    const letters = /There are \d+ letters ([A-Z, ]+), each/.exec(question)?.[1]?.split(/,\s*/);
    const values = /one of the numbers ([\d., ]+?)\. /
      .exec(question)?.[1]
      ?.split(/,\s*/)
      .map(Number);
    const equations = [...question.matchAll(/^\s*\d+\.\s*(.+)$/gm)].map((m) =>
      (m[1] as string).trim(),
    );
    if (!letters || !values)
      throw new PackInputError('the question does not list its letters and numbers');
    return { solution, letters, values, equations };
  }
  return solution;
}

/** `Rank,Puzzles,...` rows: four numbers to bring to 24. */
export function game24Lines(csv: string): PackLine[] {
  const rows = csv.split(/\r?\n/).filter((row) => row.trim());
  const header = rows.shift()?.split(',') ?? [];
  const rankAt = header.indexOf('Rank');
  const puzzleAt = header.indexOf('Puzzles');
  if (rankAt === -1 || puzzleAt === -1)
    throw new PackInputError('24.csv has no Rank and Puzzles columns');
  return rows.map((row, i) => {
    const cells = row.split(',');
    const numbers = (cells[puzzleAt] ?? '').trim().split(/\s+/).map(Number);
    if (numbers.length !== 4 || numbers.some((n) => !Number.isInteger(n)))
      throw new PackInputError(`24.csv line ${i + 2}: expected four whole numbers`);
    return {
      id: `game24/rank-${cells[rankAt]?.trim()}`,
      family: 'game24',
      category: 'math',
      question: `Use the numbers ${numbers.join(', ')}, each exactly once, with +, -, *, / and parentheses, to make 24. Give the expression inside <<< and >>>, for instance <<<(8 - 2) * (1 + 3)>>> for the numbers 8, 2, 1, 3.`,
      reference: { numbers, target: 24 },
    };
  });
}

/** The step limit BoxLift asks for: what a first-fit greedy plan (heaviest box first) needs. */
export function greedySteps(boxes: number[], lifters: number[]): number {
  const remaining = [...boxes].sort((a, b) => b - a);
  if (remaining.some((box) => box > lifters.reduce((a, b) => a + b, 0))) return Infinity;
  let steps = 0;
  while (remaining.length) {
    steps += 1;
    const free = [...lifters];
    for (let i = 0; i < remaining.length && free.length;) {
      const box = remaining[i] as number;
      if (free.reduce((a, b) => a + b, 0) < box) {
        i += 1;
        continue;
      }
      let strength = 0;
      while (strength < box) strength += free.shift() as number;
      remaining.splice(i, 1);
    }
  }
  return steps;
}

export function boxLiftLine(id: string, data: unknown): PackLine {
  const { boxes, lifters } = (data ?? {}) as { boxes?: number[]; lifters?: number[] };
  if (!Array.isArray(boxes) || !Array.isArray(lifters))
    throw new PackInputError(`${id}: BoxLift.json needs "boxes" and "lifters" lists`);
  const maxSteps = greedySteps(boxes, lifters);
  return {
    id,
    family: 'boxlift',
    category: 'optimisation',
    question: boxLiftQuestion(boxes, lifters, maxSteps),
    reference: { boxes, lifters, maxSteps },
  };
}

/** `Initial State:` and `Goal State:` blocks of `stackN: A B` lines (bottom first). */
export function parseBlocksworld(text: string): {
  initial: Record<string, string[]>;
  goal: Record<string, string[]>;
} {
  const initial: Record<string, string[]> = {};
  const goal: Record<string, string[]> = {};
  let current: Record<string, string[]> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^initial state:?$/i.test(line)) current = initial;
    else if (/^goal state:?$/i.test(line)) current = goal;
    else if (line && current) {
      const m = /^(\w+):\s*(.*)$/.exec(line);
      if (!m) throw new PackInputError(`not a stack line: "${line}"`);
      current[m[1] as string] = (m[2] as string).split(/\s+/).filter(Boolean);
    }
  }
  if (!Object.keys(initial).length || !Object.keys(goal).length)
    throw new PackInputError('expected an "Initial State:" and a "Goal State:"');
  return { initial, goal };
}

export function blocksworldLine(id: string, text: string): PackLine {
  const { initial, goal } = parseBlocksworld(text);
  return {
    id,
    family: 'blocksworld',
    category: 'optimisation',
    question: blocksworldQuestion(initial, goal),
    reference: { initial, goal },
  };
}
