import { LoupeError, messageOf } from '../core/errors';
import { PlaygroundJudge } from './judge.svelte';
import { CATALOG } from '../engine/catalog';
import { ReplayEngine } from '../engine/replay';
import type { GenerationEngine } from '../engine/types';
import { LiveRun, emptySnapshot, type LiveSnapshot } from '../live/run';
import type { LoopSettings } from '../loop/loop';
import { EXAMPLE_PROBLEMS } from '../loop/problems';
import { PROTOCOLS, type ProtocolId } from '../loop/protocols';
import type { Generation } from '../model/generation';
import { PythonClient, type InterpreterState } from '../python/client';
import { DEFAULT_MAX_OUTPUT_BYTES } from '../python/types';
import { TEMPLATES, detectProtocol, type TemplateId } from '../transcript/format';
import { importTranscripts, type ImportedTranscript } from '../transcript/import';
import { models } from './models.svelte';
import { settings, withSlash } from './settings.svelte';
import { keepRun } from '../library/store.svelte';

export type EngineMode = 'replay' | 'model';
export const CRUCIAL_CHOICES = ['Wait', 'Let', 'Check', 'Wait, let me verify this with code.'];

/**
 * The Playground's form (engine, problem, loop settings) and the latest run's snapshot. The run
 * itself is a framework-free LiveRun; this class only starts it and schedules paints. Code runs
 * in the Playground's own interpreter, in a fresh namespace each run, never the Python view's.
 */
export class PlaygroundStore {
  mode = $state<EngineMode>('replay');
  recordings = $state.raw<ImportedTranscript[]>([]);
  recordingSource = $state('');
  recordingIndex = $state(0);
  /** Why a recordings file was refused, or which of its lines were skipped. */
  recordingNote = $state<string | null>(null);
  speed = $state(80);
  #stepMode = $state(false);

  question = $state(EXAMPLE_PROBLEMS[0]?.question ?? '');
  expected = $state(EXAMPLE_PROBLEMS[0]?.expected ?? '');
  protocol = $state<ProtocolId>('markdown-tir');
  system = $state(PROTOCOLS['markdown-tir'].systemPrompt);
  template = $state<TemplateId>('chatml');
  maxRounds = $state(4);
  maxTokensPerRound = $state(1024);
  maxTotalTokens = $state(4096);
  temperature = $state(0.6);
  interventionText = $state('Wait');
  interventionTimes = $state(0);

  live = $state.raw<LiveSnapshot>(emptySnapshot());
  engineLabel = $state('');
  /** The loaded model's counts of the latest run's behaviours. */
  readonly judge = new PlaygroundJudge(this);
  pythonState = $state.raw<InterpreterState | null>(null);
  #runId = 0;
  #controller: AbortController | null = null;
  #stepWaiters: (() => void)[] = [];
  #python: PythonClient | null = null;

  /** Which run the Playground shows (each Run adds one). */
  get runId(): number {
    return this.#runId;
  }

  get running(): boolean {
    return this.live.running;
  }
  get parts() {
    return this.live.parts;
  }
  get blocks() {
    return this.live.blocks;
  }
  get open() {
    return this.live.open;
  }
  get counts() {
    return this.live.counts;
  }
  get unitCount() {
    return this.live.unitCount;
  }
  get crucialCount() {
    return this.live.crucialCount;
  }
  get marks() {
    return this.live.marks;
  }
  get textLength() {
    return this.live.textLength;
  }
  get approxTokens() {
    return this.live.approxTokens;
  }
  get tokensSoFar() {
    return this.live.tokensSoFar;
  }
  get assistant() {
    return this.live.assistant;
  }
  get repetition() {
    return this.live.repetition;
  }
  get result() {
    return this.live.result;
  }
  /** The loaded model (its id), read by the judge and Run buttons. */
  get engine() {
    return models.loaded;
  }

  /** Why Run cannot start now, or null. */
  get runBlocked(): string | null {
    if (this.running) return 'A run is in progress.';
    if (this.mode === 'replay') return this.recordings.length ? null : 'Open a recording first.';
    return models.busyReason('run');
  }

