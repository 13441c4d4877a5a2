import { buildPlan, newExperiment, PlanError, sampleTasks } from '../experiment/plan';
import { PackLibrary } from '../experiment/packs';
import { ExperimentRunner, type ExperimentBackend } from '../experiment/runner';
import { ExperimentStore } from '../experiment/store';
import type { Experiment, PlannedRun, RunRecord } from '../experiment/types';
import type { PackLine } from '../tasks/types';
import { libraryStore } from '../library/store.svelte';
import { router } from '../router/router.svelte';
import { liveBackend } from './experiment-backend';
import { ExperimentSetup } from './experiment-setup.svelte';
import { models } from './models.svelte';
import { playground } from './playground.svelte';

/** The Experiments view: the setup, the experiment being run, its stored runs. */
export class ExperimentState extends ExperimentSetup {
  loadError = $state<string | null>(null);
  experiment = $state.raw<Experiment | null>(null);
  records = $state.raw<RunRecord[]>([]);
  current = $state.raw<PlannedRun | null>(null);
  liveText = $state('');
  running = $state(false);
  error = $state<string | null>(null);

  /** Durations of the runs finished since the page loaded, for the time left. */
  sessionMs = $state.raw<number[]>([]);
  #runner: ExperimentRunner | null = null;
  // Kept in the Library, beside runs and traces: listed, searched, exported with them.
  #store = new ExperimentStore(libraryStore.library);
  #packs = new PackLibrary(`${import.meta.env.BASE_URL}data/packs/`);

  constructor() {
    super();
    libraryStore.hold({
      refuse: (id) =>
        this.running && this.experiment?.id === id
          ? 'This experiment is running: pause or stop it in Experiments, then delete it.'
          : null,
      removed: (id) => {
        if (this.experiment?.id !== id) return;
        this.experiment = null;
        this.records = [];
        this.sessionMs = [];
      },
    });
  }

  /** Moves experiments kept before they joined the Library (run once at start-up). */
  async moveLegacy(): Promise<void> {
    try {
      await this.#store.migrate();
      await libraryStore.refresh();
    } catch (error) {
      libraryStore.error = `Experiments kept by an earlier Loupe could not be moved into the Library (they stay where they were): ${(error as Error).message}`;
    }
  }

  get backendLabel(): string | null {
    // Read the loaded model so the view updates when one is loaded.
    void models.loaded;
    return liveBackend()?.label ?? null;
  }

  get secondsLeft(): number | null {
    const done = this.sessionMs;
    if (!this.experiment || done.length === 0) return null;
    const mean = done.reduce((a, b) => a + b, 0) / done.length;
    return ((this.experiment.plan.length - this.records.length) * mean) / 1000;
  }

  /** Loads the task index and the experiment named by the link, or else the latest one. */
  async init(openId: string | null = null): Promise<void> {
    try {
      this.index ??= await this.#packs.index();
    } catch (error) {
      this.loadError = (error as Error).message;
    }
    if (openId) return this.open(openId);
    if (this.experiment) return;
    const latest = await this.#store.latest().catch(() => null);
    if (latest && !this.experiment) await this.open(latest.id);
  }

  /** Shows a kept experiment (from the Library, or a link `#/experiments?open=<id>`). */
  async open(id: string): Promise<void> {
    if (this.experiment?.id === id) return;
    if (this.running) {
      this.error = 'An experiment is running: pause or stop it before opening another.';
      return;
    }
    const kept = await this.#store.get(id).catch(() => null);
    if (!kept) {
      this.error =
        'That experiment is no longer in the Library (it was deleted, or this is another browser profile).';
      return;
    }
    const { experiment, runs } = kept;
    // A run that was going when the page closed is paused: Resume picks it up.
    this.experiment =
      experiment.status === 'running' ? { ...experiment, status: 'paused' } : experiment;
    this.records = runs;
    this.sessionMs = [];
    this.error = null;
    this.applyConfig(experiment.config);
  }

  async #loadTasks(families: string[]): Promise<PackLine[]> {
    const index = this.index ?? (this.index = await this.#packs.index());
    const chosen = index.families.filter((f) => families.includes(f.family));
    const lines = (await Promise.all(chosen.map((f) => this.#packs.family(f)))).flat();
    return lines;
  }

  async start(): Promise<void> {
    this.error = null;
    const backend = liveBackend();
    if (!backend) {
      this.error = 'Load a model first (see above).';
      return;
    }
    const config = this.config();
    try {
      const lines = await this.#loadTasks(config.families);
      const plan = buildPlan(config, sampleTasks(lines, config.families, config.sampleSize));
      const experiment = newExperiment(config, plan, backend.label);
      // The experiment shown before stays in the Library.
      this.experiment = experiment;
      this.records = [];
      this.sessionMs = [];
      await this.#store.saveExperiment(experiment);
      void libraryStore.refresh();
      if (router.route.view === 'experiments') router.setParams({ open: experiment.id });
      await this.#go(backend);
    } catch (error) {
      this.error =
        error instanceof PlanError ? error.message : `Could not start: ${(error as Error).message}`;
    }
  }

  async resume(): Promise<void> {
    const backend = liveBackend();
    if (!this.experiment || !backend) {
      this.error = backend ? null : 'Load a model first (see above).';
      return;
    }
    this.error = null;
    try {
      await this.#loadTasks(this.experiment.config.families);
      await this.#go(backend);
    } catch (error) {
      this.error = `Could not resume: ${(error as Error).message}`;
    }
  }

  async #go(backend: ExperimentBackend): Promise<void> {
    const experiment = this.experiment as Experiment;
    await this.#setStatus('running');
    this.running = true;
    const runner = new ExperimentRunner(
      backend,
      experiment,
      this.#packs.tasks,
      this.records.map((r) => r.key),
      {
        onRunStart: (run) => {
          this.current = run;
          this.liveText = '';
        },
        onText: (chunk) => {
          this.liveText = (this.liveText + chunk).slice(-600);
        },
        onRecord: async (record) => {
          this.records = [...this.records, record];
          this.sessionMs = [...this.sessionMs, record.durationMs];
          await this.#store.saveRun(experiment.id, record);
          void libraryStore.refresh();
        },
      },
    );
    this.#runner = runner;
    try {
      const outcome = await runner.run();
      await this.#setStatus(outcome);
    } finally {
      this.running = false;
      this.current = null;
      this.#runner = null;
    }
  }

  async #setStatus(status: Experiment['status']): Promise<void> {
    if (!this.experiment) return;
    this.experiment = { ...this.experiment, status };
    await this.#store.saveExperiment(this.experiment);
    void libraryStore.refresh();
  }

  pause(): void {
    this.#runner?.pause();
  }

  stop(): void {
    this.#runner?.stop();
  }

  async discard(): Promise<void> {
    if (!this.experiment || this.running) return;
    await libraryStore.remove(this.experiment.id);
    if (router.route.params.open) router.setParams({ open: '' });
  }

  /** Opens a run's transcript in the Playground, as a replay (its code is run again there). */
  async openInPlayground(record: RunRecord): Promise<void> {
    const task =
      this.#packs.tasks.get(record.taskId) ??
      (await this.#loadTasks([record.family])).find((l) => l.id === record.taskId);
    const transcript = record.parts.map((p) => (p.kind === 'run' ? p.spliced : p.text)).join('');
    const line = JSON.stringify({
      id: `${record.taskId} N=${record.n} seed=${record.seed}`,
      question: task?.question ?? null,
      transcript,
    });
    await playground.loadRecordings('experiment run', line);
    playground.setMode('replay');
    location.hash = '#/playground';
  }
}

export const experiments = new ExperimentState();
