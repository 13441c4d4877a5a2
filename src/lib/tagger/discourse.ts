import { FAMILIES, NEGATIVES } from './families';
import type { Behaviour } from './labels';
import type { Unit } from './segment';

/** A unit earlier in the transcript, as evidence: offsets into the whole text and its start. */
export interface Opener {
  start: number;
  end: number;
  excerpt: string;
}

/**
 * What the tagger remembers of the units before the current one (it only looks back): the
 * episodes that are open. An error output or a failed check opens a repair episode; an announced
 * check opens a verification episode; a plan sentence opens a list of steps.
 */
export interface Discourse {
  units: number;
  codeBlocks: number;
  lastKind: Unit['kind'] | 'none';
  /** The last output, while no code has followed it; `error` when it was a traceback. */
  output: (Opener & { error: boolean; numbers: Set<string>; repeats: boolean }) | null;
  /** Numbers (two digits or more) written in prose so far: results already obtained. */
  stated: Set<string>;
  /** Sentences since the last code block that worked something out (an `=` with numbers). */
  worked: number;
  /** Prose units since the last output. */
  sinceOutput: number;
  /** Since the last code block: a sentence announcing a check, or a repair. */
  check: Opener | null;
  repair: Opener | null;
  /** The previous prose unit and the families it showed. */
  prose: (Opener & { families: string[]; words: string[] }) | null;
  /** Recent code blocks' tokens, for rewrites and reruns. */
  code: (Opener & { tokens: Set<string>; checks: boolean })[];
  /** A sentence that announced a list of steps, while its items follow. */
  plan: Opener | null;
  /** The last units written (not outputs), newest last, with the labels the tagger gave them. */
  recent: (Opener & { kind: Unit['kind']; labels: Behaviour[] })[];
  /** How many units the tagger has given each label so far: the voice's habits. */
  given: Partial<Record<Behaviour, number>>;
  /** Where the last unit ended, in the whole text. */
  end: number;
}

export function newDiscourse(): Discourse {
  return {
    units: 0,
    codeBlocks: 0,
    lastKind: 'none',
    output: null,
    stated: new Set(),
    worked: 0,
    sinceOutput: 0,
    check: null,
    repair: null,
    prose: null,
    code: [],
    plan: null,
    recent: [],
    given: {},
    end: 0,
  };
}

const ERROR_OUTPUT = /Traceback \(most recent call last\)|\b\w+Error\b|\bException\b/;
const LIST_ITEM = /^\s*(\d+[.)]|\(\d+\)|[-*•]|[a-z][.)])\s/i;
const PLAN_OPENER =
  /\b(steps?|plan|stages?|parts|cases|as follows|approach|sub-?goals?|we need to|we will|we'll|i'll|i will)\b[^.]*:\s*$/i;

/** A sentence that announces steps without a colon ("Let's break this down step by step."). */
const PLAN_ANNOUNCED =
  /\bstep[- ]by[- ]step\b|\bbreak\w*\b[^.]{0,30}\b(down|into)\b|\b(these|the following) (steps|sub-?steps|stages)\b/i;

const ACTION_ITEM =
  /^\s*(\d+[.)]|\(\d+\)|[-*•]|[a-z][.)])\s+[*_]*\s*(calculate|compute|find|determine|work out|figure out|sum|add|subtract|multiply|divide|express|solve|evaluate|count|convert|set up|write|use|identify|simplify|factor|factori[sz]e|combine|apply|get|list|substitute|plug|check|verify|confirm|compare|test|try|enumerate|build|derive|estimate|obtain)\b/i;

/** Families whose sentence opens a repair: something is off, wrong, dropped, or explained. */
const REPAIRING = ['revision', 'retraction', 'abandon', 'diagnosis', 'something off', 'error'];

/** Families present in a text, with where their words are. */
export function familiesIn(body: string): Map<string, { start: number; end: number }[]> {
  const found = new Map<string, { start: number; end: number }[]>();
  for (const { name, pattern } of FAMILIES) {
    pattern.lastIndex = 0;
    for (const match of body.matchAll(pattern)) {
      const start = match.index ?? 0;
      const list = found.get(name) ?? [];
      list.push({ start, end: start + match[0].length });
      found.set(name, list);
    }
  }
  return found;
}

