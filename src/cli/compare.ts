import { readFile, stat } from 'node:fs/promises';
import { analyseTranscript } from '../lib/analysis/analyse';
import { transcriptRow, type TranscriptRow } from '../lib/compare/row';
import { groupStats, splitByOutcome, type Group } from '../lib/compare/stats';
import { statsCsv, statsJson, statsTable } from '../lib/compare/table';
import { readTranscripts } from '../lib/transcript/import';
import { UsageError } from './usage';

export const COMPARE_USAGE = `loupe compare GROUP... [--by outcome] [--format json|csv]

Compares groups of transcripts (GROUP is FILE, or NAME=FILE[,FILE...] for several files as one
group; any format Loupe imports, MathCoder result lines included). Per group: transcripts,
accuracy, mean estimated tokens (all, correct, wrong), code blocks and interpreter errors per
transcript, crucial tokens per 1,000 tokens, and each behaviour's prevalence (share of
transcripts with at least one) and share of units, with 95% bootstrap intervals (1,000
resamples, seeded). A readable table by default; --format json writes one line per group:
  {group, n, correct, accuracy, tokens_mean, tokens_mean_correct, tokens_mean_wrong,
   code_blocks_mean, errors_mean, crucial_per_1k, prevalence: {label: share},
   unit_share: {label: share}, ci: {name: [low, high]}}
--format csv the same as a table. --by outcome splits each group into NAME/correct and NAME/wrong.`;

export async function compareCommand(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const specs: { name: string; files: string[] }[] = [];
  let format: 'table' | 'json' | 'csv' = 'table';
  let byOutcome = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--by') {
      const by = args[++i];
      if (by !== 'outcome') throw new UsageError(`--by takes "outcome", not ${by ?? 'nothing'}`);
      byOutcome = true;
    } else if (arg === '--format') {
      const value = args[++i];
      if (value !== 'json' && value !== 'csv' && value !== 'table')
        throw new UsageError(`--format takes json, csv or table, not ${value ?? 'nothing'}`);
      format = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else specs.push(parseGroup(arg));
  }
  if (!specs.length) throw new UsageError('give at least one GROUP (FILE or NAME=FILE[,FILE...])');
  let groups: Group[] = [];
  let skipped = 0;
  for (const spec of specs) {
    const rows: TranscriptRow[] = [];
    for (const file of spec.files) {
      if ((await stat(file)).isDirectory())
        throw new UsageError(`${file} is a directory, not a file`);
      const content = await readFile(file, 'utf8');
      let tagged = 0;
      for (const step of readTranscripts(content, file)) {
        if (step.error) {
          err.write(`${file}:${step.error.line}: skipped: ${step.error.message}\n`);
          skipped += 1;
          continue;
        }
        rows.push(transcriptRow(analyseTranscript(step.transcript)));
        if (++tagged % 500 === 0) err.write(`${file}: ${tagged} transcripts tagged\n`);
      }
      err.write(`${file}: ${tagged} transcripts tagged\n`);
    }
    groups.push({ name: spec.name, rows });
  }
  if (byOutcome) groups = splitByOutcome(groups);
  const stats = groups.map((g) => groupStats(g));
  if (format === 'json') for (const s of stats) out.write(`${JSON.stringify(statsJson(s))}\n`);
  else if (format === 'csv') out.write(statsCsv(stats));
  else out.write(statsTable(stats));
  if (skipped) err.write(`${skipped} malformed lines skipped.\n`);
  return 0;
}

function parseGroup(arg: string): { name: string; files: string[] } {
  const eq = arg.indexOf('=');
  if (eq === -1) return { name: arg, files: [arg] };
  const name = arg.slice(0, eq);
  const files = arg
    .slice(eq + 1)
    .split(',')
    .filter(Boolean);
  if (!name || !files.length)
    throw new UsageError(`a group is FILE or NAME=FILE[,FILE...], not ${arg}`);
  return { name, files };
}
