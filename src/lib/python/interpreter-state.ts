import type { StartupStep } from './types';

export type InterpreterStatus = 'off' | 'starting' | 'ready' | 'busy' | 'restarting' | 'failed';

export interface InterpreterState {
  status: InterpreterStatus;
  step: StartupStep | null;
  /** SharedArrayBuffer is available, so Stop can interrupt Python without losing its state. */
  canInterrupt: boolean;
  /** Set when the last start failed. */
  error: string | null;
  /** Why the interpreter was last restarted, until the next run. */
  restartNote: string | null;
  /** Milliseconds from the first start request to ready. */
  startupMs: number | null;
}
