/**
 * The Python entry point of the tracer: defines a program, traces one call of it, and hands back a
 * plain dict that JavaScript converts itself (no json module a program could replace). What a
 * program may have changed in the interpreter (streams, builtins, module attributes, the
 * recursion limit, time.sleep) is put back after every run, so one program cannot poison the next.
 * Needs VALUES_SOURCE, LOOPS_SOURCE, TRACER_SOURCE and EXPECTED_SOURCE loaded first.
 */
export const HARNESS_SOURCE = String.raw`
import io as _io
# Modules whose attributes a program may replace and the next program would then meet: put back
# after every run. (Checking every loaded module would cost milliseconds per program; importing
# heavier ones such as decimal here would slow the tracer's start.)
_GUARDED = ("builtins", "sys", "time", "json", "math", "itertools", "collections", "functools",
            "heapq", "bisect", "random", "string", "re", "operator", "copy", "io", "types")
for _name in _GUARDED:
    __import__(_name)
_MISSING = object()
_MODULES = [(_sys.modules[name], dict(_sys.modules[name].__dict__)) for name in _GUARDED]
# Only these entries of sys.modules are put back: a module the host removed on purpose after the
# tracer loaded (the command line's sandbox removes pyodide_js) must stay removed.
_SYS_MODULES = {name: _sys.modules[name] for name in _GUARDED}
_BUILTINS = dict(_builtins.__dict__)
_STREAMS = (_sys.stdout, _sys.stderr, _sys.stdin)
_RECURSION_LIMIT = _sys.getrecursionlimit()
_settrace = _sys.settrace
_gettrace = _sys.gettrace
_setprofile = _sys.setprofile
_setrecursionlimit = _sys.setrecursionlimit
# Deeper recursion than this can overflow the JavaScript stack under the tracer and kills the
# interpreter; a program asking for more gets this, so it ends with a RecursionError instead.
_MAX_RECURSION = 5000


def _bounded_recursion_limit(limit):
    _setrecursionlimit(min(limit, _MAX_RECURSION))
_sleep = _time.sleep
_compile = compile
_exec = exec
_eval = eval


class _CappedOutput(_io.TextIOBase):
    """What the program prints, kept up to a limit so a flood cannot fill the memory."""

    def __init__(self, limit):
        self.parts = []
        self.size = 0
        self.limit = limit

    def writable(self):
        return True

    def write(self, text):
        text = _str(text)
        if self.size < self.limit:
            self.parts.append(text[: self.limit - self.size])
        self.size += _len(text)
        return _len(text)

    def value(self):
        return "".join(self.parts)


def _restore():
    _settrace(None)
    _setprofile(None)
    _sys.stdout, _sys.stderr, _sys.stdin = _STREAMS
    _setrecursionlimit(_RECURSION_LIMIT)
    names = _builtins.__dict__
    for key in [key for key in names if key not in _BUILTINS]:
        del names[key]
    for key, value in _BUILTINS.items():
        if names.get(key, _MISSING) is not value:
            names[key] = value
    for module, saved in _MODULES:
        names = module.__dict__
        for key, value in saved.items():
            if names.get(key, _MISSING) is not value:
                names[key] = value
    for key, module in _SYS_MODULES.items():
        if _sys.modules.get(key) is not module:
            _sys.modules[key] = module


def _answer(value, limit):
    text, capped, opaque = render(value, limit)
    if not capped and not opaque:
        # Small enough to print in full: Python's own repr is the exact answer.
        try:
            exact = _ADDRESS.sub("", _repr(value))
            if _len(exact) <= limit:
                text = exact
        except BaseException:
            pass
    return text, capped, opaque


def trace(source, call, expected, filename, max_events, max_repr, timeout, max_chars, answer_limit,
          as_json=False):
    """Defines the program (untraced), then traces one call of it. Returns a dict."""
    # Read before the program runs: nothing it does can change how, and it is never run as code.
    expected_value = read_expected(expected)
    started = _monotonic()
    deadline = started + timeout
    lines = source.splitlines(True)
    tracer = Tracer(filename, lines, max_events, max_repr, max_chars, deadline)
    result = {"status": "ok", "answer": None, "error": None, "match": None}
    out = _CappedOutput(10000)

    def sleep(seconds):
        # Sleeping past the time limit ends the program now instead of at the end of the sleep.
        if _monotonic() + seconds > deadline:
            tracer.limit = "timeout"
            raise TraceLimit()
        _sleep(seconds)

    namespace = {"__name__": "__main__"}
    value = None
    try:
        _time.sleep = sleep
        _sys.setrecursionlimit = _bounded_recursion_limit
        _sys.stdout = _sys.stderr = out
        try:
            _exec(_compile(source, filename, "exec"), namespace)
            call_code = _compile(call, "<call>", "eval")
        except TraceLimit:
            result["status"] = "timeout"
        except BaseException as exc:
            result["status"] = "invalid"
            result["error"] = {"type": _type(exc).__name__, "message": safe_str(exc)}
        if result["status"] == "ok":
            _settrace(tracer.on_new_frame)
            try:
                value = _eval(call_code, namespace)
                if _gettrace() != tracer.on_new_frame:
                    result["error"] = {"type": "TraceDisabled",
                                       "message": "the program switched the tracer off"}
            except TraceLimit:
                tracer.limit = "timeout"
            except BaseException as exc:
                result["status"] = "raised"
                result["error"] = {"type": _type(exc).__name__, "message": safe_str(exc)}
            finally:
                _settrace(None)
    finally:
        _settrace(None)
        _time.sleep = _sleep
        _sys.setrecursionlimit = _setrecursionlimit
        _sys.stdout, _sys.stderr, _sys.stdin = _STREAMS
    tracer.finish()
    if tracer.limit == "timeout" or _monotonic() > deadline:
        result["status"] = "timeout"
    elif result["status"] == "ok" and (tracer.limit == "steps" or result["error"]):
        result["status"] = "truncated"
    if result["status"] in ("ok", "truncated"):
        try:
            text, capped, opaque = _answer(value, answer_limit)
            result["answer"] = text
            result["answerCapped"] = capped
            result["answerOpaque"] = opaque
            if expected is not None:
                result["match"] = answer_matches(value, expected_value, expected, text, as_json)
        except BaseException as exc:
            result["status"] = "raised"
            result["error"] = {"type": _type(exc).__name__, "message": safe_str(exc)}
    _restore()
    result["events"] = tracer.events
    result["stdout"] = out.value()
    return result
`;
