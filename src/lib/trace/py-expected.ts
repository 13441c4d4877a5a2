/**
 * The expected output, read and compared (Python, loaded before HARNESS_SOURCE). The expected
 * text is data, never code: it is read as a literal by walking its syntax tree (numbers, strings,
 * tuples, lists, sets, dicts, True/False/None, inf and nan, float('inf'), set()), so a hostile
 * value cannot run anything; what is not a literal is compared as text. It is read before the
 * program runs, so the program cannot change how. Two rules compare it with the returned value:
 * Python's (same type and ==) and CodeI/O's (arXiv 2502.07316), for its JSON outputs: equal as
 * json.dumps would write them, or close (relative tolerance 0.001, same integer part) number by
 * number in lists and dicts.
 */
export const EXPECTED_SOURCE = String.raw`
import ast as _ast_module, math as _math
_compile_literal = compile
_AST = _ast_module.PyCF_ONLY_AST
_A = _ast_module
_LITERAL_NODES = (_A.Expression, _A.Constant, _A.UnaryOp, _A.BinOp, _A.Tuple, _A.List, _A.Set,
                  _A.Dict, _A.Name, _A.Call, _A.USub, _A.UAdd, _A.Add, _A.Sub)
(_Expression, _Constant, _UnaryOp, _BinOp, _Tuple, _List, _Set, _Dict, _Name, _Call, _USub,
 _UAdd, _Add, _Sub) = _LITERAL_NODES
_NAMED = {"True": True, "False": False, "None": None, "inf": float("inf"), "nan": float("nan")}
_FLOAT_WORDS = frozenset(("inf", "-inf", "+inf", "infinity", "-infinity", "nan", "-nan"))
_EMPTY = {"set": set, "frozenset": frozenset, "tuple": tuple, "list": list, "dict": dict}
_MAX_EXPECTED = 1000000
_MAX_NESTING = 100
_NUMBERS = (int, float, complex)
_UNREAD = object()


class _NotLiteral(Exception):
    pass


def _literal(node, depth):
    if depth > _MAX_NESTING:
        raise _NotLiteral("nested too deeply")
    kind = _type(node)
    if kind is _Constant:
        return node.value
    if kind is _Name and node.id in _NAMED:
        return _NAMED[node.id]
    if kind is _UnaryOp and _type(node.op) in (_USub, _UAdd):
        operand = _literal(node.operand, depth + 1)
        if _type(operand) not in _NUMBERS:
            raise _NotLiteral("a sign before something other than a number")
        return -operand if _type(node.op) is _USub else operand
    if kind is _BinOp and _type(node.op) in (_Add, _Sub):
        # Only a complex number written as 1+2j.
        left, right = _literal(node.left, depth + 1), _literal(node.right, depth + 1)
        if _type(left) not in (int, float) or _type(right) is not complex:
            raise _NotLiteral("arithmetic")
        return left + right if _type(node.op) is _Add else left - right
    if kind is _Tuple:
        return tuple([_literal(item, depth + 1) for item in node.elts])
    if kind is _List:
        return [_literal(item, depth + 1) for item in node.elts]
    if kind is _Set:
        return set([_literal(item, depth + 1) for item in node.elts])
    if kind is _Dict:
        if None in node.keys:
            raise _NotLiteral("** in a dict")
        return {_literal(k, depth + 1): _literal(v, depth + 1) for k, v in zip(node.keys, node.values)}
    if kind is _Call and _type(node.func) is _Name and not node.keywords:
        name, args = node.func.id, node.args
        if name == "float" and _len(args) == 1 and _type(args[0]) is _Constant \
                and _type(args[0].value) is str and args[0].value.strip().lower() in _FLOAT_WORDS:
            return float(args[0].value)
        if name in _EMPTY and not args:
            return _EMPTY[name]()
        if name in ("set", "frozenset") and _len(args) == 1:
            items = _literal(args[0], depth + 1)
            if _type(items) in (list, tuple, set):
                return _EMPTY[name](items)
    raise _NotLiteral(kind.__name__)


def read_expected(text):
    """The expected value, or _UNREAD when the text is not a literal (then compared as text)."""
    if text is None or _type(text) is not str or _len(text) > _MAX_EXPECTED:
        return _UNREAD
    try:
        tree = _compile_literal(text.strip(), "<expected>", "eval", _AST)
        if _type(tree) is not _Expression:
            return _UNREAD
        return _literal(tree.body, 0)
    except BaseException:
        # Not a literal, too deep, an int too long to read, an unhashable set item: as text.
        return _UNREAD


def _equal_python(value, expected):
    return _type(value) == _type(expected) and bool(value == expected)


_JSON_LEAVES = (str, int, float, bool, _type(None))


def _json_key(key):
    kind = _type(key)
    if kind is str:
        return key
    if kind is bool:
        return "true" if key else "false"
    if key is None:
        return "null"
    if kind is int or kind is float:
        return _repr(key)
    raise TypeError("a key JSON cannot store")


def _json_form(value, depth=0):
    """What json.dumps would write, as a comparable value: tuples are lists, keys strings, and
    anything JSON cannot store raises (as json.dumps does)."""
    if depth > _MAX_NESTING:
        raise TypeError("nested too deeply")
    kind = _type(value)
    if kind in _JSON_LEAVES:
        if kind is float and value != value:
            return ("float", "NaN")
        return (kind.__name__, _repr(value))
    if kind is list or kind is tuple:
        return ("list", [_json_form(item, depth + 1) for item in value])
    if kind is dict:
        return ("dict", [(_json_key(k), _json_form(v, depth + 1)) for k, v in value.items()])
    raise TypeError("not JSON")


def _close(pred, target, depth=0, tol=0.001):
    """CodeI/O's is_close, on JSON values only (no program-defined == is called)."""
    if depth > _MAX_NESTING:
        return False
    pk, tk = _type(pred), _type(target)
    if pk is dict and tk is dict:
        if _len(pred) != _len(target) or set(pred) != set(target):
            return False
        return all(_close(pred[k], target[k], depth + 1) for k in pred)
    if pk is list and tk is list:
        if _len(pred) != _len(target):
            return False
        return all(_close(p, t, depth + 1) for p, t in zip(pred, target))
    if pk in (int, float, bool) and tk in (int, float, bool):
        if pk is float or tk is float:
            if _math.isnan(pred) or _math.isnan(target) or _math.isinf(pred) or _math.isinf(target):
                return False
            return abs(pred - target) <= tol * abs(target) and int(pred) == int(target)
        return pred == target
    return pk in _JSON_LEAVES and pk is tk and pred == target


def _equal_json(value, expected):
    try:
        if _json_form(value) == _json_form(expected):
            return True
    except BaseException:
        return False  # json.dumps would fail on it: CodeI/O counts that as wrong
    return _close(value, expected)


def answer_matches(value, expected, expected_text, answer, as_json):
    """Whether the returned value is the expected one. expected is read_expected's result."""
    if expected is _UNREAD:
        return answer == expected_text.strip()
    try:
        if as_json:
            return _equal_json(value, expected)
        return _equal_python(value, expected) or answer == _repr(expected)
    except BaseException:
        return answer == expected_text.strip()
`;
