import { loadPyodide } from 'pyodide';
import { PythonSession } from './session';
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_PACKAGE_INDEX } from './types';

/** A Python session in Node (command line tools and unit tests), from the installed `pyodide` package. */
export async function createNodeSession(
  options: { packageIndexURL?: string; maxOutputBytes?: number } = {},
): Promise<PythonSession> {
  const packageIndexURL = options.packageIndexURL ?? DEFAULT_PACKAGE_INDEX;
  const pyodide = await loadPyodide({
    packageBaseUrl: packageIndexURL,
    env: { MPLBACKEND: 'Agg' },
  });
  return new PythonSession(pyodide, {
    packageIndexURL,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  });
}
