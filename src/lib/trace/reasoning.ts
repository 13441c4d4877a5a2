import { isLoopHeader, narrateFolded, narrateLoop, type LoopNarration } from './reasoning-loop';
import { capList, describe, joinAnd, listBindings, Writer } from './reasoning-words';
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

const narration: LoopNarration = {
  steps: (writer, steps) => narrateSteps(writer, steps),
  call: (writer, node) => narrateCall(writer, node),
};

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
  const outer = writer.gen;
  writer.gen = node.gen;
  narrateSteps(writer, node.steps);
  writer.gen = outer;
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
    if (isLoopHeader(step.source) && !step.folded) {
      i = narrateLoop(writer, steps, i, narration);
      continue;
    }
    let run = i + 1;
    while (run < steps.length && (steps[run] as Step).line === step.line) run += 1;
    if (run - i > 1) narrateRepeatedLine(writer, steps.slice(i, run));
    else if (step.folded) narrateFolded(writer, step, step.folded.first, step.folded.last);
    else narrateStep(writer, step, steps[i + 1]);
    i = run;
  }
}

/** One line executed several times in a row: a comprehension, or a one-line loop. */
function narrateRepeatedLine(writer: Writer, run: Step[]): void {
  const first = run[0] as Step;
  for (const step of run) for (const call of step.calls) narrateCall(writer, call);
  const sequences = new Map<string, string[]>();
  const describeAs = new Map<string, Binding>();
  let times = 0;
  for (const step of run) {
    const folded = step.folded;
    times += folded ? folded.last - folded.first + 1 : 1;
    if (folded) {
      for (const change of folded.changes) {
        const list = sequences.get(change.name) ?? [];
        const gap = change.count > change.head.length + change.tail.length ? ['…'] : [];
        list.push(...change.head, ...gap, ...change.tail);
        sequences.set(change.name, list);
      }
      continue;
    }
    for (const change of step.changes) {
      const list = sequences.get(change.name) ?? [];
      list.push(change.value);
      sequences.set(change.name, list);
      describeAs.set(change.name, change);
    }
  }
  const parts: string[] = [];
  for (const [name, values] of sequences) {
    const single = describeAs.get(name);
    if (values.length === 1 && single) parts.push(`sets ${name} to ${describe(single)}`);
    else parts.push(`takes ${name} through the values ${capList(values)}`);
  }
  const exception = run.find((step) => step.exception)?.exception;
  const text =
    parts.length > 0
      ? `\`${first.source}\` runs ${times} times; it ${joinAnd(parts)}.`
      : `\`${first.source}\` runs ${times} times.`;
  writer.say(text, first.event);
  if (exception)
    writer.say(
      `It raises ${exception.type}${exception.message ? `: ${exception.message}` : ''}.`,
      exception.event,
    );
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
