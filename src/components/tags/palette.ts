import type { Behaviour } from '../../lib/tagger/labels';

/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies) and a letter per behaviour,
 * with the letter's colour chosen for a contrast of at least 4.5:1 on its swatch (WCAG AA).
 */
export const TAG_STYLE: Record<Behaviour, { colour: string; letter: string; text: string }> = {
  verification: { colour: '#0072B2', letter: 'V', text: '#ffffff' },
  backtracking: { colour: '#D55E00', letter: 'B', text: '#000000' },
  subgoal_setting: { colour: '#009E73', letter: 'S', text: '#000000' },
  backward_chaining: { colour: '#CC79A7', letter: 'C', text: '#000000' },
};
