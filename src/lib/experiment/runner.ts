import { estimateTokens } from '../core/tokens';
import type { GenerationEngine } from '../engine/types';
import { ReasoningLoop, type CodeRunner, type LoopResult } from '../loop/loop';
import { PROTOCOLS, type Protocol, type ProtocolId } from '../loop/protocols';
import { TEMPLATES } from '../transcript/format';
import { tagText } from '../tagger/tagger';
import type { PackLine } from '../tasks/types';
import { verifyResponse } from '../tasks/verify';
import type { Experiment, PlannedRun, RunRecord, RunStatus } from './types';

/**
 * What the experiment runs on: a generation engine and a Python runner. The page builds it from
 * the loaded live model; this small adapter is the only place that knows where they come from.
 */
export interface ExperimentBackend {
  label: string;
  engine: GenerationEngine;
  runCode: CodeRunner;
}

export interface RunnerHooks {
  onRunStart?: (run: PlannedRun) => void;
  onText?: (chunk: string) => void;
  onRecord: (record: RunRecord) => void | Promise<void>;
}

export type RunnerOutcome = 'finished' | 'paused' | 'stopped';

/**
 * Goes through an experiment's plan one run after another, skipping runs already recorded, so it
 * can resume after a pause or a reload. Pause and Stop end the current run at once; that run is
 * not recorded and is run again on resume.
 */
export class ExperimentRunner {
  #controller: AbortController | null = null;
  #halt: 'paused' | 'stopped' | null = null;
  readonly #done: Set<string>;

  constructor(
    readonly backend: ExperimentBackend,
    readonly experiment: Experiment,
    readonly tasks: ReadonlyMap<string, PackLine>,
    done: Iterable<string>,
    readonly hooks: RunnerHooks,
  ) {
    this.#done = new Set(done);
  }

  async run(): Promise<RunnerOutcome> {
    for (const planned of this.experiment.plan) {
      if (this.#halt) return this.#halt;
      if (this.#done.has(planned.key)) continue;
      const task = this.tasks.get(planned.taskId);
      if (!task) throw new Error(`The task ${planned.taskId} is not in the loaded packs.`);
      this.hooks.onRunStart?.(planned);
      const controller = new AbortController();
      this.#controller = controller;
      const record = await runOne(
        this.backend,
        this.experiment,
        planned,
        task,
        controller.signal,
        this.hooks.onText,
      );
      this.#controller = null;
      if (this.#halt) return this.#halt;
      await this.hooks.onRecord(record);
    }
    return 'finished';
  }

  pause(): void {
    this.#halt ??= 'paused';
    this.#controller?.abort();
  }

  stop(): void {
    this.#halt = 'stopped';
    this.#controller?.abort();
  }
}

/**
 * The protocol with `<<<` added to the stops that mean "about to finish": pack questions ask for
 * the answer inside <<<...>>>, so that is where a crucial token is put in, as well as before
 * the protocol's own final-answer marker.
 */
export function answerProtocol(id: ProtocolId): Protocol {
  const protocol = PROTOCOLS[id];
  return { ...protocol, endStops: [...protocol.endStops, '<<<'] };
}

export async function runOne(
  backend: ExperimentBackend,
  experiment: Experiment,
  planned: PlannedRun,
  task: PackLine,
  signal: AbortSignal,
  onText?: (chunk: string) => void,
): Promise<RunRecord> {
  const config = experiment.config;
  const template = TEMPLATES[config.template];
  const promptTokens = estimateTokens(template.open(config.system, task.question));
  const room = config.contextWindow - promptTokens;
  const budget = Math.min(config.maxTotalTokens, room);
  const loop = new ReasoningLoop(
    backend.engine,
    backend.runCode,
    {
      protocol: answerProtocol(config.protocol),
      template,
      system: config.system,
      question: task.question,
      maxRounds: config.maxRounds,
      maxTokensPerRound: config.maxTokensPerRound,
      maxTotalTokens: Math.max(budget, 0),
      temperature: config.temperature,
      topP: config.topP,
      seed: planned.seed,
      intervention: { text: config.token, times: planned.n },
      outputLimit: 2000,
      expected: null,
    },
    { onText },
  );
  const started = performance.now();
  const result: LoopResult = await loop.start(signal);
  const modelText = loop.parts.map((p) => (p.kind === 'model' ? p.text : '\n')).join('');
  const tagged = tagText(modelText);
  const used = promptTokens + estimateTokens(loop.assistantText);
  // The context window binds when it left less room than the token budget and the run used it up.
  const contextBound = budget < config.maxTotalTokens && result.completionTokens >= budget;
  const status: RunStatus =
    (result.reason === 'budget' && (contextBound || used >= config.contextWindow)) ||
    (result.reason === 'error' && /context/i.test(result.message))
      ? 'context'
      : result.reason === 'error'
        ? 'error'
        : 'scored';
  return {
    ...planned,
    status,
    verdict: verifyResponse(task, loop.assistantText),
    end: result.reason,
    message:
      status === 'context'
        ? `The run reached the model's context window (${config.contextWindow} tokens, estimated): not scored.`
        : result.message,
    completionTokens: result.completionTokens,
    rounds: result.rounds,
    insertions: loop.parts.filter((p) => p.kind === 'inserted').length,
    durationMs: performance.now() - started,
    counts: tagged.counts,
    units: tagged.units.filter((u) => u.kind !== 'output').length,
    parts: structuredClone(loop.parts),
  };
}
