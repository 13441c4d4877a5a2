// `npx tsx scripts/agreement.ts`: how far a second labeller agrees with the team's labels.
// tests/fixtures/behaviours-agreement.jsonl holds 72 of the team's transcripts (9 from each
// source but ToRA, `ag-` before their ids) labelled again from LABELS.md alone, without the
// team's labels (see behaviours-loupe.md); each is scored against the team's labels as LABELS.md
// scores a tagger: a unit has a label when a unit of the second labeller with it overlaps it.
import { readFileSync } from 'node:fs';
import { BEHAVIOURS, type Behaviour } from '../src/lib/tagger/labels';
import { summarise } from '../src/lib/tagger/score';
import { foldOf, type LabelledRow } from '../src/lib/tagger/train';

const load = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledRow);
const team = new Map(
  ['tests/fixtures/behaviours-dev.jsonl', 'tests/fixtures/behaviours-train.jsonl']
    .flatMap(load)
    .map((row) => [row.id, row]),
);
type Totals = Record<Behaviour, { tp: number; fp: number; fn: number }>;
const empty = () =>
  Object.fromEntries(BEHAVIOURS.map((b) => [b, { tp: 0, fp: 0, fn: 0 }])) as Totals;
const byFold = new Map<string, Totals>([['all', empty()]]);
for (const second of load('tests/fixtures/behaviours-agreement.jsonl')) {
  const id = second.id.replace(/^ag-/, '');
  const gold = team.get(id);
  if (!gold) throw new Error(`${second.id}: no transcript ${id} in the team's sets`);
  const fold = foldOf(id);
  if (!byFold.has(fold)) byFold.set(fold, empty());
  for (const unit of gold.units) {
    if (unit.kind === 'output') continue;
    for (const label of BEHAVIOURS) {
      const said = second.units.some(
        (u) => u.labels.includes(label) && u.start < unit.end && u.end > unit.start,
      );
      const meant = unit.labels.includes(label);
      for (const totals of [byFold.get('all'), byFold.get(fold)] as Totals[]) {
        if (said && meant) totals[label].tp += 1;
        else if (said) totals[label].fp += 1;
        else if (meant) totals[label].fn += 1;
      }
    }
  }
}
console.log('| transcripts | ' + BEHAVIOURS.join(' F1 | ') + ' F1 | macro |');
console.log('|---|' + BEHAVIOURS.map(() => '---:|').join('') + '---:|');
for (const [fold, totals] of [...byFold].sort((a, b) =>
  a[0] === 'all' ? -1 : b[0] === 'all' ? 1 : a[0] < b[0] ? -1 : 1,
)) {
  const { perLabel, macroF1 } = summarise(totals);
  const cells = BEHAVIOURS.map((l) => {
    const s = perLabel[l];
    return s.tp + s.fn ? `${s.f1.toFixed(2)} (${s.tp + s.fn})` : `none labelled`;
  });
  console.log(`| ${fold} | ${cells.join(' | ')} | ${macroF1.toFixed(3)} |`);
}
console.log(
  '\n(in brackets: units the team labelled; a label neither labeller used in a fold counts as agreement)',
);
