/**
 * The Python side of the tracer: runs one call of a program under sys.settrace and records
 * snoop-style events (calls, executed lines, new or changed variables and attributes of the
 * program's objects, returns, exceptions). Loops fold runs of iterations that took a path already
 * shown into one `loop` event with the values that changed; past the step limit the program runs
 * on unrecorded, so its answer is still known. Kept as a string so the browser worker and Node
 * load the same code; it needs VALUES_SOURCE and LOOPS_SOURCE loaded first.
 */
export const TRACER_SOURCE = String.raw`
import sys as _sys, time as _time, dis as _dis, itertools as _itertools
_monotonic = _time.monotonic
_islice = _itertools.islice
_GENERATOR_FLAGS = 0x20 | 0x80 | 0x200  # generator, coroutine, async generator
_YIELD_VALUE = _dis.opmap["YIELD_VALUE"]
_LOOP_HEADER = _re.compile(r"^\s*(async\s+)?for\b.*:\s*(#.*)?$|^\s*while\b.*:\s*(#.*)?$")
_MAX_SOURCE = 300
_MAX_OBJECTS = 8
_MAX_ATTRIBUTES = 12
_SIMPLE = frozenset((int, str, float, bool, _type(None)))
_BIG = 10 ** 30


class TraceLimit(BaseException):
    """Raised inside the traced program to end it at the time limit."""


class _Frame:
    __slots__ = ("depth", "values", "indent", "last", "line", "gen")

    def __init__(self, depth, gen):
        self.depth = depth
        self.values = {}
        self.indent = 0
        self.last = "call"
        self.line = 0
        self.gen = gen


class Tracer(_LoopFolding):
    def __init__(self, filename, lines, max_events, max_repr, max_chars, deadline):
        self.filename = filename
        self.lines = lines
        self.max_events = max_events
        self.max_repr = max_repr
        self.max_chars = max_chars
        self.deadline = deadline
        self.events = []
        self.chars = 0
        self.recording = True
        self.limit = None
        self.ticks = 0
        self.stack = []
        self.states = {}
        self.generators = {}
        self.keep = []
        self.loops = []
        self.ends = {}
        self.info = {}
        self.last_frame = None

    # -- limits and where events go -------------------------------------------
    def check_time(self):
        if _monotonic() > self.deadline:
            self.limit = "timeout"
            raise TraceLimit()

    def emit(self, event):
        self.ticks += 1
        if self.ticks & 15 == 0:
            self.check_time()
        loops = self.loops
        if loops and loops[-1].held is not None:
            held = loops[-1].held
            held.append(event)
            if _len(held) > _HELD_EVENTS:
                self.spill(_len(loops) - 1)
        else:
            self.write(_len(loops), [event])

    def write(self, above, events):
        """Sends events to the innermost loop below index above that holds its iteration."""
        for index in range(above - 1, -1, -1):
            loop = self.loops[index]
            if loop.held is not None:
                loop.held.extend(events)
                if _len(loop.held) > _HELD_EVENTS:
                    self.spill(index)
                return
        for event in events:
            self.record(event)

    def record(self, event):
        if not self.recording:
            return
        if _len(self.events) >= self.max_events or self.chars > self.max_chars:
            self.recording = False
            self.limit = self.limit or "steps"
            self.loops = []
            return
        self.chars += _len(event.get("value", "")) + _len(event.get("source", "")) + 120
        self.events.append(event)

    # -- loops ------------------------------------------------------------------
    # -- values -----------------------------------------------------------------
    def binding(self, state, name, text, capped, opaque, size):
        event = {"kind": "var", "depth": state.depth, "name": name, "value": text,
                 "dots": 6 + state.indent}
        if size is not None:
            event["length"] = size
        if capped:
            event["capped"] = True
        if opaque:
            event["opaque"] = True
        self.emit(event)

    def track(self, state, name, value, everything):
        kind = _type(value)
        if kind in _SIMPLE:
            # The common case, kept cheap: a small number, a short string.
            if kind is int and not -_BIG < value < _BIG:
                text, capped, opaque = render(value, self.max_repr)
            elif kind is str and _len(value) > 40:
                text, capped, opaque = render(value, self.max_repr)
            else:
                text, capped, opaque = _repr(value), False, False
            if not everything and state.values.get(name) == text:
                return
            state.values[name] = text
            self.binding(state, name, text, capped, opaque, length(value) if kind is str else None)
            return
        text, capped, opaque = render(value, self.max_repr)
        if not everything and state.values.get(name) == text:
            return
        state.values[name] = text
        self.binding(state, name, text, capped, opaque, length(value))

    def flush_values(self, frame, state, everything=False):
        objects = 0
        for name, value in list(frame.f_locals.items()):
            if name[0] == ".":
                continue  # the hidden iterator of a comprehension
            if objects < _MAX_OBJECTS and _type(value) not in _SIMPLE and program_object(value):
                objects += 1
                key = "\0%d" % _id(value)
                if everything or state.values.get(name) != key:
                    state.values[name] = key
                    self.binding(state, name, "<%s object>" % _type(value).__name__, False, False, None)
                for attribute, item in list(_islice(value.__dict__.items(), _MAX_ATTRIBUTES)):
                    self.track(state, "%s.%s" % (name, attribute), item, everything)
            else:
                self.track(state, name, value, everything)

    # -- lines ------------------------------------------------------------------
    def source(self, line):
        return self.line_info(line)[0]

    def line_info(self, line):
        """(text, indent, is a loop header) of a line of the program, worked out once."""
        info = self.info.get(line)
        if info is None:
            text = self.lines[line - 1].rstrip("\n") if 0 < line <= _len(self.lines) else ""
            if _len(text) > _MAX_SOURCE:
                text = text[: _MAX_SOURCE - 3] + "..."
            info = self.info[line] = (text, _len(text) - _len(text.lstrip(" ")),
                                      _LOOP_HEADER.match(text) is not None)
        return info

    def emit_line(self, state, line):
        text, indent, _ = self.line_info(line)
        state.indent = indent
        state.line = line
        self.emit({"kind": "line", "depth": state.depth, "line": line, "source": text})

    def reprint_after_nested_call(self, frame, state):
        if self.last_frame is not frame and state.line:
            self.emit_line(state, frame.f_lineno or state.line)

    # -- sys.settrace callbacks -------------------------------------------------
    def on_count(self, frame, event, arg):
        self.ticks += 1
        if self.ticks & 255 == 0:
            self.check_time()
        return self.on_count

    def on_new_frame(self, frame, event, arg):
        if frame.f_code.co_filename != self.filename:
            return None
        if not self.recording:
            return self.on_count(frame, event, arg)
        code = frame.f_code
        generator = bool(code.co_flags & _GENERATOR_FLAGS)
        resumed = generator and frame in self.generators
        if generator and not resumed:
            self.generators[frame] = _len(self.generators) + 1
            self.keep.append(frame)
        state = _Frame(_len(self.stack), self.generators.get(frame))
        self.stack.append(frame)
        self.states[frame] = state
        verb = "Re-enter generator" if resumed else ("Start generator" if generator else "Call to")
        line = frame.f_lineno if resumed else code.co_firstlineno
        event = {"kind": "call", "depth": state.depth, "func": code.co_name, "verb": verb, "line": line}
        if state.gen is not None:
            event["gen"] = state.gen
        self.emit(event)
        if resumed:
            text = self.source(line)
            state.indent = _len(text) - _len(text.lstrip(" "))
        self.flush_values(frame, state, everything=True)
        self.emit_line(state, line)
        self.last_frame = frame
        return self.on_event

    def on_event(self, frame, event, arg):
        if not self.recording:
            return self.on_count(frame, event, arg)
        state = self.states.get(frame)
        if state is None:
            return None
        if event == "line":
            self.flush_values(frame, state)
            line = frame.f_lineno
            self.loop_at_line(state, line)
            if not self.recording:
                return self.on_count
            self.emit_line(state, line)
        elif event == "exception":
            kind, value, _ = arg
            if kind is TraceLimit:
                return None
            self.flush_values(frame, state)
            self.reprint_after_nested_call(frame, state)
            self.emit({"kind": "exception", "depth": state.depth, "type": kind.__name__,
                       "message": safe_str(value)})
        elif event == "return":
            self.flush_values(frame, state)
            self.reprint_after_nested_call(frame, state)
            self.close_loops_of(state)
            code = frame.f_code
            if self.limit == "timeout":
                pass
            elif state.last == "exception":
                self.emit({"kind": "unwind", "depth": state.depth, "func": code.co_name})
            else:
                text, capped, opaque = render(arg, self.max_repr)
                kind = "yield" if code.co_flags & _GENERATOR_FLAGS and _is_yield(frame) else "return"
                ended = {"kind": kind, "depth": state.depth, "func": code.co_name, "value": text}
                if capped:
                    ended["capped"] = True
                if opaque:
                    ended["opaque"] = True
                self.emit(ended)
            self.stack.pop()
            del self.states[frame]
            self.last_frame = None
            return self.on_event
        state.last = event
        self.last_frame = frame
        return self.on_event


def _is_yield(frame):
    try:
        return frame.f_code.co_code[frame.f_lasti] == _YIELD_VALUE
    except Exception:
        return False
`;
