import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { formatTrace } from '../../src/lib/trace/format';
import { parsePrograms } from '../../src/lib/trace/programs';
import { ANSWER_PREFIX, reasoningFromTrace } from '../../src/lib/trace/reasoning';
import { TraceRunner } from '../../src/lib/trace/runner';
import type { TraceLimits, TraceResult } from '../../src/lib/trace/types';

let runner: TraceRunner;

beforeAll(async () => {
  runner = new TraceRunner(await loadPyodide());
}, 60_000);

function trace(code: string, call: string, limits: Partial<TraceLimits> = {}): TraceResult {
  return runner.trace({ id: 't', code, call }, limits);
}

describe('the trace format', () => {
  test('a call: arguments, executed lines, changed variables, return value', () => {
    const result = trace('def f(x):\n    y = x + 1\n    y = y * 2\n    return y\n', 'f(1)');
    expect(formatTrace(result.events)).toBe(
      [
        '>>> Call to f in File "<program>", line 1',
        '...... x = 1',
        '   1 | def f(x):',
        '   2 |     y = x + 1',
        '.......... y = 2',
        '   3 |     y = y * 2',
        '.......... y = 4',
        '   4 |     return y',
        '<<< Return value from f: 4',
      ].join('\n'),
    );
    expect(result.answer).toBe('4');
  });

  test('containers get their length; short strings and empty containers do not', () => {
    const text = formatTrace(
      trace('def f():\n    a = [1, 2]\n    b = []\n    c = "hi"\n    return a\n', 'f()').events,
    );
    expect(text).toContain('.......... len(a) = 2');
    expect(text).not.toContain('len(b)');
    expect(text).not.toContain('len(c)');
  });

  test('nested calls are indented by depth, and the caller line is shown again', () => {
    const code = 'def g(n):\n    return n * 2\n\ndef f(x):\n    return g(x) + 1\n';
    const lines = formatTrace(trace(code, 'f(3)').events).split('\n');
    expect(lines).toContain('    >>> Call to g in File "<program>", line 1');
    expect(lines).toContain('    ...... n = 3');
    expect(lines).toContain('    <<< Return value from g: 6');
    const returned = lines.indexOf('    <<< Return value from g: 6');
    expect(lines[returned + 1]).toBe('   5 |     return g(x) + 1');
    expect(lines.at(-1)).toBe('<<< Return value from f: 7');
  });

  test('loops show each pass through the header', () => {
    const events = trace(
      'def f():\n    t = 0\n    for i in range(3):\n        t += i\n    return t\n',
      'f()',
    ).events;
    expect(events.filter((e) => e.kind === 'line' && e.line === 3)).toHaveLength(4);
    expect(
      events
        .filter((e) => e.kind === 'var' && e.name === 'i')
        .map((e) => e.kind === 'var' && e.value),
    ).toEqual(['0', '1', '2']);
  });

  test('recursion', () => {
    const code = 'def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n';
    const result = trace(code, 'fact(3)');
    const text = formatTrace(result.events);
    expect(text).toContain('        >>> Call to fact in File "<program>", line 1');
    expect(text).toContain('        <<< Return value from fact: 1');
    expect(result.answer).toBe('6');
  });

  test('exceptions: raised, propagated, caught', () => {
    const code =
      'def g():\n    raise ValueError("bad")\n\ndef f():\n    try:\n        g()\n    except ValueError:\n        return "caught"\n';
    const result = trace(code, 'f()');
    const text = formatTrace(result.events);
    expect(text).toContain('    !!! ValueError: bad\n    !!! Call ended by exception');
    expect(text).toContain('!!! ValueError: bad');
    expect(result.answer).toBe("'caught'");
  });

  test('an uncaught exception ends with status raised', () => {
    const result = trace('def f(x):\n    return 1 / x\n', 'f(0)');
    expect(result.status).toBe('raised');
    expect(result.error?.type).toBe('ZeroDivisionError');
    expect(formatTrace(result.events)).toContain(
      '!!! ZeroDivisionError: division by zero\n!!! Call ended by exception',
    );
  });

  test('generators start, yield, are re-entered and return', () => {
    const code =
      'def gen(n):\n    for i in range(n):\n        yield i * 10\n\ndef f():\n    return list(gen(2))\n';
    const text = formatTrace(trace(code, 'f()').events);
    expect(text).toContain('>>> Start generator gen');
    expect(text).toContain('<<< Yield value from gen: 0');
    expect(text).toContain('>>> Re-enter generator gen');
    expect(text).toContain('<<< Yield value from gen: 10');
    expect(text).toContain('<<< Return value from gen: None');
  });

  test('comprehensions and generator expressions', () => {
    const result = trace(
      'def f(s):\n    return sum(int(c) for c in s if c.isdigit())\n',
      'f("a1b2")',
    );
    expect(result.answer).toBe('3');
    expect(formatTrace(result.events)).toContain('Start generator <genexpr>');
  });

  test('memory addresses are stripped', () => {
    const text = formatTrace(
      trace('class A:\n    pass\n\ndef f():\n    a = A()\n    return 1\n', 'f()').events,
    );
    expect(text).toContain('a = <A object>');
    expect(text).not.toMatch(/0x[0-9a-f]+/);
  });

  test('long values are capped', () => {
    const text = formatTrace(
      trace('def f():\n    s = "x" * 1000\n    return 1\n', 'f()', { maxRepr: 50 }).events,
    );
    expect(text).toContain(`s = '${'x'.repeat(46)}...`);
  });

  test('the step limit ends what is shown, not the program: its answer is still known', () => {
    const code = 'def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n';
    const result = runner.trace(
      { id: 't', code, call: 'f(300)', expected: '300' },
      { maxEvents: 100 },
    );
    expect(result.status).toBe('truncated');
    expect(result.events).toHaveLength(100);
    expect(result.answer).toBe('300');
    expect(result.match).toBe(true);
    expect(formatTrace(result.events, result)).toMatch(/step limit was reached$/);
  });

  test('the time limit stops the program with a marker', () => {
    const result = trace('def f():\n    while True:\n        pass\n', 'f()', {
      maxEvents: 10 ** 9,
      timeoutSeconds: 0.2,
    });
    expect(result.status).toBe('timeout');
    expect(formatTrace(result.events, result)).toMatch(/time limit was reached$/);
  });

  test('a program that cannot be defined is reported', () => {
    expect(trace('def f(:\n', 'f()').status).toBe('invalid');
  });
});

