import type { Behaviour } from '../../lib/tagger/labels';

/** Okabe–Ito colours (safe for the common colour-vision deficiencies) and a letter per behaviour. */
export const TAG_STYLE: Record<Behaviour, { colour: string; letter: string }> = {
  verification: { colour: '#0072B2', letter: 'V' },
  backtracking: { colour: '#D55E00', letter: 'B' },
  subgoal_setting: { colour: '#009E73', letter: 'S' },
  backward_chaining: { colour: '#CC79A7', letter: 'C' },
};
