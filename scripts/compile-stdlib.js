// Precompiles part of Pyodide's standard library to bytecode, at build time, with Pyodide itself (so
// the bytecode matches its Python exactly). The npm package ships sources only, and compiling the
// ~200 modules Python imports at start-up is most of its cold start in the browser. Only modules
// that start-up, Loupe's harness and typical model-written code import get a .pyc, so the archive
// grows by little; the rest still compile on first import.
import { loadPyodide } from 'pyodide';

const COMPILE = String.raw`
import importlib._bootstrap_external as external
import importlib.util
import sys
import zipfile

COMMON = """ast base64 bisect collections copy dataclasses datetime decimal fractions functools heapq
inspect io itertools json linecache math operator pprint random re statistics string textwrap
traceback typing asyncio pyodide.code pyodide.ffi""".split()
ALWAYS = ("_pyodide/", "pyodide/")

def wanted_files(prefix):
    for name in COMMON:
        __import__(name)
    files = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None) or ""
        if path.startswith(prefix) and path.endswith(".py"):
            files.add(path[len(prefix):])
    return files

def compile_zip(source_path, target_path, prefix):
    wanted = wanted_files(prefix)
    compiled = 0
    with zipfile.ZipFile(source_path) as source, zipfile.ZipFile(target_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
            if not info.filename.endswith(".py"):
                continue
            if info.filename not in wanted and not info.filename.startswith(ALWAYS):
                continue
            try:
                code = compile(data, prefix + info.filename, "exec", dont_inherit=True)
            except SyntaxError:
                continue
            # Unchecked hash-based pycs: valid whatever the zip entries' timestamps say.
            pyc = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            entry = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
            target.writestr(entry, bytes(pyc), compress_type=zipfile.ZIP_DEFLATED)
            compiled += 1
    return compiled
`;

/**
 * @param {Uint8Array} stdlibZip the `python_stdlib.zip` of the pyodide package
 * @returns {Promise<{ zip: Uint8Array, modules: number }>} the same archive with a `.pyc` beside each `.py`
 */
export async function compileStdlib(stdlibZip) {
  const pyodide = await loadPyodide();
  const version = pyodide.runPython('import sys; f"{sys.version_info[0]}{sys.version_info[1]}"');
  pyodide.FS.writeFile('/tmp/source.zip', stdlibZip);
  pyodide.runPython(COMPILE);
  const modules = pyodide.globals.get('compile_zip')(
    '/tmp/source.zip',
    '/tmp/compiled.zip',
    `/lib/python${version}.zip/`,
  );
  return { zip: pyodide.FS.readFile('/tmp/compiled.zip'), modules };
}