describe('reasoning from a trace', () => {
  test('narrates assignments and conditions, and ends with the answer', () => {
    const code =
      'def f(x):\n    y = x * 2\n    if y > 5:\n        y -= 5\n    else:\n        y += 1\n    return y\n';
    const result = trace(code, 'f(4)');
    const reasoning = reasoningFromTrace(result.events, 'f(4)', result.answer as string, code);
    expect(reasoning.text).toContain('`y = x * 2` sets y to 8.');
    expect(reasoning.text).toContain('The condition `y > 5` is true, so that branch runs.');
    expect(reasoning.text).toContain('`y -= 5` sets y to 3.');
    expect(reasoning.text.endsWith(`${ANSWER_PREFIX} 3`)).toBe(true);
    expect(reasoning.text).not.toMatch(/trace/i);
  });

  test('an else branch is recognised from the source', () => {
    const code = 'def f(x):\n    if x > 5:\n        return 1\n    else:\n        return 2\n';
    const result = trace(code, 'f(1)');
    expect(reasoningFromTrace(result.events, 'f(1)', '2', code).text).toContain('`x > 5` is false');
  });

  test('short loops are narrated in full', () => {
    const code = 'def f():\n    t = 0\n    for i in range(3):\n        t += i\n    return t\n';
    const result = trace(code, 'f()');
    const text = reasoningFromTrace(result.events, 'f()', '3', code).text;
    expect(text).toContain('runs 3 times');
    expect(text).toContain('Iteration 1: i = 0.');
    expect(text).toContain('Iteration 3: i = 2.');
    expect(text).toContain('There are no items left, so the loop ends.');
  });

  test('long loops: the first iterations, a pattern, the last', () => {
    const code = 'def f():\n    t = 0\n    for i in range(20):\n        t += 2\n    return t\n';
    const result = trace(code, 'f()');
    const text = reasoningFromTrace(result.events, 'f()', '40', code).text;
    expect(text).toContain('runs 20 times');
    expect(text).toContain('Iteration 2: i = 1.');
    expect(text).toContain('Iterations 3 to 19 each go one of the ways shown above.');
    expect(text).toContain('i takes the values 2, 3, 4, ..., 16, 17, 18');
    expect(text).toContain('After iteration 19, i = 18 and t = 38.');
    expect(text).toContain('Iteration 20: i = 19. `t += 2` sets t to 40.');
    expect(text).not.toContain('Iteration 10:');
  });

  test('nested calls are narrated inside the caller', () => {
    const code = 'def g(n):\n    return n * 2\n\ndef f(x):\n    y = g(x)\n    return y + 1\n';
    const result = trace(code, 'f(3)');
    const text = reasoningFromTrace(result.events, 'f(3)', '7', code).text;
    expect(text).toContain('This calls `g` with n = 3.');
    expect(text).toContain('`g` returns 6.');
    expect(text).toContain('`y = g(x)` sets y to 6.');
  });
});

