import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { segment } from '../../src/lib/tagger/segment';
import { StreamTagger, tagText } from '../../src/lib/tagger/tagger';

/** Tags a transcript and returns the labels of the unit containing `sentence`. */
function labels(transcript: string, sentence: string): string[] {
  const unit = tagText(transcript).units.find(
    (u) => u.kind !== 'output' && transcript.slice(u.start, u.end).includes(sentence),
  );
  if (!unit) throw new Error(`no unit contains ${JSON.stringify(sentence)}`);
  return unit.evidence.map((e) => e.label).sort();
}

const OUTPUT = '```python\nprint(18)\n```\n```output\n18\n```\n';

describe('segmenting', () => {
  test('sentences, abbreviations, decimals, math, lists and blocks', () => {
    const text =
      'The price is 3.50 dollars, e.g. for one item. Next, $x = 2.5$ holds! Is it?\n1. First step.\n2. Second step.\n```python\nprint(1)\n```\n```output\n1\n```\nDone.';
    const units = segment(text).map((u) => [u.kind, text.slice(u.start, u.end)]);
    expect(units).toEqual([
      ['text', 'The price is 3.50 dollars, e.g. for one item.'],
      ['text', 'Next, $x = 2.5$ holds!'],
      ['text', 'Is it?'],
      ['text', '1. First step.'],
      ['text', '2. Second step.'],
      ['code', '```python\nprint(1)\n```'],
      ['output', '```output\n1\n```'],
      ['text', 'Done.'],
    ]);
  });

  test('dollar amounts are not math, and factorials do not end sentences', () => {
    const text = 'I have $50 and spend $8. Then 5! = 120 ways remain.';
    expect(segment(text).map((u) => text.slice(u.start, u.end))).toEqual([
      'I have $50 and spend $8.',
      'Then 5! = 120 ways remain.',
    ]);
  });

  test('display math joins the line that announces it; a block of it is one unit', () => {
    const text = 'Thus, the answer is:\n\n\\[\n\\boxed{5}\n\\]\nNext line.\n\\[\nx = 1\n\\]\nDone.';
    expect(segment(text).map((u) => text.slice(u.start, u.end))).toEqual([
      'Thus, the answer is:\n\n\\[\n\\boxed{5}\n\\]',
      'Next line.',
      '\\[\nx = 1\n\\]',
      'Done.',
    ]);
  });

  test('hostile inputs still segment: thousands of `$`, unclosed display math', () => {
    const dollars = '$a '.repeat(10_000);
    expect(segment(dollars).map((u) => u.kind)).toEqual(['text']);
    const display = 'So:\n\\[ x\n'.repeat(2_000);
    const units = segment(display);
    expect(units.length).toBeGreaterThan(2_000);
    expect(units.every((u) => u.end > u.start && u.kind === 'text')).toBe(true);
  });

  test('tagged format: code, interpreter and answer', () => {
    const text =
      'Compute it.\n<code>\n```python\nprint(2)\n```\n</code>\n<interpreter>\n2\n</interpreter>\n<answer>2</answer>';
    expect(segment(text).map((u) => u.kind)).toEqual(['text', 'code', 'output', 'text']);
  });
});

