import { BEHAVIOURS, type Behaviour } from './labels';
import type { TaggedUnit } from './tagger';

export interface GoldUnit {
  start: number;
  end: number;
  kind: string;
  labels: string[];
}

export interface LabelScore {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Confusion {
  id: string;
  kind: 'missed' | 'extra';
  label: Behaviour;
  text: string;
  cue?: string;
}

/** What scoring reads of a tagging: each unit's span and the labels given it, with their cue. */
export interface Predicted {
  units: (Pick<TaggedUnit, 'start' | 'end'> & {
    evidence: { label: Behaviour; cue?: string }[];
  })[];
}

/**
 * Scores predictions (the tagger's, or another labeller's) against gold units as LABELS.md says:
 * per unit and per label, a predicted span of a label counts for every gold unit it overlaps.
 */
export function scoreTranscript(id: string, text: string, gold: GoldUnit[], predicted: Predicted) {
  const counts = Object.fromEntries(BEHAVIOURS.map((b) => [b, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Behaviour,
    { tp: number; fp: number; fn: number }
  >;
  const confusions: Confusion[] = [];
  for (const unit of gold) {
    if (unit.kind === 'output') continue;
    const overlapping = predicted.units.filter((p) => p.start < unit.end && p.end > unit.start);
    for (const label of BEHAVIOURS) {
      const evidence = overlapping.flatMap((p) => p.evidence).find((e) => e.label === label);
      const inGold = unit.labels.includes(label);
      const body = text.slice(unit.start, unit.end);
      if (evidence && inGold) counts[label].tp += 1;
      else if (evidence) {
        counts[label].fp += 1;
        confusions.push({ id, kind: 'extra', label, text: body, cue: evidence.cue });
      } else if (inGold) {
        counts[label].fn += 1;
        confusions.push({ id, kind: 'missed', label, text: body });
      }
    }
  }
  return { counts, confusions };
}

export function summarise(totals: Record<Behaviour, { tp: number; fp: number; fn: number }>) {
  const perLabel = {} as Record<Behaviour, LabelScore>;
  for (const label of BEHAVIOURS) {
    const { tp, fp, fn } = totals[label];
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel[label] = { precision, recall, f1, tp, fp, fn };
  }
  const macroF1 =
    BEHAVIOURS.reduce((sum, label) => sum + perLabel[label].f1, 0) / BEHAVIOURS.length;
  return { perLabel, macroF1 };
}