describe('CRUXEval dev set', () => {
  const programs = parsePrograms(
    readFileSync('tests/fixtures/cruxeval-dev.jsonl', 'utf8'),
  ).programs;

  test('every traced return value equals the expected output', { timeout: 60_000 }, () => {
    const mismatches = programs
      .map((program) => ({ program, result: runner.trace(program) }))
      .filter(({ result }) => result.match !== true)
      .map(({ program, result }) => `${program.id}: ${result.status} ${result.answer}`);
    expect(programs).toHaveLength(200);
    expect(mismatches).toEqual([]);
  });

  test(
    'every reasoning states the traced answer last, and only values the trace recorded',
    {
      timeout: 60_000,
    },
    () => {
      for (const program of programs) {
        const result = runner.trace(program);
        const reasoning = reasoningFromTrace(
          result.events,
          program.call,
          result.answer as string,
          program.code,
        );
        expect(reasoning.text.endsWith(`${ANSWER_PREFIX} ${result.answer}`)).toBe(true);
        // Values of folded iterations are recorded too, in the loop's line of the trace.
        const recorded = new Set(
          result.events.flatMap((e) =>
            e.kind === 'var'
              ? [`${e.name} = ${e.value}`]
              : e.kind === 'loop'
                ? e.changes.map((c) => `${c.name} = ${c.final}`)
                : [],
          ),
        );
        // Code is quoted in backticks; every value stated outside code must be one the trace recorded.
        const prose = reasoning.text
          .replace(/`[^`]*`/g, '`…`')
          .replace(/\bsets (\w+) to /g, '$1 = ');
        for (const match of prose.matchAll(/(?<![\w.])([A-Za-z_]\w*) = /g)) {
          const rest = prose.slice(match.index);
          const found = [...recorded].some((binding) => rest.startsWith(binding));
          expect(found, `${program.id}: "${rest.slice(0, 60)}"`).toBe(true);
        }
      }
    },
  );
});

describe('reading programs', () => {
  test('CRUXEval and CodeI/O lines, and bad lines reported with their number', () => {
    const text = [
      JSON.stringify({ id: 'a', code: 'def f(x):\n    return x', input: '1', output: '1' }),
      '{not json',
      JSON.stringify({
        refcode: 'def main_solution(n, flag):\n    return n',
        ios: [{ input: { n: 2, flag: true }, output: 2 }],
      }),
      JSON.stringify({ something: 'else' }),
    ].join('\n');
    const { programs, errors } = parsePrograms(text);
    expect(programs.map((p) => p.call)).toEqual(['f(1)', 'main_solution(n=2, flag=True)']);
    expect(programs[1]?.expected).toBe('2');
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
  });
});

test('no expected output means no verdict', () => {
  expect(runner.trace({ id: 'n', code: 'def f():\n    return 1\n', call: 'f()' }).match).toBeNull();
});