describe('verification', () => {
  test('comparison with a target or an earlier result', () => {
    expect(labels(OUTPUT + 'The output 18 matches our manual calculation.', 'matches')).toEqual([
      'verification',
    ]);
    expect(
      labels(OUTPUT + 'That is 5 more than the budget allows, which is too high.', 'too high'),
    ).toContain('verification');
    expect(
      labels(
        OUTPUT + 'Substituting back into the equation gives 18 on both sides.',
        'Substituting',
      ),
    ).toEqual(['verification']);
    expect(labels(OUTPUT + 'Both constraints are satisfied by this split.', 'satisfied')).toEqual([
      'verification',
    ]);
  });

  test('a plain reading of an output is not verification', () => {
    expect(labels(OUTPUT + 'The output is 18.', 'The output is 18.')).toEqual([]);
  });

  test('"let us verify with code": a check only when there is something to check', () => {
    const before = 'Let me verify this with code.\n\n```python\nassert 2 + 2 == 4\n```';
    expect(labels('Bob has 3 apples.\n\n' + before, 'Let me verify')).toEqual(['verification']);
  });

  test('a block after an announced check, and asserts, are verification', () => {
    const text =
      'The total is 45.\nLet us double-check by brute force.\n\n```python\nprint(sum(range(10)))\n```';
    expect(labels(text, 'print(sum')).toEqual(['verification']);
    expect(labels('```python\nx = 4\nassert x * x == 16\n```', 'assert')).toEqual(['verification']);
  });

  test('hard negatives: a definition, a bank cheque', () => {
    expect(labels('Let x be the number of cookies.', 'Let x be')).toEqual([]);
    expect(labels('She deposits a check for $200 and pays rent.', 'deposits')).toEqual([]);
  });
});

describe('backtracking', () => {
  test('realising a mistake and revising', () => {
    expect(labels('Wait, that is wrong: I used the price per box, not per item.', 'Wait')).toEqual([
      'backtracking',
    ]);
    expect(labels('Oops, I forgot to convert hours to minutes.', 'Oops')).toContain('backtracking');
  });

  test('"Wait" alone is a crucial token, not backtracking', () => {
    expect(labels('Wait.', 'Wait.')).toEqual([]);
  });

  test('a waiting time is not backtracking', () => {
    expect(labels('The waiting time at the second stop is 12 minutes.', 'waiting')).toEqual([]);
  });

  test('code rewritten after an error, and its explanation', () => {
    const text =
      '```python\nprint(totl)\n```\n```output\nNameError: name totl is not defined\n```\nThe code failed because of a typo in the name.\n```python\nprint(total)\n```';
    expect(labels(text, 'failed because')).toContain('backtracking');
    expect(labels(text, 'print(total)')).toContain('backtracking');
  });

  test('the rewrite is a rule, and its evidence names the error output that opened the repair', () => {
    const text =
      '```python\nprint(totl)\n```\n```output\nNameError: name totl is not defined\n```\n```python\nprint(total)\n```';
    const unit = tagText(text).units.at(-1);
    const evidence = unit?.evidence.find((e) => e.label === 'backtracking');
    expect(evidence?.rule).toBe('rewrite after an error');
    expect(evidence?.openedBy?.excerpt).toContain('NameError');
    expect(text.slice(evidence?.openedBy?.start, evidence?.openedBy?.end)).toContain('```output');
  });
});

describe('subgoal setting', () => {
  test('a plan and the list of steps that follows it', () => {
    const text =
      'We will solve this in three steps:\n1. Count the red marbles.\n2. Count the blue ones.';
    expect(labels(text, 'three steps')).toEqual(['subgoal_setting']);
    expect(labels(text, 'Count the blue')).toEqual(['subgoal_setting']);
    expect(labels('First we find the area, then we divide it by the tile size.', 'First')).toEqual([
      'subgoal_setting',
    ]);
  });

  test('a numbered list of the givens is not', () => {
    const text = 'The problem tells us:\n1. A pen costs 2 dollars.\n2. A book costs 7 dollars.';
    expect(labels(text, 'A pen costs')).toEqual([]);
  });

  test('code is subgoal setting only when its comments number the steps', () => {
    expect(
      labels('```python\n# Step 1: read\nx = 1\n# Step 2: double\nx *= 2\n```', 'Step 1'),
    ).toEqual(['subgoal_setting']);
    expect(labels('```python\n# read the input\nx = 1\n```', 'read the input')).toEqual([]);
  });
});

describe('backward chaining', () => {
  test('from the goal back to what is needed', () => {
    expect(
      labels(
        'To find the average speed, we need the total distance and the total time.',
        'average speed',
      ),
    ).toEqual(['backward_chaining']);
    expect(labels('Working backwards from 100, the last step must double 50.', 'Working')).toEqual([
      'backward_chaining',
    ]);
    expect(
      labels('For the sum to be even, both numbers must have the same parity.', 'For the sum'),
    ).toEqual(['backward_chaining']);
  });

  test('restating the task is not', () => {
    expect(labels('We need to find how many apples are left.', 'We need to find')).toEqual([]);
  });
});

