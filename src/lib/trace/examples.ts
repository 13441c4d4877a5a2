import type { TraceRequest } from './types';

/** Programs to start from in the Trace view. */
export const TRACE_EXAMPLES: (TraceRequest & { title: string })[] = [
  {
    id: 'example-dict',
    title: 'Merging keys into a dict (CRUXEval sample_1)',
    code: 'def f(a, b, c):\n    result = {}\n    for d in a, b, c:\n        result.update(dict.fromkeys(d))\n    return result\n',
    call: 'f((1, ), (1, ), (1, 2))',
    expected: '{1: None, 2: None}',
  },
  {
    id: 'example-recursion',
    title: 'Recursion: factorial',
    code: 'def mul(a, b):\n    return a * b\n\ndef factorial(n):\n    if n <= 1:\n        return 1\n    return mul(n, factorial(n - 1))\n',
    call: 'factorial(4)',
  },
  {
    id: 'example-long-loop',
    title: 'A long loop: digits of a number',
    code: 'def digit_sum(n):\n    total = 0\n    while n > 0:\n        total += n % 10\n        n //= 10\n    return total\n',
    call: 'digit_sum(9876543210)',
  },
  {
    id: 'example-generator',
    title: 'A generator',
    code: 'def squares(limit):\n    for i in range(limit):\n        yield i * i\n\ndef f(limit):\n    return [s for s in squares(limit) if s % 2 == 0]\n',
    call: 'f(5)',
  },
];