  /** The interpreter Playground runs use (started on first need, or to warm it up). */
  get python(): PythonClient {
    if (!this.#python) {
      this.#python = new PythonClient({
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never reactive
        indexURL: new URL('pyodide/', document.baseURI).href,
        packageIndexURL: withSlash(settings.packageIndexURL),
        maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES,
        name: 'python-playground',
      });
      this.#python.subscribe((state) => (this.pythonState = state));
    }
    return this.#python;
  }

  /** Switches between replay and a live model; a live model starts from an example problem. */
  setMode(mode: EngineMode): void {
    this.mode = mode;
    if (mode === 'model' && this.recordings[this.recordingIndex]?.question !== this.question)
      return;
    if (mode === 'model') {
      const example = EXAMPLE_PROBLEMS[0];
      this.question = example?.question ?? '';
      this.expected = example?.expected ?? '';
      const model = CATALOG.find((m) => m.base === models.modelBase);
      if (model) this.useProtocol(model.protocol, model.template);
    }
  }

  useProtocol(id: ProtocolId, template?: TemplateId): void {
    this.protocol = id;
    this.system = PROTOCOLS[id].systemPrompt;
    if (template) this.template = template;
  }

  async loadRecordings(name: string, content: string): Promise<void> {
    let imported: ReturnType<typeof importTranscripts>;
    try {
      imported = importTranscripts(content, name);
    } catch (error) {
      // A file that cannot be read at all (empty, binary, a JSON array): say so, keep what was loaded.
      this.recordingNote = messageOf(error);
      return;
    }
    const { transcripts, errors } = imported;
    this.recordingNote = errors.length
      ? `${name}: ${errors.length} lines skipped (${errors
          .slice(0, 3)
          .map((e) => `line ${e.line}: ${e.message}`)
          .join('; ')}${errors.length > 3 ? '; …' : ''}).`
      : null;
    this.recordings = transcripts;
    this.recordingSource = name;
    this.pickRecording(0);
  }

  pickRecording(index: number): void {
    this.recordingIndex = index;
    const recording = this.recordings[index];
    if (!recording) return;
    // No placeholder text here: it would end up in exports as if it were the question.
    this.question = recording.question ?? '';
    this.expected = recording.expected ?? '';
    this.useProtocol(detectProtocol(recording.text));
  }

  /** Step by step: each replayed token waits for Next. Turned off mid-replay, the replay plays on. */
  get stepMode(): boolean {
    return this.#stepMode;
  }
  set stepMode(on: boolean) {
    this.#stepMode = on;
    if (!on) this.#stepWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** True while a step-by-step replay waits for Next. */
  get waitingForStep(): boolean {
    return this.#stepWaiters.length > 0;
  }

  step(): void {
    this.#stepWaiters.shift()?.();
  }

  async run(): Promise<void> {
    if (this.runBlocked) return;
    const runId = ++this.#runId;
    const generation = this.mode === 'model' ? models.store.begin('run') : null;
    const engine = generation ?? this.#replayEngine();
    if (!engine) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.judge.clear();
    this.engineLabel = engine.label;
    let frame = 0;
    const paint = () => {
      frame = 0;
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
      this.#settings(engine, generation),
      {
        crucialTokens: settings.crucialTokens,
        recordedOutput:
          engine instanceof ReplayEngine ? (i) => engine.recordedOutput(i) : undefined,
        // The page is repainted once a frame, however fast the tokens come.
        onChange: () => (frame ||= requestAnimationFrame(paint)),
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
      if (frame) cancelAnimationFrame(frame);
      if (this.#runId === runId) this.live = live.snapshot();
      generation?.end();
      if (this.#controller === controller) this.#controller = null;
      this.#stepWaiters.splice(0).forEach((resolve) => resolve());
      keepRun({
        engine: this.engineLabel,
        question: this.question,
        expected: this.expected.trim() || null,
        parts: this.parts,
        result: this.result,
        counts: this.counts,
        settings: {
          protocol: this.protocol,
          template: this.template,
          system: this.system,
          maxRounds: this.maxRounds,
          maxTokensPerRound: this.maxTokensPerRound,
          maxTotalTokens: this.maxTotalTokens,
          temperature: this.temperature,
          intervention: { text: this.interventionText, times: this.interventionTimes },
        },
      });
    }
  }

  /** Stops this Playground's run: its own generation and its own code, nothing else. */
  stop(): void {
    this.#controller?.abort();
    this.#stepWaiters.splice(0).forEach((resolve) => resolve());
  }

  #settings(engine: GenerationEngine, generation: Generation | null): LoopSettings {
    return {
      protocol: PROTOCOLS[this.protocol],
      template: TEMPLATES[this.template],
      system: this.system,
      question: this.question,
      maxRounds: this.maxRounds,
      maxTokensPerRound: this.maxTokensPerRound,
      maxTotalTokens: this.maxTotalTokens,
      temperature: this.temperature,
      topP: 0.95,
      intervention: {
        text: this.interventionText,
        times: engine.kind === 'replay' ? 0 : this.interventionTimes,
      },
      outputLimit: 2000,
      expected: this.expected.trim() || null,
      contextWindow: generation?.contextWindow ?? null,
    };
  }

  #replayEngine(): ReplayEngine | null {
    const recording = this.recordings[this.recordingIndex];
    if (!recording) return null;
    return new ReplayEngine(recording.text, `${this.recordingSource} #${recording.id}`, {
      tokensPerSecond: this.speed >= 1000 ? Infinity : this.speed,
      gate: () =>
        this.#stepMode ? new Promise<void>((resolve) => this.#stepWaiters.push(resolve)) : null,
    });
  }
}

export const playground = new PlaygroundStore();
