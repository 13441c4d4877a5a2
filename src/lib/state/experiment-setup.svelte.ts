import type { ExperimentConfig } from '../experiment/types';
import { runCount } from '../experiment/plan';
import type { PackIndex } from '../experiment/packs';
import { PROTOCOLS, type ProtocolId } from '../loop/protocols';
import type { TemplateId } from '../transcript/format';

export const TOKEN_CHOICES = ['Wait', 'Let', 'Check'];

/** The Experiments view's setup form: task families, conditions, seeds and the loop's limits. */
export class ExperimentSetup {
  index = $state.raw<PackIndex | null>(null);
  families = $state<string[]>([
    'game24',
    'permutations_and_combinations',
    'boxlift',
    'string_insertion',
  ]);
  sampleSize = $state(10);
  protocol = $state<ProtocolId>('markdown-tir');
  template = $state<TemplateId>('chatml');
  system = $state(PROTOCOLS['markdown-tir'].systemPrompt);
  tokenChoice = $state('Wait');
  customToken = $state('');
  conditions = $state<number[]>([0, 1, 2, 3, 4, 5]);
  seedsText = $state('1');
  maxRounds = $state(4);
  maxTokensPerRound = $state(1024);
  maxTotalTokens = $state(3072);
  temperature = $state(0.6);
  contextWindow = $state(4096);

  get token(): string {
    return this.tokenChoice === 'custom' ? this.customToken : this.tokenChoice;
  }

  get seeds(): number[] {
    return this.seedsText
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
  }

  get plannedCount(): number {
    if (!this.index) return 0;
    const tasks = this.index.families
      .filter((f) => this.families.includes(f.family))
      .reduce((sum, f) => sum + Math.min(f.count, Math.max(0, this.sampleSize)), 0);
    return runCount(tasks, { conditions: this.conditions, seeds: this.seeds });
  }

  /** The setup of a kept experiment, to see it or run it again. */
  applyConfig(config: ExperimentConfig): void {
    this.families = config.families;
    this.sampleSize = config.sampleSize;
    this.protocol = config.protocol;
    this.template = config.template;
    this.system = config.system;
    this.tokenChoice = TOKEN_CHOICES.includes(config.token) ? config.token : 'custom';
    if (this.tokenChoice === 'custom') this.customToken = config.token;
    this.conditions = config.conditions;
    this.seedsText = config.seeds.join(', ');
    this.maxRounds = config.maxRounds;
    this.maxTokensPerRound = config.maxTokensPerRound;
    this.maxTotalTokens = config.maxTotalTokens;
    this.temperature = config.temperature;
    this.contextWindow = config.contextWindow;
  }

  useProtocol(id: ProtocolId): void {
    this.protocol = id;
    this.system = PROTOCOLS[id].systemPrompt;
  }

  /** The experiment this form describes. */
  config(): ExperimentConfig {
    return {
      families: [...this.families],
      sampleSize: this.sampleSize,
      protocol: this.protocol,
      template: this.template,
      system: this.system,
      token: this.token,
      conditions: [...this.conditions],
      seeds: this.seeds,
      maxRounds: this.maxRounds,
      maxTokensPerRound: this.maxTokensPerRound,
      maxTotalTokens: this.maxTotalTokens,
      temperature: this.temperature,
      topP: 0.95,
      contextWindow: this.contextWindow,
    };
  }
}
