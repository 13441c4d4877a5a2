import type { FoldedChange, TraceEvent } from './types';

/** A variable binding as the trace shows it. */
export interface Binding {
  name: string;
  value: string;
  length?: number;
  /** Index of the event in the trace. */
  event: number;
}

/** One executed line of a frame, with what it changed and the calls it made. */
export interface Step {
  line: number;
  source: string;
  indent: number;
  event: number;
  changes: Binding[];
  calls: CallNode[];
  exception: { type: string; message: string; event: number } | null;
  /** Loop iterations folded into this step: they went the way of ones shown before. */
  folded?: { first: number; last: number; changes: FoldedChange[]; calls: string[] };
}

export interface CallNode {
  func: string;
  verb: string;
  /** The generator instance, the same across its resumes. */
  gen?: number;
  event: number;
  args: Binding[];
  steps: Step[];
  end: { kind: 'return' | 'yield' | 'unwind' | 'none'; value: string; event: number };
}

/**
 * Groups a flat trace into calls and their executed lines. The line printed right after a call
 * (the `def` line) and a caller's line printed again after a nested call are not new steps.
 */
export function buildCallTree(events: readonly TraceEvent[]): CallNode[] {
  const roots: CallNode[] = [];
  const stack: CallNode[] = [];
  let expectHeader = false;
  events.forEach((event, index) => {
    const node = stack.at(-1);
    switch (event.kind) {
      case 'call': {
        const child: CallNode = {
          func: event.func,
          verb: event.verb,
          event: index,
          args: [],
          steps: [],
          end: { kind: 'none', value: '', event: index },
        };
        if (event.gen !== undefined) child.gen = event.gen;
        const parentStep = node?.steps.at(-1);
        if (parentStep) parentStep.calls.push(child);
        else if (node) node.steps.push(syntheticStep(child, index));
        else roots.push(child);
        stack.push(child);
        expectHeader = true;
        break;
      }
      case 'line': {
        if (!node) break;
        if (expectHeader) {
          expectHeader = false;
          if (node.verb !== 'Re-enter generator') break;
        }
        const last = node.steps.at(-1);
        const reprinted =
          last &&
          last.line === event.line &&
          last.calls.length > 0 &&
          isAfterNestedCall(events, index);
        if (reprinted) break;
        node.steps.push({
          line: event.line,
          source: event.source.trim(),
          indent: event.source.length - event.source.trimStart().length,
          event: index,
          changes: [],
          calls: [],
          exception: null,
        });
        break;
      }
      case 'var': {
        if (!node) break;
        const binding: Binding = { name: event.name, value: event.value, event: index };
        if (event.length !== undefined) binding.length = event.length;
        const step = node.steps.at(-1);
        if (expectHeader || !step) node.args.push(binding);
        else step.changes.push(binding);
        break;
      }
      case 'loop': {
        if (!node) break;
        const header = lastStepAt(node.steps, event.line);
        node.steps.push({
          line: event.line,
          source: header?.source ?? '',
          indent: header?.indent ?? 0,
          event: index,
          changes: event.changes.map((change) => ({
            name: change.name,
            value: change.final,
            event: index,
          })),
          calls: [],
          exception: null,
          folded: {
            first: event.first,
            last: event.last,
            changes: event.changes,
            calls: event.calls,
          },
        });
        break;
      }
      case 'exception': {
        const step = node?.steps.at(-1);
        if (step) step.exception = { type: event.type, message: event.message, event: index };
        break;
      }
      case 'return':
      case 'yield':
      case 'unwind': {
        if (!node) break;
        node.end = { kind: event.kind, value: 'value' in event ? event.value : '', event: index };
        stack.pop();
        expectHeader = false;
        break;
      }
    }
  });
  return roots;
}

function isAfterNestedCall(events: readonly TraceEvent[], index: number): boolean {
  const previous = events[index - 1];
  return previous?.kind === 'return' || previous?.kind === 'yield' || previous?.kind === 'unwind';
}

function syntheticStep(child: CallNode, index: number): Step {
  return {
    line: 0,
    source: '',
    indent: 0,
    event: index,
    changes: [],
    calls: [child],
    exception: null,
  };
}

function lastStepAt(steps: readonly Step[], line: number): Step | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]?.line === line) return steps[i];
  return undefined;
}
