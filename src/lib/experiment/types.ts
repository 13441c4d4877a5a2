import type { EndReason, Part } from '../loop/loop';
import type { ProtocolId } from '../loop/protocols';
import type { TemplateId } from '../transcript/format';
import type { Behaviour } from '../tagger/labels';
import type { Category, Verdict } from '../tasks/types';

/** What a researcher chooses: tasks, model settings, conditions (N crucial tokens) and seeds. */
export interface ExperimentConfig {
  families: string[];
  /** Instances per family, drawn with a fixed seed so the same choice gives the same tasks. */
  sampleSize: number;
  protocol: ProtocolId;
  template: TemplateId;
  system: string;
  /** The text put in when the model tries to finish: `Wait`, `Let`, `Check` or custom. */
  token: string;
  /** Numbers of insertions to compare, each in 0..5. */
  conditions: number[];
  seeds: number[];
  maxRounds: number;
  maxTokensPerRound: number;
  maxTotalTokens: number;
  temperature: number;
  topP: number;
  /** The model's context window in tokens: a run that reaches it is reported as such. */
  contextWindow: number;
}

export interface PlannedRun {
  /** `<task id>|N=<n>|seed=<seed>`: unique within an experiment. */
  key: string;
  taskId: string;
  family: string;
  category: Category;
  n: number;
  seed: number;
}

/** `scored`: the verdict counts; `context`: the model's context window ended it; `error`: the engine failed. */
export type RunStatus = 'scored' | 'context' | 'error';

export interface RunRecord extends PlannedRun {
  status: RunStatus;
  verdict: Verdict;
  end: EndReason;
  message: string;
  completionTokens: number;
  rounds: number;
  /** How many times the token was really put in (at most N). */
  insertions: number;
  durationMs: number;
  /** Behaviour counts and tagged units of the model's own text (inserted tokens excluded). */
  counts: Record<Behaviour, number>;
  units: number;
  parts: Part[];
}

export type ExperimentStatus = 'running' | 'paused' | 'stopped' | 'finished';

export interface Experiment {
  id: string;
  createdAt: string;
  /** The model that ran it, as its engine labels itself. */
  model: string;
  config: ExperimentConfig;
  plan: PlannedRun[];
  status: ExperimentStatus;
}

export const MAX_INSERTIONS = 5;