export function negativesIn(body: string): string[] {
  return NEGATIVES.filter(({ pattern }) => {
    pattern.lastIndex = 0;
    return pattern.test(body);
  }).map((n) => n.name);
}

/** Whether a blank line (or nothing) comes before the unit (`base`: as for advanceDiscourse). */
export function startsParagraph(text: string, unit: Unit, d: Discourse, base = 0): boolean {
  if (d.units === 0 && d.lastKind === 'none') return true;
  return /\n[ \t]*\n/.test(text.slice(Math.max(0, d.end - base), unit.start));
}

/** The numbers of a text worth matching (two digits or more, or decimals), normalised. */
export function numbersIn(body: string): string[] {
  const found = body.slice(0, 4000).match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
  return found.map((n) => n.replace(/,/g, '').replace(/\.0+$/, '')).filter((n) => n.length >= 2);
}

/** The numbers a text gives as results: after `=`, "is", "gives", "get". */
export function resultsIn(body: string): string[] {
  const found = body
    .slice(0, 4000)
    .matchAll(/(?:=|\b(?:is|are|gives?|get|makes?|equals?)\b)\s*\$?\\?\(?\s*(\d[\d,]*(?:\.\d+)?)/g);
  return numbersIn([...found].map((m) => m[1]).join(' '));
}

/** Whether a sentence announces a list of steps (its items follow it). */
export function opensPlan(body: string): boolean {
  return PLAN_OPENER.test(body) || PLAN_ANNOUNCED.test(body);
}

/** A list item that names an action to take ("1. **Calculate the cost.**"), not a given. */
export function isActionItem(body: string): boolean {
  return ACTION_ITEM.test(body) && !/=/.test(body);
}

export function isListItem(body: string): boolean {
  return LIST_ITEM.test(body);
}

export function codeTokens(code: string): Set<string> {
  return new Set(code.match(/[A-Za-z_]\w*|\d+/g) ?? []);
}

export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

export function codeChecks(code: string): boolean {
  return /^\s*assert\b|\b(check|verify|verif\w+|brute|confirm|all\(|==)/m.test(code);
}

function opener(body: string, unit: Unit, base: number): Opener {
  return { start: unit.start + base, end: unit.end + base, excerpt: body.slice(0, 160) };
}

/**
 * Updates the discourse after a settled unit (`base`: where `text` starts in the transcript;
 * `families`: the unit's families, when already found; `labels`: the labels it was given).
 */
export function advanceDiscourse(
  d: Discourse,
  text: string,
  unit: Unit,
  base: number,
  families?: string[],
  labels: Behaviour[] = [],
): void {
  const body = text.slice(unit.start, unit.end);
  const here = opener(body, unit, base);
  d.lastKind = unit.kind;
  d.end = unit.end + base;
  if (unit.kind !== 'output') {
    d.recent.push({ ...here, kind: unit.kind, labels });
    if (d.recent.length > 3) d.recent.shift();
    for (const label of labels) d.given[label] = (d.given[label] ?? 0) + 1;
  }
  if (unit.kind === 'output') {
    const numbers = new Set(numbersIn(body));
    const repeats = [...numbers].some((n) => d.stated.has(n));
    d.output = { ...here, error: ERROR_OUTPUT.test(body), numbers, repeats };
    d.sinceOutput = 0;
    d.plan = null;
    return;
  }
  d.units += 1;
  if (unit.kind === 'code') {
    d.codeBlocks += 1;
    d.code.push({ ...here, tokens: codeTokens(body), checks: codeChecks(body) });
    if (d.code.length > 8) d.code.shift();
    d.output = null;
    d.check = null;
    d.repair = null;
    d.prose = null;
    d.plan = null;
    d.worked = 0;
    return;
  }
  d.sinceOutput += 1;
  const results = resultsIn(body);
  for (const n of results) d.stated.add(n);
  if (results.length) d.worked += 1;
  const found = families ?? [...familiesIn(body).keys()];
  if (found.includes('check intent')) d.check = here;
  if (found.some((f) => REPAIRING.includes(f))) d.repair = here;
  const words = (body.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []).slice(0, 30);
  d.prose = { ...here, families: found, words: [...new Set(words)] };
  if (opensPlan(body)) d.plan = here;
  else if (!isListItem(body) && !/^#+\s|^\*\*/.test(body)) d.plan = null;
}
