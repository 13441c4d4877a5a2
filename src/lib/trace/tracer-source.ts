/**
 * The Python side of the tracer: runs one call of a program under sys.settrace and records
 * snoop-style events (calls, executed lines, new or changed variables, returns, exceptions).
 * Kept as a string so the browser worker and Node load the same code.
 */
export const TRACER_SOURCE = String.raw`
import io, json, re, sys, time
from collections.abc import Mapping, Sequence, Set

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_SIZED = (list, tuple, dict, set, frozenset, str, bytes, bytearray)
_GENERATOR_FLAGS = 0x20 | 0x80 | 0x200  # generator, coroutine, async generator


class TraceLimit(BaseException):
    """Raised inside the traced program to end it at the step limit or the time limit."""


class _Frame:
    __slots__ = ("depth", "values", "indent", "last", "line")

    def __init__(self, depth):
        self.depth = depth
        self.values = {}
        self.indent = 0
        self.last = "call"
        self.line = 0


class Tracer:
    def __init__(self, filename, max_events, max_repr, timeout):
        self.filename = filename
        self.max_events = max_events
        self.max_repr = max_repr
        self.deadline = time.monotonic() + timeout
        self.events = []
        self.stack = []
        self.states = {}
        self.started = set()
        self.keep = []
        self.limit = None
        self.last_frame = None
        self.lines = {}

    # -- values ---------------------------------------------------------------
    def short(self, value):
        try:
            text = repr(value)
        except Exception as exc:
            text = "<%s object (repr failed: %s)>" % (type(value).__name__, type(exc).__name__)
        text = _ADDRESS.sub("", text)
        if len(text) > self.max_repr:
            text = text[: self.max_repr - 3] + "..."
        return text

    @staticmethod
    def length(value):
        if type(value) not in _SIZED:
            return None
        size = len(value)
        if isinstance(value, str) and size < 50:
            return None
        if isinstance(value, (Mapping, Set, Sequence)) and size == 0:
            return None
        return size

    # -- events ---------------------------------------------------------------
    def emit(self, event):
        if len(self.events) >= self.max_events:
            self.limit = "steps"
            raise TraceLimit()
        if len(self.events) % 64 == 0 and time.monotonic() > self.deadline:
            self.limit = "timeout"
            raise TraceLimit()
        self.events.append(event)

    def source(self, frame, line):
        lines = self.lines.get(frame.f_code.co_filename)
        if lines is None or not 0 < line <= len(lines):
            return ""
        return lines[line - 1].rstrip("\n")

    def emit_line(self, frame, state, line):
        text = self.source(frame, line)
        state.indent = len(text) - len(text.lstrip(" "))
        state.line = line
        self.emit({"kind": "line", "depth": state.depth, "line": line, "source": text})

    def flush_values(self, frame, state, everything=False):
        for name, value in list(frame.f_locals.items()):
            text = self.short(value)
            if not everything and state.values.get(name) == text:
                continue
            state.values[name] = text
            event = {"kind": "var", "depth": state.depth, "name": name, "value": text,
                     "dots": 6 + state.indent}
            size = self.length(value)
            if size is not None:
                event["length"] = size
            self.emit(event)

    def reprint_after_nested_call(self, frame, state):
        if self.last_frame is not frame and state.line:
            self.emit_line(frame, state, frame.f_lineno or state.line)

    # -- sys.settrace callbacks -----------------------------------------------
    def on_new_frame(self, frame, event, arg):
        if frame.f_code.co_filename != self.filename:
            return None
        code = frame.f_code
        depth = len(self.stack)
        state = _Frame(depth)
        self.stack.append(frame)
        self.states[frame] = state
        generator = bool(code.co_flags & _GENERATOR_FLAGS)
        resumed = generator and frame in self.started
        if generator and not resumed:
            self.started.add(frame)
            self.keep.append(frame)
        verb = "Re-enter generator" if resumed else ("Start generator" if generator else "Call to")
        self.emit({"kind": "call", "depth": depth, "func": code.co_name, "verb": verb,
                   "line": code.co_firstlineno if not resumed else frame.f_lineno})
        if resumed:
            state.indent = len(self.source(frame, frame.f_lineno)) - len(self.source(frame, frame.f_lineno).lstrip(" "))
        self.flush_values(frame, state, everything=True)
        self.emit_line(frame, state, code.co_firstlineno if not resumed else frame.f_lineno)
        self.last_frame = frame
        return self.on_event

    def on_event(self, frame, event, arg):
        state = self.states.get(frame)
        if state is None:
            return None
        if event == "line":
            self.flush_values(frame, state)
            self.emit_line(frame, state, frame.f_lineno)
        elif event == "exception":
            self.flush_values(frame, state)
            self.reprint_after_nested_call(frame, state)
            kind, value, _ = arg
            self.emit({"kind": "exception", "depth": state.depth, "type": kind.__name__,
                       "message": _ADDRESS.sub("", str(value))})
        elif event == "return":
            self.flush_values(frame, state)
            self.reprint_after_nested_call(frame, state)
            code = frame.f_code
            if state.last == "exception":
                self.emit({"kind": "unwind", "depth": state.depth, "func": code.co_name})
            elif code.co_flags & _GENERATOR_FLAGS and _is_yield(frame):
                self.emit({"kind": "yield", "depth": state.depth, "func": code.co_name,
                           "value": self.short(arg)})
            else:
                self.emit({"kind": "return", "depth": state.depth, "func": code.co_name,
                           "value": self.short(arg)})
            self.stack.pop()
            del self.states[frame]
            self.last_frame = None
            return self.on_event
        state.last = event
        self.last_frame = frame
        return self.on_event


def _is_yield(frame):
    try:
        code = frame.f_code.co_code
        return code[frame.f_lasti] == _YIELD_VALUE
    except Exception:
        return False


import dis as _dis
_YIELD_VALUE = _dis.opmap["YIELD_VALUE"]
del _dis


def _equal(value, expected_source):
    try:
        expected = eval(expected_source, {"inf": float("inf"), "nan": float("nan")})
    except Exception:
        return repr(value) == expected_source
    try:
        return bool(value == expected) and type(value) == type(expected) or repr(value) == repr(expected)
    except Exception:
        return repr(value) == expected_source


def trace(source, call, expected, filename, max_events, max_repr, timeout):
    """Defines the program (untraced), then traces one call of it. Returns JSON."""
    out = io.StringIO()
    real_stdout = sys.stdout
    tracer = Tracer(filename, max_events, max_repr, timeout)
    tracer.lines[filename] = source.splitlines(True)
    result = {"status": "ok", "answer": None, "error": None, "match": None}
    namespace = {"__name__": "__main__"}
    sys.stdout = out
    try:
        try:
            exec(compile(source, filename, "exec"), namespace)
            call_code = compile(call, "<call>", "eval")
        except BaseException as exc:
            result["status"] = "invalid"
            result["error"] = {"type": type(exc).__name__, "message": str(exc)}
            return json.dumps(result)
        sys.settrace(tracer.on_new_frame)
        try:
            value = eval(call_code, namespace)
        except TraceLimit:
            value = None
            result["status"] = "truncated" if tracer.limit == "steps" else "timeout"
        except BaseException as exc:
            value = None
            result["status"] = "raised"
            result["error"] = {"type": type(exc).__name__, "message": _ADDRESS.sub("", str(exc))}
        finally:
            sys.settrace(None)
        if tracer.limit and result["status"] not in ("truncated", "timeout"):
            result["status"] = "truncated" if tracer.limit == "steps" else "timeout"
        if result["status"] == "ok":
            result["answer"] = _ADDRESS.sub("", repr(value))
            if expected is not None:
                result["match"] = _equal(value, expected)
    finally:
        sys.stdout = real_stdout
    result["events"] = tracer.events
    result["stdout"] = out.getvalue()[:10000]
    return json.dumps(result)
`;
