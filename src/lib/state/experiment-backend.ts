import type { GenerationEngine } from '../engine/types';
import type { ExperimentBackend } from '../experiment/runner';
import { models } from './models.svelte';
import { playground } from './playground.svelte';
import { settings } from './settings.svelte';

declare global {
  interface Window {
    /** Set only by browser tests (Playwright's addInitScript): an engine to run experiments on. */
    __loupeExperimentEngine?: () => GenerationEngine;
  }
}

/**
 * The adapter between the experiment and the live path: the loaded WebLLM model and the Python
 * worker. Null without a loaded model (replays cannot react to an inserted token).
 */
export function liveBackend(): ExperimentBackend | null {
  const runCode: ExperimentBackend['runCode'] = (code, signal) =>
    playground.python.run(code, { timeoutMs: settings.timeoutMs, signal });
  const scripted = window.__loupeExperimentEngine?.();
  if (scripted) return { label: scripted.label, engine: scripted, runCode };
  const loaded = models.loaded;
  if (!loaded) return null;
  // Each model call owns the model for its length (the model store runs one generation at a
  // time), so a Playground run or the judge cannot start under an experiment's request.
  const engine: GenerationEngine = {
    kind: 'webllm',
    label: `${loaded.modelId} (live, on this device)`,
    async generate(request, onText) {
      const generation = models.store.begin('experiment');
      try {
        return await generation.generate(request, onText);
      } finally {
        generation.end();
      }
    },
  };
  return { label: engine.label, engine, runCode };
}
