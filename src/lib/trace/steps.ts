import type { TraceEvent } from './types';

export interface FrameView {
  func: string;
  vars: { name: string; value: string }[];
}

/** One executed line and the program's state right after it: the call stack and its variables. */
export interface StepView {
  /** Index of the line event in the trace. */
  event: number;
  line: number;
  stack: FrameView[];
  /** Set for a step that stands for folded loop iterations. */
  folded?: { first: number; last: number };
}

/** One snapshot per executed line, for a step-through viewer. */
export function stepsFromEvents(events: readonly TraceEvent[]): StepView[] {
  const stack: { func: string; vars: Map<string, string> }[] = [];
  const steps: StepView[] = [];
  const snapshot = () =>
    stack.map((frame) => ({
      func: frame.func,
      vars: [...frame.vars].map(([name, value]) => ({ name, value })),
    }));
  // A step's state is taken when the next line starts (or at the end): it shows the line's effect.
  const finish = () => {
    const last = steps.at(-1);
    if (last) last.stack = snapshot();
  };
  events.forEach((event, index) => {
    switch (event.kind) {
      case 'call':
        stack.length = event.depth;
        stack.push({ func: event.func, vars: new Map() });
        break;
      case 'var':
        stack[event.depth]?.vars.set(event.name, event.value);
        break;
      case 'return':
      case 'yield':
      case 'unwind':
        stack.length = event.depth;
        break;
      case 'line':
        finish();
        steps.push({ event: index, line: event.line, stack: [] });
        break;
      case 'loop': {
        finish();
        const frame = stack[event.depth];
        for (const change of event.changes) frame?.vars.set(change.name, change.final);
        steps.push({
          event: index,
          line: event.line,
          stack: [],
          folded: { first: event.first, last: event.last },
        });
        break;
      }
      case 'exception':
        break;
    }
  });
  finish();
  return steps;
}

/** The step showing the state at `event`: the last executed line at or before it. */
export function stepAtEvent(steps: readonly StepView[], event: number): number {
  let low = 0;
  let high = steps.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((steps[mid] as StepView).event <= event) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
