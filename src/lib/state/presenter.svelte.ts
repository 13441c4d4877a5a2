import { stepBack, stepForward, type StepSize, type UnitKind } from '../presenter/steps';

export const SECONDS_PER_STEP = [1, 2, 3, 5, 8];

/**
 * Presenter mode: a transcript shown unit by unit for a class, stepped by sentence, code block or
 * round, by hand or at a chosen pace. The units come from whoever opens it (`kinds` is read on
 * every step, so a transcript still being written can be presented as it grows).
 */
export class PresenterStore {
  open = $state(false);
  shown = $state(0);
  size = $state<StepSize>('sentence');
  playing = $state(false);
  secondsPerStep = $state(2);
  #kinds: () => UnitKind[] = () => [];
  #timer: ReturnType<typeof setInterval> | null = null;

  start(kinds: () => UnitKind[]): void {
    this.#kinds = kinds;
    this.shown = 0;
    this.open = true;
  }

  close(): void {
    this.pause();
    this.open = false;
  }

  forward(): void {
    this.shown = stepForward(this.#kinds(), this.shown, this.size);
  }

  back(): void {
    this.shown = stepBack(this.#kinds(), this.shown, this.size);
  }

  toStart(): void {
    this.shown = 0;
  }

  toEnd(): void {
    this.shown = this.#kinds().length;
  }

  /** Steps on its own every `secondsPerStep` until the end is shown (or pause). */
  play(finished: () => boolean): void {
    this.pause();
    this.playing = true;
    this.#timer = setInterval(() => {
      const before = this.shown;
      this.forward();
      if (this.shown === before && finished()) this.pause();
    }, this.secondsPerStep * 1000);
  }

  pause(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.playing = false;
  }
}

export const presenter = new PresenterStore();
