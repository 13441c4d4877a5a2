import { BEHAVIOURS, BEHAVIOUR_NAMES, type Behaviour } from './labels';
import type { LabelScore } from './score';

/**
 * How far the shipped tagger's labels can be trusted on text it was not trained on: grouped
 * cross-validation by source over the team's labelled transcripts (`npm run eval:tags -- --write`
 * writes it to reliability.json). `weights` is the fingerprint of the weights it was measured
 * for: a retrained model needs the figures measured again (a unit test says so).
 */
export interface Reliability {
  version: 1;
  weights: string;
  method: string;
  transcripts: number;
  sources: string[];
  perLabel: Record<Behaviour, LabelScore>;
  macroF1: number;
}

/** FNV-1a over the weights' JSON: a short, stable name for one trained model. */
export function fingerprint(weights: unknown): string {
  const text = JSON.stringify(weights);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A share as a whole percentage, as the app shows these figures. */
export const percent = (x: number) => `${Math.round(100 * x)}%`;

/** One label's figures in a sentence a reader can act on. */
export function trustSentence(label: Behaviour, r: Reliability): string {
  const s = r.perLabel[label];
  const name = BEHAVIOUR_NAMES[label].toLowerCase();
  return `On transcripts from sources it was not trained on, ${percent(s.precision)} of its ${name} tags were labelled so by people, and it found ${percent(s.recall)} of the ${name} they labelled.`;
}

/** The whole measure in a line, for views that report counts of every label. */
export function trustSummary(r: Reliability): string {
  const parts = BEHAVIOURS.map(
    (label) =>
      `${BEHAVIOUR_NAMES[label].toLowerCase()} ${percent(r.perLabel[label].precision)} right, ${percent(r.perLabel[label].recall)} found`,
  );
  return `Behaviour figures come from the tagger, which on sources it never saw agrees with people's labels at F1 ${r.macroF1.toFixed(2)} (${parts.join('; ')}). A difference between groups smaller than that can be the tagger's, all the more between different voices.`;
}
