import { CHECK_INTENT, HARD_NEGATIVES, PROSE_CUES } from './cues';
import type { Behaviour } from './labels';
import type { Unit } from './segment';

/** Why a unit got a label: the cue words or the structural rule that fired. */
export interface Evidence {
  label: Behaviour;
  cue: string;
}

/** What the tagger remembers of the units before the current one. Only looks back. */
export interface Context {
  /** A result exists to check: an interpreter output, or a number stated in prose. */
  hadResult: boolean;
  lastOutputWasError: boolean;
  /** Labels of the last sentence. */
  lastProse: Set<Behaviour>;
  /** A sentence since the last block announced a check. */
  checkAnnounced: boolean;
  /** A sentence announced a list of steps; the list items that follow are the steps. */
  inStepList: boolean;
  codeBlocks: { tokens: Set<string>; labels: Set<Behaviour> }[];
}

export function newContext(): Context {
  return {
    hadResult: false,
    lastOutputWasError: false,
    lastProse: new Set(),
    checkAnnounced: false,
    inStepList: false,
    codeBlocks: [],
  };
}

/** The labels of one unit, given what came before. */
export function tagUnit(text: string, unit: Unit, context: Context): Evidence[] {
  const body = text.slice(unit.start, unit.end);
  if (unit.kind === 'output') return [];
  return unit.kind === 'code' ? tagCode(body, context) : tagProse(body, context);
}

function tagProse(sentence: string, context: Context): Evidence[] {
  const found = new Map<Behaviour, string>();
  const isListItem = /^\s*(\d+[.)]|\(\d+\)|[-*])\s/.test(sentence);
  for (const { label, name, pattern } of PROSE_CUES) {
    if (found.has(label) || !pattern.test(sentence)) continue;
    if (name === 'step n' && !(context.inStepList && isListItem) && !/^step \d+/i.test(sentence))
      continue;
    if (
      (name === 'check intent' || name === 'not the target' || name === 'surprise at a result') &&
      !context.hadResult
    )
      continue;
    found.set(label, name);
  }
  if (
    context.lastOutputWasError &&
    !found.has('backtracking') &&
    /\b(because|since|the (error|problem|issue|bug))\b/i.test(sentence)
  ) {
    found.set('backtracking', 'explains the error');
  }
  for (const negative of HARD_NEGATIVES) {
    if (!negative.pattern.test(sentence)) continue;
    for (const label of negative.blocks) {
      const name = found.get(label);
      // A check intent in the same sentence outweighs the definition-like reading.
      if (
        name &&
        !(
          label === 'verification' &&
          name === 'check intent' &&
          negative.name.startsWith('writing')
        )
      ) {
        found.delete(label);
      }
    }
  }
  return [...found].map(([label, cue]) => ({ label, cue }));
}

function tagCode(block: string, context: Context): Evidence[] {
  const found = new Map<Behaviour, string>();
  const code = block.replace(/^<code>\s*|\s*<\/code>$/g, '');
  const lines = code.split('\n');
  const comments = lines.map((line) => /#(.*)$/.exec(line)?.[1] ?? '').filter(Boolean);
  const statements = lines.map((line) => line.replace(/#.*$/, ''));
  if (statements.some((line) => /^\s*assert\b/.test(line))) found.set('verification', 'assert');
  else if (context.checkAnnounced) found.set('verification', 'a check announced before the block');
  const tokens = codeTokens(code);
  // Recent blocks only: a rerun or a fix follows the block it repeats closely.
  const similar = context.codeBlocks
    .slice(-8)
    .find((earlier) => overlap(tokens, earlier.tokens) >= 0.5);
  if (context.lastOutputWasError) {
    found.set('backtracking', 'rewrites the code after an error');
    if (similar?.labels.has('verification'))
      found.set('verification', 'reruns a check that failed');
  } else if (context.lastProse.has('backtracking')) {
    found.set('backtracking', 'a fix announced before the block');
  }
  if (!found.has('verification') && similar?.labels.has('verification') && context.hadResult) {
    found.set('verification', 'repeats an earlier check');
  }
  const stepComments = comments.filter((c) => /^\s*step\s*\d+/i.test(c)).length;
  if (stepComments >= 2) found.set('subgoal_setting', 'comments number the steps');
  return [...found].map(([label, cue]) => ({ label, cue }));
}

/** Updates the context after a unit, with its final labels. */
export function advance(
  text: string,
  unit: Unit,
  labels: readonly Evidence[],
  context: Context,
): void {
  const body = text.slice(unit.start, unit.end);
  const set = new Set(labels.map((e) => e.label));
  if (unit.kind === 'output') {
    context.hadResult = true;
    context.lastOutputWasError =
      /Traceback \(most recent call last\)|\b\w+Error\b|\bException\b/.test(body);
    context.lastProse = new Set();
    context.checkAnnounced = false;
    context.inStepList = false;
    return;
  }
  if (unit.kind === 'code') {
    context.codeBlocks.push({ tokens: codeTokens(body), labels: set });
    context.lastProse = new Set();
    context.checkAnnounced = false;
    context.inStepList = false;
    return;
  }
  context.lastProse = set;
  if (
    labels.some((e) => e.cue === 'check intent') ||
    (CHECK_INTENT.test(body) && context.hadResult)
  ) {
    context.checkAnnounced = true;
  }
  if (/\d|=/.test(body) || /^(so|therefore|thus|hence)\b/i.test(body) || set.size > 0)
    context.hadResult = true;
  const isListItem = /^\s*(\d+[.)]|\(\d+\)|[-*])\s/.test(body);
  if (
    /\b(steps?|plan|stages?)\b.*:\s*$|:\s*$/i.test(body) &&
    /\b(steps?|plan|follow|do this|stages?)\b/i.test(body)
  ) {
    context.inStepList = true;
  } else if (!isListItem) context.inStepList = false;
}

function codeTokens(code: string): Set<string> {
  return new Set(code.match(/[A-Za-z_]\w*|\d+/g) ?? []);
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / Math.min(a.size, b.size);
}
