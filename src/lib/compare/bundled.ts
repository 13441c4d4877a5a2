/** The bundled MathCoder sample (public/data/mathcoder/, see its README): one group per model. */
export const MATHCODER_MODELS = [
  {
    model: 'MathCoder-L-7b',
    label: 'MathCoder-L-7b',
    files: ['MathCoder-L-7b-correct.jsonl', 'MathCoder-L-7b-wrong.jsonl'],
  },
  {
    model: 'MathCoder-L-13b',
    label: 'MathCoder-L-13b',
    files: ['MathCoder-L-13b-correct.jsonl', 'MathCoder-L-13b-wrong.jsonl'],
  },
  {
    model: 'MathCoder-CL-34b',
    label: 'MathCoder-CL-34b',
    files: ['MathCoder-CL-34b-correct.jsonl', 'MathCoder-CL-34b-wrong.jsonl'],
  },
  {
    model: 'MathCoder-L-70b',
    label: 'MathCoder-L-70b',
    files: ['MathCoder-L-70b-correct.jsonl', 'MathCoder-L-70b-wrong.jsonl'],
  },
] as const;

/** Where the bundled files are served, relative to the page. */
export const MATHCODER_PATH = 'data/mathcoder/';

/** The address of a bundled file, resolved against the page's base (the app may live in a folder). */
export function bundledUrl(file: string, base: string): string {
  return new URL(`${MATHCODER_PATH}${file}`, base).href;
}
