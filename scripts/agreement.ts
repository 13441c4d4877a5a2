// `npx tsx scripts/agreement.ts`: how far a second labeller agrees with the team's labels.
// tests/fixtures/behaviours-agreement.jsonl holds 72 of the team's transcripts (9 from each
// source but ToRA, `ag-` before their ids) labelled again from LABELS.md alone, without the
// team's labels (see behaviours-loupe.md); each is scored against the team's labels exactly as
// a tagger is (scoreTranscript): the second labeller's units stand for the predictions.
import { BEHAVIOURS, type Behaviour } from '../src/lib/tagger/labels';
import { scoreTranscript, summarise } from '../src/lib/tagger/score';
import { foldOf } from '../src/lib/tagger/train';
import { LABELLED, loadLabelled } from './labelled-sets';

type Totals = Record<Behaviour, { tp: number; fp: number; fn: number }>;
const team = new Map(
  [LABELLED.dev, LABELLED.train].flatMap(loadLabelled).map((row) => [row.id, row]),
);
const byFold = new Map<string, Totals>();
function add(fold: string, counts: Totals): void {
  const totals =
    byFold.get(fold) ??
    (Object.fromEntries(BEHAVIOURS.map((b) => [b, { tp: 0, fp: 0, fn: 0 }])) as Totals);
  for (const label of BEHAVIOURS)
    for (const k of ['tp', 'fp', 'fn'] as const) totals[label][k] += counts[label][k];
  byFold.set(fold, totals);
}
for (const second of loadLabelled(LABELLED.agreement)) {
  const id = second.id.replace(/^ag-/, '');
  const gold = team.get(id);
  if (!gold) throw new Error(`${second.id}: no transcript ${id} in the team's sets`);
  const units = second.units.map((u) => ({
    start: u.start,
    end: u.end,
    evidence: u.labels.map((label) => ({ label: label as Behaviour })),
  }));
  const { counts } = scoreTranscript(id, gold.text, gold.units, { units });
  add('all', counts);
  add(foldOf(id), counts);
}

console.log('| transcripts | ' + BEHAVIOURS.join(' F1 | ') + ' F1 | macro |');
console.log('|---|' + BEHAVIOURS.map(() => '---:|').join('') + '---:|');
const order = (a: string, b: string) => (a === 'all' ? -1 : b === 'all' ? 1 : a < b ? -1 : 1);
for (const [fold, totals] of [...byFold].sort((a, b) => order(a[0], b[0]))) {
  const { perLabel, macroF1 } = summarise(totals);
  const cells = BEHAVIOURS.map((l) => {
    const s = perLabel[l];
    return s.tp + s.fn ? `${s.f1.toFixed(2)} (${s.tp + s.fn})` : 'none labelled';
  });
  console.log(`| ${fold} | ${cells.join(' | ')} | ${macroF1.toFixed(3)} |`);
}
console.log(
  '\n(in brackets: units the team labelled; a label neither labeller used in a fold counts as agreement)',
);
