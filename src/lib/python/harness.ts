/**
 * The Python side of a run, installed once per interpreter. Kept as a string so the same code
 * serves the browser worker and Node without a loader.
 */
export const HARNESS_SOURCE = String.raw`
import base64, builtins, io, json, linecache, sys, traceback
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
    return "".join(traceback.format_exception(exc))

def _error(exc):
    if isinstance(exc, KeyboardInterrupt):
        return {"type": "KeyboardInterrupt", "message": "Stopped.", "traceback": _user_traceback(exc)}
    message = str(exc)
    if isinstance(exc, MemoryError):
        message = (message + " " if message else "") + (
            "(Python ran out of memory: in the browser it has at most 4 GB, often less.)")
    return {"type": type(exc).__name__, "message": message, "traceback": _user_traceback(exc)}

def _figures():
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return []
    images = []
    try:
        for number in plt.get_fignums():
            buffer = io.BytesIO()
            plt.figure(number).savefig(buffer, format="png", bbox_inches="tight")
            images.append(base64.b64encode(buffer.getvalue()).decode("ascii"))
    finally:
        plt.close("all")
    return images

async def run(code, namespace, filename):
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    value = None
    error = None
    try:
        result = await eval_code_async(code, globals=namespace, filename=filename)
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
    sys.stdout.flush()
    sys.stderr.flush()
    return json.dumps({"value": value, "error": error, "figures": figures})

def new_namespace():
    return {"__name__": "__main__", "__builtins__": builtins}
`;
