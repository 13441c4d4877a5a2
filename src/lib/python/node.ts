import { loadPyodide } from 'pyodide';
import { PythonSession } from './session';
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_PACKAGE_INDEX } from './types';

let fatalRethrowsIgnored = false;

/**
 * After reporting a fatal error to the session (which names it to the caller), Pyodide rethrows
 * it from its event loop as an unhandled rejection; in Node that would end the process and lose
 * every later program. Only those rethrows are ignored; any other rejection still ends it.
 */
function ignoreFatalRethrows(): void {
  if (fatalRethrowsIgnored) return;
  fatalRethrowsIgnored = true;
  process.on('unhandledRejection', (reason) => {
    if ((reason as { pyodide_fatal_error?: boolean } | null)?.pyodide_fatal_error) return;
    throw reason;
  });
}

/** A Python session in Node (command line tools and unit tests), from the installed `pyodide` package. */
export async function createNodeSession(
  options: { packageIndexURL?: string; maxOutputBytes?: number } = {},
): Promise<PythonSession> {
  const packageIndexURL = options.packageIndexURL ?? DEFAULT_PACKAGE_INDEX;
  ignoreFatalRethrows();
  const pyodide = await loadPyodide({
    packageBaseUrl: packageIndexURL,
    env: { MPLBACKEND: 'Agg' },
  });
  return new PythonSession(pyodide, {
    packageIndexURL,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  });
}
