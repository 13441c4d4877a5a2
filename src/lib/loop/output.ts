import type { PythonRunResult } from '../python/types';

/**
 * What the model is shown of a run: stdout and stderr, the error's traceback, or the value of the
 * last line when nothing was printed. Long outputs keep their head and tail, with a marker.
 */
export function outputForModel(result: PythonRunResult, limit = 2000): string {
  let text = result.stdout + result.stderr;
  if (result.error) {
    const error = result.error.traceback || `${result.error.type}: ${result.error.message}`;
    text += (text && !text.endsWith('\n') ? '\n' : '') + error;
  } else if (!text && result.value !== null) {
    text = result.value;
  }
  return headAndTail(text.replace(/\n+$/, ''), limit);
}

export function headAndTail(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const half = Math.floor(limit / 2);
  const omitted = text.length - 2 * half;
  return `${text.slice(0, half)}\n... [${omitted} characters omitted] ...\n${text.slice(-half)}`;
}
