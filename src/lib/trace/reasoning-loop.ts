import { foldedValues } from './format';
import { capitalise, joinAnd, listBindings, SUMMARY_VALUES, type Writer } from './reasoning-words';
import type { CallNode, Step } from './tree';

/** Loops with more iterations shown than this are summarised: the first two, a pattern, the last. */
const FULL_LOOP_LIMIT = 6;

/** Iterations of a loop as the trace shows them: one, or a folded run of alike ones. */
interface Iteration {
  steps: Step[];
  first: number;
  last: number;
}

export interface LoopNarration {
  steps: (writer: Writer, steps: readonly Step[]) => void;
  call: (writer: Writer, node: CallNode) => void;
}

export function isLoopHeader(source: string): boolean {
  return /^(async\s+)?for\b.*:$|^while\b.*:$/.test(source);
}

/** Narrates the loop starting at `start`; returns the index of the first step after it. */
export function narrateLoop(
  writer: Writer,
  steps: readonly Step[],
  start: number,
  narrate: LoopNarration,
): number {
  const header = steps[start] as Step;
  let end = start + 1;
  while (end < steps.length) {
    const step = steps[end] as Step;
    if (step.line !== header.line && step.indent <= header.indent) break;
    end += 1;
  }
  // A generator's loop goes on across its resumes: number its iterations on from the last told.
  const key = writer.gen === undefined ? null : `${writer.gen}:${header.line}`;
  const before = key === null ? 0 : (writer.generatorLoops.get(key) ?? 0);
  const iterations: Iteration[] = [];
  let count = before;
  for (let i = start; i < end; i++) {
    const step = steps[i] as Step;
    if (step.folded) {
      iterations.push({
        steps: [step],
        first: before + step.folded.first,
        last: before + step.folded.last,
      });
      count = before + step.folded.last;
    } else if (step.line === header.line) {
      count += 1;
      iterations.push({ steps: [step], first: count, last: count });
    } else iterations.at(-1)?.steps.push(step);
  }
  let exit: Step | null = null;
  const last = iterations.at(-1);
  if (last && last.steps.length === 1 && !last.steps[0]?.folded && !last.steps[0]?.changes.length) {
    exit = last.steps[0] ?? null;
    iterations.pop();
    count -= 1;
  }
  if (key !== null) {
    if (exit) writer.generatorLoops.delete(key);
    else writer.generatorLoops.set(key, count);
  }
  const isFor = /^(async\s+)?for\b/.test(header.source);
  if (iterations.length === 0 && before === 0) {
    writer.say(
      isFor
        ? `The loop \`${header.source}\` has nothing to go over, so its body is skipped.`
        : `The condition of \`${header.source}\` is false from the start, so the loop body is skipped.`,
      header.event,
    );
    return end;
  }
  const firstEvent = iterations[0]?.steps[0]?.event ?? header.event;
  if (iterations.length === 0) {
    // A generator resumed only to find its loop done.
  } else if (before > 0) writer.say(`The loop \`${header.source}\` goes on.`, firstEvent, true);
  else if (key !== null && !exit)
    writer.say(`Next comes the loop \`${header.source}\`.`, firstEvent, true);
  else
    writer.say(
      `Next comes the loop \`${header.source}\`, which runs ${count} time${count === 1 ? '' : 's'}.`,
      firstEvent,
      true,
    );
  const targets = loopTargets(header.source);
  const known = new Map<string, string>();
  for (const step of steps.slice(0, start))
    for (const c of step.changes) known.set(c.name, c.value);
  const tell = (iteration: Iteration) => {
    const [first, ...body] = iteration.steps;
    if (!first) return;
    if (first.folded) {
      narrateFolded(writer, first, iteration.first, iteration.last);
      for (const c of first.changes) known.set(c.name, c.value);
      return;
    }
    let changes = first.changes.length > 0 ? `: ${listBindings(first.changes)}` : '';
    if (!changes && isFor) {
      const again = targets.filter((t) => known.has(t)).map((t) => `${t} is ${known.get(t)} again`);
      changes = again.length > 0 ? `: ${joinAnd(again)}` : '';
    }
    writer.say(`Iteration ${iteration.first}${changes}.`, first.event);
    for (const step of iteration.steps) for (const c of step.changes) known.set(c.name, c.value);
    for (const call of first.calls) narrate.call(writer, call);
    narrate.steps(writer, body);
  };
  if (iterations.length <= FULL_LOOP_LIMIT) {
    iterations.forEach(tell);
  } else {
    tell(iterations[0] as Iteration);
    tell(iterations[1] as Iteration);
    const middle = iterations.slice(2, -1);
    summarise(writer, middle);
    for (const iteration of middle)
      for (const step of iteration.steps) for (const c of step.changes) known.set(c.name, c.value);
    tell(iterations.at(-1) as Iteration);
  }
  if (exit) {
    for (const call of exit.calls) narrate.call(writer, call);
    writer.say(
      isFor
        ? 'There are no items left, so the loop ends.'
        : `The condition of \`${header.source}\` no longer holds, so the loop ends.`,
      exit.event,
    );
  }
  return end;
}

