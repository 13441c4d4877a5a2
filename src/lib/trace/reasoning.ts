import { buildCallTree, type Binding, type CallNode, type Step } from './tree';
import type { TraceEvent } from './types';

/** A sentence of the reasoning and the trace event it was written from. */
export interface ReasoningSentence {
  text: string;
  event: number;
  /** Starts a new paragraph. */
  paragraph?: boolean;
}

export interface Reasoning {
  sentences: ReasoningSentence[];
  text: string;
  /** The answer as stated in the last line. */
  answer: string;
}

/** Loops with more iterations than this are summarised: the first two, a pattern, the last. */
const FULL_LOOP_LIMIT = 6;
const SUMMARY_VALUES = 12;

export const ANSWER_PREFIX = 'Final answer:';

/**
 * A step-by-step reasoning written from a trace, as a careful person tracing the code by hand
 * would put it. Every value comes from the trace; the answer is the traced return value.
 */
export function reasoningFromTrace(
  events: readonly TraceEvent[],
  call: string,
  answer: string,
  source = '',
): Reasoning {
  const writer = new Writer(source);
  const [root] = buildCallTree(events);
  if (root) {
    writer.say(`We evaluate \`${call}\` step by step.`, root.event, true);
    writer.say(callSentence(root, true), root.event);
    narrateSteps(writer, root.steps);
    writer.say(`So \`${root.func}\` returns ${answer}.`, root.end.event, true);
  }
  writer.say(`${ANSWER_PREFIX} ${answer}`, Math.max(events.length - 1, 0), true);
  return { sentences: writer.sentences, text: writer.text(), answer };
}

class Writer {
  readonly sentences: ReasoningSentence[] = [];
  readonly lines: string[];

  constructor(source: string) {
    this.lines = source.split('\n');
  }

  /** Last line number of the block that starts at `line` (1-based), from the program's source. */
  blockEnd(line: number): number {
    const header = this.lines[line - 1];
    if (header === undefined) return line;
    const indent = indentOf(header);
    let end = line;
    for (let i = line; i < this.lines.length; i++) {
      const text = this.lines[i] as string;
      if (text.trim() === '') continue;
      if (indentOf(text) <= indent) break;
      end = i + 1;
    }
    return end;
  }

  say(text: string, event: number, paragraph = false): void {
    this.sentences.push(paragraph ? { text, event, paragraph } : { text, event });
  }

  text(): string {
    let out = '';
    for (const sentence of this.sentences) {
      if (out) out += sentence.paragraph ? '\n\n' : ' ';
      out += sentence.text;
    }
    return out;
  }
}

function callSentence(node: CallNode, top: boolean): string {
  const args = node.args.length > 0 ? `with ${listBindings(node.args)}` : 'with no arguments';
  if (node.verb === 'Re-enter generator') {
    return `The generator \`${node.func}\` resumes.`;
  }
  if (node.verb === 'Start generator') {
    return `The generator \`${node.func}\` starts ${args}.`;
  }
  return top ? `We call \`${node.func}\` ${args}.` : `This calls \`${node.func}\` ${args}.`;
}

function narrateCall(writer: Writer, node: CallNode): void {
  writer.say(callSentence(node, false), node.event);
  narrateSteps(writer, node.steps);
  const { end } = node;
  if (end.kind === 'return') writer.say(`\`${node.func}\` returns ${end.value}.`, end.event);
  else if (end.kind === 'yield') writer.say(`\`${node.func}\` yields ${end.value}.`, end.event);
  else if (end.kind === 'unwind')
    writer.say(`\`${node.func}\` stops there because of the exception.`, end.event);
}

function narrateSteps(writer: Writer, steps: readonly Step[]): void {
  let i = 0;
  while (i < steps.length) {
    const step = steps[i] as Step;
    if (isLoopHeader(step.source)) {
      i = narrateLoop(writer, steps, i);
      continue;
    }
    let run = i + 1;
    while (run < steps.length && (steps[run] as Step).line === step.line) run += 1;
    if (run - i > 1) narrateRepeatedLine(writer, steps.slice(i, run));
    else narrateStep(writer, step, steps[i + 1]);
    i = run;
  }
}

