import type { RunData } from '../library/records';
import type { LoopSettings } from '../loop/loop';
import { EXAMPLE_PROBLEMS } from '../loop/problems';
import { PROTOCOLS, type ProtocolId } from '../loop/protocols';
import { TEMPLATES, type TemplateId } from '../transcript/format';

export const CRUCIAL_CHOICES = ['Wait', 'Let', 'Check', 'Wait, let me verify this with code.'];

/** The Playground's run form: the problem, the protocol and the loop's limits. */
export class RunForm {
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

  /** A protocol comes with its system prompt (and, for a catalogue model, its chat template). */
  useProtocol(id: ProtocolId, template?: TemplateId): void {
    this.protocol = id;
    this.system = PROTOCOLS[id].systemPrompt;
    if (template) this.template = template;
  }

  /** A problem of its own (an example, or a recording's): the question and its expected answer. */
  useProblem(question: string, expected: string): void {
    this.question = question;
    this.expected = expected;
  }

  /** The loop's settings. A replay never inserts crucial tokens: its text is already written. */
  loopSettings(replay: boolean, contextWindow: number | null): LoopSettings {
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
      intervention: { text: this.interventionText, times: replay ? 0 : this.interventionTimes },
      outputLimit: 2000,
      expected: this.expectedAnswer,
      contextWindow,
    };
  }

  get expectedAnswer(): string | null {
    return this.expected.trim() || null;
  }

  /** The settings as the Library keeps them beside a run. */
  kept(): RunData['settings'] {
    return {
      protocol: this.protocol,
      template: this.template,
      system: this.system,
      maxRounds: this.maxRounds,
      maxTokensPerRound: this.maxTokensPerRound,
      maxTotalTokens: this.maxTotalTokens,
      temperature: this.temperature,
      intervention: { text: this.interventionText, times: this.interventionTimes },
    };
  }
}
