import { BEHAVIOURS, type Behaviour } from './labels';
import { LinearModel, type Weights } from './model';
import { scoreTranscript, summarise } from './score';
import { tagText } from './tagger';
import {
  examplesOf,
  foldOf,
  isExtraFold,
  related,
  train,
  TRAIN_DEFAULTS,
  type Example,
  type LabelledRow,
  type TrainOptions,
} from './train';

type Totals = Record<Behaviour, { tp: number; fp: number; fn: number }>;

/** Training sources are split into this many parts, for stacking, thresholds and the bag. */
const PARTS = 3;
const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/**
 * Trains on labelled transcripts in two stages, nothing outside `rows` looked at. Their sources
 * are split into three parts. Stage one: a model without the features that read earlier units'
 * labels, trained on two parts, tags the third left to right (at thresholds tuned the same way),
 * so that every unit's `seq:` features come from predictions made without its own source, as
 * they will be on new text. Stage two: over all features, a model per part trained on the other
 * two; each label's threshold is the one with the best F1 over the parts they did not see, and
 * the shipped model is their mean.
 */
export function trainTuned(
  rows: LabelledRow[],
  trainedOn = '',
  options: TrainOptions = TRAIN_DEFAULTS,
): Weights {
  const folds = [...new Set(rows.map((r) => foldOf(r.id)))].sort();
  const partOf = (row: LabelledRow, i: number) =>
    folds.length >= PARTS ? folds.indexOf(foldOf(row.id)) % PARTS : i % PARTS;
  const parts = rows.map(partOf);
  const first = rows.map((row) => examplesOf(row));
  const second: Example[][] = rows.map(() => []);
  const stageOne: (Weights | null)[] = [];
  const heldOne: { p: number[]; y: Behaviour[] }[] = [];
  for (let part = 0; part < PARTS; part++) {
    const others = first.filter((_, i) => parts[i] !== part).flat();
    const weights = others.length ? train(others, options) : null;
    stageOne.push(weights);
    const model = weights ? new LinearModel(weights) : null;
    first.forEach((examples, i) => {
      if (model && parts[i] === part)
        for (const x of examples) heldOne.push({ p: model.scores(x.features), y: x.labels });
    });
  }
  // Stage one decides at the thresholds that suit it, as the final model will at its own.
  const thresholdsOne = BEHAVIOURS.map((label, k) => bestThreshold(heldOne, label, k));
  stageOne.forEach((weights, part) => {
    if (!weights) return;
    const model = new LinearModel({ ...weights, thresholds: thresholdsOne });
    rows.forEach((row, i) => {
      if (parts[i] === part) second[i] = examplesOf(row, model);
    });
  });
  const held: { p: number[]; y: Behaviour[] }[] = [];
  const bag: Weights[] = [];
  for (let part = 0; part < PARTS; part++) {
    const others = second.filter((_, i) => parts[i] !== part).flat();
    if (others.length === 0) continue;
    bag.push(train(others, options));
    const model = new LinearModel(bag.at(-1) as Weights);
    second.forEach((examples, i) => {
      if (parts[i] === part)
        for (const x of examples) held.push({ p: model.scores(x.features), y: x.labels });
    });
  }
  const thresholds = BEHAVIOURS.map((label, k) => bestThreshold(held, label, k));
  return { ...average(bag, trainedOn), thresholds };
}

function bestThreshold(held: { p: number[]; y: Behaviour[] }[], label: Behaviour, k: number) {
  let best = TRAIN_DEFAULTS.threshold;
  let bestF1 = -1;
  for (const t of THRESHOLDS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { p, y } of held) {
      const predicted = (p[k] as number) >= t;
      const gold = y.includes(label);
      if (predicted && gold) tp += 1;
      else if (predicted) fp += 1;
      else if (gold) fn += 1;
    }
    const f1 = (2 * tp) / Math.max(1, 2 * tp + fp + fn);
    if (f1 > bestF1) [best, bestF1] = [t, f1];
  }
  return best;
}

/** Scores the whole tagger (rules and model) on labelled transcripts, as LABELS.md says. */
export function scoreRows(rows: LabelledRow[], model?: LinearModel): Totals {
  const totals = Object.fromEntries(BEHAVIOURS.map((b) => [b, { tp: 0, fp: 0, fn: 0 }])) as Totals;
  for (const row of rows) {
    const scored = scoreTranscript(
      row.id,
      row.text,
      row.units,
      tagText(row.text, model ? { model } : {}),
    );
    for (const label of BEHAVIOURS) {
      totals[label].tp += scored.counts[label].tp;
      totals[label].fp += scored.counts[label].fp;
      totals[label].fn += scored.counts[label].fn;
    }
  }
  return totals;
}

/**
 * Grouped cross-validation by source: for each fold, train (thresholds tuned inside the
 * training folds) on the others and score the held-out fold; the counts are pooled. Loupe's own
 * labelled sets (`xl-…`) are never held out: they join every training set except where they
 * are related to the held-out fold.
 */
export function crossValidate(
  rows: LabelledRow[],
  onFold: (
    fold: string,
    summary: ReturnType<typeof summarise>,
    model: LinearModel,
  ) => void = () => {},
  options: TrainOptions = TRAIN_DEFAULTS,
): Totals {
  const pooled = Object.fromEntries(BEHAVIOURS.map((b) => [b, { tp: 0, fp: 0, fn: 0 }])) as Totals;
  const folds = [...new Set(rows.map((r) => foldOf(r.id)))].filter((f) => !isExtraFold(f)).sort();
  for (const fold of folds) {
    const model = new LinearModel(
      trainTuned(
        rows.filter((r) => !related(foldOf(r.id), fold)),
        '',
        options,
      ),
    );
    const totals = scoreRows(
      rows.filter((r) => foldOf(r.id) === fold),
      model,
    );
    for (const label of BEHAVIOURS) {
      pooled[label].tp += totals[label].tp;
      pooled[label].fp += totals[label].fp;
      pooled[label].fn += totals[label].fn;
    }
    onFold(fold, summarise(totals), model);
  }
  return pooled;
}

export type { Example };

/**
 * The mean of the stage-two models, each trained without one part: a feature keeps weight only
 * as far as it holds across sources (a bag; better on held-out sources than one model on all).
 */
function average(bag: Weights[], trainedOn: string): Weights {
  const sums = new Map<string, number[]>();
  for (const w of bag)
    for (const [f, ws] of Object.entries(w.features)) {
      const sum = sums.get(f) ?? BEHAVIOURS.map(() => 0);
      ws.forEach((x, k) => (sum[k]! += x / bag.length));
      sums.set(f, sum);
    }
  // Weights too small to change a decision are left out: the file goes to the browser.
  const features: Record<string, number[]> = {};
  for (const [f, ws] of sums)
    if (ws.some((x) => Math.abs(x) >= MIN_WEIGHT)) features[f] = ws.map(round);
  const bias = BEHAVIOURS.map((_, k) => round(mean(bag.map((w) => w.bias[k] as number))));
  return { ...(bag[0] as Weights), trainedOn, bias, features };
}

const MIN_WEIGHT = 0.05;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 100) / 100;
