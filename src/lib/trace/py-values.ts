/**
 * The Python side's value renderer: a cheap, capped repr (after snoop's and reprlib's). It never
 * builds the full text of a huge value: containers show their first items until the budget is
 * spent, huge ints their digit count and last digits (str() of them raises in Python 3.14), and
 * objects of the program's own classes their attributes. Everything it calls is captured when the
 * tracer loads, so a program that replaces `repr` or `len` cannot break it.
 */
export const VALUES_SOURCE = String.raw`
import builtins as _builtins, re as _re, types as _types, collections as _collections
_repr = _builtins.repr
_len = _builtins.len
_type = _builtins.type
_isinstance = _builtins.isinstance
_getattr = _builtins.getattr
_id = _builtins.id
_str = _builtins.str
_int = _builtins.int
_object_repr = _builtins.object.__repr__
_ADDRESS = _re.compile(r" at 0x[0-9a-fA-F]+")
_OPAQUE = _re.compile(r"^<[\w.]+ object>$")
_SIZED = (list, tuple, dict, set, frozenset, str, bytes, bytearray)
_PLAIN = (float, bool, _type(None), complex, range, _types.FunctionType, _types.BuiltinFunctionType,
          _types.GeneratorType, _types.ModuleType, _type)
_MAX_DEPTH = 3


class Rendered:
    """The text of a value and what the reader cannot see in it."""
    __slots__ = ("text", "used", "capped", "opaque")

    def __init__(self):
        self.text = []
        self.used = 0
        self.capped = False
        self.opaque = False

    def add(self, part):
        self.text.append(part)
        self.used += _len(part)


def program_object(value):
    """An instance of a class the program defined, with its own attributes: tracked like a variable."""
    kind = _type(value)
    return (kind.__module__ == "__main__" and not _isinstance(value, _type)
            and _getattr(kind, "__repr__", None) is _object_repr and hasattr(value, "__dict__"))


def render(value, limit):
    """(text, capped, opaque): value's repr, cut at about limit characters."""
    out = Rendered()
    _put(out, value, limit, 0)
    text = "".join(out.text)
    if _len(text) > limit:
        text = text[: limit - 3] + "..."
        out.capped = True
    return text, out.capped, out.opaque


def _room(out, limit):
    return limit - out.used


def _put(out, value, limit, depth):
    kind = _type(value)
    room = _room(out, limit)
    if room <= 0:
        out.capped = True
        return
    if kind is int:
        _put_int(out, value, room)
    elif kind is str or kind is bytes or kind is bytearray:
        if _len(value) > room:
            out.add(_repr(value[:room]) + "...")
            out.capped = True
        else:
            out.add(_repr(value))
    elif (kind is list or kind is tuple or kind is set or kind is frozenset or kind is _deque
          or _isinstance(value, dict)):
        _put_container(out, value, kind, limit, depth)
    elif kind in _PLAIN:
        out.add(_ADDRESS.sub("", _repr(value)))
    elif program_object(value):
        _put_object(out, value, limit, depth)
    else:
        _put_other(out, value, room, limit, depth)


def _put_int(out, value, room):
    bits = value.bit_length()
    if bits < 3000:
        text = _repr(value)
        if _len(text) <= room:
            out.add(text)
            return
    digits = _int(bits * 0.30102999566398120) + 1
    if abs(value) < 10 ** (digits - 1):
        digits -= 1
    tail = _repr(abs(value) % 10 ** 12).rjust(12, "0")
    out.add("<int with %d digits, ending in ...%s>" % (digits, tail))
    out.capped = True


_deque = _collections.deque
_BRACKETS = {list: ("[", "]"), tuple: ("(", ")"), set: ("{", "}"), frozenset: ("frozenset({", "})"),
             _deque: ("deque([", "])")}


def _put_container(out, value, kind, limit, depth):
    size = _len(value)
    if kind is set and size == 0:
        out.add("set()")
        return
    if kind is frozenset and size == 0:
        out.add("frozenset()")
        return
    mapping = _isinstance(value, dict)
    if mapping:
        prefix = "" if kind is dict else kind.__name__ + "("
        opening, closing = prefix + "{", "}" + (")" if prefix else "")
    else:
        opening, closing = _BRACKETS[kind]
    if depth >= _MAX_DEPTH and size:
        out.add(opening + "..." + closing)
        out.capped = True
        return
    out.add(opening)
    first = True
    items = value.items() if mapping else value
    for item in items:
        if _room(out, limit) <= 4:
            out.add(", ..." if not first else "...")
            out.capped = True
            break
        if not first:
            out.add(", ")
        first = False
        if mapping:
            _put(out, item[0], limit, depth + 1)
            out.add(": ")
            _put(out, item[1], limit, depth + 1)
        else:
            _put(out, item, limit, depth + 1)
    if kind is tuple and size == 1:
        out.add(",")
    out.add(closing)


def _put_object(out, value, limit, depth):
    name = _type(value).__name__
    if depth >= _MAX_DEPTH:
        out.add(name + "(...)")
        out.capped = True
        return
    out.add(name + "(")
    first = True
    for key, item in list(value.__dict__.items()):
        if _room(out, limit) <= 4:
            out.add("...")
            out.capped = True
            break
        if not first:
            out.add(", ")
        first = False
        out.add(_str(key) + "=")
        _put(out, item, limit, depth + 1)
    out.add(")")


def _put_other(out, value, room, limit, depth):
    try:
        text = _repr(value)
        if _type(text) is not str:
            raise TypeError("__repr__ returned a non-string")
    except BaseException as exc:
        if _isinstance(exc, (KeyboardInterrupt, SystemExit)) or _type(exc).__name__ == "TraceLimit":
            raise
        if _type(value).__module__ == "__main__" and hasattr(value, "__dict__"):
            # The program's own __repr__ failed (often: called before __init__ set the fields).
            _put_object(out, value, limit, depth)
            return
        text = "<%s object (repr failed: %s)>" % (_type(value).__name__, _type(exc).__name__)
        out.opaque = True
    text = _ADDRESS.sub("", text)
    if _OPAQUE.match(text):
        out.opaque = True
    if _len(text) > room:
        text = text[: max(room - 3, 0)] + "..."
        out.capped = True
    out.add(text)


def length(value):
    """len() for built-in containers worth a len(...) line: not short strings, not empty ones."""
    kind = _type(value)
    if kind not in _SIZED and not _isinstance(value, dict):
        return None
    size = _len(value)
    if (kind is str and size < 50) or size == 0:
        return None
    return size


def safe_str(value, limit=500):
    try:
        text = _str(value)
        if _type(text) is not str:
            text = _type(value).__name__
    except BaseException:
        text = "<%s (str failed)>" % _type(value).__name__
    text = _ADDRESS.sub("", text)
    return text if _len(text) <= limit else text[: limit - 3] + "..."
`;
