/** Starting points in the Python view, each showing one thing the interpreter handles. */
export interface PythonExample {
  title: string;
  code: string;
}

export const PYTHON_EXAMPLES: PythonExample[] = [
  {
    title: 'Hello',
    code: 'import sys\n\nprint("Hello from Python", sys.version.split()[0])\nprint("this goes to stderr", file=sys.stderr)\nsum(range(101))\n',
  },
  {
    title: 'An error with its traceback',
    code: 'def average(values):\n    return sum(values) / len(values)\n\naverage([])\n',
  },
  {
    title: 'A busy loop (press Stop)',
    code: 'n = 0\nwhile True:\n    n += 1\n',
  },
  {
    title: 'Sleeping for a minute',
    code: 'import time\n\nprint("sleeping…")\ntime.sleep(60)\nprint("awake")\n',
  },
  {
    title: 'An output flood',
    code: 'for i in range(100_000):\n    print(f"line {i}: " + "x" * 40)\n',
  },
  {
    title: 'Deep recursion',
    code: 'def depth(n):\n    return depth(n + 1)\n\ndepth(0)\n',
  },
  {
    title: 'Asking for input()',
    code: 'name = input("What is your name? ")\nprint("Hello", name)\n',
  },
  {
    title: 'Running out of memory',
    code: 'hoard = []\nwhile True:\n    hoard.append(bytearray(64 * 2**20))\n',
  },
  {
    title: 'What `import js` can reach',
    code: 'import js\n\nprint(sorted(name for name in dir(js) if not name.startswith("_")))\nfor name in ["self", "fetch", "indexedDB", "document"]:\n    print(name, "reachable" if hasattr(js, name) else "not reachable")\n',
  },
  {
    title: 'A package: numpy (downloads it)',
    code: 'import numpy as np\n\nnp.linalg.solve([[2, 1], [1, 3]], [3, 5])\n',
  },
];
