import { field, ok, plural, wrong, type FamilyVerifier } from './common';

/** BoxLift: every box lifted, lifters strong enough and used once per step, within the step limit. */
export const boxLift: FamilyVerifier = (answer, reference) => {
  const boxes = field<number[]>(reference, 'boxes');
  const lifters = field<number[]>(reference, 'lifters');
  const maxSteps = field<number>(reference, 'maxSteps');
  const steps = answer.split(/step\s*\d+\s*:/i).slice(1);
  if (steps.length === 0) return wrong('no "Step 1: [...]" in the answer');
  const remaining = [...boxes];
  for (const [s, step] of steps.entries()) {
    const assignments = [...step.matchAll(/\(\s*(\d+(?:\.\d+)?)\s*,\s*\[([^\]]*)\]\s*\)/g)];
    const leftover = step.replace(/\(\s*\d+(?:\.\d+)?\s*,\s*\[[^\]]*\]\s*\)/g, '');
    if (/\d/.test(leftover) || (assignments.length === 0 && step.trim()))
      return wrong(`step ${s + 1} is not a list of (weight, [lifters])`);
    const used = new Set<number>();
    for (const match of assignments) {
      const weight = Number(match[1]);
      const team = (match[2] as string)
        .split(',')
        .filter((x) => x.trim())
        .map(Number);
      const index = remaining.indexOf(weight);
      if (index === -1)
        return wrong(`step ${s + 1}: there is no box of weight ${weight} left to lift`);
      for (const lifter of team) {
        if (!Number.isInteger(lifter) || lifter < 0 || lifter >= lifters.length)
          return wrong(
            `step ${s + 1}: there is no lifter ${lifter} (they are 0 to ${lifters.length - 1})`,
          );
        if (used.has(lifter)) return wrong(`step ${s + 1}: lifter ${lifter} is used twice`);
        used.add(lifter);
      }
      const strength = team.reduce((sum, i) => sum + (lifters[i] as number), 0);
      if (strength < weight)
        return wrong(
          `step ${s + 1}: lifters ${team.join(', ')} lift ${strength}, less than the box of ${weight}`,
        );
      remaining.splice(index, 1);
    }
  }
  if (remaining.length > 0)
    return wrong(`${plural(remaining.length, 'box')} not lifted: ${remaining.join(', ')}`);
  if (steps.length > maxSteps)
    return wrong(`${steps.length} steps, more than the limit of ${maxSteps}`);
  return ok;
};

export type Stacks = Record<string, string[]>;

/** Blocksworld: each move takes a top block; at the end the stacks are the goal's. */
export const blocksworld: FamilyVerifier = (answer, reference) => {
  const stacks: Stacks = Object.fromEntries(
    Object.entries(field<Stacks>(reference, 'initial')).map(([k, v]) => [k, [...v]]),
  );
  const goal = field<Stacks>(reference, 'goal');
  const lines = answer
    .split(/\n|;/)
    .map((l) => l.trim())
    .filter(Boolean);
  const name = (s: string) => `stack${s.replace(/^stack\s*/i, '')}`;
  for (const [i, line] of lines.entries()) {
    const m =
      /^(?:\d+[.)]\s*)?move\s+(?:block\s+)?(\w+)\s+from\s+(?:stack\s*)?(\w+)\s+to\s+(?:stack\s*)?(\w+)\.?$/i.exec(
        line,
      );
    if (!m) return wrong(`move ${i + 1} ("${line}") is not "Move X from N to M"`);
    const [block, from, to] = [
      (m[1] as string).toUpperCase(),
      name(m[2] as string),
      name(m[3] as string),
    ];
    const source = stacks[from];
    const target = stacks[to];
    if (!source) return wrong(`move ${i + 1}: there is no ${from}`);
    if (!target) return wrong(`move ${i + 1}: there is no ${to} (no new stacks)`);
    if (source.at(-1) !== block)
      return wrong(
        `move ${i + 1}: ${block} is not on top of ${from} (${source.length ? `${source.at(-1)} is` : 'it is empty'})`,
      );
    target.push(source.pop() as string);
  }
  for (const key of new Set([...Object.keys(stacks), ...Object.keys(goal)])) {
    const have = (stacks[key] ?? []).join(' ');
    const want = (goal[key] ?? []).join(' ');
    if (have !== want)
      return wrong(
        `after the moves ${key} is "${have || 'empty'}", the goal is "${want || 'empty'}"`,
      );
  }
  return ok;
};
