import {
  numbersIn,
  codeChecks,
  codeTokens,
  familiesIn,
  isActionItem,
  isListItem,
  opensPlan,
  negativesIn,
  overlap,
  type Discourse,
  type Opener,
} from './discourse';
import type { Unit } from './segment';

/** Offsets within a unit (start inclusive, end exclusive). */
export interface Range {
  start: number;
  end: number;
}

/**
 * The features of one unit, given the discourse before it: the words it uses, the families of
 * meaning they show, its layout, and the episodes open around it. Each feature keeps where its
 * words are (`where`) or which earlier unit it comes from (`opened`), to serve as evidence.
 */
export interface UnitFeatures {
  names: string[];
  where: Map<string, Range[]>;
  opened: Map<string, Opener>;
  /** The families of meaning a sentence shows (the discourse remembers them). */
  families: string[];
}

/** A step named with its goal in a sentence: "let's move on to the second step to find X". */
const NAMED_STEP =
  /\b(first|second|third|fourth|fifth|sixth|next|final|last|\d+(st|nd|rd|th)) (sub-?)?step\b[^.]{0,20}?(\bto\b|\band\b|:)\s*\w+/i;
const WORD = /[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*/gi;
const MAX_CHARS = 4000;

class Builder {
  readonly where = new Map<string, Range[]>();
  readonly opened = new Map<string, Opener>();
  readonly #names = new Set<string>();

  add(name: string, range?: Range, opener?: Opener | null): void {
    this.#names.add(name);
    if (range) {
      const list = this.where.get(name) ?? [];
      if (list.length < 4) list.push(range);
      this.where.set(name, list);
    }
    if (opener) this.opened.set(name, opener);
  }

  families: string[] = [];

  done(): UnitFeatures {
    return {
      names: [...this.#names],
      where: this.where,
      opened: this.opened,
      families: this.families,
    };
  }
}

export function unitFeatures(
  body: string,
  unit: Unit,
  d: Discourse,
  paragraph = false,
): UnitFeatures {
  const b = new Builder();
  // A very long unit (a pasted table, a hostile line) is judged by its beginning.
  const text = body.length > MAX_CHARS ? body.slice(0, MAX_CHARS) : body;
  if (unit.kind === 'code') codeFeatures(b, text, d);
  else proseFeatures(b, text, d);
  sequenceFeatures(b, unit.kind === 'code' ? 'code' : 'text', d, paragraph);
  return b.done();
}

/**
 * The labels the tagger gave the units just before (they are settled: streaming is unchanged).
 * A check runs over several sentences, the items follow a plan, a repair follows a failed check.
 */
function sequenceFeatures(b: Builder, kind: string, d: Discourse, paragraph: boolean): void {
  if (paragraph) b.add(`${kind === 'code' ? 'code' : 'fmt'}:opens a paragraph`);
  const previous = d.recent.at(-1);
  if (!previous) return b.add(`seq:${kind} opens the transcript`);
  const across = d.lastKind === 'output' ? ' across an output' : paragraph ? ' new paragraph' : '';
  if (previous.labels.length === 0) b.add(`seq:${kind} after an unlabelled ${previous.kind}`);
  for (const label of previous.labels) {
    b.add(`seq:after ${label}`, undefined, previous);
    b.add(`seq:${kind} after ${label} ${previous.kind}${across}`, undefined, previous);
  }
  for (const [label, n] of Object.entries(d.given))
    b.add(`seq:${kind} after ${n > 2 ? 'several' : 'some'} ${label} in the transcript`);
  for (const earlier of d.recent.slice(0, -1))
    for (const label of earlier.labels) b.add(`seq:${label} shortly before`, undefined, earlier);
}

function words(b: Builder, text: string, prefix: string, bigrams: boolean): string[] {
  const found: string[] = [];
  let previous: { word: string; start: number } | null = null;
  WORD.lastIndex = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const word = normalised(match[0]);
    found.push(word);
    b.add(`${prefix}w:${word}`, { start, end });
    if (bigrams && previous)
      b.add(`${prefix}b:${previous.word} ${word}`, { start: previous.start, end });
    previous = { word, start };
  }
  return found;
}

/**
 * A word as a shared feature: numbers and one-letter variables become placeholders, and the
 * common endings go, so that each voice's inflections meet ("checked", "checking", "checks").
 */
export function normalised(raw: string): string {
  if (/^\d/.test(raw)) return '<n>';
  const word = raw.toLowerCase();
  if (word.length === 1 && word !== 'a' && word !== 'i') return '<v>';
  if (word.length <= 4 || word.includes("'")) return word;
  return word.replace(/(?:ing|ed|es|s|ly)$/, '');
}

function proseFeatures(b: Builder, text: string, d: Discourse): void {
  const found = words(b, text, '', true);
  const first = /^[\s#*>-]*(\d+[.)]\s*)?[\s*_]*([A-Za-z']+)(?:[\s,]+([A-Za-z']+))?/.exec(text);
  if (first?.[2]) {
    const at = text.indexOf(first[2]);
    b.add(`f:${first[2].toLowerCase()}`, { start: at, end: at + first[2].length });
    if (first[3]) {
      const end = text.indexOf(first[3], at + first[2].length) + first[3].length;
      b.add(`f2:${first[2].toLowerCase()} ${first[3].toLowerCase()}`, { start: at, end });
    }
  }
  const families = familiesIn(text);
  b.families = [...families.keys()];
  for (const [name, ranges] of families) {
    for (const r of ranges) b.add(`fam:${name}`, r);
    // Two of a family's words in one sentence: "first … then …", "must … so … has to".
    if (ranges.length > 1) for (const r of ranges) b.add(`fam2:${name}`, r);
  }
  for (const name of negativesIn(text)) b.add(`neg:${name}`);
  const list = isListItem(text);
  if (list) b.add('fmt:list item');
  if (list && isActionItem(text)) b.add('fmt:list item naming an action');
  else if (list && /\d|=/.test(text)) b.add('fmt:list item stating a fact');
  if (opensPlan(text)) b.add('fmt:announces steps');
  if (/^#+\s/.test(text)) b.add('fmt:header');
  if (/^\s*(\d+[.)]\s*)?\*\*[^*]+\*\*:?\s*$/.test(text)) b.add('fmt:bold heading');
  if (/^(#+\s*)?(\*\*)?\s*(step|stage|part|phase)\s*\d+/i.test(text) || NAMED_STEP.test(text))
    b.add('fmt:step header');
  if (/^(#+\s*)?(\*\*)?\s*case\s*\d+/i.test(text)) b.add('fmt:case header');
  if (/:\s*$/.test(text)) b.add('fmt:ends with a colon');
  if (/\\boxed|<\/answer>/.test(text)) b.add('fmt:answer');
  if (/=|\\times|\d\s*[-+*/×]\s*\d/.test(text)) b.add('fmt:arithmetic');
  if (found.length <= 4) b.add('fmt:short');
  else if (found.length > 30) b.add('fmt:long');
  // Context: where the sentence stands in the discourse.
  if (d.codeBlocks === 0) b.add('ctx:before any code');
  if (d.lastKind === 'output') b.add('ctx:right after an output', undefined, d.output);
  if (d.output?.error) b.add('ctx:after an error output', undefined, d.output);
  else if (d.output)
    b.add(`ctx:after an output, sentence ${Math.min(d.sinceOutput + 1, 3)}`, undefined, d.output);
  if (d.check) b.add('ctx:check announced', undefined, d.check);
  numberFeatures(b, text, d);
  if (d.repair) b.add('ctx:repair under way', undefined, d.repair);
  if (d.plan && list) b.add('ctx:item of an announced plan', undefined, d.plan);
  if (d.plan) b.add('ctx:after a plan', undefined, d.plan);
  if (d.prose) for (const f of d.prose.families) b.add(`prev:fam:${f}`, undefined, d.prose);
  const lastCode = d.code.at(-1);
  if (d.output && lastCode?.checks) b.add('ctx:after a checking block', undefined, lastCode);
  // Conjunctions a linear model cannot form itself.
  const episode = d.output?.error
    ? 'error'
    : d.lastKind === 'output'
      ? 'output'
      : d.check
        ? 'check'
        : '';
  if (episode) {
    const opener = episode === 'check' ? d.check : d.output;
    for (const [name, ranges] of families)
      for (const r of ranges) b.add(`${episode}&fam:${name}`, r, opener);
  }
  if (d.repair)
    for (const [name, ranges] of families)
      for (const r of ranges) b.add(`repair&fam:${name}`, r, d.repair);
}

/** Results met again: an output that repeats a number stated before, a sentence that re-derives one. */
function numberFeatures(b: Builder, text: string, d: Discourse): void {
  const output = d.output && !d.output.error ? d.output : null;
  if (output?.repeats) b.add('num:the output repeats a number stated before', undefined, output);
  else if (output?.numbers.size) b.add('num:the output gives new numbers', undefined, output);
  const numbers = numbersIn(text);
  const earlier = numbers.filter((n) => d.stated.has(n));
  if (earlier.length === 0) return;
  const at = text.indexOf(earlier[0] as string);
  const where = at === -1 ? undefined : { start: at, end: at + (earlier[0] as string).length };
  b.add('num:repeats an earlier number', where);
  if (/=/.test(text)) b.add('num:works out an earlier number again', where);
  if (output && earlier.some((n) => output.numbers.has(n)))
    b.add('num:cites a number the output repeated', where, output);
}

function codeFeatures(b: Builder, block: string, d: Discourse): void {
  const lines = block.split('\n');
  let offset = 0;
  let stepComments = 0;
  for (const line of lines) {
    const hash = line.indexOf('#');
    if (hash !== -1 && !/^```/.test(line)) {
      const comment = line.slice(hash + 1);
      if (/^\s*step\s*\d+/i.test(comment)) stepComments += 1;
      WORD.lastIndex = 0;
      for (const match of comment.matchAll(WORD)) {
        const start = offset + hash + 1 + (match.index ?? 0);
        const word = /^\d/.test(match[0]) ? '<n>' : match[0].toLowerCase();
        b.add(`cm:${word}`, { start, end: start + match[0].length });
      }
    }
    const statement = hash === -1 ? line : line.slice(0, hash);
    const assert = /^\s*assert\b/.exec(statement);
    if (assert)
      b.add('code:assert', {
        start: offset + assert[0].indexOf('assert'),
        end: offset + assert[0].length,
      });
    for (const match of statement.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      for (const part of match[0].toLowerCase().split('_')) {
        if (part.length > 1)
          b.add(`id:${part}`, {
            start: offset + (match.index ?? 0),
            end: offset + (match.index ?? 0) + match[0].length,
          });
      }
    }
    const compare = /==|!=|<=|>=/.exec(statement);
    if (compare)
      b.add('code:compares', {
        start: offset + compare.index,
        end: offset + compare.index + compare[0].length,
      });
    offset += line.length + 1;
  }
  if (stepComments >= 2) b.add('code:numbered steps');
  else if (stepComments === 1) b.add('code:one step comment');
  const lineCount = lines.length;
  b.add(lineCount <= 5 ? 'code:short' : lineCount <= 15 ? 'code:medium' : 'code:long');
  if (d.codeBlocks === 0) b.add('ctx:first block');
  const tokens = codeTokens(block);
  const similar = [...d.code].reverse().find((c) => overlap(tokens, c.tokens) >= 0.5) ?? null;
  if (similar) b.add('ctx:similar to an earlier block', undefined, similar);
  if (similar?.checks) b.add('ctx:similar to an earlier checking block', undefined, similar);
  if (d.output?.error) {
    b.add('ctx:block after an error output', undefined, d.output);
    if (similar) b.add('ctx:rewrites a block that failed', undefined, similar);
  }
  if (d.check) b.add('ctx:block after an announced check', undefined, d.check);
  if (d.worked > 0)
    b.add(`ctx:block after ${d.worked > 1 ? 'sentences' : 'a sentence'} of worked numbers`);
  if (d.repair) b.add('ctx:block after a repair', undefined, d.repair);
  if (d.repair && similar) b.add('ctx:rewrites a block after a repair', undefined, d.repair);
  if (d.check && similar) b.add('ctx:reruns a block in a check', undefined, d.check);
  if (d.lastKind === 'output' || d.lastKind === 'code') b.add('ctx:block right after another');
  if (codeChecks(block)) b.add('code:checks');
  if (d.prose) {
    for (const f of d.prose.families) b.add(`pp:fam:${f}`, undefined, d.prose);
    for (const w of d.prose.words) b.add(`pp:w:${w}`, undefined, d.prose);
  }
}
