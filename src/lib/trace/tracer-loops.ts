/**
 * The tracer's loop folding (Python, loaded before TRACER_SOURCE): each iteration of a loop is
 * held until it ends; one that took a path already shown joins a run of alike iterations, which
 * is written as one `loop` event with the values that changed (their first and last few). The
 * first iterations, and any that took a new path, are shown in full.
 */
export const LOOPS_SOURCE = String.raw`
_FULL_ITERATIONS = 2   # the first iterations of a loop are always shown in full
_HELD_EVENTS = 2000    # an iteration longer than this is shown as it goes, never folded
_SAMPLE = 3            # values kept from each end of a folded run
_MIN_FOLD = 3          # fewer alike iterations than this are shown rather than folded
_MAX_SHAPES = 64


class _Loop:
    __slots__ = ("state", "header", "end", "number", "held", "shapes", "pending", "run", "unfolded")

    def __init__(self, state, header, end):
        self.state = state
        self.header = header
        self.end = end
        self.number = 1
        self.held = []      # events of the current iteration, or None once shown as they go
        self.shapes = set()
        self.pending = None  # the latest iteration like an earlier one: (number, events)
        self.run = None      # folded iterations before it
        self.unfolded = []   # their events, until there are enough of them to fold


class _LoopFolding:
    """Loop folding for Tracer: needs its loops, lines, line_info and write."""

    def block_end(self, line):
        end = self.ends.get(line)
        if end is None:
            header = self.lines[line - 1]
            indent = _len(header) - _len(header.lstrip())
            end = line
            for number in range(line + 1, _len(self.lines) + 1):
                text = self.lines[number - 1]
                if not text.strip():
                    continue
                if _len(text) - _len(text.lstrip()) <= indent:
                    break
                end = number
            self.ends[line] = end
        return end

    def loop_at_line(self, state, line):
        while self.loops and self.loops[-1].state is state and not (
                self.loops[-1].header <= line <= self.loops[-1].end):
            self.close_loop()
        top = self.loops[-1] if self.loops and self.loops[-1].state is state else None
        if top is not None and top.header == line:
            self.end_iteration(_len(self.loops) - 1)
            top.number += 1
            top.held = []
        elif self.line_info(line)[2] or (state.line == line and state.last == "line"):
            # A loop header, or a line run again at once (a comprehension, a one-line loop).
            end = self.block_end(line) if self.line_info(line)[2] else line
            self.loops.append(_Loop(state, line, end))

    def shape(self, events, depth):
        keys = []
        for event in events:
            kind = event["kind"]
            if event["depth"] == depth:
                keys.append((kind, event.get("line") or event.get("name") or event.get("type")))
            elif kind == "call" and event["depth"] == depth + 1:
                keys.append((kind, event["func"]))
        return tuple(keys)

    def end_iteration(self, index):
        loop = self.loops[index]
        events = loop.held
        loop.held = None
        if events is None:
            return
        shape = self.shape(events, loop.state.depth)
        if loop.number <= _FULL_ITERATIONS or shape not in loop.shapes:
            if _len(loop.shapes) < _MAX_SHAPES:
                loop.shapes.add(shape)
            held = self.release(loop)
            held.extend(events)
            self.write(index, held)
        else:
            if loop.pending is not None:
                self.fold(loop, loop.pending)
            loop.pending = (loop.number, events)

    def fold(self, loop, pending):
        number, events = pending
        depth = loop.state.depth
        run = loop.run
        if run is None:
            run = loop.run = {"kind": "loop", "depth": depth, "line": loop.header, "first": number,
                              "last": number, "changes": {}, "calls": []}
        run["last"] = number
        if loop.unfolded is not None:
            loop.unfolded.extend(events)
            if run["last"] - run["first"] + 1 >= _MIN_FOLD:
                loop.unfolded = None
        finals = {}
        for event in events:
            if event["kind"] == "var" and event["depth"] == depth:
                finals[event["name"]] = event
            elif event["kind"] == "call" and event["depth"] == depth + 1 and event["func"] not in run["calls"]:
                run["calls"].append(event["func"])
        for name, event in finals.items():
            change = run["changes"].get(name)
            if change is None:
                change = run["changes"][name] = {"name": name, "head": [], "tail": [], "count": 0}
            value = event["value"]
            if _len(change["head"]) < _SAMPLE:
                change["head"].append(value)
            else:
                change["tail"].append(value)
                if _len(change["tail"]) > _SAMPLE:
                    del change["tail"][0]
            change["count"] += 1
            change["final"] = value
            for flag in ("capped", "opaque"):
                if event.get(flag):
                    run[flag] = True

    def release(self, loop):
        held = []
        if loop.run is not None:
            run = loop.run
            if loop.unfolded is not None:
                held.extend(loop.unfolded)
            else:
                run["changes"] = list(run["changes"].values())
                held.append(run)
            loop.run = None
            loop.unfolded = []
        if loop.pending is not None:
            held.extend(loop.pending[1])
            loop.pending = None
        return held

    def spill(self, index):
        loop = self.loops[index]
        held = self.release(loop)
        held.extend(loop.held)
        loop.held = None
        self.write(index, held)

    def close_loop(self):
        index = _len(self.loops) - 1
        self.end_iteration(index)
        held = self.release(self.loops.pop())
        self.write(index, held)

    def close_loops_of(self, state):
        while self.loops and self.loops[-1].state is state:
            self.close_loop()

    def finish(self):
        while self.loops:
            self.close_loop()
`;
