import { beforeAll, describe, expect, test } from 'vitest';
import { loadPyodide } from 'pyodide';
import { describeLeftOut, tracedProgram, trainingSet } from '../../src/lib/trace/dataset';
import { formatTrace } from '../../src/lib/trace/format';
import { parsePrograms } from '../../src/lib/trace/programs';
import { ANSWER_PREFIX } from '../../src/lib/trace/reasoning';
import { TraceRunner } from '../../src/lib/trace/runner';
import { MAX_ANSWER_CHARS, MAX_TRACE_CHARS, type TraceRequest } from '../../src/lib/trace/types';

// One interpreter for the whole file: the programs below also show that none poisons the next.
let runner: TraceRunner;

beforeAll(async () => {
  runner = new TraceRunner(await loadPyodide());
}, 60_000);

function run(code: string, call: string, expected?: string) {
  const request: TraceRequest = { id: 't', code, call };
  if (expected !== undefined) request.expected = expected;
  const result = runner.trace(request);
  return { result, ...tracedProgram(request, result) };
}

describe('values cost little and reach the page capped', () => {
  test('a huge int, a huge string and a huge list are shown by their size and start', () => {
    const { result } = run(
      'def f():\n    x = 10**100000\n    s = "r" * 10**7\n    v = list(range(10**6))\n    return s\n',
      'f()',
    );
    const text = formatTrace(result.events);
    expect(text).toContain('x = <int with 100001 digits, ending in ...000000000000>');
    expect(text).toContain('len(s) = 10000000');
    expect(text).toContain('v = [0, 1, 2, 3,');
    expect(result.answer?.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(result.answerCapped).toBe(true);
  });

  test('a deep recursion with a raised limit records at most the step limit', () => {
    const { result } = run(
      'import sys\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\ndef g(n):\n    sys.setrecursionlimit(10**6)\n    return f(n)\n',
      'g(4000)',
      '4000',
    );
    expect(result.status).toBe('truncated');
    expect(result.match).toBe(true);
    expect(formatTrace(result.events).length).toBeLessThan(MAX_TRACE_CHARS);
  });

  test('a __repr__ that raises, or returns no string, gives way to the fields', () => {
    const { result } = run(
      'class A:\n    def __repr__(self):\n        raise RuntimeError("no")\nclass B:\n    def __repr__(self):\n        return 5\ndef f():\n    a = A()\n    b = B()\n    return 1\n',
      'f()',
    );
    const text = formatTrace(result.events);
    expect(text).toContain('a = A()');
    expect(text).toContain('b = B()');
    expect(result.answer).toBe('1');
  });
});

describe('what a program replaces does not reach the next one', () => {
  test('json.dumps, builtins, sys.stdout and the recursion limit are put back', () => {
    const hostile =
      'import json, sys, builtins, io\ndef f():\n    json.dumps = None\n    builtins.repr = None\n    builtins.len = None\n    sys.stdout = io.StringIO()\n    sys.setrecursionlimit(50)\n    return 1\n';
    expect(run(hostile, 'f()', '1').result.match).toBe(true);
    const after = run(
      'import json, sys\ndef f():\n    print("hi")\n    return [json.dumps([1]), repr(2), len("ab"), sys.getrecursionlimit() > 50]\n',
      'f()',
    );
    expect(after.result.answer).toBe("['[1]', '2', 2, True]");
    expect(after.result.stdout).toBe('hi\n');
  });

  test('a sleep past the time limit ends at once as a timeout', () => {
    const started = performance.now();
    const { result, row } = run(
      'import time\ndef f():\n    time.sleep(30)\n    return 1\n',
      'f()',
      '1',
    );
    expect(result.status).toBe('timeout');
    expect(row.reason).toBe('stopped at the time limit');
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(
      run('import time\ndef f():\n    time.sleep(0.01)\n    return 2\n', 'f()').result.answer,
    ).toBe('2');
  });
});

describe('objects, loops and generators in the trace and the reasoning', () => {
  const account =
    'class Account:\n    def __init__(self, balance):\n        self.balance = balance\n    def deposit(self, amount):\n        self.balance += amount\n\ndef f():\n    a = Account(10)\n    a.deposit(5)\n    return a.balance\n';

  test('attribute changes are recorded like variables and told', () => {
    const { result, reasoning } = run(account, 'f()', '15');
    const text = formatTrace(result.events);
    expect(text).toContain('.......... self.balance = 10');
    expect(text).toContain('.......... self.balance = 15');
    expect(text).toContain('.......... a.balance = 15');
    expect(reasoning?.text).toContain('`self.balance += amount` sets self.balance to 15.');
    expect(reasoning?.text).toContain('`a.deposit(5)` changes a.balance to 15.');
  });

  test('a long loop is folded in the trace, with the values that changed', () => {
    const { result, row } = run(
      'def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n',
      'f(5000)',
      '12497500',
    );
    expect(result.status).toBe('ok');
    expect(row.training).toBe(true);
    expect(formatTrace(result.events)).toContain(
      '... iterations 3 to 4999 of line 3 took paths shown above: i = 2, 3, 4, ..., 4996, 4997, 4998; t = 3, 6, 10, ...',
    );
    expect(result.events.length).toBeLessThan(40);
  });

  test("a generator's loop is told once across its resumes", () => {
    const code =
      'def gen(n):\n    for i in range(n):\n        yield i * 10\n\ndef f():\n    out = []\n    for v in gen(3):\n        out.append(v)\n    return out\n';
    const { reasoning } = run(code, 'f()', '[0, 10, 20]');
    const text = reasoning?.text ?? '';
    expect(text).toContain('Next comes the loop `for i in range(n):`. Iteration 1: i = 0.');
    expect(text).toContain('The loop `for i in range(n):` goes on. Iteration 2: i = 1.');
    expect(text).toContain('Iteration 3: i = 2.');
    expect(text).not.toMatch(/range\(n\):`, which runs/);
    expect(text.endsWith(`${ANSWER_PREFIX} [0, 10, 20]`)).toBe(true);
  });
});

describe('the training set leaves out what its reasoning cannot see', () => {
  test('opaque objects, cut values, cut traces and unchecked answers, counted by reason', () => {
    const rows = [
      ['def f():\n    return 1\n', 'f()', '1'],
      ['def f():\n    m = map(str, [1])\n    return 1\n', 'f()', '1'],
      ['def f():\n    s = "x" * 500\n    return 1\n', 'f()', '1'],
      ['def f():\n    return 1\n', 'f()', '2'],
      ['def f():\n    return 1\n', 'f()', undefined],
    ].map(([code, call, expected], i) => {
      const request: TraceRequest = { id: `r${i}`, code: code as string, call: call as string };
      if (expected) request.expected = expected;
      return { request, row: tracedProgram(request, runner.trace(request)).row };
    });
    const { kept, leftOut, text } = trainingSet(rows);
    expect(kept).toBe(1);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(leftOut).toEqual({ opaque: 1, capped: 1, mismatch: 1, 'no-expected': 1 });
    expect(describeLeftOut(leftOut)).toBe(
      '4 left out: 1 state inside an object the trace cannot show, 1 a value too long to show in full, 1 answer differs from the expected output, 1 no expected output to check against.',
    );
  });
});

describe('the expected output is read as data, never run', () => {
  test('a hostile expected value runs nothing and is compared as text', () => {
    const writes = 'open("/tmp/loupe-pwned", "w").write("x") or 1';
    expect(run('def f():\n    return 1\n', 'f()', writes).result.match).toBe(false);
    const checks = run(
      'import os\ndef f():\n    return os.path.exists("/tmp/loupe-pwned")\n',
      'f()',
    );
    expect(checks.result.answer).toBe('False');
    // Were it evaluated, this would never end; read as data it is just a text that differs.
    const endless = run('def f():\n    return 1\n', 'f()', '[x for x in iter(int, 1)]');
    expect(endless.result).toMatchObject({ status: 'ok', match: false });
    const dunder = '().__class__.__base__.__subclasses__()';
    expect(run('def f():\n    return 1\n', 'f()', dunder).result.match).toBe(false);
    // Text that is exactly the answer still matches.
    expect(run('def f():\n    return f\n', 'f()', '<function f>').result.match).toBe(true);
  });

  test('literals: containers, signs, sets, inf and nan, complex numbers, nesting', () => {
    const returns = (value: string, expected: string) =>
      run(`def f():\n    return ${value}\n`, 'f()', expected).result.match;
    expect(returns('(1, -2.5, "a")', "(1, -2.5, 'a')")).toBe(true);
    expect(returns('{1: [None, True]}', '{1: [None, True]}')).toBe(true);
    expect(returns('set()', 'set()')).toBe(true);
    expect(returns('frozenset({1})', 'frozenset([1])')).toBe(true);
    expect(returns('float("-inf")', "-float('inf')")).toBe(true);
    expect(returns('1 - 2j', '1-2j')).toBe(true);
    expect(returns('1', '['.repeat(5000) + ']'.repeat(5000))).toBe(false);
    expect(returns('(1, 2)', '[1, 2]')).toBe(false);
    expect(returns('1', '1 + 1')).toBe(false);
  });
});

describe("CodeI/O's rule for JSON outputs", () => {
  const codeio = (value: string, output: unknown) => {
    const line = JSON.stringify({
      refcode: `def main_solution():\n    return ${value}\n`,
      ios: [{ input: {}, output }],
    });
    const { programs } = parsePrograms(line);
    return runner.trace(programs[0] as TraceRequest).match;
  };

  test('equal as json.dumps writes them: tuples are lists, keys are strings', () => {
    expect(codeio('(1, [2, 3])', [1, [2, 3]])).toBe(true);
    expect(codeio('{1: "a", None: True}', { '1': 'a', null: true })).toBe(true);
    expect(codeio('{1, 2}', [1, 2])).toBe(false);
    expect(codeio('"1"', 1)).toBe(false);
  });

  test('close numbers: relative tolerance 0.001 and the same integer part', () => {
    expect(codeio('[3.14159, 2]', [3.1416, 2.0])).toBe(true);
    expect(codeio('{"x": 100.05}', { x: 100 })).toBe(true);
    expect(codeio('0.9999', 1)).toBe(false);
    expect(codeio('2.0', 2.1)).toBe(false);
    expect(codeio('float("nan")', 0)).toBe(false);
  });

  test('numbers keep their digits from the file: a big int, 1.0 beside 1', () => {
    const line = (value: string, output: string) =>
      `{"refcode": "def main_solution():\\n    return ${value}\\n", "ios": [{"input": {}, "output": ${output}}]}`;
    const big = parsePrograms(line('2 ** 70', '1180591620717411303424')).programs[0];
    expect(big?.expected).toBe('1180591620717411303424');
    expect(runner.trace(big as TraceRequest).match).toBe(true);
    const off = parsePrograms(line('2 ** 70', '1180591620717411303425')).programs[0];
    expect(runner.trace(off as TraceRequest).match).toBe(false);
    expect(parsePrograms(line('1.0', '1.0')).programs[0]?.expected).toBe('1.0');
  });

  test('inputs and ids keep their digits too; a number JSON does not allow is still an error', () => {
    const { programs, errors } = parsePrograms(
      [
        '{"id": 7, "refcode": "def main_solution(n):\\n    return n", "ios": [{"input": {"n": 12345678901234567890}, "output": -0.5e-3}]}',
        '{"id": "zero", "refcode": "x", "ios": [{"input": {"n": 01}, "output": 1}]}',
        '{"id": "number", "refcode": "x", "ios": [{"input": 5, "output": 1}]}',
      ].join('\n'),
    );
    expect(programs).toEqual([
      {
        id: '7',
        code: 'def main_solution(n):\n    return n',
        call: 'main_solution(n=12345678901234567890)',
        compare: 'json',
        expected: '-0.5e-3',
      },
    ]);
    expect(errors.map((error) => error.line)).toEqual([2, 3]);
    expect(errors[0]?.message).toMatch(/not valid JSON/);
  });
});