/** One line executed several times in a row: a comprehension, or a one-line loop. */
function narrateRepeatedLine(writer: Writer, run: Step[]): void {
  const first = run[0] as Step;
  for (const step of run) for (const call of step.calls) narrateCall(writer, call);
  const sequences = new Map<string, Binding[]>();
  for (const step of run) {
    for (const change of step.changes) {
      const list = sequences.get(change.name) ?? [];
      list.push(change);
      sequences.set(change.name, list);
    }
  }
  const parts: string[] = [];
  for (const [name, values] of sequences) {
    if (values.length === 1) parts.push(`sets ${name} to ${describe(values[0] as Binding)}`);
    else
      parts.push(
        `takes ${name} through ${values.length} values: ${capList(values.map((v) => v.value))}`,
      );
  }
  const exception = run.find((step) => step.exception)?.exception;
  const text =
    parts.length > 0
      ? `\`${first.source}\` runs ${run.length} times; it ${joinAnd(parts)}.`
      : `\`${first.source}\` runs ${run.length} times.`;
  writer.say(text, first.event);
  if (exception)
    writer.say(
      `It raises ${exception.type}${exception.message ? `: ${exception.message}` : ''}.`,
      exception.event,
    );
}

function capList(values: string[]): string {
  const shown =
    values.length > SUMMARY_VALUES
      ? [...values.slice(0, SUMMARY_VALUES / 2), '…', ...values.slice(-SUMMARY_VALUES / 2)]
      : values;
  return shown.join(', ');
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** Narrates the loop starting at `start`; returns the index of the first step after it. */
function narrateLoop(writer: Writer, steps: readonly Step[], start: number): number {
  const header = steps[start] as Step;
  let end = start + 1;
  while (end < steps.length) {
    const step = steps[end] as Step;
    if (step.line !== header.line && step.indent <= header.indent) break;
    end += 1;
  }
  const iterations: Step[][] = [];
  let exit: Step | null = null;
  for (let i = start; i < end; i++) {
    const step = steps[i] as Step;
    if (step.line === header.line) iterations.push([step]);
    else iterations.at(-1)?.push(step);
  }
  const last = iterations.at(-1);
  if (last && last.length === 1 && last[0]?.changes.length === 0 && iterations.length > 0) {
    exit = last[0] ?? null;
    iterations.pop();
  }
  const isFor = /^(async\s+)?for\b/.test(header.source);
  if (iterations.length === 0) {
    writer.say(
      isFor
        ? `The loop \`${header.source}\` has nothing to go over, so its body is skipped.`
        : `The condition of \`${header.source}\` is false from the start, so the loop body is skipped.`,
      header.event,
    );
    return end;
  }
  writer.say(
    `Next comes the loop \`${header.source}\`, which runs ${iterations.length} time${iterations.length > 1 ? 's' : ''}.`,
    header.event,
    true,
  );
  const targets = loopTargets(header.source);
  const known = new Map<string, string>();
  for (const step of steps.slice(0, start))
    for (const c of step.changes) known.set(c.name, c.value);
  const narrateIteration = (iteration: Step[], number: number) => {
    const [first, ...body] = iteration;
    if (!first) return;
    let changes = first.changes.length > 0 ? `: ${listBindings(first.changes)}` : '';
    if (!changes && isFor) {
      const again = targets.filter((t) => known.has(t)).map((t) => `${t} is ${known.get(t)} again`);
      changes = again.length > 0 ? `: ${joinAnd(again)}` : '';
    }
    writer.say(`Iteration ${number}${changes}.`, first.event);
    for (const step of iteration) for (const c of step.changes) known.set(c.name, c.value);
    for (const call of first.calls) narrateCall(writer, call);
    narrateSteps(writer, body);
  };
  if (iterations.length <= FULL_LOOP_LIMIT) {
    iterations.forEach((iteration, i) => narrateIteration(iteration, i + 1));
  } else {
    narrateIteration(iterations[0] as Step[], 1);
    narrateIteration(iterations[1] as Step[], 2);
    const middle = iterations.slice(2, -1);
    summarise(writer, middle, 3);
    for (const iteration of middle)
      for (const step of iteration) for (const c of step.changes) known.set(c.name, c.value);
    narrateIteration(iterations.at(-1) as Step[], iterations.length);
  }
  if (exit) {
    writer.say(
      isFor
        ? 'There are no items left, so the loop ends.'
        : `The condition of \`${header.source}\` no longer holds, so the loop ends.`,
      exit.event,
    );
  }
  return end;
}

/** The middle iterations of a long loop: a pattern where there is one, and the values. */
function summarise(writer: Writer, middle: Step[][], firstNumber: number): void {
  const lastNumber = firstNumber + middle.length - 1;
  const finals = middle.map(finalValues);
  const names = [...new Set(finals.flatMap((values) => [...values.keys()]))];
  const event = middle[0]?.[0]?.event ?? 0;
  const range =
    middle.length === 1 ? `iteration ${firstNumber}` : `iterations ${firstNumber} to ${lastNumber}`;
  writer.say(`In short, for ${range}:`, event);
  const patterns: string[] = [];
  for (const name of names) {
    const values = finals.map((v) => v.get(name));
    const step = constantStep(values);
    if (step !== null) {
      patterns.push(`${name} ${step > 0 ? 'increases' : 'decreases'} by ${Math.abs(step)}`);
    }
  }
  if (patterns.length > 0) writer.say(`Each time, ${patterns.join(', and ')}.`, event);
  const shown = finals.map(
    (values, i) =>
      `after iteration ${firstNumber + i}, ${[...values].map(([n, v]) => `${n} = ${v}`).join(', ') || 'nothing has changed'}`,
  );
  const listed =
    shown.length > SUMMARY_VALUES
      ? [...shown.slice(0, SUMMARY_VALUES / 2), '…', ...shown.slice(-SUMMARY_VALUES / 2)]
      : shown;
  writer.say(`${capitalise(listed.join('; '))}.`, event);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function finalValues(iteration: Step[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const step of iteration)
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

function narrateStep(writer: Writer, step: Step, next: Step | undefined): void {
  for (const call of step.calls) narrateCall(writer, call);
  const source = step.source;
  if (!source) return;
  if (step.exception) {
    writer.say(
      `\`${source}\` raises ${step.exception.type}${step.exception.message ? `: ${step.exception.message}` : ''}.`,
      step.exception.event,
    );
    return;
  }
  const condition = /^(if|elif)\b(.*):$/.exec(source);
  if (condition) {
    const taken =
      next !== undefined && next.line > step.line && next.line <= writer.blockEnd(step.line);
    writer.say(
      `The condition \`${condition[2]?.trim()}\` is ${taken ? 'true, so that branch runs' : 'false, so that branch is skipped'}.`,
      step.event,
    );
    return;
  }
  if (source === 'else:') return;
  if (/^return\b/.test(source)) {
    if (step.changes.length > 0)
      writer.say(`\`${source}\` leaves ${listBindings(step.changes)}.`, step.event);
    return;
  }
  if (/^(break|continue)$/.test(source)) {
    writer.say(
      source === 'break'
        ? 'We leave the loop with `break`.'
        : '`continue` moves on to the next iteration.',
      step.event,
    );
    return;
  }
  if (step.changes.length === 0) return;
  const verb = /^[\w.[\], ]+?\s*(=|\+=|-=|\*=|\/=|\/\/=|%=|\*\*=|\|=|&=)/.test(source)
    ? 'sets'
    : 'changes';
  if (step.changes.length === 1) {
    const [change] = step.changes as [Binding];
    writer.say(`\`${source}\` ${verb} ${change.name} to ${describe(change)}.`, step.event);
  } else {
    writer.say(`\`${source}\` gives ${listBindings(step.changes)}.`, step.event);
  }
}

function describe(binding: Binding): string {
  return binding.length === undefined
    ? binding.value
    : `${binding.value} (length ${binding.length})`;
}

function listBindings(bindings: readonly Binding[]): string {
  const parts = bindings.map((b) => `${b.name} = ${describe(b)}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
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

function isLoopHeader(source: string): boolean {
  return /^(async\s+)?for\b.*:$|^while\b.*:$/.test(source);
}
