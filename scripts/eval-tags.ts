// `npm run eval:tags [FILE]`: scores the tagger on a labelled set (default: the dev set copied in
// tests/fixtures) and prints per-label precision, recall and F1, the macro-F1, and the confusions.
import { readFileSync } from 'node:fs';
import { BEHAVIOURS, type Behaviour } from '../src/lib/tagger/labels';
import { scoreTranscript, summarise, type Confusion, type GoldUnit } from '../src/lib/tagger/score';
import { tagText } from '../src/lib/tagger/tagger';

const file = process.argv[2] ?? 'tests/fixtures/behaviours-dev.jsonl';
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { id: string; text: string; units: GoldUnit[] });

const totals = Object.fromEntries(BEHAVIOURS.map((b) => [b, { tp: 0, fp: 0, fn: 0 }])) as Record<
  Behaviour,
  { tp: number; fp: number; fn: number }
>;
const confusions: Confusion[] = [];
for (const row of rows) {
  const scored = scoreTranscript(row.id, row.text, row.units, tagText(row.text));
  for (const label of BEHAVIOURS) {
    totals[label].tp += scored.counts[label].tp;
    totals[label].fp += scored.counts[label].fp;
    totals[label].fn += scored.counts[label].fn;
  }
  confusions.push(...scored.confusions);
}
const { perLabel, macroF1 } = summarise(totals);
console.log(`\nTagger on ${file} (${rows.length} transcripts)\n`);
console.log('| label | precision | recall | F1 | tp | fp | fn |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const label of BEHAVIOURS) {
  const s = perLabel[label];
  console.log(
    `| ${label} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} | ${s.tp} | ${s.fp} | ${s.fn} |`,
  );
}
console.log(`| **macro** | | | **${macroF1.toFixed(3)}** | | | |`);
console.log(
  '\nConfusions (missed: in the labels, not predicted; extra: predicted, not in the labels):',
);
for (const c of confusions) {
  console.log(
    `  ${c.kind.padEnd(6)} ${c.label.padEnd(17)} ${c.id} ${c.cue ? `[${c.cue}] ` : ''}${JSON.stringify(c.text.slice(0, 140))}`,
  );
}
