import { describe, expect, it } from 'vitest';
import { precacheList, serviceWorkerSource } from '../../src/lib/sw/precache';

const BUILD = [
  'index.html',
  'sw.js',
  'assets/index-abc.js',
  'assets/lib-big.js',
  'assets/KaTeX_Main-Regular-1.woff2',
  'assets/KaTeX_Main-Regular-2.woff',
  'assets/KaTeX_Main-Regular-3.ttf',
  'pyodide/pyodide.asm.wasm',
  'data/cruxeval-dev.jsonl',
];

describe('the service worker precache list', () => {
  it('keeps the shell, Pyodide and data; leaves the model engine, older fonts and itself', () => {
    expect(precacheList({ files: BUILD, modelEngine: new Set(['assets/lib-big.js']) })).toEqual([
      'assets/KaTeX_Main-Regular-1.woff2',
      'assets/index-abc.js',
      'data/cruxeval-dev.jsonl',
      'index.html',
      'pyodide/pyodide.asm.wasm',
    ]);
  });

  it('writes the build hash and list ahead of the worker code', () => {
    const source = serviceWorkerSource('abc123', ['index.html'], 'const x = 1;');
    expect(source).toBe(
      'self.LOUPE_BUILD = {"hash":"abc123","files":["index.html"]};\nconst x = 1;',
    );
  });
});
