import { CATALOG, modelId, type Quantisation } from '../engine/catalog';
import { ReplayEngine } from '../engine/replay';
import type { GenerationEngine } from '../engine/types';
import { checkWebGpu, type WebGpuStatus } from '../engine/webgpu';
import { ModelWorker, type DownloadProgress, type WebLlmEngine } from '../engine/webllm-client';
import { EXAMPLE_PROBLEMS } from '../loop/problems';
import { ReasoningLoop, type LoopResult, type Part } from '../loop/loop';
import { PROTOCOLS, type ProtocolId } from '../loop/protocols';
import { TEMPLATES, type TemplateId } from '../loop/templates';
import { estimateTokens } from '../core/tokens';
import { TranscriptView, type RunPart, type UnitView } from '../loop/view';
import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import { judgeTranscript, type JudgeCounts } from '../tagger/judge';
import { repetitionRatio } from '../tagger/stats';
import { StreamTagger, type TaggedUnit } from '../tagger/tagger';
import { importTranscripts, type ImportedTranscript } from '../transcript/import';
import { keepRun } from '../library/store.svelte';
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
  /** The live transcript: settled units in blocks that do not change, and the one being written. */
  blocks = $state.raw<UnitView[][]>([]);
  open = $state.raw<UnitView | null>(null);
  counts = $state.raw<Record<Behaviour, number>>(zeroCounts());
  unitCount = $state(0);
  crucialCount = $state(0);
  marks = $state.raw<{ start: number; label: Behaviour }[]>([]);
  textLength = $state(0);
  approxTokens = $state(0);
  assistant = $state('');
  /** Share of sentences that closely repeat an earlier one, once the run has ended. */
  repetition = $state<number | null>(null);
  judge = $state.raw<JudgeCounts | null>(null);
  judging = $state(false);
  judgeError = $state<string | null>(null);
  result = $state.raw<LoopResult | null>(null);
  engineLabel = $state('');
  tokensSoFar = $state(0);
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

  /** Switches between replay and a live model; a live model starts from an example problem. */
  setMode(mode: EngineMode): void {
    this.mode = mode;
    if (mode === 'model' && this.recordings[this.recordingIndex]?.question !== this.question)
      return;
    if (mode === 'model') {
      const example = EXAMPLE_PROBLEMS[0];
      this.question = example?.question ?? '';
      this.expected = example?.expected ?? '';
      const model = CATALOG.find((m) => m.base === this.modelBase);
      if (model) this.useProtocol(model.protocol, model.template);
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
    this.blocks = [];
    this.open = null;
    this.counts = zeroCounts();
    this.unitCount = 0;
    this.crucialCount = 0;
    this.marks = [];
    this.textLength = 0;
    this.approxTokens = 0;
    this.assistant = '';
    this.repetition = null;
    this.judge = null;
    this.judgeError = null;
    this.tokensSoFar = 0;
    this.engineLabel = engine.label;
    const tagger = new StreamTagger({ crucialTokens: settings.crucialTokens });
    const view = new TranscriptView();
    const settledSince: TaggedUnit[] = [];
    let text = '';
    let frame = 0;
    let chunks = 0;
    let tokens = 0;
    let insertedAt: { start: number; end: number }[] = [];
    const spliced = new WeakSet<Part>();
    const feed = (piece: string) => {
      text += piece;
      settledSince.push(...tagger.push(piece));
    };
    // The page is repainted once a frame, however fast the tokens come, and only what changed.
    const paint = () => {
      frame = 0;
      const runs = loop.parts.filter((p): p is RunPart => p.kind === 'run');
      const settled = settledSince.splice(0);
      if (view.add(settled, text, insertedAt, runs)) {
        this.blocks = view.blocks.slice();
        const counts = { ...this.counts };
        const marks: { start: number; label: Behaviour }[] = [];
        for (const unit of settled) {
          if (unit.kind === 'output') continue;
          this.unitCount += 1;
          this.crucialCount += unit.crucial.length;
          for (const e of unit.evidence) {
            counts[e.label] += 1;
            marks.push({ start: unit.start, label: e.label });
          }
        }
        this.counts = counts;
        if (marks.length) this.marks = [...this.marks, ...marks];
      }
      const current = tagger.openUnit;
      this.open = current ? view.view(current, text, insertedAt, runs) : null;
      this.parts = loop.parts.slice();
      this.textLength = text.length;
      this.tokensSoFar = chunks;
      this.approxTokens = tokens;
    };
    const schedule = () => (frame ||= requestAnimationFrame(paint));
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
          feed(chunk);
          chunks += 1;
          tokens += estimateTokens(chunk);
          schedule();
        },
        onPart: (part) => {
          if (part.kind === 'model') return; // its text arrives through onText
          if (part.kind === 'inserted') {
            insertedAt = [
              ...insertedAt,
              { start: text.length, end: text.length + part.text.length },
            ];
            feed(part.text);
          } else if (part.kind === 'run' && part.spliced && !spliced.has(part)) {
            spliced.add(part);
            feed(part.spliced);
          }
          schedule();
        },
      },
    );
    try {
      this.result = await loop.start(controller.signal);
    } finally {
      settledSince.push(...tagger.finish());
      if (frame) cancelAnimationFrame(frame);
      paint();
      this.assistant = text;
      this.repetition = repetitionRatio(
        this.blocks
          .flat()
          .filter((v) => v.unit.kind === 'text')
          .map((v) => v.body),
      );
      this.running = false;
      this.#controller = null;
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

  /** Counts the behaviours of the finished transcript with the loaded model as judge. */
  async runJudge(): Promise<void> {
    if (!this.engine || !this.assistant) return;
    this.judging = true;
    this.judgeError = null;
    this.judge = null;
    try {
      this.judge = await judgeTranscript(
        this.engine,
        this.template,
        this.question,
        this.assistant,
        undefined,
        (behaviour, count) => {
          this.judge = {
            ...(this.judge ?? {
              verification: null,
              backtracking: null,
              subgoal_setting: null,
              backward_chaining: null,
            }),
            [behaviour]: count,
          };
        },
      );
    } catch (error) {
      this.judgeError = (error as Error).message;
    } finally {
      this.judging = false;
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

function zeroCounts(): Record<Behaviour, number> {
  return Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as Record<Behaviour, number>;
}

export const playground = new PlaygroundStore();
