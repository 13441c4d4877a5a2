import type { Opener } from './discourse';
import { unitFeatures, type Range, type UnitFeatures } from './features';
import type { Behaviour } from './labels';
import { startsParagraph, type Discourse } from './discourse';
import type { Contribution, LinearModel } from './model';
import type { Unit } from './segment';

/**
 * Why a unit got a label. `cue` is a readable summary; `highlights` are the words that triggered
 * it (offsets within the unit); `features` the learned model's strongest reasons, in words;
 * `openedBy` the earlier unit that opened the episode a context rule relies on.
 */
export interface Evidence {
  label: Behaviour;
  cue: string;
  rule?: string;
  highlights?: Range[];
  features?: { name: string; weight: number }[];
  openedBy?: Opener;
}

/**
 * The labels of one unit, given the discourse before it: exact rules, then the model; and the
 * families of meaning it shows, for the discourse to remember.
 */
export function tagUnit(
  text: string,
  unit: Unit,
  discourse: Discourse,
  model: LinearModel,
  base = 0,
): { evidence: Evidence[]; families: string[]; features: string[] } {
  if (unit.kind === 'output') return { evidence: [], families: [], features: [] };
  const body = text.slice(unit.start, unit.end);
  const paragraph = startsParagraph(text, unit, discourse, base);
  const features = unitFeatures(body, unit, discourse, paragraph);
  const found = new Map<Behaviour, Evidence>();
  for (const e of exactRules(features)) found.set(e.label, e);
  for (const d of model.decide(features)) {
    if (found.has(d.label)) continue;
    found.set(d.label, fromModel(d.label, d.strongest, features, body));
  }
  return { evidence: [...found.values()], families: features.families, features: features.names };
}

/** Rules the labelling decisions state exactly (LABELS.md): asserts, numbered steps, rewrites. */
function exactRules(f: UnitFeatures): Evidence[] {
  const rules: Evidence[] = [];
  const has = (name: string) => f.names.includes(name);
  if (has('code:assert'))
    rules.push({
      label: 'verification',
      cue: 'assert',
      rule: 'assert',
      highlights: f.where.get('code:assert'),
    });
  if (has('code:numbered steps'))
    rules.push({
      label: 'subgoal_setting',
      cue: 'comments number the steps',
      rule: 'numbered steps',
    });
  if (has('ctx:rewrites a block that failed'))
    rules.push({
      label: 'backtracking',
      cue: 'rewrites a block after its error',
      rule: 'rewrite after an error',
      openedBy: f.opened.get('ctx:block after an error output'),
    });
  return rules;
}

function fromModel(
  label: Behaviour,
  strongest: Contribution[],
  f: UnitFeatures,
  body: string,
): Evidence {
  const highlights: Range[] = [];
  let openedBy: Opener | undefined;
  const features = strongest.map(({ feature, weight }) => {
    const where = f.where.get(feature);
    if (where) highlights.push(...where);
    openedBy ??= f.opened.get(feature);
    return {
      name: readable(feature, where?.[0] ? body.slice(where[0].start, where[0].end) : ''),
      weight,
    };
  });
  return {
    label,
    cue: features
      .slice(0, 3)
      .map((x) => x.name)
      .join('; '),
    highlights: merge(highlights),
    features,
    ...(openedBy ? { openedBy } : {}),
  };
}

const PREFIXES: [string, (rest: string, words: string) => string][] = [
  ['w:', (_, words) => `“${words}”`],
  ['b:', (_, words) => `“${words}”`],
  ['f:', (_, words) => `opens with “${words}”`],
  ['f2:', (_, words) => `opens with “${words}”`],
  ['fam:', (rest, words) => `${rest} (“${words}”)`],
  ['fam2:', (rest, words) => `${rest}, more than once (“${words}”)`],
  ['num:', (rest) => rest],
  ['error&fam:', (rest, words) => `${rest} after an error (“${words}”)`],
  ['output&fam:', (rest, words) => `${rest} right after an output (“${words}”)`],
  ['repair&fam:', (rest, words) => `${rest} during a repair (“${words}”)`],
  ['check&fam:', (rest, words) => `${rest} in a check (“${words}”)`],
  ['prev:fam:', (rest) => `follows a sentence of ${rest}`],
  ['pp:fam:', (rest) => `follows a sentence of ${rest}`],
  ['pp:w:', (rest) => `“${rest}” in the sentence before`],
  ['cm:', (_, words) => `comment says “${words}”`],
  ['id:', (_, words) => `code uses ${words}`],
  ['neg:', (rest) => `reads as ${rest}`],
  ['seq:', (rest) => `${rest.replace(/_/g, ' ')} (the tags given before it)`],
  ['fmt:', (rest) => rest],
  ['ctx:', (rest) => rest],
  ['code:', (rest) => `code: ${rest}`],
];

/** A feature's name in words, with the words of the unit that carry it. */
export function readable(feature: string, words: string): string {
  for (const [prefix, say] of PREFIXES)
    if (feature.startsWith(prefix))
      return say(feature.slice(prefix.length), words || feature.slice(prefix.length));
  return feature;
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