describe('evidence', () => {
  const rows = readFileSync('tests/fixtures/behaviours-dev.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; text: string });

  test('every tag has a readable cue, and its highlighted words lie inside its unit', () => {
    let highlighted = 0;
    for (const row of rows.slice(0, 12)) {
      for (const unit of tagText(row.text).units) {
        for (const e of unit.evidence) {
          expect(e.cue.length, row.id).toBeGreaterThan(0);
          expect(e.rule || e.features?.length, row.id).toBeTruthy();
          for (const r of e.highlights ?? []) {
            expect(r.start).toBeGreaterThanOrEqual(0);
            expect(r.end).toBeLessThanOrEqual(unit.end - unit.start);
            expect(r.end).toBeGreaterThan(r.start);
            highlighted += 1;
          }
        }
      }
    }
    expect(highlighted).toBeGreaterThan(20);
  });

  test('a learned decision shows the words that carried it', () => {
    const text = 'The output 18 matches our manual calculation.';
    const unit = tagText(OUTPUT + text).units.at(-1);
    const evidence = unit?.evidence.find((e) => e.label === 'verification');
    const words = (evidence?.highlights ?? []).map((r) => text.slice(r.start, r.end).toLowerCase());
    expect(words.join(' ')).toContain('matches');
    expect(evidence?.features?.[0]?.weight).toBeGreaterThan(0);
  });
});

describe('crucial tokens', () => {
  test('whole words in prose and comments, not identifiers or outputs', () => {
    const text =
      "Let's wait. We double-check it.\n```python\nwait_time = 3  # check this\ncheck = 1\n```\n```output\nwait\n```";
    const found = tagText(text).crucial.map((c) => [c.token, text.slice(c.start, c.end)]);
    expect(found).toEqual([
      ['let', 'Let'],
      ['wait', 'wait'],
      ['double-check', 'double-check'],
      ['check', 'check'],
    ]);
  });

  test('the list is configurable', () => {
    expect(
      tagText('Hmm, let me see.', { crucialTokens: ['hmm'] }).crucial.map((c) => c.token),
    ).toEqual(['hmm']);
  });
});

describe('streaming', () => {
  const rows = readFileSync('tests/fixtures/behaviours-dev.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; text: string });

  test(
    'tagging in chunks of any sizes gives the result of tagging whole',
    { timeout: 120_000 },
    () => {
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (const row of rows) {
        const whole = tagText(row.text);
        for (let round = 0; round < 5; round++) {
          const tagger = new StreamTagger();
          for (let i = 0; i < row.text.length;) {
            const size = 1 + Math.floor(random() * (round === 0 ? 3 : 40));
            tagger.push(row.text.slice(i, i + size));
            i += size;
          }
          tagger.finish();
          expect(tagger.result(), row.id).toEqual(whole);
        }
      }
    },
  );

  test(
    'a long stream (past the part the tagger stops keeping) still matches',
    { timeout: 60_000 },
    () => {
      const long = rows.map((row) => row.text).join('\n\n');
      const tagger = new StreamTagger();
      for (let i = 0; i < long.length; i += 7) tagger.push(long.slice(i, i + 7));
      tagger.finish();
      expect(long.length).toBeGreaterThan(20_000);
      expect(tagger.result()).toEqual(tagText(long));
      expect(tagger.text).toBe(long);
    },
  );

  test('a unit being written is tagged as it stands, then settles', () => {
    const tagger = new StreamTagger();
    tagger.push('Wait, that is wro');
    expect(tagger.units.at(-1)?.settled).toBe(false);
    tagger.push('ng. Next');
    expect(tagger.units[0]?.settled).toBe(true);
    expect(tagger.units[0]?.evidence.map((e) => e.label)).toEqual(['backtracking']);
  });
});
