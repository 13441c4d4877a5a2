import { LoupeError } from '../core/errors';
import { ReplayEngine } from '../engine/replay';
import type { GenerationEngine } from '../engine/types';
import { LiveRun, emptySnapshot, type LiveSnapshot } from '../live/run';
import { keepRun } from '../library/store.svelte';
import type { RunData } from '../library/records';
import { EXAMPLE_PROBLEMS } from '../loop/problems';
import { CATALOG } from '../engine/catalog';
import { PythonClient, type InterpreterState } from '../python/client';
import { DEFAULT_MAX_OUTPUT_BYTES } from '../python/types';
import { detectProtocol } from '../transcript/format';
import { PlaygroundJudge } from './judge.svelte';
import { models } from './models.svelte';
import { Recordings } from './recordings.svelte';
import { RunForm } from './run-form.svelte';
import { settings, withSlash } from './settings.svelte';

export type EngineMode = 'replay' | 'model';

/** What the Playground uses from outside; tests give their own. */
export interface PlaygroundDeps {
  /** The interpreter Playground runs use (never the Python view's). */
  python: () => PythonClient;
  /** Keeps a finished run in the Library. */
  keep: (run: RunData) => void;
  /** Calls `paint` before the next repaint; returns a cancel. */
  frame: (paint: () => void) => () => void;
}

const BROWSER: PlaygroundDeps = {
  python: () =>
    new PythonClient({
      indexURL: new URL('pyodide/', document.baseURI).href,
      packageIndexURL: withSlash(settings.packageIndexURL),
      maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES,
      name: 'python-playground',
    }),
  keep: keepRun,
  frame: (paint) => {
    const id = requestAnimationFrame(paint);
    return () => cancelAnimationFrame(id);
  },
};

/**
 * The Playground: which engine runs (a recording or the loaded model), the run form, and the
 * latest run's snapshot. The run is a framework-free LiveRun; this class starts and stops it,
 * schedules paints and keeps the run. Components read `live`, `form` and `recordings` directly.
 */
export class PlaygroundStore {
  mode = $state<EngineMode>('replay');
  readonly form = new RunForm();
  readonly recordings = new Recordings();
  live = $state.raw<LiveSnapshot>(emptySnapshot());
  engineLabel = $state('');
  /** The loaded model's counts of the latest run's behaviours. */
  readonly judge = new PlaygroundJudge(this);
  pythonState = $state.raw<InterpreterState | null>(null);
  #runId = $state(0);
  #controller: AbortController | null = null;
  #python: PythonClient | null = null;
  readonly #deps: PlaygroundDeps;

  constructor(deps: PlaygroundDeps = BROWSER) {
    this.#deps = deps;
  }

  /** Which run the Playground shows (each Run adds one). */
  get runId(): number {
    return this.#runId;
  }
  get question(): string {
    return this.form.question;
  }
  get assistant(): string {
    return this.live.assistant;
  }

  /** Why Run cannot start now, or null. */
  get runBlocked(): string | null {
    if (this.live.running) return 'A run is in progress.';
    if (this.mode === 'replay') return this.recordings.chosen ? null : 'Open a recording first.';
    return models.busyReason('run');
  }

  /** The interpreter Playground runs use (started on first need, or to warm it up). */
  get python(): PythonClient {
    if (!this.#python) {
      this.#python = this.#deps.python();
      this.#python.subscribe((state) => (this.pythonState = state));
    }
    return this.#python;
  }

  /** Switches between replay and a live model; a live model starts from an example problem. */
  setMode(mode: EngineMode): void {
    this.mode = mode;
    if (mode !== 'model' || this.recordings.chosen?.question !== this.form.question) return;
    const example = EXAMPLE_PROBLEMS[0];
    this.form.useProblem(example?.question ?? '', example?.expected ?? '');
    const model = CATALOG.find((m) => m.base === models.modelBase);
    if (model) this.form.useProtocol(model.protocol, model.template);
  }

  /** Opens a file of recordings and picks its first (a file that cannot be read keeps the last). */
  async loadRecordings(name: string, content: string): Promise<void> {
    if (this.recordings.load(name, content)) this.pickRecording(0);
  }

  /** Picks a recording: its question, expected answer and protocol fill the form. */
  pickRecording(index: number): void {
    this.recordings.index = index;
    const recording = this.recordings.chosen;
    if (!recording) return;
    // No placeholder text here: it would end up in exports as if it were the question.
    this.form.useProblem(recording.question ?? '', recording.expected ?? '');
    this.form.useProtocol(detectProtocol(recording.text));
  }

  async run(): Promise<void> {
    if (this.runBlocked) return;
    const runId = ++this.#runId;
    const generation = this.mode === 'model' ? models.store.begin('run') : null;
    const engine: GenerationEngine | null = generation ?? this.recordings.engine();
    if (!engine) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.judge.clear();
    this.engineLabel = engine.label;
    let cancelPaint: (() => void) | null = null;
    const paint = () => {
      cancelPaint = null;
      if (this.#runId === runId) this.live = live.snapshot();
    };
    const python = this.python;
    // A fresh namespace: nothing from an earlier run (or the Python view) can change this one.
    // Made while the first tokens stream, so a replay (or a lesson link's steps) need not wait
    // for a cold interpreter to start; the first code block waits for it instead.
    const fresh = python.reset().catch(() => undefined);
    const live = new LiveRun(
      engine,
      async (code, signal) => {
        await fresh;
        return python.run(code, { timeoutMs: settings.timeoutMs, signal });
      },
      this.form.loopSettings(engine.kind === 'replay', generation?.contextWindow ?? null),
      {
        crucialTokens: settings.crucialTokens,
        recordedOutput:
          engine instanceof ReplayEngine ? (i) => engine.recordedOutput(i) : undefined,
        // The page is repainted once a frame, however fast the tokens come.
        onChange: () => (cancelPaint ??= this.#deps.frame(paint)),
      },
    );
    this.live = { ...emptySnapshot(), running: true };
    try {
      const result = await live.start(controller.signal);
      if (result.reason === 'error' && generation)
        models.store.report(
          new LoupeError(result.errorCode ?? 'model/generation-failed', result.message),
        );
    } finally {
      (cancelPaint as (() => void) | null)?.();
      if (this.#runId === runId) this.live = live.snapshot();
      generation?.end();
      if (this.#controller === controller) this.#controller = null;
      this.recordings.release();
      const { parts, result, counts } = live.snapshot();
      this.#deps.keep({
        engine: engine.label,
        question: this.form.question,
        expected: this.form.expectedAnswer,
        parts,
        result,
        counts,
        settings: this.form.kept(),
      });
    }
  }

  /** Stops this Playground's run: its own generation and its own code, nothing else. */
  stop(): void {
    this.#controller?.abort();
    this.recordings.release();
  }
}

export const playground = new PlaygroundStore();
