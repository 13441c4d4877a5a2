/** The four cognitive behaviours of Gandhi et al. (2025), as defined in LABELS.md. */
export const BEHAVIOURS = [
  'verification',
  'backtracking',
  'subgoal_setting',
  'backward_chaining',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export const BEHAVIOUR_NAMES: Record<Behaviour, string> = {
  verification: 'Verification',
  backtracking: 'Backtracking',
  subgoal_setting: 'Subgoal setting',
  backward_chaining: 'Backward chaining',
};

/** The crucial tokens of arXiv 2606.16934, matched as whole words, case-insensitively. */
export const DEFAULT_CRUCIAL_TOKENS = ['wait', 'let', 'check', 'verify', 'confirm', 'double-check'];
