import type { LoadProgress } from '../engine/webllm-worker-api';

/** Download progress with the figures a person wants: how much, how fast, how long. */
export interface DownloadProgress extends LoadProgress {
  fetchedMB: number | null;
  mbPerSecond: number | null;
  secondsLeft: number | null;
}

export function withRates(progress: LoadProgress): DownloadProgress {
  const fetched = /([\d.]+)\s*MB fetched/i.exec(progress.text);
  const fetchedMB = fetched ? Number(fetched[1]) : null;
  const mbPerSecond =
    fetchedMB !== null && progress.elapsedSeconds > 0 ? fetchedMB / progress.elapsedSeconds : null;
  const secondsLeft =
    progress.progress > 0.01 && progress.progress < 1
      ? (progress.elapsedSeconds * (1 - progress.progress)) / progress.progress
      : null;
  return { ...progress, fetchedMB, mbPerSecond, secondsLeft };
}

export const STARTING: DownloadProgress = {
  progress: 0,
  text: 'Starting…',
  elapsedSeconds: 0,
  fetchedMB: null,
  mbPerSecond: null,
  secondsLeft: null,
};
