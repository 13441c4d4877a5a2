import { CATALOG, modelId, type Quantisation } from '../engine/catalog';
import { ReplayEngine } from '../engine/replay';
import type { GenerationEngine } from '../engine/types';
import { checkWebGpu, type WebGpuStatus } from '../engine/webgpu';
import { ModelWorker, type DownloadProgress, type WebLlmEngine } from '../engine/webllm-client';
import { EXAMPLE_PROBLEMS } from '../loop/problems';
import { ReasoningLoop, type LoopResult, type Part } from '../loop/loop';
import { PROTOCOLS, type ProtocolId } from '../loop/protocols';
import { TEMPLATES, type TemplateId } from '../loop/templates';
import { StreamTagger, type TaggedUnit } from '../tagger/tagger';
import { importTranscripts, type ImportedTranscript } from '../transcript/import';
import { python } from './python.svelte';
import { settings } from './settings.svelte';

export type EngineMode = 'replay' | 'model';
export const CRUCIAL_CHOICES = ['Wait', 'Let', 'Check', 'Wait, let me verify this with code.'];

/** The Playground: which engine, which problem, the loop's settings, and the run as it unfolds. */
export class PlaygroundStore {
  mode = $state<EngineMode>('replay');
  webgpu = $state.raw<WebGpuStatus | null>(null);
  modelBase = $state(CATALOG[0]?.base ?? '');
  cached = $state<Record<string, boolean>>({});
  progress = $state.raw<DownloadProgress | null>(null);
  loadError = $state<string | null>(null);
  engine = $state.raw<WebLlmEngine | null>(null);
  custom = $state({ modelId: '', modelUrl: '', modelLibUrl: '' });

  recordings = $state.raw<ImportedTranscript[]>([]);
  recordingSource = $state('');
  recordingIndex = $state(0);
  speed = $state(80);
  stepMode = $state(false);

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

  running = $state(false);
  parts = $state.raw<Part[]>([]);
  units = $state.raw<TaggedUnit[]>([]);
  assistant = $state('');
  inserted = $state.raw<{ start: number; end: number }[]>([]);
  result = $state.raw<LoopResult | null>(null);
  engineLabel = $state('');
  tokensSoFar = $state(0);
  startedAt = $state(0);
  #controller: AbortController | null = null;
  #models = new ModelWorker();
  #stepWaiters: (() => void)[] = [];

  get quantisation(): Quantisation {
    return this.webgpu && 'f16' in this.webgpu && this.webgpu.f16 ? 'q4f16_1' : 'q4f32_1';
  }

  async checkGpu(): Promise<void> {
    this.webgpu = await checkWebGpu();
  }

  async refreshCache(): Promise<void> {
    if (this.webgpu?.kind !== 'ok' && this.webgpu?.kind !== 'software') return;
    try {
      this.cached = await this.#models.cached(CATALOG.map((m) => modelId(m, this.quantisation)));
    } catch {
      this.cached = {};
    }
  }

  async deleteCached(id: string): Promise<void> {
    await this.#models.deleteCached(id);
    await this.refreshCache();
  }

  async loadModel(signal: AbortSignal): Promise<void> {
    const model = CATALOG.find((m) => m.base === this.modelBase);
    const custom =
      this.custom.modelUrl && this.custom.modelLibUrl
        ? { ...this.custom, modelId: this.custom.modelId || 'custom-model' }
        : null;
    const id = custom ? custom.modelId : model ? modelId(model, this.quantisation) : '';
    this.loadError = null;
    this.progress = {
      progress: 0,
      text: 'Starting…',
      elapsedSeconds: 0,
      fetchedMB: null,
      mbPerSecond: null,
      secondsLeft: null,
    };
    try {
      this.engine = await this.#models.load(id, custom, (p) => (this.progress = p), signal);
      if (model && !custom) this.useProtocol(model.protocol, model.template);
      await this.refreshCache();
    } catch (error) {
      this.engine = null;
      this.loadError =
        (error as Error).name === 'AbortError'
          ? 'The download was cancelled.'
          : (error as Error).message;
    } finally {
      this.progress = null;
    }
  }

  useProtocol(id: ProtocolId, template?: TemplateId): void {
    this.protocol = id;
    this.system = PROTOCOLS[id].systemPrompt;
    if (template) this.template = template;
  }

  async loadRecordings(name: string, content: string): Promise<void> {
    const { transcripts } = importTranscripts(content, name);
    this.recordings = transcripts;
    this.recordingSource = name;
    this.pickRecording(0);
  }

  pickRecording(index: number): void {
    this.recordingIndex = index;
    const recording = this.recordings[index];
    if (!recording) return;
    this.question = recording.question ?? '(the recording does not include its question)';
    this.expected = recording.expected ?? '';
    const text = recording.text;
    this.useProtocol(
      /<interpreter>/.test(text) ? 'tagged' : /<think>/.test(text) ? 'think' : 'markdown-tir',
    );
  }

  /** In step mode, lets the replay write its next token. */
  step(): void {
    this.#stepWaiters.shift()?.();
  }

  async run(): Promise<void> {
    const engine = this.#engine();
    if (!engine) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    this.result = null;
    this.parts = [];
    this.units = [];
    this.assistant = '';
    this.inserted = [];
    this.tokensSoFar = 0;
    this.engineLabel = engine.label;
    this.startedAt = performance.now();
    const tagger = new StreamTagger();
    let frame = 0;
    const paint = () => {
      frame = 0;
      this.parts = loop.parts.slice();
      this.assistant = tagger.text;
      this.units = tagger.units;
    };
    const schedule = () => (frame ||= requestAnimationFrame(paint));
    let insertedAt: { start: number; end: number }[] = [];
    const spliced = new WeakSet<Part>();
    const loop = new ReasoningLoop(
      engine,
      (code, signal) => python.client.run(code, { timeoutMs: settings.timeoutMs, signal }),
      {
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
      },
      {
        recordedOutput:
          engine instanceof ReplayEngine ? (i) => engine.recordedOutput(i) : undefined,
        onText: (chunk) => {
          tagger.push(chunk);
          this.tokensSoFar += 1;
          schedule();
        },
        onPart: (part) => {
          if (part.kind === 'inserted') {
            const start = tagger.text.length;
            tagger.push(part.text);
            insertedAt = [...insertedAt, { start, end: start + part.text.length }];
            this.inserted = insertedAt;
          } else if (part.kind === 'run' && part.spliced && !spliced.has(part)) {
            spliced.add(part);
            tagger.push(part.spliced);
          }
          schedule();
        },
      },
    );
    try {
      this.result = await loop.start(controller.signal);
    } finally {
      tagger.finish();
      if (frame) cancelAnimationFrame(frame);
      paint();
      this.running = false;
      this.#controller = null;
      this.#stepWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  stop(): void {
    this.#controller?.abort();
    this.#stepWaiters.splice(0).forEach((resolve) => resolve());
  }

  #engine(): GenerationEngine | null {
    if (this.mode === 'model') return this.engine;
    const recording = this.recordings[this.recordingIndex];
    if (!recording) return null;
    return new ReplayEngine(recording.text, `${this.recordingSource} #${recording.id}`, {
      tokensPerSecond: this.speed >= 1000 ? Infinity : this.speed,
      gate: this.stepMode
        ? () => new Promise<void>((resolve) => this.#stepWaiters.push(resolve))
        : undefined,
    });
  }
}

export const playground = new PlaygroundStore();
