import type { PyodideAPI } from 'pyodide';

/**
 * What `import js` gives a program in the sandbox: timers with numeric ids, as in the browser's
 * Python worker (Node's timer objects would lead back to the process), and nothing else. Frozen,
 * with no prototype, so there is no `constructor` to climb.
 */
export function lockedGlobals(): object {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 1;
  const schedule =
    (repeat: boolean) =>
    (callback: () => void, ms = 0): number => {
      const id = next++;
      const run = () => {
        if (!repeat) timers.delete(id);
        callback();
      };
      timers.set(id, repeat ? setInterval(run, ms) : setTimeout(run, ms));
      return id;
    };
  const cancel = (id: number): void => {
    clearTimeout(timers.get(id));
    timers.delete(id);
  };
  return Object.freeze(
    Object.assign(Object.create(null) as object, {
      setTimeout: schedule(false),
      setInterval: schedule(true),
      clearTimeout: cancel,
      clearInterval: cancel,
    }),
  );
}

/**
 * Python's other road to JavaScript is the `pyodide_js` module: Pyodide's API, whose file
 * system streams hold Node's `fs` and whose `_api` holds Node sockets. The modules Loupe needs
 * are imported first (they keep only harmless references), then the module is removed.
 */
const FORGET_PYODIDE_JS = String.raw`
import sys
import pyodide, pyodide.code, pyodide.ffi, pyodide.webloop, pyodide._package_loader
for _name in [n for n in sys.modules if n == "pyodide_js" or n.startswith("pyodide_js.")]:
    del sys.modules[_name]
del _name
`;

export function forgetPyodideApi(pyodide: PyodideAPI): void {
  pyodide.runPython(FORGET_PYODIDE_JS);
  pyodide.unregisterJsModule('pyodide_js');
}

/**
 * A fingerprint of the parts of Python that Loupe's harness and tracer use, taken before any
 * program runs and compared after each one. A program that replaced `json.dumps`, a builtin,
 * `sys.stdout` or the recursion limit leaves a changed fingerprint, and its interpreter is
 * retired so the next program starts clean.
 */
export const INTEGRITY_SOURCE = String.raw`
import sys, types

_MODULES = ("builtins", "sys", "json", "json.encoder", "json.decoder", "_json", "io", "re",
            "time", "types", "traceback", "linecache", "codecs", "dis", "collections.abc")
_VOLATILE = {"last_value", "last_type", "last_traceback", "last_exc", "_"}

def snapshot():
    seen = {}
    for name in _MODULES:
        module = sys.modules.get(name)
        seen[name] = id(module)
        if module is None:
            continue
        for key, value in list(vars(module).items()):
            if key in _VOLATILE:
                continue
            code = value.__code__ if type(value) is types.FunctionType else None
            seen[name + "." + key] = (id(value), id(code))
    seen["sys.stdout()"] = id(sys.stdout)
    seen["sys.stderr()"] = id(sys.stderr)
    seen["recursion limit"] = sys.getrecursionlimit()
    seen["settrace"] = id(sys.gettrace())
    seen["setprofile"] = id(sys.getprofile())
    return seen

_FIRST = snapshot()

def changed():
    now = snapshot()
    keys = [k for k in set(_FIRST) | set(now) if _FIRST.get(k) != now.get(k)]
    return ", ".join(sorted(keys)[:5])
`;
