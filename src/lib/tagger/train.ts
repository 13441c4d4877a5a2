import { advanceDiscourse, newDiscourse, startsParagraph } from './discourse';
import { unitFeatures } from './features';
import { BEHAVIOURS, type Behaviour } from './labels';
import type { LinearModel, Weights } from './model';
import { tagUnit } from './rules';
import type { GoldUnit } from './score';
import { segment } from './segment';

/** One unit of a labelled transcript, as the tagger sees it: its features and its gold labels. */
export interface Example {
  features: string[];
  labels: Behaviour[];
  /** The source it comes from (its fold). */
  source?: string;
}

export interface LabelledRow {
  id: string;
  text: string;
  units: GoldUnit[];
}

/**
 * The fold a labelled transcript belongs to, by source: tr-a…tr-g, MathCoder, ToRA, dev, and
 * Loupe's own labelled sets (`xl-<set>-…`: xl-mc, xl-s1…), which only ever train.
 */
export function foldOf(id: string): string {
  if (id.startsWith('tr-')) return id.slice(0, 4);
  if (id.startsWith('xl-')) return id.split('-', 2).join('-');
  if (id.startsWith('mc-')) return 'MathCoder';
  if (id.startsWith('tora')) return 'ToRA';
  if (id.startsWith('dev-')) return 'dev';
  return 'other';
}

/**
 * The tagger's units of a labelled transcript (cut by its own segmenter, so training sees what
 * tagging sees), each labelled with the gold labels of the units it overlaps, as scoring does.
 * With `tagger`, each unit is also tagged by it, left to right, and the features that read the
 * labels of earlier units (`seq:`) see those predictions, as they will when tagging; without it
 * they are left out.
 */
export function examplesOf(row: LabelledRow, tagger?: LinearModel): Example[] {
  const discourse = newDiscourse();
  const examples: Example[] = [];
  for (const unit of segment(row.text)) {
    let families: string[] | undefined;
    let predicted: Behaviour[] = [];
    if (unit.kind !== 'output') {
      const body = row.text.slice(unit.start, unit.end);
      const labels = new Set<Behaviour>();
      for (const gold of row.units)
        if (gold.kind !== 'output' && gold.start < unit.end && gold.end > unit.start)
          for (const l of gold.labels)
            if ((BEHAVIOURS as readonly string[]).includes(l)) labels.add(l as Behaviour);
      if (tagger) {
        const tagged = tagUnit(row.text, unit, discourse, tagger);
        families = tagged.families;
        predicted = tagged.evidence.map((e) => e.label);
        examples.push({ features: tagged.features, labels: [...labels], source: foldOf(row.id) });
      } else {
        const paragraph = startsParagraph(row.text, unit, discourse);
        const features = unitFeatures(body, unit, discourse, paragraph);
        families = features.families;
        const names = features.names.filter((f) => !f.startsWith('seq:'));
        examples.push({ features: names, labels: [...labels], source: foldOf(row.id) });
      }
    }
    advanceDiscourse(discourse, row.text, unit, 0, families, predicted);
  }
  return examples;
}

/** Loupe's own labelled sets train but are never held out: they are not the team's labels. */
export function isExtraFold(fold: string): boolean {
  return fold.startsWith('xl-');
}

/**
 * Whether `fold` must leave training while `heldOut` is scored: itself, and Loupe's MathCoder set
 * while the team's MathCoder transcripts are held out (the same models on other problems).
 */
export function related(fold: string, heldOut: string): boolean {
  return fold === heldOut || (fold === 'xl-mc' && heldOut === 'MathCoder');
}

export interface TrainOptions {
  epochs: number;
  /** L2 penalty per update. */
  l2: number;
  learningRate: number;
  /** Features seen in fewer training units are dropped. */
  minCount: number;
  /** Features seen in fewer sources are dropped: words of one source's domain do not carry. */
  minSources: number;
  seed: number;
  /** Decision threshold per label, fixed before training. */
  threshold: number;
  /**
   * Each unit's loss is weighted by (mean units per source / units of its source) to this
   * power: 0 weighs every unit alike, 1 every source alike (a large source's habits dominate
   * less), 0.5 halfway.
   */
  balance: number;
  /** Each unit of Loupe's own labelled sets (`xl-…`) counts this much of a unit of the team's. */
  extraWeight: number;
}

export const TRAIN_DEFAULTS: TrainOptions = {
  epochs: 10,
  l2: 1e-2,
  learningRate: 0.2,
  minCount: 6,
  minSources: 1,
  seed: 20261204,
  threshold: 0.5,
  balance: 0.5,
  extraWeight: 0.4,
};

/** Logistic regression, one model per label, by AdaGrad; deterministic for a given seed. */
export function train(
  examples: Example[],
  options: TrainOptions = TRAIN_DEFAULTS,
  trainedOn = '',
): Weights {
  const counts = new Map<string, number>();
  const sources = new Map<string, Set<string>>();
  for (const e of examples)
    for (const f of e.features) {
      counts.set(f, (counts.get(f) ?? 0) + 1);
      const seen = sources.get(f) ?? new Set<string>();
      seen.add(e.source ?? '');
      sources.set(f, seen);
    }
  const index = new Map<string, number>();
  for (const [f, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (n >= options.minCount && (sources.get(f)?.size ?? 0) >= options.minSources)
      index.set(f, index.size);
  const L = BEHAVIOURS.length;
  const w = new Float64Array(index.size * L);
  const g2 = new Float64Array(index.size * L).fill(1e-8);
  const bias = new Float64Array(L);
  const bias2 = new Float64Array(L).fill(1e-8);
  const perSource = new Map<string, number>();
  for (const e of examples) perSource.set(e.source ?? '', (perSource.get(e.source ?? '') ?? 0) + 1);
  const share = examples.length / perSource.size;
  const rows = examples.map((e) => ({
    c:
      (share / (perSource.get(e.source ?? '') as number)) ** options.balance *
      (isExtraFold(e.source ?? '') ? options.extraWeight : 1),
    ids: e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: BEHAVIOURS.map((l) => (e.labels.includes(l) ? 1 : 0)),
  }));
  let seed = options.seed;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const r of order) {
      const { ids, y, c } = rows[r] as (typeof rows)[number];
      for (let k = 0; k < L; k++) {
        let s = bias[k] as number;
        for (const i of ids) s += w[i * L + k] as number;
        const grad = c * (1 / (1 + Math.exp(-s)) - (y[k] as number));
        bias2[k]! += grad * grad;
        bias[k]! -= (options.learningRate * grad) / Math.sqrt(bias2[k] as number);
        for (const i of ids) {
          const at = i * L + k;
          const g = grad + options.l2 * (w[at] as number);
          g2[at]! += g * g;
          w[at]! -= (options.learningRate * g) / Math.sqrt(g2[at] as number);
        }
      }
    }
  }
  const features: Record<string, number[]> = {};
  for (const [f, i] of index) {
    const ws = BEHAVIOURS.map((_, k) => round(w[i * L + k] as number));
    if (ws.some((x) => Math.abs(x) >= 0.01)) features[f] = ws;
  }
  return {
    version: 1,
    trainedOn,
    labels: BEHAVIOURS,
    bias: [...bias].map(round),
    thresholds: BEHAVIOURS.map(() => options.threshold),
    features,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
