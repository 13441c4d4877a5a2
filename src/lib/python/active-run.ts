import type { RunOptions, WorkerEvent } from './types';

/** The run the worker is executing: collects its streamed output and answers its events. */
export class ActiveRun {
  stdout = '';
  stderr = '';

  constructor(
    readonly id: number,
    readonly options: RunOptions,
    /** The worker took the run: what came before was it finishing older work. */
    readonly onAccepted: () => void,
    readonly onExecuting: () => void,
    readonly requestStop: (why: string) => void,
  ) {}

  /** One event from the worker's port; events of an earlier run are ignored. */
  handle(event: Exclude<WorkerEvent, { type: 'startup' } | { type: 'closed' }>): void {
    if (event.runId !== this.id) return;
    if (event.type === 'output') {
      if (event.stream === 'stdout') this.stdout += event.text;
      else this.stderr += event.text;
      this.options.onOutput?.(event.stream, event.text);
    } else if (event.type === 'note') {
      this.options.onNote?.(event.text);
    } else if (event.type === 'accepted') {
      this.onAccepted();
    } else {
      this.onExecuting();
    }
  }
}