/** Iterations that went the way of ones already told: the values they went through. */
export function narrateFolded(writer: Writer, step: Step, first: number, last: number): void {
  const folded = step.folded;
  if (!folded) return;
  const range =
    first === last
      ? `Iteration ${first} goes one of the ways shown above`
      : `Iterations ${first} to ${last} each go one of the ways shown above`;
  const calls = folded.calls.length
    ? `, calling ${joinAnd(folded.calls.map((f) => `\`${f}\``))}`
    : '';
  writer.say(`${range}${calls}.`, step.event);
  if (folded.changes.length === 0) return;
  const taken = folded.changes.map((c) => `${c.name} takes the values ${foldedValues(c)}`);
  writer.say(`Along the way, ${joinAnd(taken)}.`, step.event);
  writer.say(
    `After iteration ${last}, ${joinAnd(folded.changes.map((c) => `${c.name} = ${c.final}`))}.`,
    step.event,
  );
}

/** The middle iterations of a long loop: a pattern where there is one, and the values. */
function summarise(writer: Writer, middle: Iteration[]): void {
  const first = middle[0]?.first ?? 0;
  const last = middle.at(-1)?.last ?? first;
  const finals = middle.map((iteration) => finalValues(iteration.steps));
  const names = [...new Set(finals.flatMap((values) => [...values.keys()]))];
  const event = middle[0]?.steps[0]?.event ?? 0;
  const range = first === last ? `iteration ${first}` : `iterations ${first} to ${last}`;
  writer.say(`In short, for ${range}:`, event);
  const patterns: string[] = [];
  if (middle.every((iteration) => iteration.first === iteration.last)) {
    for (const name of names) {
      const step = constantStep(finals.map((v) => v.get(name)));
      if (step !== null)
        patterns.push(`${name} ${step > 0 ? 'increases' : 'decreases'} by ${Math.abs(step)}`);
    }
  }
  if (patterns.length > 0) writer.say(`Each time, ${patterns.join(', and ')}.`, event);
  const shown = finals.map((values, i) => {
    const iteration = middle[i] as Iteration;
    const label =
      iteration.first === iteration.last
        ? `iteration ${iteration.first}`
        : `iterations ${iteration.first} to ${iteration.last}`;
    return `after ${label}, ${[...values].map(([n, v]) => `${n} = ${v}`).join(', ') || 'nothing has changed'}`;
  });
  const listed =
    shown.length > SUMMARY_VALUES
      ? [...shown.slice(0, SUMMARY_VALUES / 2), '…', ...shown.slice(-SUMMARY_VALUES / 2)]
      : shown;
  writer.say(`${capitalise(listed.join('; '))}.`, event);
}

function finalValues(steps: Step[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const step of steps)
    for (const change of step.changes) values.set(change.name, change.value);
  return values;
}

function constantStep(values: (string | undefined)[]): number | null {
  if (values.length < 3 || values.some((v) => v === undefined || !/^-?\d+$/.test(v))) return null;
  const numbers = values.map(Number);
  const step = (numbers[1] as number) - (numbers[0] as number);
  if (step === 0) return null;
  return numbers.every((n, i) => i === 0 || n - (numbers[i - 1] as number) === step) ? step : null;
}

function loopTargets(source: string): string[] {
  const match = /^(?:async\s+)?for\s+(.+?)\s+in\s/.exec(source);
  if (!match?.[1]) return [];
  return match[1]
    .replace(/[()[\]]/g, ' ')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}
