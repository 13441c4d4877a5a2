// `npx tsx scripts/sample-mathcoder.ts DIR`: writes the bundled MathCoder sample to
// public/data/mathcoder/ from the released results in DIR (see public/data/mathcoder/README.md).
// The same problems for every model: a seeded random sample of the ids present in all four.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATHCODER_MODELS } from '../src/lib/compare/bundled';
import { seededRandom } from '../src/lib/compare/random';

const SIZE = 300;
const SEED = 2606;
const dir = process.argv[2] ?? '../shared/data/mathcoder';
const out = 'public/data/mathcoder';

type Line = { id: string; [key: string]: unknown };
const byModel = new Map<string, { verdict: 'correct' | 'wrong'; line: Line }[]>();
for (const { model } of MATHCODER_MODELS) {
  const folder = join(dir, model, 'GSM8K');
  const rows: { verdict: 'correct' | 'wrong'; line: Line }[] = [];
  for (const file of readdirSync(folder)) {
    const verdict = file.endsWith('-correct.jsonl')
      ? 'correct'
      : file.endsWith('-wrong.jsonl')
        ? 'wrong'
        : null;
    if (!verdict) continue;
    for (const raw of readFileSync(join(folder, file), 'utf8').split('\n'))
      if (raw.trim()) rows.push({ verdict, line: JSON.parse(raw) as Line });
  }
  byModel.set(model, rows);
}
const idSets = [...byModel.values()].map((rows) => new Set(rows.map((r) => r.line.id)));
const shared = [...(idSets[0] ?? [])].filter((id) => idSets.every((s) => s.has(id)));
shared.sort((a, b) => Number(a) - Number(b));
const random = seededRandom(SEED);
for (let i = shared.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [shared[i], shared[j]] = [shared[j] as string, shared[i] as string];
}
const chosen = new Set(shared.slice(0, SIZE));
mkdirSync(out, { recursive: true });
for (const { model, files } of MATHCODER_MODELS) {
  const rows = (byModel.get(model) ?? [])
    .filter((r) => chosen.has(r.line.id))
    .sort((a, b) => Number(a.line.id) - Number(b.line.id));
  for (const verdict of ['correct', 'wrong'] as const) {
    const lines = rows
      .filter((r) => r.verdict === verdict)
      .map(({ line }) => {
        const truth = line.ground_truth as { answer: string };
        const turns = (line.debug_result as { role: string; content: string }[]).filter(
          (t) => t.role !== 'system',
        );
        const kept: Record<string, unknown> = {
          id: line.id,
          ground_truth: { answer: truth.answer },
        };
        if ('model_answer' in line) kept.model_answer = line.model_answer;
        kept.debug_result = turns;
        return JSON.stringify(kept);
      });
    const file = files.find((f) => f.endsWith(`-${verdict}.jsonl`)) as string;
    writeFileSync(join(out, file), lines.join('\n') + '\n');
    console.log(`${file}: ${lines.length} lines`);
  }
}
