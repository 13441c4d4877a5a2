// `npx tsx scripts/check-labelled.ts FILE.jsonl`: checks a labelled set against LABELS.md's format
// (ids unique, units inside the text, in order, not overlapping, known kinds and labels, no label
// on an output block) and prints each label's rate. Exit 1, with the line number, on the first
// problem of each line.
import { readFileSync } from 'node:fs';
import { BEHAVIOURS } from '../src/lib/tagger/labels';
import type { ProtocolId } from '../src/lib/transcript/format';

const FORMATS: ProtocolId[] = ['markdown-tir', 'think', 'tagged'];

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/check-labelled.ts FILE.jsonl');
  process.exit(2);
}
const ids = new Set<string>();
const counts = new Map<string, number>();
let units = 0;
let bad = 0;
readFileSync(file, 'utf8')
  .split('\n')
  .forEach((line, i) => {
    if (!line.trim()) return;
    const fail = (why: string) => {
      bad += 1;
      console.error(`${file}:${i + 1}: ${why}`);
    };
    let row: { id?: unknown; text?: unknown; units?: unknown; format?: unknown };
    try {
      row = JSON.parse(line);
    } catch (e) {
      return fail(`not JSON (${(e as Error).message})`);
    }
    if (typeof row.id !== 'string' || typeof row.text !== 'string' || !Array.isArray(row.units))
      return fail('needs "id" and "text" strings and a "units" array');
    if (ids.has(row.id)) return fail(`id ${row.id} again`);
    ids.add(row.id);
    if (!(FORMATS as string[]).includes(String(row.format)))
      return fail(`format ${String(row.format)}`);
    let end = 0;
    for (const [k, u] of (
      row.units as { start: number; end: number; kind: string; labels: string[] }[]
    ).entries()) {
      if (!(u.start >= end && u.end > u.start && u.end <= (row.text as string).length))
        return fail(`unit ${k} [${u.start}, ${u.end}) is out of order or outside the text`);
      if (!['text', 'code', 'output'].includes(u.kind)) return fail(`unit ${k} kind ${u.kind}`);
      if (!Array.isArray(u.labels)) return fail(`unit ${k} has no labels array`);
      for (const l of u.labels)
        if (!(BEHAVIOURS as readonly string[]).includes(l)) return fail(`unit ${k} label ${l}`);
      if (u.kind === 'output' && u.labels.length) return fail(`unit ${k} is output but labelled`);
      end = u.end;
      if (u.kind !== 'output') {
        units += 1;
        for (const l of u.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
      }
    }
  });
console.log(`${ids.size} transcripts, ${units} units (not output)`);
for (const l of BEHAVIOURS)
  console.log(
    `  ${l.padEnd(18)} ${String(counts.get(l) ?? 0).padStart(5)}  ${((100 * (counts.get(l) ?? 0)) / Math.max(1, units)).toFixed(1)} %`,
  );
process.exit(bad ? 1 : 0);
