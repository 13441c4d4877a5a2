/**
 * Builds the bundled task packs from a SymBench checkout:
 *   npx tsx scripts/build-packs.ts /path/to/symbench
 * writes public/data/packs/<family>.jsonl (the lines `loupe pack symbench` writes) and index.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { PackLine } from '../src/lib/tasks/types';
import { FAMILIES } from '../src/lib/tasks/types';

const source = process.argv[2];
if (!source) throw new Error('give the SymBench folder');
const run = spawnSync('node', ['bin/loupe.js', 'pack', 'symbench', source], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
if (run.status !== 0 && !run.stdout) throw new Error(run.stderr);
process.stderr.write(run.stderr.split('\n').slice(-2).join('\n'));
const lines = run.stdout
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as PackLine);
mkdirSync('public/data/packs', { recursive: true });
const index = FAMILIES.map((info) => {
  const own = lines.filter((l) => l.family === info.family);
  writeFileSync(
    `public/data/packs/${info.family}.jsonl`,
    own.map((l) => JSON.stringify(l)).join('\n') + '\n',
  );
  return { ...info, file: `${info.family}.jsonl`, count: own.length };
});
writeFileSync(
  'public/data/packs/index.json',
  JSON.stringify(
    { source: 'SymBench (CodeSteer, Chen et al. 2025), Apache-2.0', families: index },
    null,
    2,
  ) + '\n',
);
console.log(index.map((f) => `${f.family}: ${f.count}`).join('\n'));
