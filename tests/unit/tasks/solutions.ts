/**
 * Right answers for pack lines, written the way the questions ask: from the stored solution where
 * there is one, else found by a small search (Game of 24, BoxLift, Blocksworld). Tests only.
 */
import { storedAnswer } from '../../../src/lib/tasks/stored';
import type { PackLine } from '../../../src/lib/tasks/types';

type Ref = Record<string, unknown>;

export function rightAnswer(line: PackLine): string {
  const ref = line.reference as Ref;
  if (line.family === 'game24') return solve24(ref.numbers as number[]) ?? 'unsolvable';
  if (line.family === 'boxlift') return greedyPlan(ref.boxes as number[], ref.lifters as number[]);
  if (line.family === 'blocksworld')
    return planBlocks(
      ref.initial as Record<string, string[]>,
      ref.goal as Record<string, string[]>,
    );
  const stored = storedAnswer(line);
  if (stored === null) throw new Error(`no right answer for ${line.family}`);
  return stored;
}
export function solve24(numbers: number[]): string | null {
  const search = (items: { value: number; text: string }[]): string | null => {
    if (items.length === 1)
      return Math.abs((items[0] as { value: number }).value - 24) < 1e-9
        ? (items[0] as { text: string }).text
        : null;
    for (let i = 0; i < items.length; i++)
      for (let j = 0; j < items.length; j++) {
        if (i === j) continue;
        const a = items[i] as { value: number; text: string };
        const b = items[j] as { value: number; text: string };
        const rest = items.filter((_, k) => k !== i && k !== j);
        const options = [
          { value: a.value + b.value, text: `(${a.text} + ${b.text})` },
          { value: a.value - b.value, text: `(${a.text} - ${b.text})` },
          { value: a.value * b.value, text: `(${a.text} * ${b.text})` },
        ];
        if (b.value !== 0)
          options.push({ value: a.value / b.value, text: `(${a.text} / ${b.text})` });
        for (const option of options) {
          const found = search([...rest, option]);
          if (found) return found;
        }
      }
    return null;
  };
  return search(numbers.map((n) => ({ value: n, text: String(n) })));
}

function greedyPlan(boxes: number[], lifters: number[]): string {
  const remaining = [...boxes].sort((a, b) => b - a);
  const steps: string[] = [];
  while (remaining.length) {
    const free = lifters.map((capacity, index) => ({ capacity, index }));
    const lifted: string[] = [];
    for (let i = 0; i < remaining.length && free.length;) {
      const box = remaining[i] as number;
      if (free.reduce((s, l) => s + l.capacity, 0) < box) {
        i += 1;
        continue;
      }
      const team: number[] = [];
      let strength = 0;
      while (strength < box) {
        const lifter = free.shift() as { capacity: number; index: number };
        strength += lifter.capacity;
        team.push(lifter.index);
      }
      lifted.push(`(${box}, [${team.join(', ')}])`);
      remaining.splice(i, 1);
    }
    steps.push(`Step ${steps.length + 1}: [${lifted.join(', ')}]`);
  }
  return steps.join('\n');
}

function planBlocks(initial: Record<string, string[]>, goal: Record<string, string[]>): string {
  const names = Object.keys(initial);
  const key = (s: string[][]) => s.map((x) => x.join('')).join('|');
  const target = key(names.map((n) => goal[n] ?? []));
  const start = names.map((n) => initial[n] ?? []);
  const seen = new Set([key(start)]);
  const queue: { state: string[][]; moves: string[] }[] = [{ state: start, moves: [] }];
  while (queue.length) {
    const { state, moves } = queue.shift() as { state: string[][]; moves: string[] };
    if (key(state) === target) return moves.join('\n');
    for (let from = 0; from < state.length; from++)
      for (let to = 0; to < state.length; to++) {
        const source = state[from] as string[];
        if (from === to || !source.length) continue;
        const next = state.map((s) => [...s]);
        const block = (next[from] as string[]).pop() as string;
        (next[to] as string[]).push(block);
        if (seen.has(key(next))) continue;
        seen.add(key(next));
        const n = (i: number) => (names[i] as string).replace('stack', '');
        queue.push({ state: next, moves: [...moves, `Move ${block} from ${n(from)} to ${n(to)}`] });
      }
  }
  throw new Error('no plan');
}
