import { BEHAVIOURS } from '../tagger/labels';
import { FIGURES, SCALAR_FIGURES, type GroupStats } from './stats';

/** The command line's JSON line for a group: exactly the fields of its documented contract. */
export function statsJson(stats: GroupStats): Record<string, unknown> {
  const v = stats.values;
  const pick = (prefix: string) =>
    Object.fromEntries(BEHAVIOURS.map((b) => [b, round(v[`${prefix}.${b}`] ?? null)]));
  return {
    group: stats.group,
    n: stats.counts.n,
    correct: stats.counts.correct,
    ...Object.fromEntries(SCALAR_FIGURES.map((f) => [f, round(v[f] ?? null)])),
    prevalence: pick('prevalence'),
    unit_share: pick('unit_share'),
    ci: Object.fromEntries(
      FIGURES.map((f) => {
        const interval = stats.ci[f];
        return [f, interval ? [round(interval[0]), round(interval[1])] : null];
      }),
    ),
  };
}

/** The same figures as a CSV table: one row per group, each figure with its interval's bounds. */
export function statsCsv(list: readonly GroupStats[]): string {
  const names = FIGURES.map((f) => f.replace('.', '_'));
  const header = [
    'group',
    'n',
    'correct',
    'wrong',
    ...names.flatMap((f) => [f, `${f}_low`, `${f}_high`]),
  ];
  const lines = list.map((s) =>
    [
      csvField(s.group),
      s.counts.n,
      s.counts.correct,
      s.counts.wrong,
      ...FIGURES.flatMap((f) => {
        const interval = s.ci[f];
        return [
          cell(s.values[f] ?? null),
          cell(interval?.[0] ?? null),
          cell(interval?.[1] ?? null),
        ];
      }),
    ].join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

const LABELS: Record<string, string> = {
  accuracy: 'accuracy',
  tokens_mean: 'tokens, mean (est.)',
  tokens_mean_correct: 'tokens, correct (est.)',
  tokens_mean_wrong: 'tokens, wrong (est.)',
  code_blocks_mean: 'code blocks / transcript',
  errors_mean: 'interpreter errors / transcript',
  crucial_per_1k: 'crucial tokens / 1k tokens',
};

/** A figure's name for people: `prevalence.verification` is "verification, prevalence". */
export function figureLabel(figure: string): string {
  const [kind, behaviour] = figure.split('.');
  if (behaviour)
    return `${behaviour.replace('_', ' ')}, ${kind === 'prevalence' ? 'prevalence' : 'share of units'}`;
  return LABELS[figure] ?? figure;
}

/** Whether a figure is a share (shown as a percentage) rather than a mean or a rate. */
export function isShare(figure: string): boolean {
  return figure === 'accuracy' || figure.includes('.');
}

/** A figure with its interval, for people: `64.4% [61.8–67.0]`, `312 [305–320]`. */
export function formatFigure(stats: GroupStats, figure: string): string {
  const value = stats.values[figure] ?? null;
  if (value === null) return '–';
  const interval = stats.ci[figure];
  const share = isShare(figure);
  const fmt = (x: number) => (share ? (100 * x).toFixed(1) : x < 10 ? x.toFixed(2) : x.toFixed(0));
  const body = `${fmt(value)}${share ? '%' : ''}`;
  return interval ? `${body} [${fmt(interval[0])}–${fmt(interval[1])}]` : body;
}

/** A readable table: one row per figure, one column per group, 95% intervals in brackets. */
export function statsTable(list: readonly GroupStats[]): string {
  const rows: string[][] = [
    ['', ...list.map((s) => s.group)],
    ['transcripts', ...list.map((s) => String(s.counts.n))],
    ['correct / wrong', ...list.map((s) => `${s.counts.correct} / ${s.counts.wrong}`)],
    ...FIGURES.map((f) => [figureLabel(f), ...list.map((s) => formatFigure(s, f))]),
  ];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    r
      .map((cellText, c) =>
        c === 0 ? cellText.padEnd(widths[c] ?? 0) : cellText.padStart(widths[c] ?? 0),
      )
      .join('  ');
  return [
    line(rows[0] as string[]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    '',
    'Tokens are estimates (words and symbols, interpreter outputs included). Brackets: 95% bootstrap intervals.',
    '',
  ].join('\n');
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

function cell(value: number | null): string {
  return value === null ? '' : String(round(value));
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
