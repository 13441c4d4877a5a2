import { BEHAVIOURS, type Behaviour } from './labels';
import type { UnitFeatures } from './features';

/**
 * A linear model per label (logistic regression, one against the rest) over a unit's features.
 * Trained by `npm run train:tagger` (scripts/train-tagger.ts) into weights.json.
 */
export interface Weights {
  version: number;
  /** What it was trained on and how, for the record. */
  trainedOn: string;
  labels: readonly Behaviour[];
  bias: number[];
  thresholds: number[];
  /** Feature name to one weight per label. */
  features: Record<string, number[]>;
}

export interface Contribution {
  feature: string;
  weight: number;
}

export interface Decision {
  label: Behaviour;
  probability: number;
  /** The present features that pushed most towards the label, strongest first. */
  strongest: Contribution[];
}

export class LinearModel {
  readonly #weights: Map<string, number[]>;
  readonly #bias: number[];
  readonly #thresholds: number[];

  constructor(weights: Weights) {
    if (weights.labels.join() !== BEHAVIOURS.join())
      throw new Error('The tagger weights are for other labels: run npm run train:tagger.');
    this.#weights = new Map(Object.entries(weights.features));
    this.#bias = weights.bias;
    this.#thresholds = weights.thresholds;
  }

  scores(features: readonly string[]): number[] {
    const sums = [...this.#bias];
    for (const name of features) {
      const w = this.#weights.get(name);
      if (w) for (let k = 0; k < sums.length; k++) sums[k]! += w[k] as number;
    }
    return sums.map((s) => 1 / (1 + Math.exp(-s)));
  }

  /** The labels whose probability reaches their threshold, with their strongest features. */
  decide(features: UnitFeatures): Decision[] {
    const probabilities = this.scores(features.names);
    const decisions: Decision[] = [];
    BEHAVIOURS.forEach((label, k) => {
      const probability = probabilities[k] as number;
      if (probability < (this.#thresholds[k] as number)) return;
      const strongest = features.names
        .map((feature) => ({ feature, weight: this.#weights.get(feature)?.[k] ?? 0 }))
        .filter((c) => c.weight > 0)
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 5);
      decisions.push({ label, probability, strongest });
    });
    return decisions;
  }
}
