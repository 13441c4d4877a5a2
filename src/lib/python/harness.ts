/**
 * The Python side of a run, installed once per interpreter. Kept as a string so the same code
 * serves the browser worker and Node without a loader.
 *
 * The code being run can replace anything it can reach (`json`, `sys.stdout`, `print`, the
 * builtins), so the harness keeps its own references, taken before any user code ran, and runs
 * with a private copy of the builtins (installed by the session). Results go back to JavaScript
 * as a tuple converted by Pyodide, never through a module the code could patch.
 */
export const HARNESS_SOURCE = String.raw`
import base64, builtins, io, linecache, sys, traceback
from pyodide.code import eval_code_async

_INPUT_MESSAGE = (
    "input() is not available in Loupe: the code runs in the background with no keyboard. "
    "Put the value in the code instead, for example  x = 5."
)

def _no_input(prompt=""):
    raise RuntimeError(_INPUT_MESSAGE)

builtins.input = _no_input

_flush_output = None

def set_output_flush(hook):
    """Output waiting to be posted is posted before Python blocks in time.sleep()."""
    global _flush_output
    _flush_output = hook

def _install_sleep_flush():
    import time
    blocking_sleep = time.sleep
    def sleep(seconds):
        if _flush_output is not None:
            _flush_output()
        blocking_sleep(seconds)
    sleep.__doc__ = blocking_sleep.__doc__
    time.sleep = sleep

_install_sleep_flush()

# What a run may change and Reset puts back, captured before any user code runs.
_SYS = sys
_MODULES = sys.modules
_BUILTINS_DICT = builtins.__dict__
_BUILTINS_SNAPSHOT = dict(builtins.__dict__)
_STREAMS = {name: getattr(sys, name) for name in ("stdout", "stderr", "stdin")}
_HOOKS = {name: getattr(sys, name) for name in ("displayhook", "excepthook", "breakpointhook", "unraisablehook")}
_RECURSION_LIMIT = sys.getrecursionlimit()
_INT_DIGITS = sys.get_int_max_str_digits()
_format_exception = traceback.format_exception
_b64encode = base64.b64encode
_BytesIO = io.BytesIO
_LINECACHE = linecache.cache
_eval_code_async = eval_code_async

def _restore_streams():
    for name, stream in _STREAMS.items():
        if getattr(_SYS, name, None) is not stream:
            setattr(_SYS, name, stream)

def _restore_missing_builtins():
    """Put back built-in names the code deleted: the event loop itself needs them."""
    if len(_BUILTINS_DICT) != len(_BUILTINS_SNAPSHOT) or any(k not in _BUILTINS_DICT for k in _BUILTINS_SNAPSHOT):
        for key, value in _BUILTINS_SNAPSHOT.items():
            if key not in _BUILTINS_DICT:
                _BUILTINS_DICT[key] = value
        return True
    return False

def reset_state():
    """Everything a run can change outside its namespace, back as it was at start-up."""
    _restore_streams()
    for name, hook in _HOOKS.items():
        setattr(_SYS, name, hook)
    _SYS.settrace(None)
    _SYS.setprofile(None)
    _SYS.setrecursionlimit(_RECURSION_LIMIT)
    _SYS.set_int_max_str_digits(_INT_DIGITS)
    _BUILTINS_DICT.clear()
    _BUILTINS_DICT.update(_BUILTINS_SNAPSHOT)

_MAX_REPR = 10_000

def _short_repr(value):
    text = repr(value)
    if len(text) > _MAX_REPR:
        text = text[:_MAX_REPR] + f"… [{len(text) - _MAX_REPR} more characters]"
    return text

def _user_traceback(exc):
    """The traceback from the first frame of the user's code on, without Loupe's or Pyodide's."""
    tb = exc.__traceback__
    while tb is not None and not tb.tb_frame.f_code.co_filename.startswith("<cell"):
        tb = tb.tb_next
    exc.__traceback__ = tb
    try:
        return "".join(_format_exception(exc))
    except BaseException:
        return ""

def _safe_str(exc):
    try:
        return str(exc)
    except BaseException:
        return "(the exception's message could not be shown)"

def _error(exc):
    message = _safe_str(exc)
    if isinstance(exc, KeyboardInterrupt):
        # Loupe's own Stop and time limit are named by the caller, which knows it asked for them.
        message = message or "KeyboardInterrupt was raised."
    elif isinstance(exc, MemoryError):
        message = (message + " " if message else "") + (
            "(Python ran out of memory: in the browser it has at most 4 GB, often less.)")
    return {"type": type(exc).__name__, "message": message, "traceback": _user_traceback(exc)}

def _figures():
    plt = _MODULES.get("matplotlib.pyplot")
    if plt is None:
        return []
    images = []
    try:
        for number in plt.get_fignums():
            buffer = _BytesIO()
            plt.figure(number).savefig(buffer, format="png", bbox_inches="tight")
            images.append(_b64encode(buffer.getvalue()).decode("ascii"))
    finally:
        plt.close("all")
    return images

def _flush_streams():
    for stream in (_STREAMS["stdout"], _STREAMS["stderr"]):
        try:
            stream.flush()
        except BaseException:
            pass

async def run(code, namespace, filename):
    """Returns (value repr or None, error dict or None, figures, notes)."""
    _restore_streams()
    _LINECACHE[filename] = (len(code), None, code.splitlines(True), filename)
    value = None
    error = None
    notes = []
    try:
        try:
            result = await _eval_code_async(code, globals=namespace, filename=filename)
        finally:
            if _restore_missing_builtins():
                notes.append("The code deleted built-in functions; Loupe put them back.")
        if result is not None:
            value = _short_repr(result)
    except BaseException as exc:
        error = _error(exc)
    figures = []
    try:
        figures = _figures()
    except Exception as exc:
        if error is None:
            error = _error(exc)
    _flush_streams()
    return (value, error, figures, notes)

def new_namespace():
    return {"__name__": "__main__", "__builtins__": builtins}
`;
