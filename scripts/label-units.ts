// `npx tsx scripts/label-units.ts IN.jsonl [--mathcoder]`: cuts transcripts into the tagger's units
// for labelling, as LABELS.md defines them (a sentence of prose, a code block, an output block).
// IN has one `{id, format, text, source}` object a line (with --mathcoder: MathCoder result lines,
// turned into Markdown TIR transcripts as Loupe imports them, with an optional `loupe_id` and
// `source` to name them in the labelled set; else the MathCoder id and "MathCoder"). Writes one labelled-set line per
// transcript to stdout, every unit with `labels: []`, and to stderr each unit numbered with its
// text, for a labeller to read before filling the labels in.
import { readFileSync } from 'node:fs';
import { segment } from '../src/lib/tagger/segment';
import { mathcoderTranscript } from '../src/lib/transcript/mathcoder';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npx tsx scripts/label-units.ts IN.jsonl [--mathcoder]');
  process.exit(2);
}
const mathcoder = args.includes('--mathcoder');
readFileSync(file, 'utf8')
  .split('\n')
  .forEach((line, i) => {
    if (!line.trim()) return;
    const record = JSON.parse(line) as Record<string, unknown>;
    const row = mathcoder
      ? (() => {
          const t = mathcoderTranscript(record, `line-${i + 1}`, null);
          return {
            id: String(record.loupe_id ?? t.id),
            format: 'markdown-tir',
            text: t.text,
            source: String(record.source ?? 'MathCoder'),
          };
        })()
      : (record as { id: string; format: string; text: string; source: string });
    const units = segment(row.text).map((u) => ({
      start: u.start,
      end: u.end,
      kind: u.kind,
      labels: [] as string[],
    }));
    console.log(JSON.stringify({ ...row, units }));
    console.error(`\n# ${row.id}`);
    units.forEach((u, k) =>
      console.error(
        `${String(k).padStart(3)} ${u.kind.padEnd(6)} ${JSON.stringify(row.text.slice(u.start, u.end).slice(0, 300))}`,
      ),
    );
  });
