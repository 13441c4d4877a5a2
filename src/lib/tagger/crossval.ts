import { BEHAVIOURS, type Behaviour } from './labels';
import { LinearModel, type Weights } from './model';
import { scoreTranscript, summarise } from './score';
import { tagText } from './tagger';
import { examplesOf, foldOf, train, TRAIN_DEFAULTS, type Example, type LabelledRow } from './train';

type Totals = Record<Behaviour, { tp: number; fp: number; fn: number }>;

const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/**
 * Trains on labelled transcripts, choosing each label's threshold inside them: their sources are
 * split into three groups, a model trained on two scores the third, and the threshold with the
 * best F1 over those held-out scores is kept. Nothing outside `rows` is looked at.
 */
export function trainTuned(rows: LabelledRow[], trainedOn = ''): Weights {
  const examples = rows.map((row) => ({ fold: foldOf(row.id), examples: examplesOf(row) }));
  const folds = [...new Set(examples.map((e) => e.fold))].sort();
  const inner = (fold: string) => folds.indexOf(fold) % 3;
  const held: { p: number[]; y: Behaviour[] }[] = [];
  for (let part = 0; part < Math.min(3, folds.length); part++) {
    const model = new LinearModel(
      train(examples.filter((e) => inner(e.fold) !== part).flatMap((e) => e.examples)),
    );
    for (const e of examples.filter((x) => inner(x.fold) === part))
      for (const x of e.examples) held.push({ p: model.scores(x.features), y: x.labels });
  }
  const thresholds = BEHAVIOURS.map((label, k) => bestThreshold(held, label, k));
  const weights = train(
    examples.flatMap((e) => e.examples),
    TRAIN_DEFAULTS,
    trainedOn,
  );
  return { ...weights, thresholds };
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
 * training folds) on the others and score the held-out fold; the counts are pooled.
 */
export function crossValidate(
  rows: LabelledRow[],
  onFold: (fold: string, summary: ReturnType<typeof summarise>) => void = () => {},
): Totals {
  const pooled = Object.fromEntries(BEHAVIOURS.map((b) => [b, { tp: 0, fp: 0, fn: 0 }])) as Totals;
  const folds = [...new Set(rows.map((r) => foldOf(r.id)))].sort();
  for (const fold of folds) {
    const model = new LinearModel(trainTuned(rows.filter((r) => foldOf(r.id) !== fold)));
    const totals = scoreRows(
      rows.filter((r) => foldOf(r.id) === fold),
      model,
    );
    for (const label of BEHAVIOURS) {
      pooled[label].tp += totals[label].tp;
      pooled[label].fp += totals[label].fp;
      pooled[label].fn += totals[label].fn;
    }
    onFold(fold, summarise(totals));
  }
  return pooled;
}

export type { Example };
