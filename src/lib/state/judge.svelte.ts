import { judgeTranscript, type JudgeCounts } from '../analysis/judge';
import { messageOf } from '../core/errors';
import type { Generation } from '../model/generation';
import { models } from './models.svelte';

/** What the judge reads of the Playground: the latest run, and which run it is. */
export interface JudgedRun {
  readonly runId: number;
  readonly question: string;
  readonly assistant: string;
}

/**
 * The loaded model as a judge of the latest run's behaviours. It owns its generation (so a run
 * cannot start under it), and its counts belong to the run they were asked for: a later run
 * clears them, and a judge still counting for an earlier run never writes into the new one.
 */
export class PlaygroundJudge {
  counts = $state.raw<JudgeCounts | null>(null);
  judging = $state(false);
  error = $state<string | null>(null);
  #generation: Generation | null = null;
  readonly #run: JudgedRun;

  constructor(run: JudgedRun) {
    this.#run = run;
  }

  /** Why the judge cannot start now, or null. */
  get blocked(): string | null {
    if (this.judging) return 'The judge is counting.';
    if (!this.#run.assistant) return 'Run something first.';
    return models.busyReason('judge');
  }

  async start(): Promise<void> {
    if (this.blocked) return;
    const runId = this.#run.runId;
    const generation = models.store.begin('judge');
    this.#generation = generation;
    this.judging = true;
    this.error = null;
    this.counts = null;
    const owned = () => this.#run.runId === runId;
    try {
      const counts = await judgeTranscript(
        generation,
        models.template,
        this.#run.question,
        this.#run.assistant,
        generation.signal,
        (behaviour, count) => {
          if (owned()) this.counts = { ...(this.counts ?? emptyJudge()), [behaviour]: count };
        },
      );
      if (owned()) this.counts = counts;
    } catch (error) {
      if (owned()) this.error = messageOf(error);
    } finally {
      generation.end();
      this.#generation = null;
      this.judging = false;
    }
  }

  stop(): void {
    this.#generation?.stop();
  }

  /** A new run starts: the counts of the last one no longer apply. */
  clear(): void {
    this.counts = null;
    this.error = null;
  }
}

function emptyJudge(): JudgeCounts {
  return { verification: null, backtracking: null, subgoal_setting: null, backward_chaining: null };
}
