import { expect, test } from 'vitest';
import { stepAtEvent, stepsFromEvents } from '../../src/lib/trace/steps';
import type { TraceEvent } from '../../src/lib/trace/types';

const events: TraceEvent[] = [
  { kind: 'call', depth: 0, func: 'f', verb: 'Call to', line: 1 },
  { kind: 'var', depth: 0, name: 'x', value: '1', dots: 6 },
  { kind: 'line', depth: 0, line: 1, source: 'def f(x):' },
  { kind: 'line', depth: 0, line: 2, source: '    y = g(x)' },
  { kind: 'call', depth: 1, func: 'g', verb: 'Call to', line: 4 },
  { kind: 'var', depth: 1, name: 'n', value: '1', dots: 6 },
  { kind: 'line', depth: 1, line: 4, source: 'def g(n):' },
  { kind: 'line', depth: 1, line: 5, source: '    return n + 1' },
  { kind: 'return', depth: 1, func: 'g', value: '2' },
  { kind: 'var', depth: 0, name: 'y', value: '2', dots: 10 },
  { kind: 'line', depth: 0, line: 3, source: '    return y' },
  { kind: 'return', depth: 0, func: 'f', value: '2' },
];

test('each step shows the stack right after its line ran', () => {
  const steps = stepsFromEvents(events);
  expect(steps.map((s) => s.line)).toEqual([1, 2, 4, 5, 3]);
  expect(steps[0]?.stack).toEqual([{ func: 'f', vars: [{ name: 'x', value: '1' }] }]);
  expect(steps[1]?.stack.map((f) => f.func)).toEqual(['f', 'g']);
  expect(steps[3]?.stack).toEqual([
    {
      func: 'f',
      vars: [
        { name: 'x', value: '1' },
        { name: 'y', value: '2' },
      ],
    },
  ]);
  expect(steps[4]?.stack).toEqual([]);
});

test('any event maps to the step of the line it belongs to', () => {
  const steps = stepsFromEvents(events);
  expect(stepAtEvent(steps, 0)).toBe(0);
  expect(stepAtEvent(steps, 5)).toBe(1);
  expect(stepAtEvent(steps, 9)).toBe(3);
  expect(stepAtEvent(steps, 11)).toBe(4);
});
