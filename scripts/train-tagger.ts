// `npm run train:tagger`: trains the behaviour tagger's linear model on every labelled set in
// tests/fixtures (dev, train and Loupe's own, see tests/fixtures/README.md), thresholds chosen
// inside them, and writes src/lib/tagger/weights.json. Deterministic: the same data gives the
// same file.
import { writeFileSync } from 'node:fs';
import { trainTuned } from '../src/lib/tagger/crossval';
import { LABELLED, loadLabelled } from './labelled-sets';

const FILES = [LABELLED.dev, LABELLED.train, LABELLED.loupe];
const rows = FILES.flatMap(loadLabelled);
const weights = trainTuned(rows, `${rows.length} transcripts of ${FILES.join(', ')}`);
const out = 'src/lib/tagger/weights.json';
writeFileSync(out, `${JSON.stringify(weights)}\n`);
console.log(
  `${out}: ${Object.keys(weights.features).length} features, thresholds ${weights.thresholds.join(', ')}, ${(JSON.stringify(weights).length / 1024).toFixed(0)} KB`,
);
