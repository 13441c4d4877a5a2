// `npm run eval:tags [-- --confusions] [FILE]`: precision, recall and F1 per label of the
// behaviour tagger, scored as LABELS.md says, on the dev set and the train set (with the shipped
// weights, which were trained on both: in-sample figures), then grouped cross-validation by source
// (tr-a…tr-g, MathCoder, ToRA, dev): each fold scored by a model trained without it, thresholds
// tuned inside the training folds. The pooled cross-validated figure is the one to trust.
// Loupe's own labelled set (tests/fixtures/behaviours-loupe.jsonl, see tests/fixtures/README.md)
// joins every training set but is never held out; --without-loupe leaves it out, for comparison.
// With FILE, scores only that labelled file with the shipped weights. With --confusions, lists the
// units each held-out fold got wrong (scored by the model trained without that fold). With
// --write, the pooled cross-validated figures go to src/lib/tagger/reliability.json, which the app
// shows beside the tags (run it after npm run train:tagger).
import { readFileSync, writeFileSync } from 'node:fs';
import { crossValidate, scoreRows } from '../src/lib/tagger/crossval';
import { BEHAVIOURS, type Behaviour } from '../src/lib/tagger/labels';
import { scoreTranscript, summarise } from '../src/lib/tagger/score';
import { tagText } from '../src/lib/tagger/tagger';
import type { LinearModel } from '../src/lib/tagger/model';
import { fingerprint, type Reliability } from '../src/lib/tagger/reliability';
import { foldOf, type LabelledRow } from '../src/lib/tagger/train';
import { LABELLED, loadLabelled as load } from './labelled-sets';

const args = process.argv.slice(2);
const showConfusions = args.includes('--confusions');
const file = args.find((a) => !a.startsWith('--'));
const withLoupe = !args.includes('--without-loupe');
const write = args.includes('--write');
const WEIGHTS = 'src/lib/tagger/weights.json';
const RELIABILITY = 'src/lib/tagger/reliability.json';
if (write && (file || !withLoupe)) {
  console.error('--write records the shipped training (all sets, no FILE, no --without-loupe).');
  process.exit(1);
}

function table(title: string, totals: Record<Behaviour, { tp: number; fp: number; fn: number }>) {
  const { perLabel, macroF1 } = summarise(totals);
  console.log(`\n${title}\n`);
  console.log('| label | precision | recall | F1 | tp | fp | fn |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const label of BEHAVIOURS) {
    const s = perLabel[label];
    console.log(
      `| ${label} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} | ${s.tp} | ${s.fp} | ${s.fn} |`,
    );
  }
  console.log(`| **macro** | | | **${macroF1.toFixed(3)}** | | | |`);
}

function confusions(rows: LabelledRow[], model?: LinearModel, title = '') {
  console.log(
    `\nConfusions${title} (missed: labelled, not predicted; extra: predicted, not labelled):`,
  );
  const options = model ? { model } : {};
  for (const row of rows)
    for (const c of scoreTranscript(row.id, row.text, row.units, tagText(row.text, options))
      .confusions)
      console.log(
        `  ${c.kind.padEnd(6)} ${c.label.padEnd(17)} ${c.id} ${c.cue ? `[${c.cue}] ` : ''}${JSON.stringify(c.text.slice(0, 140))}`,
      );
}

if (file) {
  const rows = load(file);
  table(`Shipped tagger on ${file} (${rows.length} transcripts)`, scoreRows(rows));
  if (showConfusions) confusions(rows);
} else {
  const dev = load(LABELLED.dev);
  const trainSet = load(LABELLED.train);
  table(
    `Shipped tagger on behaviours-dev.jsonl (${dev.length} transcripts; in-sample: the weights were trained on it)`,
    scoreRows(dev),
  );
  table(
    `Shipped tagger on behaviours-train.jsonl (${trainSet.length} transcripts; in-sample)`,
    scoreRows(trainSet),
  );
  const loupe = withLoupe ? load(LABELLED.loupe) : [];
  if (withLoupe)
    table(
      `Shipped tagger on behaviours-loupe.jsonl (${loupe.length} transcripts; in-sample)`,
      scoreRows(loupe),
    );
  console.log(
    `\nGrouped cross-validation by source (macro-F1 of each held-out fold; ${withLoupe ? `behaviours-loupe.jsonl's ${loupe.length} transcripts always train, never scored` : 'without behaviours-loupe.jsonl'}):\n`,
  );
  const all = [...dev, ...trainSet, ...loupe];
  const held: [string, LinearModel][] = [];
  const pooled = crossValidate(all, (fold, s, model) => {
    held.push([fold, model]);
    console.log(
      `  ${fold.padEnd(10)} macro ${s.macroF1.toFixed(3)}  ${BEHAVIOURS.map((l) => `${l} ${s.perLabel[l].f1.toFixed(2)}`).join('  ')}`,
    );
  });
  table(
    `Cross-validated, pooled over the held-out folds (dev and train together, ${dev.length + trainSet.length} transcripts): the figure to trust`,
    pooled,
  );
  if (write) {
    const scored = [...dev, ...trainSet];
    const { perLabel, macroF1 } = summarise(pooled);
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    for (const s of Object.values(perLabel))
      Object.assign(s, { precision: r3(s.precision), recall: r3(s.recall), f1: r3(s.f1) });
    const reliability: Reliability = {
      version: 1,
      weights: fingerprint(JSON.parse(readFileSync(WEIGHTS, 'utf8'))),
      method:
        'Grouped cross-validation by source: each source of the team’s labelled transcripts scored by a model trained, as the shipped one is, without it; counts pooled over the sources.',
      transcripts: scored.length,
      sources: [...new Set(scored.map((r) => foldOf(r.id)))].sort(),
      perLabel,
      macroF1: r3(macroF1),
    };
    writeFileSync(RELIABILITY, `${JSON.stringify(reliability, null, 2)}\n`);
    console.log(`\nWrote ${RELIABILITY} (for weights ${reliability.weights}).`);
  }
  if (showConfusions)
    for (const [fold, model] of held)
      confusions(
        all.filter((r) => foldOf(r.id) === fold),
        model,
        ` of held-out fold ${fold}`,
      );
}
